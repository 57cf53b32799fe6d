package dev.budmon.calc;

/** How a figure stands against its thresholds. {@code NONE} means the figure is unknown. */
public enum Level {
    NONE, OK, WARN, ALARM;

    /** The more severe of the two; an unknown figure never hides a known one. */
    public Level worst(Level other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}

package dev.budmon.calc;

/** The one word the window's header and the status line lead with. */
public enum OverallStatus {
    /** No source has given any data yet. */
    WAIT,
    OK,
    WARN,
    ALARM;

    static OverallStatus of(Level level) {
        return switch (level) {
            case ALARM -> ALARM;
            case WARN -> WARN;
            case OK, NONE -> OK;
        };
    }
}

package dev.budmon.calc;

/** The one word the window's header and the status line lead with. */
public enum OverallStatus {
    /** No source has given any data yet. */
    WAIT,
    /**
     * Transcripts (tokens, costs) are there, but no source has given quota figures: neither BudMon's
     * interceptor nor the status line has recorded any, so how much of the quota is used is unknown.
     */
    NO_QUOTA,
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

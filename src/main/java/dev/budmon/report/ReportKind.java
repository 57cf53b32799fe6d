package dev.budmon.report;

import java.util.Locale;

/** What the rows of a report are. */
public enum ReportKind {
    /** One row per calendar day. */
    DAILY,
    /** One row per week, named by its first day. */
    WEEKLY,
    /** One row per calendar month. */
    MONTHLY,
    /** One row per project: the working directory its sessions ran in. */
    PROJECTS,
    /** One row per Claude Code session (its subagents included). */
    SESSIONS,
    /** One row per model. */
    MODELS;

    /** The word on the command line and in the JSON: {@code daily}, {@code weekly}, … */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind named by its word.
     *
     * @return the kind, or {@code null} when no kind has that word
     */
    public static ReportKind of(String word) {
        for (ReportKind k : values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        return null;
    }

    /** Whether the rows are spans of time (days, weeks, months). */
    public boolean isTime() {
        return this == DAILY || this == WEEKLY || this == MONTHLY;
    }
}

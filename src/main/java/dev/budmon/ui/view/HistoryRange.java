package dev.budmon.ui.view;

import java.time.Duration;

/** The spans the quota history window shows, each in columns about as wide as a pixel or two. */
public enum HistoryRange {
    /** The last 24 hours in 5-minute columns. */
    DAY(Duration.ofHours(24), 288),
    /** The last 7 days in half hours. */
    WEEK(Duration.ofDays(7), 336),
    /** The last 30 days in 2-hour columns. */
    MONTH(Duration.ofDays(30), 360);

    private final Duration span;
    private final int columns;

    HistoryRange(Duration span, int columns) {
        this.span = span;
        this.columns = columns;
    }

    public Duration span() {
        return span;
    }

    public int columns() {
        return columns;
    }

    /** The key of its name in the language files: {@code history.range.<key>}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.budmon.history;

import java.time.Duration;
import java.time.Instant;

/**
 * The last day of the two main windows for the dashboard's trail. Pure; any thread.
 *
 * @param fiveHour the 5-hour window's trail
 * @param sevenDay the 7-day window's trail
 */
public record DayTrails(Trail fiveHour, Trail sevenDay) {

    /** The span shown. */
    public static final Duration SPAN = Duration.ofHours(24);
    /** Quarter hours: about a pixel each at the trail's width. */
    public static final int COLUMNS = 96;

    /** The trails of the day before {@code now}. */
    public static DayTrails of(QuotaHistory history, Instant now) {
        Instant from = now.minus(SPAN);
        return new DayTrails(Trail.of(history, "5h", from, now, COLUMNS), Trail.of(history, "7d", from, now, COLUMNS));
    }
}

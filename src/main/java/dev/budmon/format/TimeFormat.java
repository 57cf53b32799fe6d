package dev.budmon.format;

import dev.budmon.i18n.Messages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Points in time as text: local clock time for the short windows, weekday and date for the long ones,
 * with a countdown. Pure: the caller passes the zone and {@code now}. 24-hour clock in both languages; the
 * date in the language's own order from its file ({@code date.weekday_date}: English {@code Tue Dec 8},
 * German {@code Di 08.12.}), weekday and month names from the files too. {@code null} instants give
 * {@link Unknown#FIGURE}. Any thread.
 */
public final class TimeFormat {

    private static final Duration ONE_DAY = Duration.ofDays(1);

    private TimeFormat() {
    }

    /** Local clock time, {@code 13:00}. */
    public static String time(Instant at, ZoneId zone) {
        if (at == null) {
            return Unknown.FIGURE;
        }
        ZonedDateTime t = at.atZone(zone);
        return twoDigits(twoDigits(new StringBuilder(5), t.getHour()).append(':'), t.getMinute()).toString();
    }

    /** Local clock time with seconds, {@code 13:00:05}. */
    public static String timeSeconds(Instant at, ZoneId zone) {
        if (at == null) {
            return Unknown.FIGURE;
        }
        ZonedDateTime t = at.atZone(zone);
        StringBuilder b = new StringBuilder(8);
        twoDigits(b, t.getHour()).append(':');
        twoDigits(b, t.getMinute()).append(':');
        return twoDigits(b, t.getSecond()).toString();
    }

    /** Weekday, date and time, {@code Fri Apr 4 13:00}; German {@code Fr 04.04. 13:00}. */
    public static String weekdayDateTime(Instant at, ZoneId zone, Messages m) {
        if (at == null) {
            return Unknown.FIGURE;
        }
        ZonedDateTime t = at.atZone(zone);
        StringBuilder b = new StringBuilder(24).append(weekdayDate(t, m)).append(' ');
        twoDigits(b, t.getHour()).append(':');
        return twoDigits(b, t.getMinute()).toString();
    }

    /**
     * Weekday and time, {@code Wed 02:23} (German {@code Mi 02:23}), for a point less than a week ahead where
     * the date would make a line too long; else {@link #weekdayDateTime}.
     */
    public static String weekdayTime(Instant at, Instant now, ZoneId zone, Messages m) {
        if (at == null) {
            return Unknown.FIGURE;
        }
        if (Duration.between(now, at).abs().compareTo(Duration.ofDays(6)) >= 0) {
            return weekdayDateTime(at, zone, m);
        }
        ZonedDateTime t = at.atZone(zone);
        StringBuilder b = new StringBuilder(12)
                .append(m.get("weekday." + t.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT)))
                .append(' ');
        twoDigits(b, t.getHour()).append(':');
        return twoDigits(b, t.getMinute()).toString();
    }

    /** Weekday, date and time with seconds, {@code Fri Apr 4 13:00:05}; German {@code Fr 04.04. 13:00:05}. */
    public static String weekdayDateTimeSeconds(Instant at, ZoneId zone, Messages m) {
        if (at == null) {
            return Unknown.FIGURE;
        }
        ZonedDateTime t = at.atZone(zone);
        StringBuilder b = new StringBuilder(weekdayDateTime(at, zone, m)).append(':');
        return twoDigits(b, t.getSecond()).toString();
    }

    /**
     * Weekday and date in the language's order, {@code Fri Apr 4}; German {@code Fr 04.04.}. The order is the
     * language file's {@code date.pattern}: {@code EEE} the weekday's name, {@code MMM} the month's, {@code MM}
     * the month and {@code dd} the day in two digits, {@code d} the day as it is; anything else as written.
     * Read by hand, not with {@code DateTimeFormatter}, whose parsing the one-second clock would pay again.
     */
    public static String weekdayDate(ZonedDateTime t, Messages m) {
        String pattern = m.get("date.pattern");
        StringBuilder b = new StringBuilder(pattern.length() + 8);
        int i = 0;
        while (i < pattern.length()) {
            if (pattern.startsWith("EEE", i)) {
                b.append(m.get("weekday." + t.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT)));
                i += 3;
            } else if (pattern.startsWith("MMM", i)) {
                b.append(m.get("month." + t.getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT)));
                i += 3;
            } else if (pattern.startsWith("MM", i)) {
                twoDigits(b, t.getMonthValue());
                i += 2;
            } else if (pattern.startsWith("dd", i)) {
                twoDigits(b, t.getDayOfMonth());
                i += 2;
            } else if (pattern.charAt(i) == 'd') {
                b.append(t.getDayOfMonth());
                i++;
            } else {
                b.append(pattern.charAt(i++));
            }
        }
        return b.toString();
    }

    /**
     * A moment ahead in the fewest words that cannot be misread: the clock time alone when it falls on today's
     * date ({@code 13:00}), else with its weekday ({@code Fri 01:00}), and with its date six days or more away.
     * A clock time alone of tomorrow reads as one of today, perhaps already past.
     */
    public static String near(Instant at, Instant now, ZoneId zone, Messages m) {
        if (at == null) {
            return Unknown.FIGURE;
        }
        return sameDay(at, now, zone) ? time(at, zone) : weekdayTime(at, now, zone, m);
    }

    /** Whether the two moments fall on one date in {@code zone}. */
    public static boolean sameDay(Instant a, Instant b, ZoneId zone) {
        return a.atZone(zone).toLocalDate().equals(b.atZone(zone).toLocalDate());
    }

    /**
     * The form that suits a window: clock time for windows up to a day ({@code 13:00}), weekday and date for
     * longer ones ({@code Fri 04.04. 13:00}). For a window of unknown length, clock time when the point lies
     * less than a day from {@code now}, else weekday and date.
     */
    public static String forWindow(Instant at, Duration windowLength, Instant now, ZoneId zone, Messages m) {
        if (at == null) {
            return Unknown.FIGURE;
        }
        boolean shortForm = windowLength != null
                ? windowLength.compareTo(ONE_DAY) <= 0
                : Duration.between(now, at).abs().compareTo(ONE_DAY) < 0;
        return shortForm ? time(at, zone) : weekdayDateTime(at, zone, m);
    }

    /**
     * {@link #forWindow} with the time left: {@code 13:00 (1 h 14 min)}, {@code Fri 04.04. 13:00 (3 d 12 h)};
     * the countdown rounds up, so it shows at least {@code 1 min} while any time is left. A point that is not
     * after {@code now} is {@code 13:00 (passed)}.
     */
    public static String withCountdown(Instant at, Duration windowLength, Instant now, ZoneId zone, Messages m) {
        if (at == null) {
            return Unknown.FIGURE;
        }
        String point = forWindow(at, windowLength, now, zone, m);
        if (!at.isAfter(now)) {
            return m.get("countdown.passed", point);
        }
        return m.get("countdown.with_time", point, DurationFormat.words(Duration.between(now, at), m));
    }

    /**
     * Appends {@code value} (0 or more) with at least two digits. By hand rather than with
     * {@code String.format}, whose parsing of the pattern the window's one-second clock would pay for
     * every second, mostly in the interpreter.
     */
    static StringBuilder twoDigits(StringBuilder b, long value) {
        if (value < 10) {
            b.append('0');
        }
        return b.append(value);
    }
}

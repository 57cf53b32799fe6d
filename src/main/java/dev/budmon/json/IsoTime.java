package dev.budmon.json;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * ISO-8601 times, the form of every time in the JSON that Claude Code and BudMon write
 * ({@code 2026-11-26T10:00:00Z}, {@code 2026-11-26T10:00:00.123Z}, {@code 2026-11-30T10:00:00+01:00}), read and
 * written by hand: {@link Instant#parse} costs a microsecond and much garbage per call, which a scan of
 * hundreds of thousands of transcript lines pays, and it builds the JDK's formatters on first use, which every
 * status-line start pays. Other forms still go to the JDK. Pure; any thread.
 */
public final class IsoTime {

    /** Returned by {@link #parseMillis} for text that is no time. */
    public static final long INVALID = Long.MIN_VALUE;

    private IsoTime() {
    }

    /** The time, or {@code null} when the text is no ISO-8601 time with a zone. */
    public static Instant parse(String s) {
        long[] secondsAndNanos = parseFast(s, 0, s.length());
        if (secondsAndNanos != null) {
            return Instant.ofEpochSecond(secondsAndNanos[0], secondsAndNanos[1]);
        }
        return parseByJdk(s);
    }

    /** Epoch milliseconds of {@code c[off, off + len)}, or {@link #INVALID}. */
    public static long parseMillis(char[] c, int off, int len) {
        long[] secondsAndNanos = parseFast(new CharArray(c, off, len), 0, len);
        if (secondsAndNanos != null) {
            return secondsAndNanos[0] * 1000 + secondsAndNanos[1] / 1_000_000;
        }
        Instant slow = parseByJdk(new String(c, off, len));
        return slow == null ? INVALID : slow.toEpochMilli();
    }

    private static Instant parseByJdk(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±hh:mm)} as epoch seconds and nanoseconds; {@code null} for anything
     * else, an impossible date ({@code 2026-02-30}) included.
     */
    static long[] parseFast(CharSequence s, int off, int n) {
        if (n < 20 || s.charAt(off + 4) != '-' || s.charAt(off + 7) != '-'
                || (s.charAt(off + 10) != 'T' && s.charAt(off + 10) != 't')
                || s.charAt(off + 13) != ':' || s.charAt(off + 16) != ':') {
            return null;
        }
        int year = digits(s, off, off + 4);
        int month = digits(s, off + 5, off + 7);
        int day = digits(s, off + 8, off + 10);
        int hour = digits(s, off + 11, off + 13);
        int minute = digits(s, off + 14, off + 16);
        int second = digits(s, off + 17, off + 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int end = off + n;
        int i = off + 19;
        long nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 9) {
                return null;
            }
            nanos = digits(s, start, i);
            for (int k = len; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == end - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            offsetSeconds = 0;
        } else if (i == end - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, i + 3);
            int om = digits(s, i + 4, i + 6);
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long days = daysFromCivil(year, month, day);
        return new long[] {((days * 24 + hour) * 60 + minute) * 60 + second - offsetSeconds, nanos};
    }

    /** As {@link Instant#toString}: {@code 2026-11-26T10:00:00Z}, fractions in groups of three digits. */
    public static String format(Instant t) {
        long days = Math.floorDiv(t.getEpochSecond(), 86_400);
        long secondOfDay = Math.floorMod(t.getEpochSecond(), 86_400);
        long[] ymd = civilFromDays(days);
        if (ymd[0] < 0 || ymd[0] > 9999) {
            return t.toString();
        }
        StringBuilder sb = new StringBuilder(30);
        pad(sb, ymd[0], 4).append('-');
        pad(sb, ymd[1], 2).append('-');
        pad(sb, ymd[2], 2).append('T');
        pad(sb, secondOfDay / 3600, 2).append(':');
        pad(sb, secondOfDay / 60 % 60, 2).append(':');
        pad(sb, secondOfDay % 60, 2);
        int nanos = t.getNano();
        if (nanos > 0) {
            sb.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(sb, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                pad(sb, nanos / 1000, 6);
            } else {
                pad(sb, nanos, 9);
            }
        }
        return sb.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        String s = Long.toString(v);
        for (int k = s.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    /** The decimal number in {@code [from, to)}, or -1 when a character is no ASCII digit. */
    private static int digits(CharSequence s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Epoch milliseconds of a UTC date and time given by its fields, or {@link #INVALID} when they name none
     * ({@code 2026-02-30}, hour 24), for readers that take the fields apart themselves.
     */
    public static long utcMillis(int year, int month, int day, int hour, int minute, int second, int milli) {
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0 || milli > 999) {
            return INVALID;
        }
        return (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000 + milli;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** Year, month and day of a day since 1970-01-01 (the inverse of {@link #daysFromCivil}). */
    private static long[] civilFromDays(long z) {
        z += 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return new long[] {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
    }

    /** A {@code char[]} slice as a {@link CharSequence}, without copying. */
    private record CharArray(char[] c, int off, int len) implements CharSequence {
        @Override
        public int length() {
            return len;
        }

        @Override
        public char charAt(int index) {
            return c[off + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(c, off + start, end - start);
        }

        @Override
        public String toString() {
            return new String(c, off, len);
        }
    }
}

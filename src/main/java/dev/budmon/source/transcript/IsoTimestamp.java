package dev.budmon.source.transcript;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Parses the ISO-8601 timestamps of transcript lines to epoch milliseconds.
 *
 * <p>Claude Code writes {@code 2025-10-01T12:00:00.123Z} (JavaScript's {@code toISOString()}); that form
 * is parsed by hand because {@link java.time.Instant#parse} costs about a microsecond and a lot of
 * garbage per line, which matters on a scan of hundreds of thousands of lines. Any other ISO form (an
 * offset instead of {@code Z}, no fraction) falls back to {@link OffsetDateTime}.
 */
final class IsoTimestamp {

    /** Returned for text that is not a timestamp. */
    static final long INVALID = Long.MIN_VALUE;

    private IsoTimestamp() {
    }

    /** Epoch milliseconds of {@code text}, or {@link #INVALID}. */
    static long parse(char[] c, int off, int len) {
        long fast = parseUtc(c, off, len);
        if (fast != INVALID) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(new String(c, off, len), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return INVALID;
        }
    }

    /** {@code YYYY-MM-DDTHH:MM:SS[.fff…]Z} only; {@link #INVALID} for anything else. */
    private static long parseUtc(char[] c, int off, int len) {
        if (len < 20 || c[off + len - 1] != 'Z' || c[off + 4] != '-' || c[off + 7] != '-'
                || c[off + 10] != 'T' || c[off + 13] != ':' || c[off + 16] != ':') {
            return INVALID;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int millis = 0;
        int end = off + len - 1;
        int i = off + 19;
        if (i < end) {
            if (c[i] != '.' || i + 1 == end) {
                return INVALID;
            }
            int scale = 100;
            for (i++; i < end; i++) {
                int d = c[i] - '0';
                if (d < 0 || d > 9) {
                    return INVALID;
                }
                millis += d * scale;
                scale /= 10;
            }
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    private static int digits(char[] c, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = c[off + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
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
}

package dev.budmon.format;

import java.time.Duration;

/**
 * The short forms the status line uses: {@code 2h14m}, {@code 3d12h}, {@code +1h12m}, {@code 125k},
 * {@code $1.42}, {@code 42%}, {@code 18%/h}. Pure; any thread.
 *
 * <p>Written by hand instead of with {@link String#format}: the formatter pulls in regular expressions and
 * locale data, which costs start-up time on every status-line call.
 */
public final class CompactFormat {

    private CompactFormat() {
    }

    /**
     * A span as its two largest units, cut (not rounded) to whole minutes: {@code 3d12h}, {@code 2h14m},
     * {@code 14m}, and {@code <1m} below a minute. A negative span is shown as its amount.
     */
    public static String duration(Duration d) {
        long minutes = Math.abs(d.getSeconds()) / 60;
        if (minutes == 0) {
            return "<1m";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + "d" + hours + "h";
        }
        if (hours > 0) {
            return hours + "h" + mins + "m";
        }
        return mins + "m";
    }

    /** A span with its sign, as reserves are shown: {@code +1h12m}, {@code -35m}, {@code +<1m}. */
    public static String signedDuration(Duration d) {
        return (d.isNegative() ? "-" : "+") + duration(d);
    }

    /**
     * A token count: {@code 950}, {@code 4.2k}, {@code 125k}, {@code 1.2M}, {@code 35M}, {@code 1.5G}.
     * Negative counts are shown as 0.
     */
    public static String tokens(long n) {
        if (n < 1000) {
            return Long.toString(Math.max(0, n));
        }
        String[] units = {"k", "M", "G"};
        double v = n / 1000.0;
        int u = 0;
        // A value that rounds up to 1000 of a unit is shown in the next one: 999.6k is 1.0M.
        while (u < units.length - 1 && Math.round(v) >= 1000) {
            v /= 1000;
            u++;
        }
        return (v < 9.95 ? oneDecimal(v) : Long.toString(Math.round(v))) + units[u];
    }

    /** Dollars: {@code $1.42}, {@code $0.07}; whole dollars from $1000 on ({@code $1234}). */
    public static String dollars(double usd) {
        double v = Math.max(0, usd);
        if (v >= 999.995) {
            return "$" + Math.round(v);
        }
        long cents = Math.round(v * 100);
        long rest = cents % 100;
        return "$" + cents / 100 + "." + (rest < 10 ? "0" : "") + rest;
    }

    /** A whole number with a comma between groups of three digits: {@code 4,738,157,704}. */
    public static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            b.append('-');
        }
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    /**
     * Dollars with cents and grouped digits, as a report shows them: {@code $1,750.13}, {@code $0.07}; an
     * amount below half a cent but above zero is {@code <$0.01}. Negative amounts are shown as 0.
     */
    public static String dollarsWithCents(double usd) {
        long cents = Math.round(Math.max(0, usd) * 100);
        if (cents == 0 && usd > 0) {
            return "<$0.01";
        }
        long rest = cents % 100;
        return "$" + grouped(cents / 100) + "." + (rest < 10 ? "0" : "") + rest;
    }

    /** A percentage, rounded to a whole number: {@code 42%}. */
    public static String percent(double p) {
        return Math.round(p) + "%";
    }

    /** A rate: one decimal below ten ({@code 2.5}), whole above ({@code 18}). */
    public static String rate(double r) {
        double v = Math.max(0, r);
        return v < 9.95 ? oneDecimal(v) : Long.toString(Math.round(v));
    }

    private static String oneDecimal(double v) {
        long tenths = Math.round(v * 10);
        return tenths / 10 + "." + tenths % 10;
    }
}

package dev.budmon.format;

import dev.budmon.i18n.Messages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token counts, dollars, percentages and burn rates as text. Pure; the locale decides the decimal and
 * grouping separators ({@code de}: {@code 1,2M}, {@code 125.000}, {@code 1,42 $}, {@code 42 %}). Rounding is
 * half up on the decimal value as written ({@code 1.005} gives {@code 1.01}). {@code null}, NaN and infinite
 * values give {@link Unknown#FIGURE}. Any thread.
 */
public final class AmountFormat {

    private static final String[] TOKEN_UNITS = {"k", "M", "B", "T"};
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final Duration ONE_DAY = Duration.ofDays(1);
    /** The prototypes of {@link #decimal} by locale, scale and grouping: the few combinations in use. */
    private static final Map<String, DecimalFormat> FORMATS = new ConcurrentHashMap<>();

    private AmountFormat() {
    }

    /**
     * A token count in at most four characters plus unit: {@code 999}, {@code 1.2k}, {@code 125k},
     * {@code 1.0M}, {@code 1.2M}, {@code 340M}, {@code 2.1B}: one decimal below 10 of a unit, none from 10;
     * a value that rounds to 1000 of a unit moves to the next ({@code 999,950} is {@code 1.0M}).
     */
    public static String tokensCompact(Long tokens, Locale locale) {
        if (tokens == null) {
            return Unknown.FIGURE;
        }
        long n = tokens;
        String sign = n < 0 ? "-" : "";
        BigDecimal value = new BigDecimal(n).abs();
        if (value.compareTo(THOUSAND) < 0) {
            return sign + value.toPlainString();
        }
        for (int unit = 0; ; unit++) {
            value = value.divide(THOUSAND);
            BigDecimal rounded = value.setScale(value.compareTo(TEN) < 0 ? 1 : 0, RoundingMode.HALF_UP);
            if (rounded.compareTo(TEN) >= 0) {
                rounded = value.setScale(0, RoundingMode.HALF_UP); // 9.96k is 10k, not 10.0k
            }
            if (rounded.compareTo(THOUSAND) < 0 || unit == TOKEN_UNITS.length - 1) {
                return sign + decimal(rounded, rounded.scale(), false, locale) + TOKEN_UNITS[unit];
            }
        }
    }

    /** A token count in full with the locale's grouping: {@code 125,000}, German {@code 125.000}. */
    public static String tokensFull(Long tokens, Locale locale) {
        return tokens == null ? Unknown.FIGURE : NumberFormat.getIntegerInstance(locale).format(tokens);
    }

    /**
     * US dollars: two decimals ({@code $1.42}, {@code $1,234.50}); an amount that would show as
     * {@code $0.00} but is not zero gets four ({@code $0.0042}), and below that {@code <$0.0001}. German
     * puts the sign after: {@code 1,42 $}.
     */
    public static String dollars(Double amount, Locale locale) {
        if (!known(amount)) {
            return Unknown.FIGURE;
        }
        BigDecimal value = BigDecimal.valueOf(amount);
        String sign = value.signum() < 0 ? "-" : "";
        value = value.abs();
        int scale = 2;
        if (value.signum() != 0 && value.setScale(2, RoundingMode.HALF_UP).signum() == 0) {
            scale = 4;
            if (value.setScale(4, RoundingMode.HALF_UP).signum() == 0) {
                return "<" + withDollarSign(decimal(new BigDecimal("0.0001"), 4, true, locale), locale);
            }
        }
        return sign + withDollarSign(decimal(value.setScale(scale, RoundingMode.HALF_UP), scale, true, locale), locale);
    }

    /** Whole US dollars with the locale's grouping, for a chart's scale: {@code $1,500}, German {@code 1.500 $}. */
    public static String wholeDollars(double amount, Locale locale) {
        return withDollarSign(NumberFormat.getIntegerInstance(locale).format(Math.round(amount)), locale);
    }

    /**
     * A percentage as a whole number, {@code 42%} (German {@code 42 %}); values over 100 as they are
     * ({@code 104%}). Rounded to the nearest, except that a value above 0 never shows as 0 and a value below
     * 100 never as 100: 0 means nothing used, 100 means used up.
     */
    public static String percent(Double percent, Locale locale) {
        if (!known(percent)) {
            return Unknown.FIGURE;
        }
        double p = percent;
        long r = BigDecimal.valueOf(p).setScale(0, RoundingMode.HALF_UP).longValue();
        if (p > 0 && p < 1) {
            r = 1;
        } else if (p > 99 && p < 100) {
            r = 99;
        }
        return r + percentSign(locale);
    }

    /**
     * A share of a quota window in percentage points with one decimal, {@code 0.8%} (German {@code 0,8 %});
     * a share above 0 that would show as 0.0 is {@code <0.1%}.
     */
    public static String percentPoints(Double points, Locale locale) {
        if (!known(points)) {
            return Unknown.FIGURE;
        }
        BigDecimal p = BigDecimal.valueOf(points).setScale(1, RoundingMode.HALF_UP);
        if (points > 0 && p.signum() == 0) {
            return "<" + decimal(new BigDecimal("0.1"), 1, false, locale) + percentSign(locale);
        }
        return decimal(p, 1, false, locale) + percentSign(locale);
    }

    /**
     * A number as a person writes it, without grouping and without trailing zeros, in the locale's decimal
     * sign: {@code 15}, {@code 0.5}, German {@code 3,75}. For thresholds and prices in tooltips.
     */
    public static String plain(double value, Locale locale) {
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        int scale = Math.max(0, d.scale());
        return decimal(d.setScale(scale, RoundingMode.HALF_UP), scale, false, locale);
    }

    /** A ratio 0..1 as a percentage by {@link #percent}: 0.72 is {@code 72%}. */
    public static String ratioAsPercent(Double ratio, Locale locale) {
        return known(ratio) ? percent(ratio * 100, locale) : Unknown.FIGURE;
    }

    /**
     * A burn rate as the dashboard shows it: per hour with one decimal for windows up to a day
     * ({@code 18.0 %/h}), per day for longer ones ({@code 42 %/d}, one decimal below 10: {@code 4.2 %/d}).
     * A window of unknown length counts as short.
     *
     * @param percentPerHour percent of the window used per hour
     */
    public static String burnRate(Double percentPerHour, Duration windowLength, Messages m) {
        if (!known(percentPerHour)) {
            return Unknown.FIGURE;
        }
        if (perDay(windowLength)) {
            BigDecimal perDay = BigDecimal.valueOf(percentPerHour * 24);
            int scale = belowTen(perDay) ? 1 : 0;
            return decimal(perDay.setScale(scale, RoundingMode.HALF_UP), scale, false, m.locale())
                    + " " + m.get("unit.per_day");
        }
        BigDecimal perHour = BigDecimal.valueOf(percentPerHour).setScale(1, RoundingMode.HALF_UP);
        return decimal(perHour, 1, false, m.locale()) + " " + m.get("unit.per_hour");
    }

    /** Whether the rate still shows below 10 with one decimal (9.96 shows as 10, so it gets none). */
    private static boolean belowTen(BigDecimal rate) {
        return rate.abs().setScale(1, RoundingMode.HALF_UP).compareTo(TEN) < 0;
    }

    private static boolean perDay(Duration windowLength) {
        return windowLength != null && windowLength.compareTo(ONE_DAY) > 0;
    }

    private static boolean known(Double d) {
        return d != null && Double.isFinite(d);
    }

    private static String percentSign(Locale locale) {
        return "de".equals(locale.getLanguage()) ? " %" : "%";
    }

    private static String withDollarSign(String number, Locale locale) {
        return "de".equals(locale.getLanguage()) ? number + " $" : "$" + number;
    }

    /** A decimal number with exactly {@code scale} decimals in the locale's symbols. */
    private static String decimal(BigDecimal value, int scale, boolean grouping, Locale locale) {
        // A copy of a prototype made once per form: a new DecimalFormat looks up the locale's symbols and
        // parses its pattern, which the window's one-second clock would otherwise pay for every second.
        // A string key, not a record: a record's hashCode and equals are linked through method handles at
        // their first call, which costs the window's start several milliseconds.
        String key = locale.toLanguageTag() + (grouping ? ",g," : ",") + scale;
        DecimalFormat prototype = FORMATS.computeIfAbsent(key, k -> {
            DecimalFormat f = new DecimalFormat(grouping ? "#,##0" : "0", DecimalFormatSymbols.getInstance(locale));
            f.setMinimumFractionDigits(scale);
            f.setMaximumFractionDigits(scale);
            f.setRoundingMode(RoundingMode.HALF_UP);
            return f;
        });
        // DecimalFormat is not thread-safe: each call formats with its own copy
        return ((DecimalFormat) prototype.clone()).format(value);
    }
}

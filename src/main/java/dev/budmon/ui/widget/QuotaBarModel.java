package dev.budmon.ui.widget;

import dev.budmon.ui.theme.Tone;

import java.util.Objects;

/**
 * What a {@link QuotaBar} shows.
 *
 * @param percent      utilization in percent; may exceed 100 (the bar is then full); {@code NaN} when unknown
 *                     (empty bar)
 * @param warnPercent  where the warn marker sits, in percent; {@code NaN} for no marker
 * @param alarmPercent where the alarm marker sits, in percent; {@code NaN} for no marker
 * @param tone         colour of the fill and the text: OK, WARN, ALARM by level, DIM for a reset or unknown
 *                     window
 * @param text         the formatted figure at the right, e.g. {@code 42 %}, {@code 112 %} or {@code --}
 */
public record QuotaBarModel(double percent, double warnPercent, double alarmPercent, Tone tone, String text) {

    /** An unknown figure: empty bar, dim {@code --}. */
    public static final QuotaBarModel UNKNOWN = new QuotaBarModel(Double.NaN, Double.NaN, Double.NaN, Tone.DIM, "--");

    public QuotaBarModel {
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(text, "text");
    }

    /** The filled fraction of the bar, 0 to 1 (0 when unknown, 1 above 100 %). */
    public double fillFraction() {
        if (Double.isNaN(percent) || percent <= 0) {
            return 0;
        }
        return Math.min(1, percent / 100);
    }
}

package dev.budmon.ui.widget;

import dev.budmon.ui.theme.Tone;

import java.util.Objects;

/**
 * What a {@link CountdownRing} shows.
 *
 * @param fractionLeft the fraction of the window's time left until the event, 0 to 1 (clamped when painted);
 *                     {@code NaN} when unknown (only the track is drawn)
 * @param timeText     the formatted time left, e.g. {@code 1:23:45}, or {@code --}
 * @param label        the translated event name under the time, e.g. {@code RESET} or {@code EXPIRY}
 * @param tone         colour of the arc and the label: OK for a reset, WARN or ALARM for an expiry, ALARM while
 *                     the limit is reached, DIM for old figures
 * @param detail       a second, smaller line under the label, e.g. {@code until 14:00}; empty for none
 */
public record RingModel(double fractionLeft, String timeText, String label, Tone tone, String detail) {

    /** Nothing known yet. */
    public static final RingModel UNKNOWN = new RingModel(Double.NaN, "--", "", Tone.DIM);

    public RingModel {
        Objects.requireNonNull(timeText, "timeText");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(detail, "detail");
    }

    /** A ring without a detail line. */
    public RingModel(double fractionLeft, String timeText, String label, Tone tone) {
        this(fractionLeft, timeText, label, tone, "");
    }

    /** The fraction the arc covers, 0 to 1 (0 when unknown). */
    public double arcFraction() {
        if (Double.isNaN(fractionLeft)) {
            return 0;
        }
        return Math.max(0, Math.min(1, fractionLeft));
    }
}

package dev.budmon.ui.widget;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a {@link QuotaTrail} shows: the 5-hour and the 7-day window's utilization over the last day in equal
 * columns, oldest first, and the columns in which each began a new period. Arrays are copied in and out and
 * compared by content.
 *
 * @param fiveHour       fraction used per column (0 to 1, more is drawn at the top); {@code NaN} where unknown
 * @param fiveHourResets columns in which the 5-hour window started anew
 * @param sevenDay       the same for the 7-day window
 * @param sevenDayResets columns in which the 7-day window started anew
 */
public record TrailModel(double[] fiveHour, boolean[] fiveHourResets, double[] sevenDay, boolean[] sevenDayResets) {

    /** Nothing known: only the track is drawn. */
    public static final TrailModel EMPTY = new TrailModel(new double[0], new boolean[0], new double[0], new boolean[0]);

    public TrailModel {
        fiveHour = fiveHour.clone();
        fiveHourResets = fiveHourResets.clone();
        sevenDay = sevenDay.clone();
        sevenDayResets = sevenDayResets.clone();
        if (fiveHour.length != fiveHourResets.length || sevenDay.length != sevenDayResets.length) {
            throw new IllegalArgumentException("one reset mark per column");
        }
    }

    @Override
    public double[] fiveHour() {
        return fiveHour.clone();
    }

    @Override
    public boolean[] fiveHourResets() {
        return fiveHourResets.clone();
    }

    @Override
    public double[] sevenDay() {
        return sevenDay.clone();
    }

    @Override
    public boolean[] sevenDayResets() {
        return sevenDayResets.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrailModel t && Arrays.equals(t.fiveHour, fiveHour)
                && Arrays.equals(t.fiveHourResets, fiveHourResets) && Arrays.equals(t.sevenDay, sevenDay)
                && Arrays.equals(t.sevenDayResets, sevenDayResets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(fiveHour), Arrays.hashCode(fiveHourResets), Arrays.hashCode(sevenDay),
                Arrays.hashCode(sevenDayResets));
    }

    @Override
    public String toString() {
        return "TrailModel[" + fiveHour.length + " and " + sevenDay.length + " columns]";
    }
}

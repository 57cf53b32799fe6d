package dev.budmon.ui.widget;

import dev.budmon.ui.theme.Tone;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a {@link CacheSparkline} shows. The array is copied in and out, so the record stays immutable, and
 * equality compares contents (a record would otherwise compare the array's identity and repaint every time).
 *
 * @param ratios     the most recent ratios, oldest first, each 0 to 1; {@code NaN} entries are gaps
 * @param capacity   how many points the width is laid out for (e.g. 60): fewer points sit right-aligned at
 *                   the same spacing, so the newest point is always at the right edge
 * @param guideRatio where the dashed guide line runs, e.g. 0.5; {@code NaN} for none
 * @param endTone    colour of the dot on the newest point
 */
public record SparklineModel(double[] ratios, int capacity, double guideRatio, Tone endTone) {

    /** No data yet. */
    public static final SparklineModel EMPTY = new SparklineModel(new double[0], 60, 0.5, Tone.DIM);

    public SparklineModel {
        ratios = Objects.requireNonNull(ratios, "ratios").clone();
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        Objects.requireNonNull(endTone, "endTone");
    }

    /** A copy of the ratios, oldest first. */
    @Override
    public double[] ratios() {
        return ratios.clone();
    }

    /** Number of points. */
    public int size() {
        return ratios.length;
    }

    /** The ratio at {@code index} (0 = oldest), without copying the array. */
    public double ratio(int index) {
        return ratios[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparklineModel other
                && capacity == other.capacity
                && Double.compare(guideRatio, other.guideRatio) == 0
                && endTone == other.endTone
                && Arrays.equals(ratios, other.ratios);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ratios), capacity, guideRatio, endTone);
    }

    @Override
    public String toString() {
        return "SparklineModel[ratios=" + Arrays.toString(ratios) + ", capacity=" + capacity
                + ", guideRatio=" + guideRatio + ", endTone=" + endTone + "]";
    }
}

package dev.budmon.history;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One quota window's utilization over a span, in equal columns for a step chart: each column holds what the
 * window stood at by the column's end (the last observation at or before it, of the best source), and where a
 * new period began the column of its reset is marked and the utilization starts again from 0 until the next
 * observation says more. Columns before the first observation are unknown ({@code NaN}). Pure; any thread.
 *
 * @param window     the window's header name
 * @param fromMillis the span's start
 * @param toMillis   the span's end
 * @param values     fraction used per column, oldest first; {@code NaN} where unknown
 * @param resets     the columns in which a new period began
 */
public record Trail(String window, long fromMillis, long toMillis, double[] values, boolean[] resets) {

    public Trail {
        Objects.requireNonNull(window, "window");
        values = values.clone();
        resets = resets.clone();
        if (values.length != resets.length || values.length == 0 || toMillis <= fromMillis) {
            throw new IllegalArgumentException("a trail needs columns and a span");
        }
    }

    /** The window's trail over {@code [from, to)} in {@code columns} columns. */
    public static Trail of(QuotaHistory history, String window, Instant from, Instant to, int columns) {
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        double[] values = new double[columns];
        boolean[] resets = new boolean[columns];
        Arrays.fill(values, Double.NaN);
        // from a little earlier: the figure the span starts with is the last one before it
        WindowSeries s = history.series(window, start - WINDOW_BEFORE, end);
        double width = (double) (end - start) / columns;
        double current = Double.NaN;
        long currentReset = QuotaHistory.NO_RESET;
        int col = 0;
        for (int i = 0; i <= s.size(); i++) {
            long t = i < s.size() ? s.timeMillis(i) : end;
            // the columns that end before this observation show what stood before it
            int upTo = (int) Math.min(columns, Math.max(0, Math.ceil((t - start) / width)));
            for (; col < upTo; col++) {
                long colEnd = start + (long) ((col + 1) * width);
                if (currentReset != QuotaHistory.NO_RESET && currentReset * 1000 < colEnd && !Double.isNaN(current)) {
                    // the period ended at its reset: a new one starts from 0
                    int at = (int) Math.max(0, Math.min(columns - 1, (currentReset * 1000 - start) / width));
                    resets[at] = true;
                    current = 0;
                    currentReset = QuotaHistory.NO_RESET;
                }
                values[col] = current;
            }
            if (i == s.size()) {
                break;
            }
            long r = s.resetSeconds(i);
            boolean newPeriod = !Double.isNaN(current) && currentReset != QuotaHistory.NO_RESET
                    && r != QuotaHistory.NO_RESET && !WindowSeries.samePeriod(r, currentReset);
            if (newPeriod && t >= start) {
                resets[Math.min(columns - 1, (int) ((t - start) / width))] = true;
            }
            current = s.utilization(i);
            currentReset = r;
        }
        return new Trail(window, start, end, values, resets);
    }

    /** How far before a span the last figure is looked for: the longest quiet time a trail bridges. */
    static final long WINDOW_BEFORE = 7L * 24 * 3_600_000;

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** A copy of the reset marks. */
    @Override
    public boolean[] resets() {
        return resets.clone();
    }

    /** Number of columns. */
    public int columns() {
        return values.length;
    }

    /** The value of column {@code i} without a copy. */
    public double value(int i) {
        return values[i];
    }

    /** Whether a period began in column {@code i}. */
    public boolean reset(int i) {
        return resets[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trail t && t.window.equals(window) && t.fromMillis == fromMillis && t.toMillis == toMillis
                && Arrays.equals(t.values, values) && Arrays.equals(t.resets, resets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(window, fromMillis, toMillis, Arrays.hashCode(values), Arrays.hashCode(resets));
    }

    @Override
    public String toString() {
        return "Trail[" + window + ", " + values.length + " columns]";
    }
}

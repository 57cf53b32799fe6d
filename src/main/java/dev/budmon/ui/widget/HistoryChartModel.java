package dev.budmon.ui.widget;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link HistoryChart} shows: one step line per quota window over equal columns of time, the warn and
 * alarm bands, the time axis' ticks and the percent axis' labels.
 *
 * @param lines         the windows' lines, drawn in this order (the last on top)
 * @param columns       columns of time; every line has this many values
 * @param warnFraction  where the warn band begins (e.g. 0.75)
 * @param alarmFraction where the alarm band begins (e.g. 0.90)
 * @param ticks         the time axis' labels, each at its place from 0 (left) to 1 (right)
 * @param percentLabels the labels of 0 %, 50 % and 100 % in the language's form
 */
public record HistoryChartModel(List<Line> lines, int columns, double warnFraction, double alarmFraction,
                                List<Tick> ticks, List<String> percentLabels) {

    /** Nothing to show. */
    public static final HistoryChartModel EMPTY = new HistoryChartModel(List.of(), 1, 0.75, 0.9, List.of(),
            List.of("0%", "50%", "100%"));

    public HistoryChartModel {
        lines = List.copyOf(lines);
        ticks = List.copyOf(ticks);
        percentLabels = List.copyOf(percentLabels);
        for (Line l : lines) {
            if (l.values.length != columns) {
                throw new IllegalArgumentException("a line of " + l.values.length + " values for " + columns + " columns");
            }
        }
    }

    /**
     * One window's line.
     *
     * @param window  the window's key, e.g. {@code 5h}
     * @param values  fraction used per column, oldest first; {@code NaN} where unknown
     * @param resets  the columns in which the window started anew
     * @param colour  which of the theme's series colours ({@code BudMon.history.seriesN})
     */
    public record Line(String window, double[] values, boolean[] resets, int colour) {

        public Line {
            Objects.requireNonNull(window, "window");
            values = values.clone();
            resets = resets.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean[] resets() {
            return resets.clone();
        }

        /** The value of column {@code i} without a copy. */
        public double value(int i) {
            return values[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Line l && l.window.equals(window) && l.colour == colour
                    && Arrays.equals(l.values, values) && Arrays.equals(l.resets, resets);
        }

        @Override
        public int hashCode() {
            return Objects.hash(window, colour, Arrays.hashCode(values), Arrays.hashCode(resets));
        }

        @Override
        public String toString() {
            return "Line[" + window + ", " + values.length + " columns]";
        }
    }

    /** A label of the time axis at {@code position} (0 = left edge, 1 = right edge). */
    public record Tick(double position, String text) {
    }
}

package dev.budmon.ui.widget;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link CostChart} shows: one bar per day, week or month, stacked by series (models), with its
 * texts already formatted and translated.
 *
 * @param series  the series' names, in stacking order from the bottom
 * @param colours each series' colour, as its index among the theme's ({@code BudmonTheme.chartSeries}), one
 *                per series and each once
 * @param bars    the bars, left to right
 * @param grid    the horizontal guide lines with their labels, lowest first; the highest one is the top of
 *                the scale
 * @param empty   the text shown when there are no bars
 */
public record CostChartModel(List<String> series, List<Integer> colours, List<Bar> bars, List<GridLine> grid,
                             String empty) {

    /** Nothing to show, and no text for it. */
    public static final CostChartModel EMPTY = new CostChartModel(List.of(), List.of(), List.of(), "");

    /** How many series have a colour of their own; a chart never has more. */
    public static final int MAX_SERIES = 6;

    /** Series {@code i} in the theme's colour {@code i}. */
    public CostChartModel(List<String> series, List<Bar> bars, List<GridLine> grid, String empty) {
        this(series, inOrder(series.size()), bars, grid, empty);
    }

    public CostChartModel {
        series = List.copyOf(series);
        colours = List.copyOf(colours);
        if (colours.size() != series.size() || colours.stream().distinct().count() != colours.size()
                || colours.stream().anyMatch(c -> c < 0 || c >= MAX_SERIES)) {
            throw new IllegalArgumentException("colours " + colours + " for " + series.size() + " series");
        }
        bars = List.copyOf(bars);
        grid = List.copyOf(grid);
        Objects.requireNonNull(empty, "empty");
        if (series.size() > MAX_SERIES) {
            throw new IllegalArgumentException(series.size() + " series, at most " + MAX_SERIES);
        }
        for (Bar b : bars) {
            if (b.costs().size() != series.size()) {
                throw new IllegalArgumentException("bar " + b.label() + " has " + b.costs().size() + " costs for "
                        + series.size() + " series");
            }
        }
    }

    private static List<Integer> inOrder(int n) {
        List<Integer> list = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    /**
     * One bar.
     *
     * @param label   below the bar, e.g. {@code 12-05}
     * @param costs   dollars per series, in the order of {@link CostChartModel#series}
     * @param tooltip what hovering over it shows: its figures
     */
    public record Bar(String label, List<Double> costs, String tooltip) {
        public Bar {
            Objects.requireNonNull(label, "label");
            costs = List.copyOf(costs);
            Objects.requireNonNull(tooltip, "tooltip");
        }

        /** The bar's height in dollars. */
        public double total() {
            double sum = 0;
            for (double c : costs) {
                sum += c;
            }
            return sum;
        }
    }

    /**
     * A horizontal guide line.
     *
     * @param dollars where it runs
     * @param label   its label on the left, e.g. {@code $20}
     */
    public record GridLine(double dollars, String label) {
        public GridLine {
            Objects.requireNonNull(label, "label");
        }
    }

    /** The top of the scale: the highest guide line, or the highest bar when that is higher. */
    public double scaleTop() {
        double top = grid.isEmpty() ? 0 : grid.get(grid.size() - 1).dollars();
        for (Bar b : bars) {
            top = Math.max(top, b.total());
        }
        return top;
    }
}

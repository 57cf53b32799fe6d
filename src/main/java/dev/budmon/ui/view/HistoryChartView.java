package dev.budmon.ui.view;

import dev.budmon.ui.widget.HistoryChartModel;

import java.util.List;
import java.util.Objects;

/**
 * One range of the quota history window: the chart, its legend and what the line under the chart says for
 * each column the mouse may point at.
 *
 * @param range   which range
 * @param chart   the chart's model
 * @param legend  one entry per line, in the chart's order
 * @param hovers  per column: its time and each window's figure
 * @param hours   per column: the requests and cost of its hour
 * @param summary what the line under the chart says while the mouse is elsewhere
 */
public record HistoryChartView(HistoryRange range, HistoryChartModel chart, List<Legend> legend, List<String> hovers,
                               List<String> hours, String summary) {

    public HistoryChartView {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(chart, "chart");
        legend = List.copyOf(legend);
        hovers = List.copyOf(hovers);
        hours = List.copyOf(hours);
        Objects.requireNonNull(summary, "summary");
    }

    /** The moment of column {@code c} and its figures, or the summary outside the columns. */
    public String hoverAt(int column) {
        return column >= 0 && column < hovers.size() ? hovers.get(column) : summary;
    }

    /** The requests and cost of column {@code c}'s hour; empty outside the columns. */
    public String hourAt(int column) {
        return column >= 0 && column < hours.size() ? hours.get(column) : "";
    }

    /**
     * A line's entry in the legend.
     *
     * @param label  the window's name, e.g. {@code 7 days Sonnet}
     * @param colour the line's series colour
     */
    public record Legend(String label, int colour) {
    }
}

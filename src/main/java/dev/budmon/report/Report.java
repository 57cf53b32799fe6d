package dev.budmon.report;

import java.util.List;

/**
 * A cost report: its rows in order and their totals. Immutable; any thread.
 *
 * @param options       what it covers and how it groups
 * @param rows          days, weeks and months oldest first; sessions by their last response, oldest first;
 *                      projects and models most expensive first
 * @param total         every row together, with its own breakdown by model
 * @param unknownModels model ids priced by their family only (or not at all), sorted
 */
public record Report(ReportOptions options, List<ReportRow> rows, ReportRow total, List<String> unknownModels) {

    public Report {
        rows = List.copyOf(rows);
        unknownModels = List.copyOf(unknownModels);
    }
}

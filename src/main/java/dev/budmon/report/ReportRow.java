package dev.budmon.report;

import dev.budmon.calc.Cost;
import dev.budmon.model.TokenCounts;

import java.time.Instant;
import java.util.List;

/**
 * One row of a report: a day, week, month, project, session or model, or the totals.
 *
 * @param key      what the row is: {@code 2026-11-26} (a day, or the first day of a week), {@code 2026-11} (a
 *                 month), the project's working directory, the session id or the model id; {@code total} for
 *                 the totals
 * @param project  the session's project (sessions only, else {@code null})
 * @param first    time of the row's first response
 * @param last     time of its last response
 * @param requests API responses counted
 * @param tokens   all models together, by kind
 * @param cost     all models together, dollars by kind
 * @param models   the share of each model, most expensive first
 */
public record ReportRow(String key, String project, Instant first, Instant last, int requests, TokenCounts tokens,
                        Cost cost, List<ModelLine> models) {

    public ReportRow {
        models = List.copyOf(models);
    }
}

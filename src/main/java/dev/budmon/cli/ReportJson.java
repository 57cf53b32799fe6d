package dev.budmon.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.budmon.Version;
import dev.budmon.model.SourceWarning;
import dev.budmon.report.ModelLine;
import dev.budmon.report.Report;
import dev.budmon.report.ReportKind;
import dev.budmon.report.ReportOptions;
import dev.budmon.report.ReportRow;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a report as the one JSON object of {@code budmon report … --json}. The field names are a public
 * interface, documented in the README: add fields, never rename or remove them.
 */
final class ReportJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    static void write(Writer out, Report report, List<Path> dirs, List<SourceWarning> warnings) throws IOException {
        ReportOptions o = report.options();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("version", Version.get());
            g.writeStringField("report", o.kind().word());
            g.writeStringField("timezone", o.zone().getId());
            if (o.kind() == ReportKind.WEEKLY) {
                g.writeStringField("week_start", o.weekStart().name().toLowerCase(java.util.Locale.ROOT));
            }
            g.writeStringField("since", o.since() == null ? null : o.since().toString());
            g.writeStringField("until", o.until() == null ? null : o.until().toString());
            g.writeArrayFieldStart("claude_dirs");
            for (Path d : dirs) {
                g.writeString(d.toString());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (ReportRow row : report.rows()) {
                row(g, row, o.kind());
            }
            g.writeEndArray();
            g.writeFieldName("totals");
            row(g, report.total(), null);
            g.writeArrayFieldStart("unknown_models");
            for (String m : report.unknownModels()) {
                g.writeString(m);
            }
            g.writeEndArray();
            JsonReport.warnings(g, warnings);
            g.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    /** One row; {@code kind} {@code null} for the totals, which have no key. */
    private static void row(JsonGenerator g, ReportRow row, ReportKind kind) throws IOException {
        g.writeStartObject();
        if (kind != null) {
            switch (kind) {
                case DAILY -> g.writeStringField("date", row.key());
                case WEEKLY -> g.writeStringField("week_start", row.key());
                case MONTHLY -> g.writeStringField("month", row.key());
                case PROJECTS -> g.writeStringField("project", row.key());
                case SESSIONS -> {
                    g.writeStringField("session_id", row.key());
                    g.writeStringField("project", row.project());
                }
                case MODELS -> g.writeStringField("model", row.key());
            }
        }
        JsonReport.time(g, "first", row.first());
        JsonReport.time(g, "last", row.last());
        g.writeNumberField("requests", row.requests());
        JsonReport.tokens(g, "tokens", row.tokens());
        JsonReport.cost(g, "cost", row.cost());
        g.writeArrayFieldStart("models");
        for (ModelLine m : row.models()) {
            g.writeStartObject();
            g.writeStringField("model", m.model());
            g.writeBooleanField("price_known", m.priceKnown());
            g.writeNumberField("requests", m.requests());
            JsonReport.tokens(g, "tokens", m.tokens());
            JsonReport.cost(g, "cost", m.cost());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}

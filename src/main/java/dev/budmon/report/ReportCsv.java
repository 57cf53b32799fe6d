package dev.budmon.report;

import dev.budmon.model.TokenCounts;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A report as CSV (RFC 4180: comma-separated, a header line, fields with a comma, quote or line break
 * quoted): one line per row and model, so that summing any column gives the totals, and no totals line.
 * Numbers are plain ({@code 1234567}, dollars with six decimals and a point). Pure; any thread.
 */
public final class ReportCsv {

    private static final String[] FIGURES = {"model", "requests", "input", "output", "cache_write_5m",
        "cache_write_1h", "cache_read", "total_tokens", "cost_usd"};

    private ReportCsv() {
    }

    /** Writes the header and the lines. */
    public static void write(Report report, Appendable out) throws IOException {
        ReportKind kind = report.options().kind();
        boolean first = true;
        for (String column : keyColumns(kind)) {
            first = field(out, column, first);
        }
        for (String column : FIGURES) {
            first = field(out, column, first);
        }
        out.append('\n');
        for (ReportRow row : report.rows()) {
            for (ModelLine line : row.models()) {
                first = true;
                if (kind != ReportKind.MODELS) {
                    first = field(out, row.key(), true);
                    if (kind == ReportKind.SESSIONS) {
                        first = field(out, row.project(), false);
                    }
                }
                TokenCounts t = line.tokens();
                first = field(out, line.model(), first);
                first = field(out, Integer.toString(line.requests()), first);
                first = field(out, Long.toString(t.input()), first);
                first = field(out, Long.toString(t.output()), first);
                first = field(out, Long.toString(t.cacheWrite5m()), first);
                first = field(out, Long.toString(t.cacheWrite1h()), first);
                first = field(out, Long.toString(t.cacheRead()), first);
                first = field(out, Long.toString(t.total()), first);
                field(out, dollars(line.cost().total()), first);
                out.append('\n');
            }
        }
    }

    /** The columns that name a row, before the model's. */
    static String[] keyColumns(ReportKind kind) {
        return switch (kind) {
            case DAILY -> new String[] {"date"};
            case WEEKLY -> new String[] {"week_start"};
            case MONTHLY -> new String[] {"month"};
            case PROJECTS -> new String[] {"project"};
            case SESSIONS -> new String[] {"session_id", "project"};
            case MODELS -> new String[0];
        };
    }

    /** Dollars with six decimals, as text without exponent. */
    static String dollars(double usd) {
        return BigDecimal.valueOf(usd).setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    /** Writes one field, quoted when it must be; returns {@code false}: the next field is not the first. */
    private static boolean field(Appendable out, String value, boolean first) throws IOException {
        if (!first) {
            out.append(',');
        }
        String v = value == null ? "" : value;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(v);
            return false;
        }
        out.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
        return false;
    }
}

package dev.budmon.ui;

import dev.budmon.i18n.Messages;
import dev.budmon.report.ModelLine;
import dev.budmon.report.Report;
import dev.budmon.report.ReportKind;
import dev.budmon.report.ReportRow;
import dev.budmon.report.ReportTable;

import javax.swing.table.AbstractTableModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One report as a table, as {@code budmon report} prints it: a row per day, week, month, project, session or
 * model with its requests, tokens by kind and cost, and the models it used. Cells are typed (days as
 * {@link LocalDate}, months as {@link YearMonth}, counts as {@link Long}, dollars as {@link Double}) so that
 * a row sorter orders them by value, not by their text. The totals are a model of their own
 * ({@link #totals}), for the row under the table. EDT only, like every table model.
 */
final class ReportTableModel extends AbstractTableModel {

    /** What a column holds. */
    enum Column {
        LABEL, PROJECT, LAST, REQUESTS, INPUT, OUTPUT, WRITE_5M, WRITE_1H, READ, COST, MODELS
    }

    private final Report report;
    private final List<Column> columns;
    private final String[] names;
    /** Whether this is the one row of the totals. */
    private final boolean totalsOnly;
    private final String totalLabel;

    ReportTableModel(Report report, Messages m) {
        this(report, m, false);
    }

    private ReportTableModel(Report report, Messages m, boolean totalsOnly) {
        this.report = report;
        this.totalsOnly = totalsOnly;
        this.totalLabel = m.get("table.total");
        this.columns = columns(report.options().kind());
        this.names = new String[columns.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = name(columns.get(i), report.options().kind(), m);
        }
    }

    /** The one row of the totals, with the same columns. */
    ReportTableModel totals(Messages m) {
        return new ReportTableModel(report, m, true);
    }

    /** The report shown. */
    Report report() {
        return report;
    }

    /** The columns of a report of {@code kind}, left to right. */
    static List<Column> columns(ReportKind kind) {
        List<Column> c = new ArrayList<>(List.of(Column.LABEL));
        if (kind == ReportKind.SESSIONS) {
            c.add(Column.PROJECT);
            c.add(Column.LAST);
        }
        c.addAll(List.of(Column.REQUESTS, Column.INPUT, Column.OUTPUT, Column.WRITE_5M, Column.WRITE_1H, Column.READ,
                Column.COST));
        if (kind != ReportKind.MODELS) {
            c.add(Column.MODELS);
        }
        return c;
    }

    /** The index of a column, or -1 when reports of this kind have none such. */
    int indexOf(Column column) {
        return columns.indexOf(column);
    }

    private static String name(Column c, ReportKind kind, Messages m) {
        return switch (c) {
            case LABEL -> m.get("reports.column." + kind.word());
            case PROJECT -> m.get("reports.column.projects");
            case LAST -> m.get("reports.column.last");
            case REQUESTS -> m.get("reports.column.requests");
            case INPUT -> m.get("table.input");
            case OUTPUT -> m.get("table.output");
            case WRITE_5M -> m.get("reports.column.write_5m");
            case WRITE_1H -> m.get("reports.column.write_1h");
            case READ -> m.get("table.cache_read");
            case COST -> m.get("table.cost");
            case MODELS -> m.get("reports.column.models_used");
        };
    }

    @Override
    public int getRowCount() {
        return totalsOnly ? 1 : report.rows().size();
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnName(int column) {
        return names[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return switch (columns.get(column)) {
            case LABEL -> totalsOnly ? String.class : switch (report.options().kind()) {
                case DAILY, WEEKLY -> LocalDate.class;
                case MONTHLY -> YearMonth.class;
                default -> String.class;
            };
            case PROJECT, MODELS -> String.class;
            case LAST -> Instant.class;
            case REQUESTS, INPUT, OUTPUT, WRITE_5M, WRITE_1H, READ -> Long.class;
            case COST -> Double.class;
        };
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        ReportRow row = totalsOnly ? report.total() : report.rows().get(rowIndex);
        return switch (columns.get(column)) {
            case LABEL -> totalsOnly ? totalLabel : label(row);
            case PROJECT -> totalsOnly ? "" : row.project();
            case LAST -> totalsOnly ? null : row.last();
            case REQUESTS -> (long) row.requests();
            case INPUT -> row.tokens().input();
            case OUTPUT -> row.tokens().output();
            case WRITE_5M -> row.tokens().cacheWrite5m();
            case WRITE_1H -> row.tokens().cacheWrite1h();
            case READ -> row.tokens().cacheRead();
            case COST -> row.cost().total();
            case MODELS -> totalsOnly ? "" : models(row);
        };
    }

    private Object label(ReportRow row) {
        return switch (report.options().kind()) {
            case DAILY, WEEKLY -> LocalDate.parse(row.key());
            case MONTHLY -> YearMonth.parse(row.key());
            // a model priced by its family only is marked, as in the command line's table
            case MODELS -> row.models().isEmpty() || row.models().get(0).priceKnown() ? row.key() : row.key() + " *";
            default -> row.key();
        };
    }

    /** The row's models, most expensive first, without the {@code claude-} of every id. */
    private static String models(ReportRow row) {
        StringBuilder b = new StringBuilder();
        for (ModelLine line : row.models()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(ReportTable.shortModel(line.model())).append(line.priceKnown() ? "" : " *");
        }
        return b.toString();
    }
}

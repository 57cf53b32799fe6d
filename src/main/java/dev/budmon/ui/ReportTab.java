package dev.budmon.ui;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.i18n.Messages;
import dev.budmon.report.Report;
import dev.budmon.report.ReportKind;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.CostChartBuilder;
import dev.budmon.ui.widget.CostChart;

import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JTable;
import javax.swing.RowSorter;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import java.awt.BorderLayout;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * One tab of the Reports window: the cost chart (reports by day, week or month only), the report's table
 * with its totals row under it, and notes. A new report replaces the table and keeps how it was sorted. EDT
 * only.
 */
final class ReportTab {

    /** How many characters of a session id the sessions' table shows, as the session log does. */
    private static final int SHORT_ID = 8;

    private final ReportKind kind;
    private final Messages m;
    private final ZoneId zone;
    private final JPanel panel = new JPanel(new BorderLayout(0, UIScale.scale(6)));
    private final CostChart chart;
    private final ToneLabel note;
    private final ToneLabel unknown;
    private Report report;
    private JTable table;

    ReportTab(ReportKind kind, Messages m, ZoneId zone) {
        this.kind = kind;
        this.m = m;
        this.zone = zone;
        chart = kind.isTime() ? new CostChart() : null;
        if (chart != null) {
            chart.setName("reports:chart:" + kind.word());
            panel.add(chart, BorderLayout.NORTH);
        }
        note = new ToneLabel("reports:note:" + kind.word(), BudmonTheme.FONT_SMALL, Tone.DIM);
        unknown = new ToneLabel("reports:unknown:" + kind.word(), BudmonTheme.FONT_SMALL, Tone.DIM);
        JPanel notes = new JPanel(new BorderLayout());
        notes.add(note, BorderLayout.NORTH);
        notes.add(unknown, BorderLayout.SOUTH);
        panel.add(notes, BorderLayout.SOUTH);
        panel.setBorder(BorderFactory.createEmptyBorder(UIScale.scale(6), 0, 0, 0));
    }

    /** The tab's component. */
    JPanel panel() {
        return panel;
    }

    /** The report shown, or {@code null} before the first. */
    Report report() {
        return report;
    }

    /**
     * Shows a report, sorted as the one before was.
     *
     * @param colourOrder the models by their cost over the whole history, for the chart's colours
     */
    void show(Report r, List<String> colourOrder) {
        report = r;
        if (chart != null) {
            chart.setModel(CostChartBuilder.chart(r, colourOrder, m));
        }
        List<? extends RowSorter.SortKey> sortKeys = table == null ? List.of() : table.getRowSorter().getSortKeys();
        ReportTableModel model = new ReportTableModel(r, m);
        table = table(model, m, zone);
        table.getRowSorter().setSortKeys(sortKeys);
        JTable totals = TurnLogWindow.totals(table, model.totals(m), m, zone);
        totals.setName("reports:totals:" + kind.word());
        TurnLogWindow.sizeColumns(table, totals);
        BorderLayout layout = (BorderLayout) panel.getLayout();
        if (layout.getLayoutComponent(BorderLayout.CENTER) != null) {
            panel.remove(layout.getLayoutComponent(BorderLayout.CENTER));
        }
        if (r.rows().isEmpty()) {
            panel.add(AppDialogs.emptyLabel(m.get("reports.empty")), BorderLayout.CENTER);
        } else {
            panel.add(TurnLogWindow.withTotals(table, totals, Math.min(12, r.rows().size()),
                    "reports:scroll:" + kind.word()), BorderLayout.CENTER);
        }
        note.show(m.get("reports.note"));
        unknown.show(r.unknownModels().isEmpty() ? ""
                : m.get("reports.unknown_models", String.join(", ", r.unknownModels())));
        unknown.setVisible(!r.unknownModels().isEmpty());
        panel.revalidate();
        panel.repaint();
    }

    /**
     * A report's table, sortable by any column: figures, days and months by their value ($9 before $10,
     * 2026-02 before 2026-10), texts by the language's collation. Rows in the report's order until a header
     * is clicked.
     */
    static JTable table(ReportTableModel model, Messages m, ZoneId zone) {
        JTable table = new TurnLogWindow.FittingTable(model);
        table.setName("reports:table:" + model.report().options().kind().word());
        TurnLogWindow.renderers(table, m, zone);
        table.setDefaultRenderer(LocalDate.class, plain());
        table.setDefaultRenderer(YearMonth.class, plain());
        if (model.report().options().kind() == ReportKind.SESSIONS) {
            // a session id's first group is enough to tell sessions apart, and leaves room for the cost;
            // the whole id is the tooltip, and the CSV's
            table.getColumnModel().getColumn(0).setCellRenderer(new DefaultTableCellRenderer() {
                @Override
                protected void setValue(Object value) {
                    String id = value == null ? "" : value.toString();
                    setText(id.length() > SHORT_ID ? id.substring(0, SHORT_ID) : id);
                    setToolTipText(id.isEmpty() ? null : id);
                }
            });
        }
        TableRowSorter<ReportTableModel> sorter = new TableRowSorter<>(model);
        for (int c = 0; c < model.getColumnCount(); c++) {
            if (model.getColumnClass(c) != String.class) {
                sorter.setComparator(c, Comparator.naturalOrder());
            }
        }
        table.setRowSorter(sorter);
        return table;
    }

    /** Days and months as the command line and the CSV write them: {@code 2026-12-05}, {@code 2026-12}. */
    private static DefaultTableCellRenderer plain() {
        DefaultTableCellRenderer r = new DefaultTableCellRenderer();
        r.setHorizontalAlignment(SwingConstants.LEFT);
        return r;
    }
}

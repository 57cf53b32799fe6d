package dev.budmon.ui;

import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.report.HistoryFixture;
import dev.budmon.report.Report;
import dev.budmon.report.ReportBuilder;
import dev.budmon.report.ReportKind;
import dev.budmon.report.ReportOptions;
import dev.budmon.report.ReportRow;
import dev.budmon.source.transcript.TranscriptStore;
import dev.budmon.ui.theme.BudmonTheme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static dev.budmon.ui.DashboardPanelTest.onEdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the Reports window's tables show, on the history of known truth: a row per day (typed, so sorting is
 * by value), requests and tokens by kind as the truth has them, the cost of the report, a totals row equal to
 * the sum of the rows, the models used; and sorting by cost, by day and by month orders by value, not text.
 */
class ReportTableModelTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Pricing PRICING = new Pricing(PriceTable.bundled(), BudmonConfig.DEFAULTS);

    @TempDir
    static Path tmp;
    private static HistoryFixture truth;
    private static TranscriptStore store;

    @BeforeAll
    static void history() {
        truth = HistoryFixture.write(tmp.resolve(".claude"));
        store = new TranscriptStore();
        store.refresh(List.of(tmp.resolve(".claude")));
        onEdt(BudmonTheme::setup);
    }

    private static Report report(ReportKind kind) {
        return ReportBuilder.build(store.responses(null), store.sessions(),
                new ReportOptions(kind, BERLIN, DayOfWeek.MONDAY, null, null), PRICING);
    }

    @Test
    void dailyRowsHoldTheTruthAndTheTotalsTheirSum() {
        Report daily = report(ReportKind.DAILY);
        Messages m = Messages.of("en");
        ReportTableModel model = new ReportTableModel(daily, m);
        ReportTableModel totals = model.totals(m);
        int requests = model.indexOf(ReportTableModel.Column.REQUESTS);
        int output = model.indexOf(ReportTableModel.Column.OUTPUT);
        int read = model.indexOf(ReportTableModel.Column.READ);
        int cost = model.indexOf(ReportTableModel.Column.COST);
        int models = model.indexOf(ReportTableModel.Column.MODELS);
        assertThat(model.getColumnName(0)).isEqualTo("Date");
        assertThat(model.getColumnClass(0)).isEqualTo(LocalDate.class);
        assertThat(model.getColumnClass(cost)).isEqualTo(Double.class);
        var byDay = truth.tokensBy(HistoryFixture.day(BERLIN));
        var requestsByDay = truth.requestsBy(HistoryFixture.day(BERLIN));
        assertThat(model.getRowCount()).isEqualTo(byDay.size());
        long outputSum = 0;
        double costSum = 0;
        for (int r = 0; r < model.getRowCount(); r++) {
            String day = model.getValueAt(r, 0).toString();
            long out = byDay.get(day).values().stream().mapToLong(t -> t.output()).sum();
            long cacheRead = byDay.get(day).values().stream().mapToLong(t -> t.cacheRead()).sum();
            assertThat(model.getValueAt(r, requests)).as(day).isEqualTo((long) requestsByDay.get(day));
            assertThat(model.getValueAt(r, output)).as(day).isEqualTo(out);
            assertThat(model.getValueAt(r, read)).as(day).isEqualTo(cacheRead);
            List<String> shortModels = new ArrayList<>();
            for (String id : byDay.get(day).keySet()) {
                shortModels.add(id.substring("claude-".length()) + (id.equals(HistoryFixture.UNKNOWN) ? " *" : ""));
            }
            assertThat(((String) model.getValueAt(r, models)).split(", ")).as(day)
                    .containsExactlyInAnyOrderElementsOf(shortModels);
            outputSum += out;
            costSum += (Double) model.getValueAt(r, cost);
        }
        assertThat(totals.getRowCount()).isEqualTo(1);
        assertThat(totals.getValueAt(0, 0)).isEqualTo("Total");
        assertThat(totals.getValueAt(0, output)).isEqualTo(outputSum);
        assertThat(totals.getValueAt(0, requests)).isEqualTo((long) truth.responses.size());
        assertThat((Double) totals.getValueAt(0, cost)).isCloseTo(costSum, within(1e-9))
                .isCloseTo(daily.total().cost().total(), within(1e-9));
    }

    @Test
    void sessionsHaveTheirProjectAndLastRequestAndModelsNoModelsColumn() {
        Messages m = Messages.of("de");
        ReportTableModel sessions = new ReportTableModel(report(ReportKind.SESSIONS), m);
        assertThat(sessions.getColumnName(0)).isEqualTo("Sitzung");
        assertThat(sessions.getColumnName(sessions.indexOf(ReportTableModel.Column.PROJECT))).isEqualTo("Projekt");
        int project = sessions.indexOf(ReportTableModel.Column.PROJECT);
        List<String> projects = new ArrayList<>();
        for (int r = 0; r < sessions.getRowCount(); r++) {
            projects.add((String) sessions.getValueAt(r, project));
        }
        assertThat(projects).containsExactly(HistoryFixture.APP_DOT, HistoryFixture.APP_DASH, HistoryFixture.TOOL);
        JLabel id = onEdt(() -> {
            JTable table = ReportTab.table(sessions, m, BERLIN);
            return (JLabel) table.prepareRenderer(table.getCellRenderer(0, 0), 0, 0);
        });
        assertThat(id.getText()).as("the id's first group, as the session log shows it").isEqualTo("11111111");
        assertThat(id.getToolTipText()).isEqualTo(HistoryFixture.S1);
        ReportTableModel models = new ReportTableModel(report(ReportKind.MODELS), m);
        assertThat(models.indexOf(ReportTableModel.Column.MODELS)).isEqualTo(-1);
        List<Object> labels = new ArrayList<>();
        for (int r = 0; r < models.getRowCount(); r++) {
            labels.add(models.getValueAt(r, 0));
        }
        assertThat(labels).as("a model priced by its family is marked").contains(HistoryFixture.UNKNOWN + " *");
    }

    @Test
    void sortingIsByValue() {
        Messages m = Messages.of("en");
        Report monthly = report(ReportKind.MONTHLY);
        List<Object> months = onEdt(() -> {
            JTable table = ReportTab.table(new ReportTableModel(monthly, m), m, BERLIN);
            table.getRowSorter().setSortKeys(List.of(new RowSorter.SortKey(0, SortOrder.DESCENDING)));
            List<Object> out = new ArrayList<>();
            for (int r = 0; r < table.getRowCount(); r++) {
                out.add(table.getValueAt(r, 0));
            }
            assertThat(((JLabel) table.prepareRenderer(table.getCellRenderer(0, 0), 0, 0)).getText())
                    .isEqualTo("2026-10");
            return out;
        });
        assertThat(months).containsExactly(YearMonth.parse("2026-10"), YearMonth.parse("2026-09"),
                YearMonth.parse("2026-03"));
        Report daily = report(ReportKind.DAILY);
        List<Double> costs = costsSorted(daily, m);
        List<Double> sorted = new ArrayList<>(costs);
        sorted.sort(Double::compare);
        assertThat(costs).as("by dollars, not by their text").isEqualTo(sorted).hasSize(daily.rows().size());
        for (ReportRow row : daily.rows()) {
            assertThat(costs).contains(row.cost().total());
        }
        // dollars whose text would sort otherwise: "$10.00" < "$100.00" < "$9.00"
        List<ReportRow> rows = new ArrayList<>();
        java.time.Instant t = java.time.Instant.parse("2026-12-01T12:00:00Z");
        double[] dollars = {100, 9, 10};
        for (int i = 0; i < dollars.length; i++) {
            rows.add(new ReportRow("2026-12-0" + (i + 1), null, t, t, 1, dev.budmon.model.TokenCounts.ZERO,
                    new dev.budmon.calc.Cost(dollars[i], 0, 0, 0, 0), List.of()));
        }
        Report made = new Report(daily.options(), rows, rows.get(0), List.of());
        List<Double> byCost = costsSorted(made, m);
        assertThat(byCost).containsExactly(9.0, 10.0, 100.0);
    }

    /** The cost column of the report's table, sorted by it, lowest first, as the table shows it. */
    private static List<Double> costsSorted(Report report, Messages m) {
        return onEdt(() -> {
            ReportTableModel model = new ReportTableModel(report, m);
            JTable table = ReportTab.table(model, m, BERLIN);
            int cost = model.indexOf(ReportTableModel.Column.COST);
            table.getRowSorter().setSortKeys(List.of(new RowSorter.SortKey(cost, SortOrder.ASCENDING)));
            List<Double> out = new ArrayList<>();
            for (int r = 0; r < table.getRowCount(); r++) {
                out.add((Double) table.getValueAt(r, cost));
            }
            return out;
        });
    }
}

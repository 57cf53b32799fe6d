package dev.budmon.ui;

import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.ConfigStore;
import dev.budmon.report.HistoryFixture;
import dev.budmon.report.ReportCsv;
import dev.budmon.report.ReportKind;
import dev.budmon.report.ReportOptions;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.HistoryReports;
import dev.budmon.source.transcript.HistoryIndex;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.startup.WindowStartup;
import dev.budmon.ui.widget.CostChart;
import dev.budmon.ui.widget.CostChartModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.WeekFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.budmon.ui.DashboardPanelTest.find;
import static dev.budmon.ui.DashboardPanelTest.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs › Reports… in the real application on a display (Xvfb in CI), over a Claude directory holding the
 * history of known truth ({@link HistoryFixture}) beside a real Claude Code transcript of today: the daily
 * table holds the truth's requests and tokens, the totals every response, the chart a bar per day with the
 * figures as tooltip; a range of days narrows the table, a wrong day is said and changes nothing; Export CSV
 * writes, through the file chooser, what {@code budmon report daily --csv} prints; in German after the
 * language menu. Screenshots: {@code target/reports-<en|de>-<scale>.png}.
 */
@Tag("window")
class ReportsWindowTest {

    @TempDir
    Path tmp;

    private DashboardApp app;

    @BeforeAll
    static void needsDisplay() {
        WindowTestDisplay.require();
    }

    @AfterEach
    void close() throws InterruptedException {
        if (app != null) {
            onEdt(() -> {
                for (Window w : Window.getWindows()) {
                    if (w instanceof JDialog && w.isDisplayable()) {
                        w.dispose();
                    }
                }
                return null;
            });
            assertThat(app.closeAndWait()).as("window closed, watcher and saves stopped").isTrue();
        }
        WindowTestDisplay.assertThreadRulesKept();
    }

    @Test
    void showsTheHistoryAsBudmonReportDoesAndExportsItsCsv() throws Exception {
        Path claudeDir = tmp.resolve(".claude");
        ClaudeDirFixture.create(claudeDir, Instant.now(), "en");
        HistoryFixture truth = HistoryFixture.write(claudeDir);
        ZoneId zone = ZoneId.systemDefault();
        ClaudeDirs dirs = new ClaudeDirs(List.of(claudeDir));
        HistoryIndex index = new HistoryIndex(tmp.resolve("cache"), dirs.dirs());
        // the transcripts through the index, as budmon starts the window
        app = WindowStartup.start(dirs, TranscriptFeed.indexed(index, Duration.ofMinutes(5)), index, (dir, out) -> {
            throw new AssertionError("the reports test ran setup for " + dir);
        }, Clock.systemDefaultZone());
        String scale = onEdt(WindowTestDisplay::scaleName);

        assertThat(await(() -> Files.exists(index.file()))).as("the window's first read saved the index").isTrue();
        JDialog reports = openReports();
        JTable daily = awaitTable(reports, "daily");
        Map<String, Integer> requests = truth.requestsBy(HistoryFixture.day(zone));
        var tokens = truth.tokensBy(HistoryFixture.day(zone));
        // the truth's days, and today's with the two responses of the real transcript
        assertThat(onEdt(daily::getRowCount)).isEqualTo(requests.size() + 1);
        onEdt(() -> {
            ReportTableModel model = (ReportTableModel) daily.getModel();
            int reqs = model.indexOf(ReportTableModel.Column.REQUESTS);
            int output = model.indexOf(ReportTableModel.Column.OUTPUT);
            for (int r = 0; r < daily.getRowCount(); r++) {
                String day = daily.getValueAt(r, 0).toString();
                if (day.equals(LocalDate.now(zone).toString())) {
                    assertThat(daily.getValueAt(r, reqs)).as("today").isEqualTo(2L);
                    continue;
                }
                assertThat(daily.getValueAt(r, reqs)).as(day).isEqualTo((long) requests.get(day));
                assertThat(daily.getValueAt(r, output)).as(day).isEqualTo(tokens.get(day).values().stream()
                        .mapToLong(t -> t.output()).sum());
                assertThat(text(daily, r, model.indexOf(ReportTableModel.Column.READ)))
                        .as("tokens grouped as the language writes them").contains(",").doesNotContain(".");
            }
            JTable totals = (JTable) find(reports.getContentPane(), "reports:totals:daily");
            assertThat(totals.getValueAt(0, 0)).isEqualTo("Total");
            assertThat(totals.getValueAt(0, reqs)).isEqualTo((long) truth.responses.size() + 2);
            assertThat(((JTabbedPane) find(reports.getContentPane(), "reports:tabs")).getTitleAt(5)).isEqualTo("Models");
            return null;
        });

        // the chart: a bar per day from the first to today, the figures of a day as its tooltip
        CostChart chart = (CostChart) onEdt(() -> find(reports.getContentPane(), "reports:chart:daily"));
        CostChartModel model = onEdt(chart::getModel);
        LocalDate first = LocalDate.parse(requests.keySet().iterator().next());
        assertThat(model.bars()).hasSize((int) (LocalDate.now(zone).toEpochDay() - first.toEpochDay()) + 1);
        Point bar = onEdt(() -> barCentre(chart, 0));
        assertThat(onEdt(() -> chart.barAt(bar.x, bar.y))).isZero();
        assertThat(model.bars().get(0).tooltip()).contains("Total $").contains(requests.get(first.toString())
                + " requests");

        // the real mouse over 2026-09-30's bar (Opus and its Haiku subagent), for the screenshot's tooltip
        int stacked = (int) (LocalDate.parse("2026-09-30").toEpochDay() - first.toEpochDay());
        assertThat(model.bars().get(stacked).tooltip()).contains("opus-5-5: $").contains("haiku-4-5: $");
        Point onScreen = onEdt(() -> {
            Point p = barCentre(chart, stacked);
            SwingUtilities.convertPointToScreen(p, chart);
            return p;
        });
        new Robot().mouseMove(onScreen.x, onScreen.y);
        Thread.sleep(1500);
        screenshot(reports, "reports-en-" + scale);

        // a range of days narrows every tab; a day that is no day is said and changes nothing
        range(reports, "2026-09-27", "2026-09-30");
        long inRange = requests.keySet().stream().filter(d -> d.compareTo("2026-09-27") >= 0
                && d.compareTo("2026-09-30") <= 0).count();
        assertThat(await(() -> onEdt(() -> awaitTableNow(reports, "daily").getRowCount()) == inRange))
                .as("%d days in the range", inRange).isTrue();
        assertThat(onEdt(() -> awaitTableNow(reports, "monthly").getRowCount())).isEqualTo(1);
        range(reports, "2026-13-01", "");
        Thread.sleep(300);
        assertThat(onEdt(() -> ((JLabel) find(reports.getContentPane(), "reports:range-problem")).getText()))
                .contains("2026-13-01").contains("not a day");
        assertThat(onEdt(() -> awaitTableNow(reports, "daily").getRowCount())).isEqualTo((int) inRange);
        onEdt(() -> {
            ((JComboBox<?>) find(reports.getContentPane(), "reports:preset")).setSelectedIndex(0); // All
            return null;
        });
        assertThat(await(() -> onEdt(() -> awaitTableNow(reports, "daily").getRowCount()) == requests.size() + 1))
                .isTrue();
        assertThat(onEdt(() -> ((JTextField) find(reports.getContentPane(), "reports:from")).getText())).isEmpty();

        // Export CSV through the file chooser: what budmon report daily --csv prints
        Path csv = tmp.resolve("export").resolve("daily");
        Files.createDirectories(csv.getParent());
        SwingUtilities.invokeLater(() -> ((AbstractButton) find(reports.getRootPane(), "reports:export")).doClick(0));
        JFileChooser[] chooser = new JFileChooser[1];
        assertThat(await(() -> (chooser[0] = onEdt(ReportsWindowTest::openChooser)) != null)).as("file chooser")
                .isTrue();
        onEdt(() -> {
            chooser[0].setSelectedFile(csv.toFile());
            chooser[0].approveSelection();
            return null;
        });
        Path written = csv.resolveSibling("daily.csv");
        assertThat(await(() -> Files.exists(written))).as("%s written", written).isTrue();
        DayOfWeek weekStart = WeekFields.of(Locale.getDefault(Locale.Category.FORMAT)).getFirstDayOfWeek();
        StringBuilder expected = new StringBuilder();
        ReportCsv.write(HistoryReports.read(null, dirs.dirs()).build(new ReportOptions(ReportKind.DAILY, zone,
                weekStart, null, null), new Pricing(PriceTable.bundled(), new ConfigStore(claudeDir).load().config())),
                expected);
        assertThat(Files.readString(written, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(await(() -> onEdt(() -> ((JLabel) find(reports.getContentPane(), "reports:status")).getText())
                .contains(written.toString()))).as("the status line says where").isTrue();

        // on the weekly tab with a range of days, Settings › Language › Deutsch: the window follows, where it
        // was, on its tab and days
        range(reports, "2026-03-01", "2026-10-31");
        onEdt(() -> {
            ((JTabbedPane) find(reports.getContentPane(), "reports:tabs")).setSelectedIndex(1);
            return null;
        });
        Rectangle where = onEdt(reports::getBounds);
        onEdt(() -> {
            ((JMenuItem) find(app.frame().getJMenuBar(), "menu:settings.language.de")).doClick(0);
            return null;
        });
        JDialog berichte = awaitReports("Berichte");
        assertThat(onEdt(() -> reports.isDisplayable())).as("the English window made way").isFalse();
        Rectangle placed = onEdt(berichte::getBounds);
        assertThat(placed).as("where the English one was").isEqualTo(where);
        JTable wochen = awaitTable(berichte, "weekly");
        onEdt(() -> {
            JTabbedPane tabs = (JTabbedPane) find(berichte.getContentPane(), "reports:tabs");
            assertThat(tabs.getSelectedIndex()).as("still the weekly tab").isEqualTo(1);
            assertThat(tabs.getTitleAt(0)).isEqualTo("Tage");
            assertThat(((JTextField) find(berichte.getContentPane(), "reports:from")).getText()).isEqualTo("2026-03-01");
            assertThat(wochen.getColumnName(0)).isEqualTo("Woche ab");
            tabs.setSelectedIndex(0);
            return null;
        });
        JTable tage = awaitTable(berichte, "daily");
        assertThat(await(() -> onEdt(tage::getRowCount) == requests.size())).as("the truth's days, not today's")
                .isTrue();
        assertThat(onEdt(() -> tage.getColumnName(0))).isEqualTo("Datum");
        assertThat(onEdt(() -> text(tage, 0, ((ReportTableModel) tage.getModel())
                .indexOf(ReportTableModel.Column.READ)))).as("German grouping").contains(".");
        // Logs › Berichte… brings the open window forward instead of opening a second
        assertThat((Object) openReports()).isSameAs(berichte);
        new Robot().mouseMove(0, 0);
        screenshot(berichte, "reports-de-" + scale);
    }

    private JDialog openReports() throws Exception {
        onEdt(() -> {
            ((JMenuItem) find(app.frame().getJMenuBar(), "menu:logs.reports")).doClick(0);
            return null;
        });
        return awaitReports(null);
    }

    /** The Reports window shown, with that title ({@code null}: any). */
    private static JDialog awaitReports(String title) throws Exception {
        JDialog[] found = new JDialog[1];
        assertThat(await(() -> (found[0] = onEdt(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof JDialog d && d.isShowing() && ReportsWindow.NAME.equals(d.getName())
                        && (title == null || title.equals(d.getTitle()))) {
                    return d;
                }
            }
            return null;
        })) != null)).as("the Reports window %s shows", title).isTrue();
        return found[0];
    }

    private static JTable awaitTable(JDialog d, String kind) throws Exception {
        JTable[] found = new JTable[1];
        assertThat(await(() -> (found[0] = onEdt(() -> awaitTableNow(d, kind))) != null))
                .as("the %s table, once the history is read", kind).isTrue();
        return found[0];
    }

    private static JTable awaitTableNow(JDialog d, String kind) {
        return (JTable) find(d.getContentPane(), "reports:table:" + kind);
    }

    private static void range(JDialog d, String from, String until) {
        onEdt(() -> {
            ((JTextField) find(d.getContentPane(), "reports:from")).setText(from);
            ((JTextField) find(d.getContentPane(), "reports:until")).setText(until);
            ((AbstractButton) find(d.getContentPane(), "reports:apply")).doClick(0);
            return null;
        });
    }

    private static JFileChooser openChooser() {
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog d && d.isShowing()) {
                for (var c : DashboardPanelTest.all(d.getContentPane())) {
                    if (c instanceof JFileChooser fc) {
                        return fc;
                    }
                }
            }
        }
        return null;
    }

    /** The middle of bar {@code i}'s slot, found as the chart finds the bar under the mouse. */
    private static Point barCentre(CostChart chart, int i) {
        int y = chart.getHeight() / 2;
        int first = -1;
        int last = -1;
        for (int x = 0; x < chart.getWidth(); x++) {
            if (chart.barAt(x, y) == i) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        assertThat(first).as("bar %d's slot", i).isNotNegative();
        return new Point((first + last) / 2, y);
    }

    private static String text(JTable table, int row, int column) {
        return ((JLabel) table.prepareRenderer(table.getCellRenderer(row, column), row, column)).getText();
    }

    private static void screenshot(JDialog d, String name) throws Exception {
        onEdt(() -> null);
        Thread.sleep(300);
        onEdt(() -> {
            Toolkit.getDefaultToolkit().sync();
            return null;
        });
        Rectangle bounds = onEdt(d::getBounds);
        Path out = Path.of("target", name + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(new Robot().createScreenCapture(bounds), "png", out.toFile());
    }

    /** Polls for up to 10 s. */
    private static boolean await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}

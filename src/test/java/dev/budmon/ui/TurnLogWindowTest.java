package dev.budmon.ui;

import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.TokenCounts;
import dev.budmon.ui.theme.BudmonTheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTable;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.budmon.ui.DashboardPanelTest.find;
import static dev.budmon.ui.DashboardPanelTest.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs › Session log and History log, laid out headless at 1× and 2× in both languages: every column as wide as
 * its widest entry (no {@code 05.12. 21...}, no {@code claude-op...}), a totals row, a row count, dates in the
 * language's order. The pictures go to {@code target/turn-log-*.png}.
 */
class TurnLogWindowTest {

    @AfterAll
    static void resetScale() {
        onEdt(() -> {
            System.clearProperty("flatlaf.uiScale");
            return BudmonTheme.setup();
        });
    }

    @ParameterizedTest(name = "{0}x {1}")
    @CsvSource({"1, en", "1, de", "2, en", "2, de"})
    void columnsFitTheirContentAndTotalsAndCountAreShown(int scale, String language) throws Exception {
        Messages m = Messages.of(language);
        List<ApiResponse> rows = new ArrayList<>();
        Instant t = Instant.parse("2026-12-05T21:07:09Z");
        String[] models = {"claude-opus-4-5-20251101", "claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001"};
        for (int i = 0; i < 40; i++) {
            rows.add(new ApiResponse("msg" + i, "req" + i, "8f2c6d1e-0000-4000-8000-00000000000" + (i % 3),
                    models[i % 3], t.plusSeconds(37L * i), new TokenCounts(3 + i, 1_184L * i, 23_310L * i, 0,
                    544_702L * i)));
        }
        Pricing pricing = new Pricing(PriceTable.bundled(), BudmonConfig.DEFAULTS);
        BufferedImage img = onEdt(() -> {
            System.setProperty("flatlaf.uiScale", scale + "x");
            BudmonTheme.setup();
            JComponent content = TurnLogWindow.content(rows, pricing, m, ZoneOffset.UTC);
            content.setSize(content.getPreferredSize());
            layOut(content);
            JTable table = (JTable) find(content, "turns");
            JTable totals = (JTable) find(content, "turns:totals");
            for (int c = 0; c < table.getColumnCount(); c++) {
                int width = table.getColumnModel().getColumn(c).getWidth();
                for (JTable tb : List.of(table, totals)) {
                    for (int r = 0; r < tb.getRowCount(); r++) {
                        Component cell = tb.prepareRenderer(tb.getCellRenderer(r, c), r, c);
                        assertThat(width).as("column %s, row %d: '%s'", table.getColumnName(c), r,
                                cell instanceof JLabel l ? l.getText() : cell).isGreaterThanOrEqualTo(
                                cell.getPreferredSize().width);
                    }
                }
            }
            assertThat(table.getWidth()).as("the table is not squeezed into a narrower view")
                    .isGreaterThanOrEqualTo(table.getColumnModel().getTotalColumnWidth());
            // the totals row sums the tokens and the cost
            assertThat(totals.getValueAt(0, 2)).isEqualTo(m.get("table.total"));
            long output = 0;
            for (ApiResponse r : rows) {
                output += r.tokens().output();
            }
            assertThat(totals.getValueAt(0, 4)).isEqualTo(output);
            assertThat(text(totals, 0, 3)).isEqualTo("900");
            assertThat(((JLabel) find(content, "turns:count")).getText()).startsWith("40 ");
            // the newest first, in the language's date order
            assertThat(text(table, 0, 0)).isEqualTo(language.equals("de") ? "Sa 05.12. 21:31:12" : "Sat Dec 5 21:31:12");
            assertThat(text(table, 0, 2)).isEqualTo("claude-opus-4-5-20251101");
            return paint(content);
        });
        Path out = Path.of("target", "turn-log-" + language + "-" + scale + "x.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
    }

    @org.junit.jupiter.api.Test
    void eachRequestsShareOfTheFiveHourWindowFromTheHistory() {
        Messages m = Messages.of("en");
        Instant t0 = Instant.parse("2026-12-05T10:00:00Z");
        Instant reset = t0.plus(java.time.Duration.ofHours(3));
        List<ApiResponse> rows = new ArrayList<>();
        List<dev.budmon.history.Observation> obs = new ArrayList<>();
        obs.add(observation(t0, null, 0.10, reset));
        for (int i = 0; i < 3; i++) {
            Instant t = t0.plusSeconds(60L * (i + 1));
            rows.add(new ApiResponse("msg" + i, "req" + i, "s1", "claude-sonnet-4-5-20250929", t,
                    new TokenCounts(100, 200, 0, 0, 300)));
            // the interceptor's observation of each response: up by 0.8 points, the last by 2
            obs.add(observation(t.plusMillis(500), "req" + i, 0.10 + (i < 2 ? 0.008 * (i + 1) : 0.036), reset));
        }
        Pricing pricing = new Pricing(PriceTable.bundled(), BudmonConfig.DEFAULTS);
        dev.budmon.quotacost.JoinedQuota joined = dev.budmon.quotacost.QuotaJoin.join(
                dev.budmon.history.QuotaHistory.of(obs), rows, pricing, t0.minusSeconds(1), t0.plusSeconds(3600));
        onEdt(() -> {
            BudmonTheme.setup();
            JComponent content = TurnLogWindow.content(rows, pricing, m, ZoneOffset.UTC, joined);
            JTable table = (JTable) find(content, "turns");
            assertThat(table.getColumnName(8)).isEqualTo("5h quota");
            // newest first
            assertThat(text(table, 0, 8)).isEqualTo("2.0%");
            assertThat(text(table, 1, 8)).isEqualTo("0.8%");
            assertThat(text(table, 2, 8)).isEqualTo("0.8%");
            assertThat(text(table, 0, 9)).as("no 7-day figures in the history").isEmpty();
            assertThat(text((JTable) find(content, "turns:totals"), 0, 8)).isEmpty();
            return null;
        });
    }

    private static dev.budmon.history.Observation observation(Instant t, String req, double fiveHour, Instant reset) {
        return new dev.budmon.history.Observation(t, dev.budmon.history.Observation.INTERCEPTOR, req, "s1",
                "allowed", java.util.Map.of("5h", new dev.budmon.history.WindowReading(fiveHour, reset, "allowed")));
    }

    private static String text(JTable table, int row, int column) {
        return ((JLabel) table.prepareRenderer(table.getCellRenderer(row, column), row, column)).getText();
    }

    private static void layOut(Container c) {
        c.doLayout();
        for (Component child : c.getComponents()) {
            if (child instanceof Container container) {
                layOut(container);
            }
        }
    }

    private static BufferedImage paint(JComponent c) {
        BufferedImage img = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            c.paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }
}

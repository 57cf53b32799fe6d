package dev.budmon.ui;

import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.format.AmountFormat;
import dev.budmon.history.HistoryAppender;
import dev.budmon.history.Observation;
import dev.budmon.history.WindowReading;
import dev.budmon.i18n.Messages;
import dev.budmon.model.TokenCounts;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.ui.widget.HistoryChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JToggleButton;
import javax.swing.SwingUtilities;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.budmon.ui.DashboardPanelTest.find;
import static dev.budmon.ui.DashboardPanelTest.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs › Quota history on a real display with a week of history written as the interceptor writes it (an
 * observation every ten minutes of the active hours, each with the request id of a transcript response): the
 * lines lie where their figures say, a reset shows as a fall to the next period's figure, and pointing at the
 * chart names the moment, each window's figure and the requests and cost of its hour. Screenshots go to
 * {@code target/quota-history-<scale>.png}.
 */
@Tag("window")
class QuotaHistoryWindowTest {

    /** A Sunday noon, on the hour. */
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration FIVE_HOURS = Duration.ofHours(5);
    /** The 7-day period that ends in two days began five days ago. */
    private static final Instant WEEK_START = NOW.minus(Duration.ofDays(5));
    private static final String MODEL = "claude-sonnet-4-5-20250929";
    private static final TokenCounts TOKENS = new TokenCounts(1_000, 500, 0, 0, 20_000);

    @TempDir
    Path claude;

    private JDialog dialog;

    @BeforeAll
    static void needsDisplay() {
        WindowTestDisplay.require();
        onEdt(dev.budmon.ui.theme.BudmonTheme::setup);
    }

    @AfterEach
    void close() {
        if (dialog != null) {
            onEdt(() -> {
                dialog.dispose();
                return null;
            });
        }
        WindowTestDisplay.assertThreadRulesKept();
    }

    /** 5h: 0 to 60 % over each 5-hour period (periods on multiples of 5 h since the epoch). */
    static double fiveHour(Instant t) {
        long p = FIVE_HOURS.toMillis();
        return 0.6 * Math.floorMod(t.toEpochMilli(), p) / p;
    }

    static Instant fiveHourReset(Instant t) {
        long p = FIVE_HOURS.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), p) * p + p);
    }

    /** 7d: 80 % at the end of the period before, then 0 to 40 % over the five days of this one. */
    static double week(Instant t) {
        return t.isBefore(WEEK_START) ? 0.8 : 0.4 * Duration.between(WEEK_START, t).toMillis()
                / Duration.ofDays(5).toMillis();
    }

    /** Active from 08:00 to 22:00 UTC. */
    static boolean active(Instant t) {
        int hour = t.atZone(ZoneOffset.UTC).getHour();
        return hour >= 8 && hour < 22;
    }

    /** A week of observations and, a second before each, the response whose headers it recorded. */
    private void writeWeek() throws IOException {
        StringBuilder transcript = new StringBuilder();
        String session = "8f2c6d1e-0000-4000-8000-000000000001";
        int k = 0;
        for (Instant t = NOW.minus(Duration.ofDays(7)); t.isBefore(NOW); t = t.plus(Duration.ofMinutes(10))) {
            if (!active(t)) {
                continue;
            }
            String req = "req_" + k;
            Map<String, WindowReading> w = new LinkedHashMap<>();
            w.put("5h", new WindowReading(fiveHour(t), fiveHourReset(t), "allowed"));
            w.put("7d", new WindowReading(week(t), t.isBefore(WEEK_START) ? WEEK_START : WEEK_START.plus(
                    Duration.ofDays(7)), "allowed"));
            w.put("7d_sonnet", new WindowReading(week(t) / 2, t.isBefore(WEEK_START) ? WEEK_START
                    : WEEK_START.plus(Duration.ofDays(7)), "allowed"));
            HistoryAppender.append(claude, new Observation(t, Observation.INTERCEPTOR, req, session, "allowed", w));
            transcript.append(assistantLine(k, req, session, t.minusSeconds(1))).append('\n');
            k++;
        }
        Path project = claude.resolve("projects").resolve("-tmp-week");
        Files.createDirectories(project);
        Files.writeString(project.resolve(session + ".jsonl"), transcript, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW);
    }

    /** An assistant response as Claude Code writes it, trimmed to what BudMon reads. */
    private static String assistantLine(int k, String req, String session, Instant t) {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"message\":{\"id\":\"msg_" + k
                + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + MODEL
                + "\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\",\"usage\":"
                + "{\"input_tokens\":" + TOKENS.input() + ",\"cache_creation_input_tokens\":0,"
                + "\"cache_read_input_tokens\":" + TOKENS.cacheRead() + ",\"output_tokens\":" + TOKENS.output()
                + "}},\"requestId\":\"" + req + "\",\"type\":\"assistant\",\"uuid\":\"u-" + k
                + "\",\"timestamp\":\"" + t + "\",\"cwd\":\"/tmp/week\",\"sessionId\":\"" + session
                + "\",\"version\":\"2.1.332\"}";
    }

    @Test
    void aWeekOfHistoryIsDrawnWhereItsFiguresSayAndPointingNamesAMomentAndItsHour() throws Exception {
        writeWeek();
        Messages m = Messages.of("en");
        ExecutorService io = Executors.newSingleThreadExecutor();
        try {
            AppDialogs dialogs = new AppDialogs(new ClaudeDirs(List.of(claude)), io, null);
            onEdt(() -> {
                dialogs.showQuotaHistory(null, m, BudmonConfig.DEFAULTS, PriceTable.bundled(), ZoneOffset.UTC, NOW);
                return null;
            });
            dialog = awaitDialog();
        } finally {
            io.shutdown();
            assertThat(io.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        String scale = onEdt(WindowTestDisplay::scaleName);
        Thread.sleep(300);
        BufferedImage week = screenshot("quota-history-week-" + scale);

        HistoryChart chart = onEdt(() -> (HistoryChart) find(dialog, "history:chart"));
        Rectangle plot = onEdt(chart::plot);
        Point origin = onEdt(() -> SwingUtilities.convertPoint(chart, 0, 0, dialog));
        int violet = onEdt(() -> dev.budmon.ui.theme.BudmonTheme.color(HistoryChart.SERIES[0]).getRGB() & 0xffffff);
        int cyan = onEdt(() -> dev.budmon.ui.theme.BudmonTheme.color(HistoryChart.SERIES[1]).getRGB() & 0xffffff);
        // the 7-day line: at 80 % before its reset five days ago
        int columns = 336;
        assertLineAt(week, origin, plot, columns, cyan, columnOf(NOW.minus(Duration.ofDays(6)).plus(
                Duration.ofHours(-2)), Duration.ofDays(7), columns), 0.8);
        // and in the night to Saturday (no 5-hour line crossing it) at what it stood at the last observation, 21:50
        Instant night = Instant.parse("2026-12-05T02:00:00Z");
        assertLineAt(week, origin, plot, columns, cyan, columnOf(night, Duration.ofDays(7), columns),
                week(Instant.parse("2026-12-04T21:50:00Z")));

        // 24 hours: the 5-hour line at 10:50 yesterday stood at 60 % · 110/300 (the period began 07:00... by the
        // epoch's 5-hour grid) and falls at each reset
        onEdt(() -> {
            ((JToggleButton) find(dialog, "history:range.day")).doClick(0);
            return null;
        });
        Thread.sleep(300);
        BufferedImage day = screenshot("quota-history-day-" + scale);
        Instant at = NOW.minus(Duration.ofHours(13)).plus(Duration.ofMinutes(2)); // 23:02 yesterday: quiet hours
        Instant busy = NOW.minus(Duration.ofHours(2)).plus(Duration.ofMinutes(2)); // 10:02 today
        int c = columnOf(busy, Duration.ofHours(24), 288);
        assertLineAt(day, origin, plot, 288, violet, c, fiveHour(busy.minus(Duration.ofMinutes(2))));

        // pointing at 10:02: the figures of that moment, and the six requests of 10:00 to 11:00 with their cost
        int x = plot.x + (int) ((c + 0.5) * plot.width / 288);
        onEdt(() -> {
            chart.dispatchEvent(new MouseEvent(chart, MouseEvent.MOUSE_MOVED, System.currentTimeMillis(), 0, x,
                    plot.y + plot.height / 2, 0, false));
            return null;
        });
        String hover = onEdt(() -> ((JLabel) find(dialog, "history:hover")).getText());
        double cost = 6 * new Pricing(PriceTable.bundled(), BudmonConfig.DEFAULTS).cost(MODEL, TOKENS).total();
        assertThat(hover).startsWith("Sun Dec 6 10:0").contains("5 hours " + AmountFormat.percent(
                fiveHour(busy.minus(Duration.ofMinutes(2))) * 100, m.locale()))
                .contains("7 days " + AmountFormat.percent(week(busy) * 100, m.locale()))
                .endsWith("7 days Sonnet " + AmountFormat.percent(week(busy) / 2 * 100, m.locale()));
        assertThat(onEdt(() -> ((JLabel) find(dialog, "history:hour")).getText()))
                .isEqualTo("10:00–11:00: 6 requests, " + AmountFormat.dollars(cost, m.locale()));
        // in the quiet hours: the figures stand, no requests
        int quiet = columnOf(at, Duration.ofHours(24), 288);
        int qx = plot.x + (int) ((quiet + 0.5) * plot.width / 288);
        onEdt(() -> {
            chart.dispatchEvent(new MouseEvent(chart, MouseEvent.MOUSE_MOVED, System.currentTimeMillis(), 0, qx,
                    plot.y + plot.height / 2, 0, false));
            return null;
        });
        assertThat(onEdt(() -> ((JLabel) find(dialog, "history:hover")).getText())).contains("5 hours 0%");
        assertThat(onEdt(() -> ((JLabel) find(dialog, "history:hour")).getText()))
                .isEqualTo("23:00–00:00: 0 requests, $0.00");
        screenshot("quota-history-hover-" + scale);
    }

    private static int columnOf(Instant t, Duration span, int columns) {
        return (int) (Duration.between(NOW.minus(span), t).toMillis() * columns / span.toMillis());
    }

    /** The line's colour lies in the column at the figure's height (within a pixel or two). */
    private static void assertLineAt(BufferedImage shot, Point origin, Rectangle plot, int columns, int colour,
                                     int column, double fraction) {
        int x = origin.x + plot.x + (int) ((column + 0.5) * plot.width / columns);
        double expected = origin.y + plot.y + plot.height - fraction * plot.height;
        // the line is drawn smoothed: its pixels are the colour or close to it, weighed by how close
        double sum = 0;
        double n = 0;
        for (int y = origin.y + plot.y; y < origin.y + plot.y + plot.height; y++) {
            double w = closeness(shot.getRGB(x, y) & 0xffffff, colour);
            sum += w * (y + 0.5);
            n += w;
        }
        assertThat(n).as("pixels of %06x in column %d (x=%d)", colour, column, x).isGreaterThan(0.5);
        assertThat(sum / n).as("height of the line in column %d", column).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(3.0));
    }

    /** 1 for the colour itself, falling to 0 at a distance of 120 summed over the channels. */
    private static double closeness(int rgb, int colour) {
        int d = Math.abs((rgb >> 16 & 0xff) - (colour >> 16 & 0xff)) + Math.abs((rgb >> 8 & 0xff) - (colour >> 8 & 0xff))
                + Math.abs((rgb & 0xff) - (colour & 0xff));
        return Math.max(0, 1 - d / 120.0);
    }

    private static JDialog awaitDialog() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JDialog d = onEdt(() -> {
                for (Window w : Window.getWindows()) {
                    if (w instanceof JDialog jd && "quota-history".equals(jd.getName()) && jd.isShowing()) {
                        return jd;
                    }
                }
                return null;
            });
            if (d != null) {
                return d;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the quota history window did not open within 10 s");
    }

    private BufferedImage screenshot(String name) throws Exception {
        Rectangle bounds = onEdt(() -> dialog.getBounds());
        BufferedImage img = new Robot().createScreenCapture(bounds);
        Path out = Path.of("target", name + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
        return img;
    }
}

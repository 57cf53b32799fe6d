package dev.budmon.ui;

import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.widget.QuotaBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.SwingUtilities;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;

import static dev.budmon.ui.DashboardPanelTest.find;
import static dev.budmon.ui.DashboardPanelTest.onEdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole application on a display (Xvfb in CI): the real {@link DashboardApp} with its watcher, readers,
 * clock and menus on a temporary Claude directory holding a real Claude Code transcript and the
 * interceptor's {@code usage-limits.json}. Rewriting that file as the interceptor does must reach the screen
 * within 500 ms; the language menu must switch the texts at once and write {@code budmon.ini}. Screenshots go
 * to {@code target/window-<en|de>-<scale>.png}; Maven runs this class at 1x and again in a JVM with
 * {@code -Dflatlaf.uiScale=2}.
 */
@Tag("window")
class DashboardAppWindowTest {

    /** The longest a rewritten usage-limits.json may take to show (issue 4, section 5). */
    private static final Duration FILE_TO_SCREEN_LIMIT = Duration.ofMillis(500);

    @TempDir
    Path claudeDir;

    private DashboardApp app;

    @BeforeAll
    static void needsDisplay() {
        WindowTestDisplay.require();
    }

    @AfterEach
    void close() throws InterruptedException {
        if (app != null) {
            assertThat(app.closeAndWait()).as("window closed, watcher and saves stopped").isTrue();
        }
    }

    /**
     * The clock's warm-up runs twenty simulated minutes ahead and paints them offscreen; none of that may
     * reach the window, which keeps showing the real time.
     */
    @Test
    void theClockWarmUpRunsAheadOffscreenWithoutTouchingTheWindow() throws Exception {
        ClaudeDirFixture.create(claudeDir, Instant.now(), "en");
        app = DashboardApp.start(new ClaudeDirs(List.of(claudeDir)), new TranscriptFeed(), Clock.systemDefaultZone());
        Object content = onEdt(() -> app.frame().getContentPane());

        assertThat(app.clockWarmedUp.await(30, TimeUnit.SECONDS)).as("warm-up painted its views").isTrue();

        // the fixture's 5h window resets 90 minutes after its creation: the ring shows about 1:29:xx, not
        // the 1:09:xx of twenty simulated minutes later
        String[] shown = onEdt(() -> new String[] {app.frame().getView().ring().timeText(),
                ((JLabel) find(app.frame().getContentPane(), "quota:5h.countdown")).getText()});
        assertThat(shown[0]).matches("1:(2[89]):\\d\\d");
        assertThat(shown[1]).as("the shown label").isEqualTo(shown[0]);
        assertThat(onEdt(() -> app.frame().getContentPane())).isSameAs(content);
    }

    @Test
    void showsAFileChangeAtOnceAndSwitchesToGermanFromItsMenu() throws Exception {
        ClaudeDirFixture data = ClaudeDirFixture.create(claudeDir, Instant.now(), "en");
        app = DashboardApp.start(new ClaudeDirs(List.of(claudeDir)), new TranscriptFeed(), Clock.systemDefaultZone());
        String scale = onEdt(WindowTestDisplay::scaleName);
        String asked = System.getProperty("flatlaf.uiScale");
        if (asked != null) {
            assertThat(scale).as("FlatLaf's scale").isEqualTo(Math.round(Float.parseFloat(asked)) + "x");
        }

        // the first state: the interceptor's figures and the transcript's two responses
        assertThat(await(() -> "42%".equals(barText("5h")), Duration.ofSeconds(10)))
                .as("5h bar shows the file's 42%% within 10 s of starting").isTrue();
        assertThat(label("header:status")).isEqualTo("OK");
        assertThat(label("requests:total.value.0")).as("requests in the session").isEqualTo("2");
        assertThat(label("quota:5h.countdown")).matches("[0-2]:\\d\\d:\\d\\d");

        // the interceptor records a new response: 57 %
        Instant renamed = data.writeUsageLimits(0.57, Instant.now());
        boolean shown = await(() -> "57%".equals(barText("5h")), FILE_TO_SCREEN_LIMIT);
        Duration took = Duration.between(renamed, Instant.now());
        assertThat(shown).as("5h bar shows 57%% within %d ms of the rename (gave up after %d ms)",
                FILE_TO_SCREEN_LIMIT.toMillis(), took.toMillis()).isTrue();
        settle();
        BufferedImage en = screenshot("window-en-" + scale);
        assertThat(filledFraction(en, "5h")).as("green part of the 5h bar on screen").isCloseTo(0.57,
                within(0.02));

        // Settings › Language › Deutsch, as a user picks it
        onEdt(() -> {
            ((JMenuItem) find(app.frame().getJMenuBar(), "menu:settings.language.de")).doClick(0);
            return null;
        });
        // the texts are read on the I/O thread, so the switch comes a moment after the click
        boolean german = await(() -> "5 Stunden".equals(onEdt(() -> app.frame().getView().quotas().get(0).label())),
                Duration.ofSeconds(1));
        assertThat(german).as("German texts within a second of the click").isTrue();
        assertThat(barText("5h")).isEqualTo("57 %");
        assertThat(onEdt(() -> ((JMenu) find(app.frame().getJMenuBar(), "menu:settings")).getText()))
                .isEqualTo("Einstellungen");
        assertThat(label("caption:expiry")).isEqualTo("Aufgebraucht");
        assertThat(label("requests:last.title")).isEqualTo("LETZTE ANFRAGE");
        Path ini = claudeDir.resolve("budmon.ini");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Files.readString(ini, StandardCharsets.UTF_8).contains("\nlanguage = de\n")
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(ini, StandardCharsets.UTF_8)).as("budmon.ini after the switch")
                .contains("\nlanguage = de\n");
        assertThat(Files.readString(ini, StandardCharsets.UTF_8))
                .as("the user's own lines stay").startsWith("; written by the window test\n")
                .doesNotContain("language = en");
        settle();
        BufferedImage de = screenshot("window-de-" + scale);
        assertThat(filledFraction(de, "5h")).isCloseTo(0.57, within(0.02));
    }

    private String label(String name) {
        return onEdt(() -> ((JLabel) find(app.frame().getContentPane(), name)).getText());
    }

    /** The bar of the quota window {@code window} (e.g. {@code 5h}); {@code null} while there is none. */
    private QuotaBar bar(String window) {
        QuotaPanel.Section s = app.frame().dashboard().quotas.section(window);
        return s == null ? null : s.bar;
    }

    private String barText(String window) {
        return onEdt(() -> {
            QuotaBar b = bar(window);
            return b == null ? null : b.getModel().text();
        });
    }

    /** Polls {@code condition} (which asks the EDT itself) until it holds or {@code timeout} has passed. */
    private static boolean await(Callable<Boolean> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Boolean.TRUE.equals(condition.call())) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
    }

    @Test
    void anEmptyClaudeDirectoryOffersTheSetupOverTheShownWindowInBudmonsLook() throws Exception {
        app = DashboardApp.start(new ClaudeDirs(List.of(claudeDir)), new TranscriptFeed(), Clock.systemDefaultZone());
        JDialog offer = null;
        for (int i = 0; i < 200 && offer == null; i++) {
            offer = onEdt(() -> {
                for (java.awt.Window w : java.awt.Window.getWindows()) {
                    if (w instanceof JDialog d && d.isShowing()) {
                        return d;
                    }
                }
                return null;
            });
            if (offer == null) {
                Thread.sleep(50);
            }
        }
        assertThat(offer).as("the first-run dialog").isNotNull();
        JDialog shown = offer;
        assertThat(onEdt(shown::getOwner)).isSameAs(onEdt(() -> app.frame()));
        assertThat(onEdt(() -> app.frame().isShowing())).isTrue();
        assertThat(onEdt(() -> shown.getRootPane().getUI().getClass().getName())).startsWith("com.formdev.flatlaf.");
        onEdt(() -> {
            shown.dispose(); // as "Later" would: nothing is installed
            return null;
        });
        assertThat(claudeDir.resolve("budmon-interceptor.mjs")).doesNotExist();
    }

    /** Lets the EDT paint and the X server draw what it was sent. */
    private static void settle() throws InterruptedException {
        onEdt(() -> null);
        Thread.sleep(300);
        onEdt(() -> {
            Toolkit.getDefaultToolkit().sync();
            return null;
        });
    }

    /** The screen's pixels under the window, as the user sees them, saved to {@code target/<name>.png}. */
    private BufferedImage screenshot(String name) throws Exception {
        Rectangle bounds = onEdt(() -> app.frame().getBounds());
        Rectangle screen = onEdt(() -> app.frame().getGraphicsConfiguration().getBounds());
        assertThat(screen.contains(bounds)).as("window %s lies on the screen %s", bounds, screen).isTrue();
        BufferedImage img = new Robot().createScreenCapture(bounds);
        Path out = Path.of("target", name + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
        return img;
    }

    /**
     * How much of the bar is green in the screenshot: the run of the theme's OK colour along the bar's middle
     * row, over the bar's length (fill, track and markers; the percentage text to their right is not part).
     */
    private double filledFraction(BufferedImage shot, String window) {
        int ok = BudmonTheme.color(BudmonTheme.QUOTA_OK).getRGB() & 0xffffff;
        int track = BudmonTheme.color(BudmonTheme.QUOTA_TRACK).getRGB() & 0xffffff;
        int warnMarker = BudmonTheme.color(BudmonTheme.QUOTA_WARN_MARKER).getRGB() & 0xffffff;
        int alarmMarker = BudmonTheme.color(BudmonTheme.QUOTA_ALARM_MARKER).getRGB() & 0xffffff;
        Rectangle r = onEdt(() -> {
            QuotaBar b = bar(window);
            Point p = SwingUtilities.convertPoint(b, 0, 0, app.frame());
            return new Rectangle(p.x, p.y, b.getWidth(), b.getHeight());
        });
        int y = r.y + r.height / 2;
        int fill = 0;
        while (fill < r.width && (shot.getRGB(r.x + fill, y) & 0xffffff) == ok) {
            fill++;
        }
        int end = 0;
        for (int x = 0; x < r.width; x++) {
            int c = shot.getRGB(r.x + x, y) & 0xffffff;
            if (c == track || c == warnMarker || c == alarmMarker) {
                end = x + 1;
            }
        }
        assertThat(fill).as("green pixels at the start of the bar").isPositive();
        assertThat(end).as("track pixels after the fill").isGreaterThan(fill);
        return (double) fill / end;
    }
}

package dev.budmon.ui;

import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.startup.WindowStartup;
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
import java.util.concurrent.Callable;
import java.util.function.Predicate;

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
        WindowTestDisplay.assertThreadRulesKept();
    }

    /** The window on {@code claudeDir}, as {@code budmon} opens it; the Install button must not be pressed here. */
    private DashboardApp start() throws Exception {
        return WindowStartup.start(new ClaudeDirs(List.of(claudeDir)), new TranscriptFeed(), (dir, out) -> {
            throw new AssertionError("the window test ran setup for " + dir);
        }, Clock.systemDefaultZone());
    }

    @Test
    void showsAFileChangeAtOnceAndSwitchesToGermanFromItsMenu() throws Exception {
        ClaudeDirFixture data = ClaudeDirFixture.create(claudeDir, Instant.now(), "en");
        app = start();
        String scale = onEdt(WindowTestDisplay::scaleName);
        String asked = System.getProperty("flatlaf.uiScale");
        if (asked != null) {
            assertThat(scale).as("FlatLaf's scale").isEqualTo(Math.round(Float.parseFloat(asked)) + "x");
        }

        // the first state: the interceptor's figures and the transcript's two responses
        assertThat(await(() -> "42%".equals(barText("5h")), Duration.ofSeconds(10)))
                .as("5h bar shows the file's 42%% within 10 s of starting").isTrue();
        assertThat(label("header:status")).isEqualTo("OK");
        // the transcripts come with the second state, a moment after the quota files
        assertThat(await(() -> "2".equals(label("requests:total.value.0")), Duration.ofSeconds(10)))
                .as("requests in the session").isTrue();
        assertThat(label("quota:5h.countdown")).matches("[0-2]:\\d\\d:\\d\\d");

        // the interceptor records a new response: 57 %
        Instant renamed = data.writeUsageLimits(0.57, Instant.now());
        boolean shown = await(() -> "57%".equals(barText("5h")), FILE_TO_SCREEN_LIMIT);
        Duration took = Duration.between(renamed, Instant.now());
        assertThat(shown).as("5h bar shows 57%% within %d ms of the rename (gave up after %d ms)",
                FILE_TO_SCREEN_LIMIT.toMillis(), took.toMillis()).isTrue();
        settle();
        screenshot("window-en-" + scale);
        assertThat(filledFraction("5h")).as("green part of the 5h bar on screen").isCloseTo(0.57,
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
        screenshot("window-de-" + scale);
        assertThat(filledFraction("5h")).isCloseTo(0.57, within(0.02));
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
        app = start();
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

    @Test
    void transcriptsWithoutAQuotaSourceSayNoQuotaDataAndOfferSetupWithItsAlternative() throws Exception {
        // months of Claude Code use, never a setup: transcripts, no usage-limits.json, no status line
        ClaudeDirFixture.create(claudeDir, Instant.now(), "en");
        Files.delete(claudeDir.resolve("usage-limits.json"));
        app = start();
        assertThat(await(() -> "NO QUOTA DATA".equals(label("header:status")), Duration.ofSeconds(10)))
                .as("the header says the quota is unknown, not OK").isTrue();
        assertThat(await(() -> "2".equals(label("requests:total.value.0")), Duration.ofSeconds(10))).isTrue();
        JDialog offer = awaitDialog();
        String message = onEdt(() -> dialogText(offer));
        assertThat(message).contains("budmon --statusline on").contains(claudeDir.toString())
                .contains("records Claude Code's quota figures");
        screenshotWithDialog(offer, "window-no-quota-offer-" + onEdt(WindowTestDisplay::scaleName));
        onEdt(() -> {
            offer.dispose();
            return null;
        });
    }

    @Test
    void withoutAClaudeDirectoryTheFirstStartIsOneCalmExplanation() throws Exception {
        Path never = claudeDir.resolve(".claude");
        app = WindowStartup.start(new ClaudeDirs(List.of(never)), new TranscriptFeed(), (dir, out) -> {
            throw new AssertionError("the window test ran setup for " + dir);
        }, Clock.systemDefaultZone());
        JDialog offer = awaitDialog();
        assertThat(onEdt(() -> dialogText(offer))).contains("has not run on this computer yet")
                .contains(never.toString()).contains("budmon --statusline on");
        // moving the window saves its place, which needs no error without a directory to save it in
        onEdt(() -> {
            app.frame().setLocation(app.frame().getX() + 40, app.frame().getY() + 30);
            return null;
        });
        Thread.sleep(1800);
        List<String> shown = onEdt(() -> {
            List<String> titles = new java.util.ArrayList<>();
            for (java.awt.Window w : java.awt.Window.getWindows()) {
                if (w instanceof JDialog d && d.isShowing()) {
                    titles.add(d.getTitle());
                }
            }
            return titles;
        });
        assertThat(shown).as("one dialog, the explanation; no error over it").containsExactly(onEdt(offer::getTitle));
        assertThat(never).as("nothing is created without setup").doesNotExist();
        screenshotWithDialog(offer, "window-no-claude-dir-" + onEdt(WindowTestDisplay::scaleName));
        onEdt(() -> {
            offer.dispose();
            return null;
        });
    }

    @Test
    void aBudmonIniOfTheOriginalCountsIsNamedInTheWindowAndTheMonitorIsSeenAlive() throws Exception {
        ClaudeDirFixture.create(claudeDir, Instant.now(), "en");
        // as BudMon 1.x writes it: its key names, # comments; and a quick poll to see the checks move
        Files.writeString(claudeDir.resolve("budmon.ini"), """
                # settings of BudMon 1.x
                [general]
                language = en
                refresh_ms = 250

                [model]
                model = opus

                [thresholds]
                quota_warn_pct = 40.0
                quota_alarm_pct = 90.0
                quota_panic_pct = 99
                """, StandardCharsets.UTF_8);
        app = start();
        assertThat(await(() -> "42%".equals(barText("5h")), Duration.ofSeconds(10))).isTrue();
        // quota_warn_pct = 40 counts: 42 % is a warning
        assertThat(onEdt(() -> bar("5h").getModel().tone())).isEqualTo(dev.budmon.ui.theme.Tone.WARN);
        assertThat(label("notice:legacy")).contains("settings of BudMon 1.x").endsWith(": 2");
        assertThat(label("notice:config")).as("the key that means nothing").endsWith(": 1");
        assertThat(label("footer:prices")).isEqualTo("prices: Opus");
        String alive = label("footer:alive");
        assertThat(await(() -> !alive.equals(label("footer:alive")), Duration.ofSeconds(3)))
                .as("the footer moves with the checks while no file changes (%s)", alive).isTrue();
        settle();
        screenshot("window-legacy-ini-" + onEdt(WindowTestDisplay::scaleName));
    }

    @Test
    void theGeometryIsSavedUnscaledAndTheWholeWindowStaysOnTheScreen() throws Exception {
        ClaudeDirFixture.create(claudeDir, Instant.now(), "en");
        // a window left at the bottom right of a larger screen, twice as large as it needs
        Files.writeString(claudeDir.resolve("budmon.ini"), "[general]\nlanguage = en\n[window]\n"
                + "geometry = 1500,1300,900,1400\n", StandardCharsets.UTF_8);
        app = start();
        assertThat(await(() -> "42%".equals(barText("5h")), Duration.ofSeconds(10))).isTrue();
        Rectangle area = onEdt(() -> WindowPlacement.usableArea(app.frame().getGraphicsConfiguration()));
        Rectangle bounds = onEdt(() -> app.frame().getBounds());
        assertThat(area.contains(bounds)).as("%s wholly on the screen %s", bounds, area).isTrue();

        float scale = onEdt(com.formdev.flatlaf.util.UIScale::getUserScaleFactor);
        onEdt(() -> {
            app.frame().setBounds(60, 40, app.frame().getMinimumSize().width + 50,
                    app.frame().getMinimumSize().height);
            return null;
        });
        Rectangle moved = onEdt(() -> app.frame().getBounds());
        String expected = "geometry = " + moved.x + "," + moved.y + "," + Math.round(moved.width / scale) + ","
                + Math.round(moved.height / scale);
        Path ini = claudeDir.resolve("budmon.ini");
        assertThat(await(() -> Files.readString(ini, StandardCharsets.UTF_8).contains(expected + "\n"),
                Duration.ofSeconds(5))).as("saved as %s (the size at 100 %%)", expected).isTrue();
    }

    /** The text of an option pane's message. EDT only. */
    private static String dialogText(JDialog d) {
        StringBuilder b = new StringBuilder();
        for (java.awt.Component c : DashboardPanelTest.all(d.getContentPane())) {
            if (c instanceof javax.swing.text.JTextComponent t) {
                b.append(t.getText()).append('\n');
            } else if (c instanceof JLabel l && l.getText() != null) {
                b.append(l.getText()).append('\n');
            }
        }
        return b.toString();
    }

    private static JDialog awaitDialog() throws Exception {
        JDialog[] found = new JDialog[1];
        boolean shown = await(() -> (found[0] = onEdt(() -> {
            for (java.awt.Window w : java.awt.Window.getWindows()) {
                if (w instanceof JDialog d && d.isShowing()) {
                    return d;
                }
            }
            return null;
        })) != null, Duration.ofSeconds(10));
        assertThat(shown).as("a dialog").isTrue();
        settle();
        return found[0];
    }

    /** The window and the dialog over it, as the user sees them. */
    private void screenshotWithDialog(JDialog d, String name) throws Exception {
        settle();
        Rectangle bounds = onEdt(() -> app.frame().getBounds().union(d.getBounds()))
                .intersection(onEdt(() -> app.frame().getGraphicsConfiguration().getBounds()));
        Path out = Path.of("target", name + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(new Robot().createScreenCapture(bounds), "png", out.toFile());
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
     * How much of the bar is green on the screen: the run of the theme's OK colour along the bar's middle row,
     * over the bar's length (fill, track and markers; the percentage text to their right is not part).
     */
    private double filledFraction(String window) throws Exception {
        int ok = BudmonTheme.color(BudmonTheme.QUOTA_OK).getRGB() & 0xffffff;
        int track = BudmonTheme.color(BudmonTheme.QUOTA_TRACK).getRGB() & 0xffffff;
        int warnMarker = BudmonTheme.color(BudmonTheme.QUOTA_WARN_MARKER).getRGB() & 0xffffff;
        int alarmMarker = BudmonTheme.color(BudmonTheme.QUOTA_ALARM_MARKER).getRGB() & 0xffffff;
        int[] fillAndEnd = new int[2];
        Predicate<BufferedImage> measured = row -> {
            int fill = 0;
            while (fill < row.getWidth() && (row.getRGB(fill, 0) & 0xffffff) == ok) {
                fill++;
            }
            int end = 0;
            for (int x = 0; x < row.getWidth(); x++) {
                int c = row.getRGB(x, 0) & 0xffffff;
                if (c == track || c == warnMarker || c == alarmMarker) {
                    end = x + 1;
                }
            }
            fillAndEnd[0] = fill;
            fillAndEnd[1] = end;
            return fill > 0 && end > fill;
        };
        BufferedImage row = ScreenReader.await(onEdt(() -> bar(window)),
                b -> new Rectangle(0, b.getHeight() / 2, b.getWidth(), 1), measured);
        measured.test(row);
        assertThat(fillAndEnd[0]).as("green pixels at the start of the bar (first pixel %06x)",
                row.getRGB(0, 0) & 0xffffff).isPositive();
        assertThat(fillAndEnd[1]).as("track pixels after the fill").isGreaterThan(fillAndEnd[0]);
        return (double) fillAndEnd[0] / fillAndEnd[1];
    }
}

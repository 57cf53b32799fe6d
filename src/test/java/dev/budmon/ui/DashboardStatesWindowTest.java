package dev.budmon.ui;

import dev.budmon.config.ModelChoice;
import dev.budmon.config.SettingSwitch;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.DashboardView;
import dev.budmon.ui.widget.CacheSparkline;
import dev.budmon.ui.widget.QuotaBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

import static dev.budmon.ui.DashboardPanelTest.find;
import static dev.budmon.ui.DashboardPanelTest.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real dashboard frame on a display (Xvfb in CI) in the states a user meets every week: no quota source,
 * the limit reached, ALARM by a weekly model window, stale figures, and the longest texts the formats make in
 * German. Nothing may be cut off; what drives the status must be visible and coloured on screen. Screenshots go
 * to {@code target/window-state-<state>-<en|de>-<scale>.png} (Maven runs this at 1x and at 2x).
 */
@Tag("window")
class DashboardStatesWindowTest {

    private DashboardFrame frame;

    @BeforeAll
    static void needsDisplay() {
        WindowTestDisplay.require();
    }

    @AfterEach
    void close() {
        onEdt(() -> {
            if (frame != null) {
                frame.dispose();
            }
            return null;
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"NO_QUOTA, en", "AT_LIMIT, en", "WEEKLY_ALARM, en", "STALE, en", "LONGEST, de", "AT_LIMIT, de"})
    void eachStateShowsWholeAndSaysWhatItIs(SampleViews.Scenario scenario, String language) throws Exception {
        boolean german = language.equals("de");
        open(SampleViews.view(scenario, 0, german));
        onEdt(() -> {
            DashboardPanelTest.assertNothingClipped(frame.dashboard());
            return null;
        });
        screenshot("window-state-" + scenario.name().toLowerCase() + "-" + language);
        switch (scenario) {
            case NO_QUOTA -> assertThat(label("header:status")).isEqualTo("NO QUOTA DATA");
            case AT_LIMIT -> {
                // the reset stays, in red, with its countdown; the ring counts down to it
                assertThat(label("quota:5h.reset")).isEqualTo("13:39");
                assertThat(label("quota:5h.countdown")).isEqualTo("1:05:00");
                assertThat(label("quota:5h.alert")).contains(german ? "gesperrt bis 13:39" : "blocked until 13:39");
                assertThat(colourCount("quota:5h.reset", Tone.ALARM, true)).as("red pixels of the reset").isPositive();
            }
            case WEEKLY_ALARM -> {
                // the compact Opus row shows what makes the header red: its reserve, in red
                assertThat(label("header:status")).isEqualTo("ALARM");
                assertThat(label("quota:7d_opus.mark")).isEqualTo("\u22122 d 10 h");
                assertThat(colourCount("quota:7d_opus.mark", Tone.ALARM, true)).as("red pixels of the mark")
                        .isPositive();
                assertThat(Tips.plain((JComponent) component("header:status"))).contains("7 days Opus");
            }
            case STALE -> {
                assertThat(label("header:status")).isEqualTo("STALE · 2 h");
                assertThat(label("footer:data")).isEqualTo("quota from 2 h ago");
                assertThat(colourCount("quota:5h.reserve", Tone.DIM, true)).isPositive();
                assertThat(colourCount("quota:5h.reserve", Tone.OK, false)).as("no green in a stale figure").isZero();
            }
            case LONGEST -> assertThat(label("quota:7d.countdown")).isEqualTo("6 d 23 h 1 min");
            default -> {
            }
        }
    }

    @Test
    void theHeadersTooltipNamesTheCauseOnScreen() throws Exception {
        open(SampleViews.view(SampleViews.Scenario.WEEKLY_ALARM, 0, false));
        onEdt(() -> {
            javax.swing.ToolTipManager.sharedInstance().setInitialDelay(100);
            return null;
        });
        Robot robot = new Robot();
        // On a loaded machine the pointer's moves can reach the window before it has settled where it shows,
        // or be merged into one: the status is looked up and pointed at again until its tooltip shows.
        long deadline = System.nanoTime() + 6_000_000_000L;
        String shown = null;
        Point p = null;
        for (int attempt = 0; shown == null && System.nanoTime() < deadline; attempt++) {
            p = onEdt(() -> {
                JComponent status = (JComponent) component("header:status");
                Point at = new Point(status.getWidth() / 2, status.getHeight() / 2);
                SwingUtilities.convertPointToScreen(at, status);
                return at;
            });
            robot.mouseMove(p.x - 40, p.y + 40);
            robot.waitForIdle();
            robot.mouseMove(p.x + attempt % 3, p.y);
            long until = Math.min(deadline, System.nanoTime() + 1_500_000_000L);
            while (shown == null && System.nanoTime() < until) {
                Thread.sleep(50);
                shown = onEdt(DashboardStatesWindowTest::showingToolTip);
            }
        }
        assertThat(shown).as("the tooltip on screen").isNotNull().contains("7 days Opus");
        settle();
        Rectangle screen = onEdt(() -> frame.getGraphicsConfiguration().getBounds());
        Rectangle area = onEdt(() -> frame.getBounds()).union(new Rectangle(p.x - 500, p.y, 900, 300))
                .intersection(screen);
        BufferedImage shot = robot.createScreenCapture(area);
        Path out = Path.of("target", "window-state-tooltip-" + onEdt(WindowTestDisplay::scaleName) + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(shot, "png", out.toFile());
        robot.mouseMove(screen.x + screen.width - 5, screen.y + screen.height - 5);
    }

    @Test
    void theWindowCanBeMadeSmallerThanItsFirstSizeAndLargerWithoutADeadArea() throws Exception {
        open(SampleViews.view(SampleViews.Scenario.NORMAL, 0, false));
        Dimension first = onEdt(frame::getSize);
        Dimension minimum = onEdt(frame::getMinimumSize);
        assertThat(minimum.width).as("the minimum is what the content needs, below the first size")
                .isLessThan(first.width);

        // smaller than the minimum: held at the minimum, nothing cut off
        onEdt(() -> {
            frame.setSize(minimum.width - 100, minimum.height);
            frame.validate();
            return null;
        });
        settle();
        onEdt(() -> {
            assertThat(frame.getWidth()).isGreaterThanOrEqualTo(minimum.width);
            DashboardPanelTest.assertNothingClipped(frame.dashboard());
            return null;
        });
        screenshot("window-resize-small-en");

        // 240 px wider and 200 px taller: bars and sparkline take the width, the sparkline the height
        int[] before = widths();
        int sparkHeight = onEdt(() -> component("cache:sparkline").getHeight());
        onEdt(() -> {
            frame.setSize(frame.getWidth() + 240, frame.getHeight() + 200);
            frame.validate();
            return null;
        });
        settle();
        int[] after = widths();
        assertThat(after[0] - before[0]).as("the 5h bar grows").isGreaterThan(100);
        assertThat(after[1] - before[1]).as("the 7d bar grows").isGreaterThan(200);
        assertThat(after[2] - before[2]).as("the sparkline grows").isGreaterThan(200);
        assertThat(onEdt(() -> component("cache:sparkline").getHeight()) - sparkHeight)
                .as("the sparkline takes the height").isGreaterThan(150);
        screenshot("window-resize-large-en");
    }

    @Test
    void aTextThatGrowsGrowsTheWindowInsteadOfBeingCutOff() throws Exception {
        open(SampleViews.view(SampleViews.Scenario.NORMAL, 0, true));
        onEdt(() -> {
            frame.setSize(frame.getMinimumSize());
            frame.validate();
            return null;
        });
        settle();
        int width = onEdt(frame::getWidth);
        // the same windows with the longest texts: the frame widens to keep every one whole
        DashboardView longest = SampleViews.view(SampleViews.Scenario.LONGEST, 0, true);
        onEdt(() -> {
            frame.setView(longest);
            return null;
        });
        settle();
        onEdt(() -> {
            assertThat(frame.getWidth()).isGreaterThan(width);
            DashboardPanelTest.assertNothingClipped(frame.dashboard());
            Rectangle area = WindowPlacement.usableArea(frame.getGraphicsConfiguration());
            assertThat(area.contains(frame.getBounds())).as("%s on the screen %s", frame.getBounds(), area).isTrue();
            // taller than the screen (the longest texts at 2x on 1400 px): the rest is reached by scrolling
            javax.swing.JScrollPane scroller = (javax.swing.JScrollPane) frame.getContentPane();
            boolean scrolls = frame.dashboard().getHeight() > scroller.getViewport().getHeight();
            assertThat(scroller.getVerticalScrollBar().isVisible()).as("scroll bar when it scrolls").isEqualTo(scrolls);
            assertThat(frame.dashboard().getWidth()).as("the width is never cut")
                    .isGreaterThanOrEqualTo(frame.dashboard().getMinimumSize().width);
            return null;
        });
        screenshot("window-grown-de");
    }

    private int[] widths() {
        return onEdt(() -> new int[] {((QuotaBar) component("quota:5h.bar")).getWidth(),
                ((QuotaBar) component("quota:7d.bar")).getWidth(),
                ((CacheSparkline) component("cache:sparkline")).getWidth()});
    }

    private void open(DashboardView view) throws InterruptedException {
        frame = onEdt(() -> {
            BudmonTheme.setup();
            DashboardFrame f = new DashboardFrame(new NoActions(), view);
            f.setLocation(20, 20);
            f.setVisible(true);
            return f;
        });
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!onEdt(frame::isShowing) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(onEdt(frame::isShowing)).isTrue();
        settle();
    }

    /** The text of the tooltip showing in any window now (a light popup in the frame or a window of its own). */
    private static String showingToolTip() {
        for (java.awt.Window w : java.awt.Window.getWindows()) {
            if (w.isShowing()) {
                javax.swing.JToolTip tip = findToolTip(w);
                if (tip != null) {
                    return tip.getTipText();
                }
            }
        }
        return null;
    }

    private static javax.swing.JToolTip findToolTip(java.awt.Container c) {
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof javax.swing.JToolTip tip && tip.isShowing()) {
                return tip;
            }
            if (child instanceof java.awt.Container inner) {
                javax.swing.JToolTip found = findToolTip(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void settle() throws InterruptedException {
        onEdt(() -> null);
        Thread.sleep(300);
        onEdt(() -> {
            Toolkit.getDefaultToolkit().sync();
            return null;
        });
    }

    private java.awt.Component component(String name) {
        java.awt.Component c = find(frame.getContentPane(), name);
        assertThat(c).as(name).isNotNull();
        return c;
    }

    private String label(String name) {
        return onEdt(() -> ((JLabel) component(name)).getText());
    }

    /**
     * How many pixels of the tone's colour the screen shows where the component is; with {@code awaitSome},
     * read again until there are some (see {@link ScreenReader}).
     */
    private int colourCount(String name, Tone tone, boolean awaitSome) throws Exception {
        Color want = onEdt(tone::color);
        ToIntFunction<BufferedImage> count = img -> {
            int n = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    Color c = new Color(img.getRGB(x, y));
                    if (Math.abs(c.getRed() - want.getRed()) < 12 && Math.abs(c.getGreen() - want.getGreen()) < 12
                            && Math.abs(c.getBlue() - want.getBlue()) < 12) {
                        n++;
                    }
                }
            }
            return n;
        };
        BufferedImage img = ScreenReader.await(onEdt(() -> component(name)), ScreenReader::whole,
                i -> !awaitSome || count.applyAsInt(i) > 0);
        return count.applyAsInt(img);
    }

    private BufferedImage screenshot(String name) throws Exception {
        Rectangle bounds = onEdt(frame::getBounds);
        BufferedImage img = new Robot().createScreenCapture(bounds);
        Path out = Path.of("target", name + "-" + onEdt(WindowTestDisplay::scaleName) + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
        return img;
    }

    /** Actions that do nothing. */
    private static class NoActions implements DashboardActions {
        @Override
        public void showSessionLog() {
        }

        @Override
        public void showHistoryLog() {
        }

        @Override
        public void openClaudeFolder() {
        }

        @Override
        public void selectLanguage(String code) {
        }

        @Override
        public void selectModel(ModelChoice model) {
        }

        @Override
        public void switchSetting(SettingSwitch setting, boolean on) {
        }

        @Override
        public void openIni() {
        }

        @Override
        public void showUserGuide() {
        }

        @Override
        public void showAbout() {
        }
    }
}

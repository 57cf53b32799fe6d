package dev.budmon.ui;

import dev.budmon.config.ModelChoice;
import dev.budmon.config.SettingSwitch;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.view.DashboardView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static dev.budmon.ui.DashboardPanelTest.find;
import static dev.budmon.ui.DashboardPanelTest.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real dashboard frame on a display (Xvfb in CI): it shows, fits its content after the set of windows
 * changes, switches language through its own menu, and takes its screenshots under {@code target/}
 * ({@code window-<wait|normal>-<en|de>-<scale>.png}).
 * Tagged {@code window}: it needs a display and {@code java.awt.headless=false}.
 */
@Tag("window")
class DashboardFrameWindowTest {

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
        WindowTestDisplay.assertThreadRulesKept();
    }

    @Test
    void showsFitsAndSwitchesLanguageFromItsMenu() throws Exception {
        AtomicReference<DashboardView> current = new AtomicReference<>();
        frame = onEdt(() -> {
            BudmonTheme.setup();
            DashboardActions actions = new NoActions() {
                @Override
                public void selectLanguage(String code) {
                    DashboardView v = SampleViews.view(SampleViews.Scenario.NORMAL, 0, code.equals("de"));
                    current.set(v);
                    frame.setView(v);
                }
            };
            DashboardView first = SampleViews.view(SampleViews.Scenario.WAIT, 0, false);
            current.set(first);
            DashboardFrame f = new DashboardFrame(actions, first);
            f.setLocation(20, 20);
            f.setVisible(true);
            return f;
        });
        waitUntilShowing();
        assertNothingClipped();
        screenshot("window-wait-en");

        // a view with more windows: the window grows to fit them
        onEdt(() -> {
            frame.setView(SampleViews.view(SampleViews.Scenario.NORMAL, 0, false));
            return null;
        });
        settle();
        assertNothingClipped();
        assertThat(onEdt(() -> ((JLabel) find(frame.getContentPane(), "quota:5h.expiry")).getText()))
                .isEqualTo("14:03");
        screenshot("window-normal-en");

        // Settings › Language › Deutsch, as a user would pick it
        onEdt(() -> {
            ((JMenuItem) find(frame.getJMenuBar(), "menu:settings.language.de")).doClick(0);
            return null;
        });
        settle();
        assertThat(onEdt(() -> ((JMenu) find(frame.getJMenuBar(), "menu:settings")).getText()))
                .isEqualTo("Einstellungen");
        assertThat(onEdt(() -> ((JLabel) find(frame.getContentPane(), "requests:last.title")).getText()))
                .isEqualTo("LETZTE ANFRAGE");
        assertThat(onEdt(frame::getView)).isEqualTo(current.get());
        assertNothingClipped();
        screenshot("window-normal-de");
    }

    private void waitUntilShowing() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!onEdt(frame::isShowing) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(onEdt(frame::isShowing)).as("frame on screen").isTrue();
        settle();
    }

    /** Lets the EDT lay out and paint. */
    private static void settle() throws InterruptedException {
        Thread.sleep(300);
        onEdt(() -> null);
    }

    private void assertNothingClipped() {
        onEdt(() -> {
            Dimension pref = frame.dashboard().getMinimumSize();
            Dimension size = frame.dashboard().getSize();
            assertThat(size.width).as("content width").isGreaterThanOrEqualTo(pref.width);
            assertThat(size.height).as("content height").isGreaterThanOrEqualTo(pref.height);
            return null;
        });
    }

    private void screenshot(String name) throws Exception {
        Rectangle bounds = onEdt(frame::getBounds);
        BufferedImage img = new Robot().createScreenCapture(bounds);
        Path out = Path.of("target", name + "-" + onEdt(WindowTestDisplay::scaleName) + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
    }

    /** Actions that do nothing, for the items this test does not click. */
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

package dev.budmon.ui;

import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ConfigStore;
import dev.budmon.model.UsageState;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.startup.WindowStartup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import java.awt.event.WindowEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.budmon.ui.DashboardPanelTest.find;
import static dev.budmon.ui.DashboardPanelTest.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings › Alerts of the real window: a check item switches its rule in {@code budmon.ini} through the config
 * store, the file's comments and order kept, and the tray and alerts beside the window get the new config;
 * closing the window hides it while a tray icon exists, unless close-to-tray is switched off there.
 */
@Tag("window")
class AlertsMenuWindowTest {

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

    @Test
    void aSwitchIsSavedWithTheFilesCommentsAndReachesTheTrayAndTheAlerts() throws Exception {
        String original = startWithCommentedIni();
        TrayStandIn tray = attach(true);
        JCheckBoxMenuItem quotaBack = item("quota_back");
        assertThat(onEdt(() -> ((JMenu) find(app.frame().getJMenuBar(), "menu:settings.alerts")).getText()))
                .isEqualTo("Alerts");
        assertThat(onEdt(quotaBack::getText)).isEqualTo("Alert when a quota is back");
        assertThat(onEdt(quotaBack::getMnemonic)).isEqualTo((int) 'K');
        assertThat(onEdt(quotaBack::isSelected)).isTrue();

        onEdt(() -> {
            quotaBack.doClick(0);
            return null;
        });
        Path ini = claudeDir.resolve(ConfigStore.FILE_NAME);
        assertThat(await(() -> Files.readString(ini, StandardCharsets.UTF_8).contains("\nquota_back = off\n")))
                .as("budmon.ini after the click").isTrue();
        assertThat(Files.readString(ini, StandardCharsets.UTF_8))
                .as("the file with only that line changed, its comments and order kept")
                .isEqualTo(original.replace("\nquota_back = on\n", "\nquota_back = off\n"));
        assertThat(await(() -> tray.configs.stream().anyMatch(c -> !c.alerts().quotaBack())))
                .as("the config the tray and the alerts got").isTrue();
        assertThat(onEdt(quotaBack::isSelected)).isFalse();
        JCheckBoxMenuItem quotaWarn = item("quota_warn");
        assertThat(onEdt(quotaWarn::isSelected)).as("the other switches").isTrue();
    }

    @Test
    void closingHidesTheWindowBesideATrayIconUnlessCloseToTrayIsOff() throws Exception {
        startWithCommentedIni();
        TrayStandIn tray = attach(true);
        closeAsTheUserDoes();
        assertThat(onEdt(() -> app.frame().isShowing())).as("shown after closing").isFalse();
        assertThat(onEdt(() -> app.frame().isDisplayable())).as("kept for the tray to show again").isTrue();
        assertThat(tray.shown).containsExactly(true, false);
        onEdt(() -> {
            app.showWindow();
            return null;
        });
        assertThat(onEdt(() -> app.frame().isShowing())).as("shown again, as the tray's Show window does").isTrue();

        // Settings › Alerts › Closing the window keeps BudMon running, switched off: closing ends it
        JCheckBoxMenuItem closeToTray = item("close_to_tray");
        onEdt(() -> {
            closeToTray.doClick(0);
            return null;
        });
        assertThat(await(() -> tray.configs.stream().anyMatch(c -> !c.tray().closeToTray()))).isTrue();
        closeAsTheUserDoes();
        assertThat(await(() -> !onEdt(() -> app.frame().isDisplayable()))).as("disposed").isTrue();
        assertThat(await(() -> tray.closed)).as("the tray and the alerts end with the window").isTrue();
        app = null;
    }

    @Test
    void withoutATrayIconClosingEndsBudMon() throws Exception {
        startWithCommentedIni();
        attach(false);
        closeAsTheUserDoes();
        assertThat(await(() -> !onEdt(() -> app.frame().isDisplayable()))).as("disposed").isTrue();
        app = null;
    }

    /** Starts the window on a Claude directory whose budmon.ini is BudMon's commented default; returns that text. */
    private String startWithCommentedIni() throws Exception {
        ClaudeDirFixture.create(claudeDir, Instant.now(), "en");
        String ini = ConfigStore.defaultText().replace("\nlanguage = auto\n", "\nlanguage = en\n");
        Files.writeString(claudeDir.resolve(ConfigStore.FILE_NAME), ini, StandardCharsets.UTF_8);
        app = WindowStartup.start(new ClaudeDirs(List.of(claudeDir)), new TranscriptFeed(), (dir, out) -> {
            throw new AssertionError("the window test ran setup for " + dir);
        }, Clock.systemDefaultZone());
        return ini;
    }

    private TrayStandIn attach(boolean icon) {
        TrayStandIn t = new TrayStandIn(icon);
        onEdt(() -> {
            app.attach(t);
            return null;
        });
        return t;
    }

    private void closeAsTheUserDoes() {
        onEdt(() -> {
            app.frame().dispatchEvent(new WindowEvent(app.frame(), WindowEvent.WINDOW_CLOSING));
            return null;
        });
    }

    private JCheckBoxMenuItem item(String key) {
        return onEdt(() -> (JCheckBoxMenuItem) find(app.frame().getJMenuBar(), "menu:settings.alerts." + key));
    }

    private static boolean await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.call()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.call();
    }

    /** Stands in for the tray icon and the alerts (their D-Bus side is TrayWindowTest's): records what it is told. */
    private static final class TrayStandIn implements WindowCompanion {
        final boolean icon;
        final List<BudmonConfig> configs = new CopyOnWriteArrayList<>();
        final List<Boolean> shown = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        TrayStandIn(boolean icon) {
            this.icon = icon;
        }

        @Override
        public void accept(UsageState s) {
        }

        @Override
        public void paces(java.util.Map<String, dev.budmon.calc.PaceForecast> p) {
        }

        @Override
        public void configure(BudmonConfig c) {
            configs.add(c);
        }

        @Override
        public void windowShown(boolean s) {
            shown.add(s);
        }

        @Override
        public boolean hasTray() {
            return icon;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

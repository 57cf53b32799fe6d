package dev.budmon.cli;

import dev.budmon.notify.PrivateDesktop;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.ClaudeDirFixture;
import dev.budmon.ui.DashboardApp;
import dev.budmon.ui.WindowTestDisplay;
import dev.budmon.ui.startup.WindowStartup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JCheckBoxMenuItem;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import java.awt.Frame;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window of {@code budmon} with its tray icon and alerts as {@link WindowCommand} puts them together, on a
 * private desktop of real parts ({@link PrivateDesktop}: a session bus with dunst and a StatusNotifierWatcher):
 * the window's watcher feeds the alerts, so a rewrite of {@code usage-limits.json} over the alarm threshold
 * makes dunst show exactly one notification, whose click shows the window; closing the window while the icon is
 * on screen hides it and BudMon runs on; the icon's click brings it back; a switch of its menu is saved and the
 * window's menu follows; the menu's Quit ends it. Without a panel on the bus closing the window ends BudMon.
 */
@Tag("window")
class TrayWindowTest {

    private static PrivateDesktop desktop;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startDesktop() throws Exception {
        WindowTestDisplay.require();
        PrivateDesktop.require("Xvfb", "dbus-daemon", "dbus-send", "busctl", "dunst", "dunstctl",
                "status-notifier-watcher");
        desktop = PrivateDesktop.start(temp);
        desktop.startDunst();
        desktop.startStatusNotifierWatcher();
    }

    @AfterAll
    static void stopDesktop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void alertsFromTheWindowsWatcherAndClosingHidesItBesideTheIcon() throws Exception {
        Path claude = temp.resolve("claude");
        ClaudeDirFixture data = ClaudeDirFixture.create(claude, Instant.now(), "en"); // the 5h window at 42 %
        int before = notifications();
        DashboardApp app = open(claude);
        CountDownLatch ended = endOf(app);
        try {
            String item = awaitItem();
            assertThat(await(() -> menuLabels(item).contains("Hide window"), 10))
                    .as("the icon's menu offers to hide the shown window").isTrue();

            // the interceptor records a response at 95 %: one alarm, from the window's own watcher
            data.writeUsageLimits(0.95, Instant.now());
            assertThat(await(() -> notifications() >= before + 1, 20)).as("a notification within 20 s").isTrue();
            Thread.sleep(1500); // a second one sent by mistake would have arrived by now
            assertThat(notifications()).as("notifications dunst received").isEqualTo(before + 1);
            assertThat(Files.readString(claude.resolve("budmon").resolve("alerts.json"))).contains("5h");

            // the user closes the window: with the icon there, it only hides
            JFrame frame = onEdt(TrayWindowTest::budmonFrame);
            SwingUtilities.invokeAndWait(() -> frame.dispatchEvent(new WindowEvent(frame, WindowEvent.WINDOW_CLOSING)));
            assertThat(onEdt(frame::isShowing)).as("shown after closing").isFalse();

            // a click on the notification shows it again
            desktop.run("dunstctl", "action", "0");
            assertThat(await(() -> onEdtQuietly(frame::isShowing), 10)).as("shown after the notification's click")
                    .isTrue();
            desktop.run("dunstctl", "close-all");
            assertThat(desktop.run("dunstctl", "history")).contains("5-hour quota at 95%");
            SwingUtilities.invokeAndWait(() -> frame.dispatchEvent(new WindowEvent(frame, WindowEvent.WINDOW_CLOSING)));
            assertThat(onEdt(frame::isShowing)).as("shown after closing again").isFalse();
            assertThat(onEdt(frame::isDisplayable)).as("kept, not disposed").isTrue();
            assertThat(ended.await(1, TimeUnit.SECONDS)).as("BudMon ended").isFalse();
            assertThat(await(() -> menuLabels(item).contains("Show window"), 10))
                    .as("the icon's menu offers to show the hidden window").isTrue();

            // a click on the icon brings it back
            busctl("call", item, "/StatusNotifierItem", "org.kde.StatusNotifierItem", "Activate", "ii", "0", "0");
            assertThat(await(() -> onEdtQuietly(frame::isShowing), 10)).as("shown after the icon's click").isTrue();

            // the icon's Settings › Alert when a quota is back (item 16), switched off: saved to budmon.ini, and
            // the window's Settings › Alerts follows
            busctl("call", item, "/MenuBar", "com.canonical.dbusmenu", "Event", "isvu", "16", "clicked", "i", "0",
                    "0");
            Path ini = claude.resolve("budmon.ini");
            assertThat(await(() -> read(ini).contains("quota_back = off"), 10)).as("budmon.ini").isTrue();
            JCheckBoxMenuItem back = onEdt(() -> (JCheckBoxMenuItem) named(frame.getJMenuBar(),
                    "menu:settings.alerts.quota_back"));
            assertThat(await(() -> !onEdtQuietly(back::isSelected), 10)).as("the window's check item").isTrue();

            // the menu's Quit (item 5) ends the window for good
            busctl("call", item, "/MenuBar", "com.canonical.dbusmenu", "Event", "isvu", "5", "clicked", "i", "0",
                    "0");
            assertThat(ended.await(10, TimeUnit.SECONDS)).as("BudMon ended by the tray's Quit").isTrue();
            assertThat(await(() -> registeredItems().equals("as 0"), 10))
                    .as("the icon left the panel with the window").isTrue();
        } finally {
            SwingUtilities.invokeLater(app::quit);
            ended.await(10, TimeUnit.SECONDS);
        }
        WindowTestDisplay.assertThreadRulesKept();
    }

    @Test
    void withAnIconWaitingForAPanelClosingEndsBudMon() throws Exception {
        // a desktop whose bus has no tray (GNOME without the AppIndicator extension): the item waits for a
        // panel, but nothing on screen could bring a hidden window back
        desktop.stopStatusNotifierWatcher();
        try {
            Path claude = temp.resolve("claude-no-panel");
            ClaudeDirFixture.create(claude, Instant.now(), "en");
            CountDownLatch ended = endOf(open(claude));
            // open() started the tray and the alerts and queued their attachment before this close
            JFrame frame = onEdt(TrayWindowTest::budmonFrame);
            SwingUtilities.invokeAndWait(() -> frame.dispatchEvent(new WindowEvent(frame, WindowEvent.WINDOW_CLOSING)));
            assertThat(ended.await(10, TimeUnit.SECONDS)).as("BudMon ended with its window").isTrue();
        } finally {
            desktop.startStatusNotifierWatcher();
        }
        WindowTestDisplay.assertThreadRulesKept();
    }

    /** The window of {@code budmon} with its tray icon and alerts on the private bus, as WindowCommand starts it. */
    private static DashboardApp open(Path claude) throws InterruptedException {
        ClaudeDirs dirs = new ClaudeDirs(List.of(claude));
        DashboardApp app = WindowStartup.open(dirs, new TranscriptFeed(), null, (dir, out) -> {
            throw new AssertionError("the test ran setup for " + dir);
        }, WindowCommand.trayAndAlerts(dirs, desktop.busAddress(), null, temp.resolve("cache")));
        assertThat(app).isNotNull();
        return app;
    }

    /** Counted down when the window has ended for good. */
    private static CountDownLatch endOf(DashboardApp app) {
        CountDownLatch ended = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                app.awaitClosed();
                ended.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.setDaemon(true);
        waiter.start();
        return ended;
    }

    private static int notifications() {
        try {
            return desktop.notificationsSoFar();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bus name of the one item registered with the watcher. */
    private static String awaitItem() throws Exception {
        AtomicReference<String> name = new AtomicReference<>();
        assertThat(await(() -> {
            String items = registeredItems();
            int q = items.indexOf('"');
            if (q < 0) {
                return false;
            }
            String first = items.substring(q + 1, items.indexOf('"', q + 1));
            name.set(first.contains("/") ? first.substring(0, first.indexOf('/')) : first);
            return true;
        }, 20)).as("the item registered with the StatusNotifierWatcher").isTrue();
        return name.get();
    }

    private static String registeredItems() {
        return desktop.registeredItems();
    }

    /** The labels of the icon's menu, as {@code busctl} prints the layout. */
    private static String menuLabels(String item) {
        return busctlQuietly("call", item, "/MenuBar", "com.canonical.dbusmenu", "GetLayout", "iias", "0", "-1", "1",
                "label");
    }

    private static String busctl(String... args) throws Exception {
        return desktop.busctl(args);
    }

    private static String busctlQuietly(String... args) {
        try {
            return busctl(args);
        } catch (Exception e) {
            return "";
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The component of that name in a menu bar, looking into menus that are not open. */
    private static java.awt.Component named(java.awt.Container root, String name) {
        java.awt.Component[] children = root instanceof javax.swing.JMenu m ? m.getMenuComponents()
                : root.getComponents();
        for (java.awt.Component c : children) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof java.awt.Container inner) {
                java.awt.Component found = named(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static JFrame budmonFrame() {
        for (Frame f : Frame.getFrames()) {
            if (f instanceof JFrame j && f.isShowing() && j.getJMenuBar() != null) {
                return j;
            }
        }
        throw new AssertionError("no window shown");
    }

    private static boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
        return PrivateDesktop.await(condition, seconds);
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> c) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(c.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private static boolean onEdtQuietly(java.util.concurrent.Callable<Boolean> c) {
        try {
            return onEdt(c);
        } catch (Exception e) {
            return false;
        }
    }
}

package dev.budmon.background;

import dev.budmon.DaemonThreads;
import dev.budmon.Os;
import dev.budmon.alert.AlertStateStore;
import dev.budmon.calc.PaceForecast;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ConfigStore;
import dev.budmon.config.LoadedConfig;
import dev.budmon.config.SettingSwitch;
import dev.budmon.i18n.Messages;
import dev.budmon.model.UsageState;
import dev.budmon.notify.AlertService;
import dev.budmon.notify.NotificationIcon;
import dev.budmon.notify.NotifierChain;
import dev.budmon.notify.Notifiers;
import dev.budmon.notify.SessionBus;
import dev.budmon.tray.Tray;
import dev.budmon.tray.TrayActions;
import dev.budmon.tray.TrayPalette;
import org.freedesktop.dbus.connections.impl.DBusConnection;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The tray icon and the alerts of one BudMon process, the one owner of both whichever way BudMon runs: beside
 * the window ({@code budmon}, fed by the window's watcher) and without it ({@code budmon --background}, fed by
 * {@link BackgroundMode}'s). It takes every new state and config, evaluates the alerts, shows the icon and
 * carries out what its menu asks, passing what concerns the window to a {@link Window}. Thread-safe.
 */
public final class TrayAndAlerts implements AutoCloseable, TrayActions {

    /** What the tray's menu and a click on a notification ask of the window. Any thread. */
    public interface Window {
        /** Shows the window when hidden (starting it when there is none yet), hides it when shown. */
        void toggle();

        /** Shows the window and puts it in front (a click on a notification). */
        void show();

        /** Shows the history. */
        void showHistory();

        /** Ends BudMon: the window, then this. */
        void quit();
    }

    private final ConfigStore configStore;
    private final Clock clock;
    private final Window window;
    private final DBusConnection bus;
    private final NotifierChain notifier;
    private final AlertService alerts;
    /** Shows and hides the tray, saves settings, opens the INI file: off the D-Bus, AWT and Swing threads. */
    private final ExecutorService io = Executors.newSingleThreadExecutor(DaemonThreads.named("budmon-tray-io"));
    private volatile Tray tray;
    private volatile Messages messages;
    private volatile BudmonConfig config;
    private volatile boolean windowShown;
    /** Whether the icon is on screen, as last asked (at the start and with every evaluation). */
    private volatile boolean iconVisible;
    private volatile AlertService.Evaluation last;

    private TrayAndAlerts(ConfigStore configStore, BudmonConfig config, String busAddress, Path iconTheme,
                          Path cacheDir, Clock clock, Window window) {
        this.configStore = configStore;
        this.clock = clock;
        this.window = window;
        this.config = config;
        this.messages = Messages.forSetting(config.language(), Locale.getDefault());
        this.bus = SessionBus.connect(busAddress);
        this.tray = config.tray().icon() ? Tray.show(bus, TrayPalette.fromThemeFile(), this) : Tray.none();
        this.iconVisible = tray.visible();
        this.notifier = Notifiers.forPlatform(Os.current(), busAddress, bus, Notifiers.pathFromEnvironment(),
                NotificationIcon.resolve(iconTheme, cacheDir), messages.get("alert.show_action"), window::show,
                tray.awtIcon());
        this.alerts = new AlertService(AlertStateStore.in(configStore.file().getParent()), notifier, config, clock);
        alerts.observe(e -> {
            last = e;
            showOnTray(e);
        });
    }

    /**
     * Connects to the session bus, shows the tray icon (unless {@code [tray] icon = off}) and starts the alerts'
     * clock; the alerts wait for the first {@link #accept state}. I/O; not on the EDT.
     *
     * @param configStore the config file the tray's switches are saved to
     * @param config      the config to start with
     * @param busAddress  the session bus ({@code DBUS_SESSION_BUS_ADDRESS}); {@code null} when there is none
     * @param iconTheme   the user's hicolor folder, for the notifications' icon; {@code null} when none
     * @param cacheDir    BudMon's cache folder
     * @param window      what the menu's window items and a click on a notification do
     */
    public static TrayAndAlerts start(ConfigStore configStore, BudmonConfig config, String busAddress,
                                      Path iconTheme, Path cacheDir, Clock clock, Window window) {
        TrayAndAlerts t = new TrayAndAlerts(configStore, config, busAddress, iconTheme, cacheDir, clock, window);
        t.alerts.start();
        return t;
    }

    /** A new state of the sources; the alerts evaluate it and the icon shows it. Any thread. */
    public void accept(UsageState s) {
        alerts.accept(s);
    }

    /** The windows' pace from the quota history, by window name, for the alert before a window runs out. Any thread. */
    public void paces(Map<String, PaceForecast> p) {
        alerts.paces(p);
    }

    /**
     * A changed configuration: thresholds and rules from the next evaluation on, the language at once, and
     * the icon shown or taken away when {@code [tray] icon} changed. Any thread.
     */
    public void configure(BudmonConfig c) {
        BudmonConfig before = config;
        config = c;
        if (!c.language().equals(before.language())) {
            onIo(() -> {
                messages = Messages.forSetting(c.language(), Locale.getDefault());
                refreshTray();
            });
        }
        if (c.tray().icon() != before.tray().icon()) {
            onIo(() -> switchTray(c.tray().icon()));
        }
        alerts.configure(c);
    }

    /** The window was shown or hidden: the menu's first item says Hide or Show. Any thread. */
    public void windowShown(boolean shown) {
        if (windowShown != shown) {
            windowShown = shown;
            onIo(this::refreshTray); // paints the icon and talks to the panel: not on the EDT
        }
    }

    /** Whether a tray icon is shown or waits on the bus for a panel (one that starts after BudMon at login). */
    public boolean hasTray() {
        return tray.exists();
    }

    /**
     * Whether the icon is on screen, so that closing the window may hide it: an icon waiting for a panel
     * could not bring the window back. As of the last evaluation (every {@link AlertService#TICK} at least).
     * Any thread.
     */
    public boolean iconVisible() {
        return iconVisible;
    }

    /** The ways of showing notifications, best first, for the log. */
    public String notifierName() {
        return notifier.name();
    }

    private void switchTray(boolean on) {
        if (on && !tray.exists()) {
            tray = Tray.show(bus, TrayPalette.fromThemeFile(), this);
            refreshTray();
        } else if (!on && tray.exists()) {
            Tray old = tray;
            tray = Tray.none();
            old.close();
        }
        iconVisible = tray.visible();
    }

    private void refreshTray() {
        AlertService.Evaluation e = last;
        if (e != null) {
            showOnTray(e);
        }
    }

    private void showOnTray(AlertService.Evaluation e) {
        // the config in use, not the evaluation's: a switch just clicked shows its new state at once
        tray.update(e.figures(), config, messages, clock.getZone(), windowShown);
        iconVisible = tray.visible();
    }

    /** Runs {@code r} on the I/O thread; nothing once closed (a window that ends after the background did). */
    private void onIo(Runnable r) {
        try {
            io.execute(r);
        } catch (RejectedExecutionException closed) {
            // closing: the icon and the settings no longer matter
        }
    }

    @Override
    public void toggleWindow() {
        window.toggle();
    }

    @Override
    public void showHistory() {
        window.showHistory();
    }

    @Override
    public void setSetting(String setting, boolean on) {
        SettingSwitch s = SettingSwitch.of(setting);
        if (s == null) {
            return; // no switch of BudMon's: the panel sent an item id of an older menu
        }
        onIo(() -> {
            try {
                LoadedConfig saved = configStore.save(s.section(), s.key(), SettingSwitch.iniValue(on));
                // the window's watcher and BackgroundMode's read the file again too; this shows it at once
                configure(saved.config());
                refreshTray();
            } catch (IOException | RuntimeException e) {
                System.err.println("budmon: " + configStore.file() + " could not be changed (" + e.getMessage() + ")");
            }
        });
    }

    @Override
    public void openIni() {
        onIo(() -> {
            configStore.load(); // creates the commented default when there is none yet
            String file = configStore.file().toString();
            List<String> cmd = switch (Os.current()) {
                case MACOS -> List.of("open", "-t", file);
                case WINDOWS -> List.of("notepad", file);
                case LINUX -> List.of("xdg-open", file);
            };
            try {
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                System.err.println("budmon: " + file + " could not be opened (" + e.getMessage() + ")");
            }
        });
    }

    @Override
    public void quit() {
        window.quit();
    }

    /** Stops the alerts (saving their state) and the tray, and lets go of the bus. Any thread. */
    @Override
    public void close() {
        alerts.close();
        tray.close();
        notifier.close();
        io.shutdown();
        if (bus != null) {
            try {
                bus.close();
            } catch (IOException e) {
                // going anyway
            }
        }
    }
}

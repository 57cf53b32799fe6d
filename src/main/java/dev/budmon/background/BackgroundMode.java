package dev.budmon.background;

import dev.budmon.alert.AlertStateStore;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ConfigStore;
import dev.budmon.config.LoadedConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.notify.AlertService;
import dev.budmon.notify.NotificationIcon;
import dev.budmon.notify.NotifierChain;
import dev.budmon.notify.Notifiers;
import dev.budmon.notify.Platform;
import dev.budmon.notify.SessionBus;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.FileStamp;
import dev.budmon.source.StateReader;
import dev.budmon.source.TranscriptSource;
import dev.budmon.tray.Tray;
import dev.budmon.tray.TrayActions;
import dev.budmon.tray.TrayPalette;
import dev.budmon.watch.LiveState;
import org.freedesktop.dbus.connections.impl.DBusConnection;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The tray icon and the alerts, running on the watcher's state updates without the window: what
 * {@code budmon --background} runs. The window, when the user asks for it (a click on the icon or on a
 * notification, the menu's Show window or History), is opened by the caller's {@link WindowOpener}.
 * Thread-safe; {@link #await()} blocks until Quit.
 */
public final class BackgroundMode implements AutoCloseable, TrayActions {

    /** Opens the window (Show window) or its history (History log) from the background. */
    public interface WindowOpener {
        /** Shows the window; it may start it. Any thread. */
        void showWindow();

        /** Shows the history log. Any thread. */
        void showHistory();
    }

    private final ConfigStore configStore;
    private final WindowOpener opener;
    private final DBusConnection bus;
    private final Tray tray;
    private final NotifierChain notifier;
    private final AlertService alerts;
    private final LiveState live;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "budmon-io");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch quit = new CountDownLatch(1);
    private volatile Object configStamp;
    private volatile Messages messages;

    private BackgroundMode(ClaudeDirs dirs, TranscriptSource transcripts, String busAddress, Path iconTheme,
                           Path cacheDir, Clock clock, WindowOpener opener) {
        this.configStore = new ConfigStore(dirs.primary());
        this.opener = opener;
        LoadedConfig loaded = configStore.load();
        this.configStamp = FileStamp.of(configStore.file());
        BudmonConfig config = loaded.config();
        this.messages = Messages.forSetting(config.language(), Locale.getDefault());
        this.bus = SessionBus.connect(busAddress);
        this.tray = config.tray().icon() ? Tray.show(bus, TrayPalette.fromThemeFile(), this) : Tray.none();
        this.notifier = Notifiers.forPlatform(Platform.current(), busAddress, bus, Notifiers.pathFromEnvironment(),
                NotificationIcon.resolve(iconTheme, cacheDir), messages.get("alert.show_action"), opener::showWindow,
                tray.awtIcon());
        this.alerts = new AlertService(AlertStateStore.in(dirs.primary()), notifier, config, clock);
        alerts.observe(e -> tray.update(e.figures(), e.config(), messages, clock.getZone(), false));
        StateReader reader = new StateReader(dirs.dirs(), transcripts, loaded.warnings());
        this.live = new LiveState(dirs.dirs(), reader, Duration.ofMillis(config.refreshMs()),
                this::reloadConfigIfChanged, alerts::accept,
                t -> System.err.println("budmon: reading failed: " + t));
    }

    /**
     * Starts the tray, the alerts and the watcher.
     *
     * @param busAddress the session bus ({@code DBUS_SESSION_BUS_ADDRESS}); {@code null} when there is none
     * @param iconTheme  the user's hicolor folder, for the notifications' icon; {@code null} when none
     * @param cacheDir   BudMon's cache folder
     */
    public static BackgroundMode start(ClaudeDirs dirs, TranscriptSource transcripts, String busAddress,
                                       Path iconTheme, Path cacheDir, Clock clock, WindowOpener opener) {
        BackgroundMode b = new BackgroundMode(dirs, transcripts, busAddress, iconTheme, cacheDir, clock, opener);
        b.alerts.start();
        b.live.start();
        return b;
    }

    /** Whether a tray icon is shown (or waits on the bus for a panel). */
    public boolean hasTray() {
        return tray.exists();
    }

    /** The ways of showing notifications, best first, for the log. */
    public String notifierName() {
        return notifier.name();
    }

    /** Blocks until the menu's Quit (or {@link #close()}). */
    public void await() throws InterruptedException {
        quit.await();
    }

    private void reloadConfigIfChanged() {
        Object now = FileStamp.of(configStore.file());
        if (!now.equals(configStamp)) {
            configStamp = now;
            BudmonConfig c = configStore.load().config();
            messages = Messages.forSetting(c.language(), Locale.getDefault());
            alerts.configure(c);
        }
    }

    @Override
    public void toggleWindow() {
        opener.showWindow();
    }

    @Override
    public void showHistory() {
        opener.showHistory();
    }

    @Override
    public void setSetting(String setting, boolean on) {
        int dot = setting.indexOf('/');
        io.execute(() -> {
            try {
                configStore.save(setting.substring(0, dot), setting.substring(dot + 1), on ? "on" : "off");
                live.refreshSoon(); // the watcher's refresh reads the config again and passes it on
            } catch (IOException | RuntimeException e) {
                System.err.println("budmon: " + configStore.file() + " could not be changed (" + e.getMessage() + ")");
            }
        });
    }

    @Override
    public void openIni() {
        io.execute(() -> {
            configStore.load(); // creates the commented default when there is none yet
            List<String> cmd = switch (Platform.current()) {
                case MACOS -> List.of("open", "-t", configStore.file().toString());
                case WINDOWS -> List.of("notepad", configStore.file().toString());
                case LINUX -> List.of("xdg-open", configStore.file().toString());
            };
            try {
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                System.err.println("budmon: " + configStore.file() + " could not be opened (" + e.getMessage() + ")");
            }
        });
    }

    @Override
    public void quit() {
        quit.countDown();
    }

    /** Stops the watcher, the alerts and the tray, and lets go of the bus. Any thread. */
    @Override
    public void close() {
        live.close();
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
        quit.countDown();
    }
}

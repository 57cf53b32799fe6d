package dev.budmon.background;

import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ConfigStore;
import dev.budmon.config.LoadedConfig;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.FileStamp;
import dev.budmon.source.StateReader;
import dev.budmon.source.transcript.TranscriptSource;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.watch.HistoryFeed;
import dev.budmon.watch.LiveState;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The tray icon and the alerts ({@link TrayAndAlerts}) fed by a watcher of their own, without the window: what
 * {@code budmon --background} runs. The window, when the user asks for it (the icon, the menu's Show window
 * or History, a notification), is the caller's {@link TrayAndAlerts.Window}; it runs beside, with its own
 * watcher, while this one goes on feeding the alerts. Thread-safe.
 */
public final class BackgroundMode implements AutoCloseable {

    private final ConfigStore configStore;
    private final TrayAndAlerts trayAndAlerts;
    private final LiveState live;
    /** The pace from the quota history, for the alert before a window runs out; the watcher's thread. */
    private final HistoryFeed historyFeed;
    private final Clock clock;
    private final PriceTable prices = PriceTable.bundled();
    /** The config in use; the watcher's thread. */
    private BudmonConfig config;
    /** The config file's stamp when last read; the watcher's thread. */
    private Object configStamp;

    private BackgroundMode(ClaudeDirs dirs, TranscriptSource transcripts, String busAddress, Path iconTheme,
                           Path cacheDir, Clock clock, TrayAndAlerts.Window window) {
        this.configStore = new ConfigStore(dirs.primary());
        LoadedConfig loaded = configStore.load();
        this.configStamp = FileStamp.of(configStore.file());
        this.config = loaded.config();
        this.clock = clock;
        this.historyFeed = new HistoryFeed(dirs.dirs(), transcripts);
        this.trayAndAlerts = TrayAndAlerts.start(configStore, loaded.config(), busAddress, iconTheme, cacheDir, clock,
                window);
        StateReader reader = new StateReader(dirs.dirs(), transcripts, loaded.warnings());
        this.live = new LiveState(dirs.dirs(), reader, Duration.ofMillis(loaded.config().refreshMs()),
                this::checkConfigAndPace, s -> {
                    historyFeed.newState(s);
                    publishPaceIfDue();
                    trayAndAlerts.accept(s);
                },
                t -> System.err.println("budmon: reading failed: " + t));
    }

    /**
     * Starts the tray, the alerts and the watcher. I/O; not on the EDT.
     *
     * @param busAddress the session bus ({@code DBUS_SESSION_BUS_ADDRESS}); {@code null} when there is none
     * @param iconTheme  the user's hicolor folder, for the notifications' icon; {@code null} when none
     * @param cacheDir   BudMon's cache folder
     * @param window     shows the window when the tray or a notification asks for it
     */
    public static BackgroundMode start(ClaudeDirs dirs, TranscriptSource transcripts, String busAddress,
                                       Path iconTheme, Path cacheDir, Clock clock, TrayAndAlerts.Window window) {
        BackgroundMode b = new BackgroundMode(dirs, transcripts, busAddress, iconTheme, cacheDir, clock, window);
        b.live.start();
        return b;
    }

    /** The tray icon and the alerts, which a window opened from the background reports to. */
    public TrayAndAlerts trayAndAlerts() {
        return trayAndAlerts;
    }

    /** With every check of the files: the config, and the pace when due (quiet time lowers it). */
    private void checkConfigAndPace() {
        Object now = FileStamp.of(configStore.file());
        if (!now.equals(configStamp)) {
            configStamp = now;
            config = configStore.load().config();
            trayAndAlerts.configure(config);
        }
        publishPaceIfDue();
    }

    private void publishPaceIfDue() {
        HistoryFigures h = historyFeed.computeIfDue(clock.instant(), config, prices);
        if (h != null) {
            trayAndAlerts.paces(h.paces());
        }
    }

    /** Stops the watcher, the alerts and the tray. Any thread. */
    @Override
    public void close() {
        live.close();
        trayAndAlerts.close();
    }
}

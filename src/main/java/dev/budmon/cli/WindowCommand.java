package dev.budmon.cli;

import dev.budmon.background.TrayAndAlerts;
import dev.budmon.config.ConfigStore;
import dev.budmon.demo.DemoWriter;
import dev.budmon.notify.SessionBus;
import dev.budmon.setup.InstallPaths;
import dev.budmon.setup.SetupChoices;
import dev.budmon.setup.SetupCommand;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.HistoryIndex;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.DashboardApp;
import dev.budmon.ui.SetupRunner;
import dev.budmon.ui.startup.WindowStartup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The commands that open the window. Kept apart from {@link Main} so that the other commands never load a
 * Swing class, not even through the verifier.
 */
final class WindowCommand {

    private WindowCommand() {
    }

    /** The first-run dialog's Install button: {@code budmon --setup} for the Claude directory shown. */
    private static final SetupRunner SETUP = (claudeDir, out) -> SetupCommand.setup(claudeDir, SetupChoices.DEFAULT, out, out);

    /**
     * {@code budmon}: the dashboard on the user's Claude directories, and beside it, once it shows, the tray
     * icon and the alerts, fed by the window's watcher and ended with the window.
     *
     * @param home     the user's home folder (where setup put the icons the notifications name)
     * @param cacheDir BudMon's cache folder: the alerts' state, and the transcript history's index shared with
     *                 {@code budmon report}
     */
    static int window(ClaudeDirs dirs, Path home, Path cacheDir) {
        HistoryIndex index = new HistoryIndex(cacheDir, dirs.dirs());
        return WindowStartup.run(dirs, TranscriptFeed.indexed(index, TranscriptFeed.SAVE_EVERY), index, SETUP,
                trayAndAlerts(dirs, SessionBus.addressFromEnvironment(), InstallPaths.iconTheme(home), cacheDir));
    }

    /**
     * The tray icon and the alerts beside the window of {@code budmon}, owned by it.
     *
     * @param busAddress the session bus; {@code null} when there is none
     * @param iconTheme  the user's hicolor folder, for the notifications' icon; {@code null} when none
     */
    static WindowStartup.Beside trayAndAlerts(ClaudeDirs dirs, String busAddress, Path iconTheme, Path cacheDir) {
        return app -> {
            ConfigStore store = new ConfigStore(dirs.primary());
            TrayAndAlerts t = TrayAndAlerts.start(store, store.load().config(), busAddress, iconTheme, cacheDir,
                    Clock.systemDefaultZone(), TrayWindow.of(app));
            return new TrayCompanion(t, true);
        };
    }

    /**
     * The window of {@code budmon --background}, opened when the tray or a notification asks for it: it reports
     * to the background's tray icon, whose watcher goes on feeding the alerts. Not on the EDT.
     *
     * @return the window; {@code null} when there is no display (one line on stderr)
     */
    static DashboardApp openBeside(ClaudeDirs dirs, Path cacheDir, TrayAndAlerts trayAndAlerts) {
        HistoryIndex index = new HistoryIndex(cacheDir, dirs.dirs());
        try {
            return WindowStartup.open(dirs, TranscriptFeed.indexed(index, TranscriptFeed.SAVE_EVERY), index, SETUP,
                    app -> new TrayCompanion(trayAndAlerts, false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * {@code budmon --demo}: the real window, watcher and readers on a temporary Claude directory that a
     * background writer keeps changing; the directory is deleted afterwards. No tray icon and no alerts: the
     * generated figures would alert about nothing real.
     */
    static int demo(PrintStream err) {
        try (DemoWriter demo = new DemoWriter()) {
            Path dir = demo.start();
            err.println("budmon: demo data in " + dir);
            return WindowStartup.run(new ClaudeDirs(List.of(dir)), new TranscriptFeed(), null, SETUP,
                    WindowStartup.Beside.NONE);
        } catch (IOException e) {
            err.println("budmon: cannot create the demo directory: " + e.getMessage());
            return 1;
        }
    }
}

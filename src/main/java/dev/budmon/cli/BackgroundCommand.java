package dev.budmon.cli;

import dev.budmon.background.BackgroundMode;
import dev.budmon.background.TrayAndAlerts;
import dev.budmon.i18n.Messages;
import dev.budmon.notify.SessionBus;
import dev.budmon.setup.InstallPaths;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.HistoryIndex;
import dev.budmon.source.transcript.TranscriptFeed;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code budmon --background}, what the login autostart runs: the tray icon and the alerts without the window,
 * until the tray's Quit. The window opens in the same process when the tray or a notification asks for it.
 * Swing and FlatLaf load only then: this class names no Swing type, {@link WindowCommand} does.
 */
final class BackgroundCommand {

    private BackgroundCommand() {
    }

    /**
     * Runs until Quit.
     *
     * @param home     the user's home folder (where setup put the icons the notifications name)
     * @param cacheDir BudMon's cache folder
     * @return the exit code, 0
     */
    static int run(ClaudeDirs dirs, Path home, Path cacheDir, PrintStream err) {
        CountDownLatch quit = new CountDownLatch(1);
        AtomicReference<TrayAndAlerts> shared = new AtomicReference<>();
        TrayWindow window = TrayWindow.onDemand(() -> WindowCommand.openBeside(dirs, cacheDir, shared.get()), quit::countDown);
        BackgroundMode background = BackgroundMode.start(dirs,
                TranscriptFeed.indexed(new HistoryIndex(cacheDir, dirs.dirs()), TranscriptFeed.SAVE_EVERY),
                SessionBus.addressFromEnvironment(), InstallPaths.iconTheme(home), cacheDir,
                Clock.systemDefaultZone(), window);
        TrayAndAlerts trayAndAlerts = background.trayAndAlerts();
        shared.set(trayAndAlerts);
        if (!trayAndAlerts.hasTray()) {
            err.println(Messages.forSetting("auto", Locale.getDefault()).get("cli.background.no_tray",
                    trayAndAlerts.notifierName()));
        }
        try {
            quit.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background.close();
        return 0;
    }
}

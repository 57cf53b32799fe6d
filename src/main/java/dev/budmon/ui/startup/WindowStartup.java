package dev.budmon.ui.startup;

import dev.budmon.config.ConfigStore;
import dev.budmon.config.LoadedConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.HistoryIndex;
import dev.budmon.source.transcript.TranscriptSource;
import dev.budmon.ui.DashboardApp;
import dev.budmon.ui.SetupRunner;
import dev.budmon.ui.ThreadCheckingRepaintManager;
import dev.budmon.ui.WindowCompanion;
import dev.budmon.ui.theme.BudmonTheme;

import javax.swing.SwingUtilities;
import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.util.Locale;

/**
 * How the window starts: one step after the other on the calling thread, then the window on the EDT. Each
 * step says what its place in the order buys; tricks that only moved work between threads or ahead in time
 * were measured side by side and removed (BENCHMARKS.md, Window).
 */
public final class WindowStartup {

    private WindowStartup() {
    }

    /** Starts what runs beside a shown window: the tray icon and the alerts. */
    @FunctionalInterface
    public interface Beside {
        /** Nothing beside the window. */
        Beside NONE = app -> WindowCompanion.NONE;

        /** Starts it for {@code app}, whose window is shown. Not on the EDT. */
        WindowCompanion start(DashboardApp app);
    }

    /**
     * Opens the window, starts what runs beside it, and returns once the window is closed for good (closing
     * it while a tray icon exists may only hide it); what runs beside it ends with it. Not on the EDT.
     *
     * @param transcripts  reads the transcripts of {@code dirs}
     * @param historyIndex the index of {@code budmon report}; {@code null} for none
     * @param setup        what the first-run dialog's Install button runs
     * @param beside       the tray icon and the alerts, started once the window shows: they cost its
     *                     start-up nothing
     * @return the exit code: 0, or 1 with one line on stderr when there is no display
     */
    public static int run(ClaudeDirs dirs, TranscriptSource transcripts, HistoryIndex historyIndex,
                          SetupRunner setup, Beside beside) {
        try {
            DashboardApp app = open(dirs, transcripts, historyIndex, setup, beside);
            if (app == null) {
                return 1;
            }
            app.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Opens the window and starts what runs beside it; returns once the window is shown. Not on the EDT.
     *
     * @param historyIndex the index of {@code budmon report}, which the Reports window reads the history
     *                     through; {@code null} for none
     * @return the running window; {@code null}, with one line on stderr, when there is no display
     */
    public static DashboardApp open(ClaudeDirs dirs, TranscriptSource transcripts, HistoryIndex historyIndex,
                                    SetupRunner setup, Beside beside) throws InterruptedException {
        String noDisplay = Messages.forSetting("auto", Locale.getDefault()).get("cli.no_display");
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println(noDisplay);
            return null;
        }
        try {
            DashboardApp app = start(dirs, transcripts, historyIndex, setup, Clock.systemDefaultZone());
            WindowCompanion companion = beside.start(app);
            SwingUtilities.invokeLater(() -> app.attach(companion));
            return app;
        } catch (AWTError e) {
            // DISPLAY is set but names no X server that answers
            System.err.println(noDisplay + " (" + e.getMessage() + ")");
            return null;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the window could not be opened", e.getCause());
        }
    }

    /**
     * Opens the window and returns once it is shown, without waiting for it to be closed ({@link #run}
     * waits; the window tests change files and click menus meanwhile). Not on the EDT.
     *
     * @param clock the time the figures are computed for
     */
    public static DashboardApp start(ClaudeDirs dirs, TranscriptSource transcripts, SetupRunner setup, Clock clock)
            throws InterruptedException, InvocationTargetException {
        return start(dirs, transcripts, null, setup, clock);
    }

    /**
     * As above, with the transcript history's index.
     *
     * @param historyIndex the index of {@code budmon report}; {@code null} for none
     */
    public static DashboardApp start(ClaudeDirs dirs, TranscriptSource transcripts, HistoryIndex historyIndex,
                                     SetupRunner setup, Clock clock)
            throws InterruptedException, InvocationTargetException {
        // The config first: the language, the poll interval and the window's place come from it.
        LoadedConfig loaded = new ConfigStore(dirs.primary()).load();
        DashboardApp app = new DashboardApp(dirs, transcripts, historyIndex, loaded, clock, setup);
        // The quota files next, read here in milliseconds and handed to the EDT before the window is built:
        // the first frame shows the figures, not WAIT. The transcripts follow on the watcher's thread.
        app.startReading();
        // The look and feel before any component exists, as Swing requires.
        BudmonTheme.setup();
        ThreadCheckingRepaintManager.installIfAsked();
        SwingUtilities.invokeAndWait(app::openWindow);
        return app;
    }
}

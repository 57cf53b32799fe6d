package dev.budmon.ui;

import dev.budmon.DaemonThreads;
import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ConfigStore;
import dev.budmon.config.LoadedConfig;
import dev.budmon.config.WindowGeometry;
import dev.budmon.i18n.Messages;
import dev.budmon.history.DayTrails;
import dev.budmon.model.UsageState;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.FileStamp;
import dev.budmon.source.QuotaSources;
import dev.budmon.source.StateReader;
import dev.budmon.source.transcript.HistoryIndex;
import dev.budmon.source.transcript.TranscriptSource;
import dev.budmon.threads.ThreadCheck;
import dev.budmon.ui.view.DashboardView;
import dev.budmon.ui.view.DashboardViewBuilder;
import dev.budmon.ui.view.MonitorPulse;
import dev.budmon.ui.view.NoticeView;
import dev.budmon.ui.view.Notices;
import dev.budmon.watch.HistoryFeed;
import dev.budmon.watch.LiveState;

import com.formdev.flatlaf.util.UIScale;

import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running dashboard: the window and what it shows, the watcher that feeds it new states, the one-second
 * clock for the countdowns, and the config, reloaded when the file changes and saved when a menu changes a
 * setting. States and config are read on background threads (the watcher's, and one I/O thread for saves,
 * dialogs and icons); the EDT only builds views (pure, cheap) and paints them. How it starts is
 * {@code dev.budmon.ui.startup.WindowStartup}; what the menus do, {@link MenuActions}.
 *
 * <p>Over 400 lines: the window's state has one owner, and each thread's hand-over to the EDT stands beside
 * the field it writes.
 */
public final class DashboardApp {

    private final ClaudeDirs dirs;
    private final ConfigStore configStore;
    private final Clock clock;
    private final ZoneId zone;
    /** The transcript history's index, shared with {@code budmon report}; {@code null} to read without one. */
    private final HistoryIndex historyIndex;
    private final PriceTable prices = PriceTable.bundled();
    private final ExecutorService io = Executors.newSingleThreadExecutor(DaemonThreads.named("budmon-io"));
    private final LiveState live;
    /** The tray icon and the alerts beside the window; none until {@link #attach}. */
    private volatile WindowCompanion companion = WindowCompanion.NONE;
    /** The history figures; on the watcher's thread (the first state's on the thread that starts reading). */
    private final HistoryFeed historyFeed;
    /** The config in use, for the history figures computed on the watcher's thread. */
    private volatile BudmonConfig readingConfig;
    private final AppDialogs dialogs;
    private final MenuActions actions;
    /** Counted down when the window has closed and the watcher and the clock have stopped. */
    private final CountDownLatch closed = new CountDownLatch(1);

    // EDT only
    private UsageState state = UsageState.EMPTY;
    /** What the quota history adds to the state's figures; {@code null} until first computed. */
    private HistoryFigures history;
    /** The last day of the 5-hour and 7-day windows; {@code null} until first read. */
    private DayTrails trails;
    /** The config with its warnings and the keys of BudMon 1.x it read, for the notices. */
    private LoadedConfig loadedConfig;
    private BudmonConfig config;
    private Messages messages;
    private long refreshes;
    private DashboardFrame frame;
    /** The figures the shown view was built from; the clock moves them on. */
    private Figures figures;
    private Timer ticker;
    private Timer geometrySaver;
    private boolean firstRunChecked;

    /** The config file's stamp when it was last read or written; the watcher's and the I/O thread's. */
    private volatile Object configStamp;
    /** How many times the watcher has checked the files, changed or not; written on its thread. */
    private final AtomicLong checks = new AtomicLong();
    /** When it last did; {@code null} before the first check. */
    private volatile Instant lastCheck;

    /**
     * Prepares the dashboard for the config read from {@code dirs}; nothing is read or shown yet. Not on the
     * EDT: it looks at the config file's stamp.
     *
     * @param transcripts reads the transcripts of {@code dirs}
     * @param clock       the time the figures are computed for
     * @param setup       what the first-run dialog's Install button runs
     */
    public DashboardApp(ClaudeDirs dirs, TranscriptSource transcripts, LoadedConfig loaded, Clock clock,
                        SetupRunner setup) {
        this(dirs, transcripts, null, loaded, clock, setup);
    }

    /**
     * As above, with the index the Reports window reads the history through.
     *
     * @param historyIndex the index of {@code budmon report}; {@code null} to read the history without one
     */
    public DashboardApp(ClaudeDirs dirs, TranscriptSource transcripts, HistoryIndex historyIndex, LoadedConfig loaded,
                        Clock clock, SetupRunner setup) {
        this.dirs = dirs;
        this.historyIndex = historyIndex;
        this.clock = clock;
        this.zone = clock.getZone();
        this.configStore = new ConfigStore(dirs.primary());
        this.loadedConfig = loaded;
        this.config = loaded.config();
        this.readingConfig = config;
        this.messages = Messages.forSetting(config.language(), Locale.getDefault());
        this.configStamp = FileStamp.of(configStore.file());
        // The config's warnings are shown from the config in use (they change when the file does), so the
        // states carry only those of the data files.
        StateReader reader = new StateReader(dirs.dirs(), transcripts, List.of());
        this.historyFeed = new HistoryFeed(dirs.dirs(), transcripts);
        this.live = new LiveState(dirs.dirs(), reader, Duration.ofMillis(config.refreshMs()),
                this::checkConfigAndHistory, s -> {
                    // the state and the history figures that are due with it in one step: one layout, not two
                    historyFeed.newState(s);
                    Instant now = clock.instant();
                    HistoryFigures h = historyFeed.computeIfDue(now, readingConfig, prices);
                    DayTrails t = h == null ? null : historyFeed.trails(now);
                    // the alerts evaluate on their own thread, never the EDT, with the pace computed here
                    if (h != null) {
                        companion.paces(h.paces());
                    }
                    companion.accept(s);
                    SwingUtilities.invokeLater(() -> onState(s, h, t));
                }, t -> System.err.println("budmon: reading failed: " + t));
        this.dialogs = new AppDialogs(dirs, io, setup);
        this.actions = new MenuActions(this);
    }

    /**
     * Starts reading: the quota files at once, on the calling thread, their state handed to the EDT, then
     * the watcher with the transcripts. Not on the EDT; call once.
     */
    public void startReading() {
        live.start();
    }

    /** Builds the window with the state read so far, shows it, and starts the clock. EDT only. */
    public void openWindow() {
        frame = new DashboardFrame(actions, view());
        frame.setBounds(WindowPlacement.place(WindowGeometry.parse(config.windowGeometry()),
                UIScale.getUserScaleFactor(), frame.getMinimumSize(), frame.getSize(), WindowPlacement.usableAreas()));
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE); // windowClosing decides
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                // Still showing here: after the dispose the bounds are no longer the user's.
                saveGeometry();
                if (closesToTray()) {
                    hideWindow();
                } else {
                    frame.dispose();
                }
            }

            @Override
            public void windowClosed(WindowEvent e) {
                close();
            }
        });
        geometrySaver = new Timer(1000, e -> saveGeometry());
        geometrySaver.setRepeats(false);
        frame.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentMoved(ComponentEvent e) {
                geometrySaver.restart();
            }

            @Override
            public void componentResized(ComponentEvent e) {
                geometrySaver.restart();
            }
        });
        // One clock for every countdown; it runs only while the window is shown.
        ticker = new Timer(1000, e -> tick());
        ticker.start();
        frame.setVisible(true);
        checkFirstRun();
        io.execute(() -> {
            var images = WindowIcons.read();
            SwingUtilities.invokeLater(() -> frame.setIconImages(images));
        });
    }

    /**
     * Attaches the tray icon and the alerts, started after the window so that they cost its start-up nothing:
     * they get the state and config in use now and every one after, and end with the window. EDT only; once.
     */
    public void attach(WindowCompanion c) {
        if (closed.getCount() == 0) {
            // closed before it came (its I/O thread is gone): it ends as it would have with the window
            new Thread(c::close, "budmon-companion-close").start();
            return;
        }
        companion = c;
        c.configure(config);
        if (refreshes > 0) {
            c.accept(state);
        }
        c.windowShown(frame != null && frame.isShowing());
    }

    /**
     * Whether closing the window only hides it: while a tray icon exists to bring it back, unless
     * {@code [tray] close_to_tray = off}. EDT only.
     */
    boolean closesToTray() {
        return companion.hasTray() && config.tray().closeToTray();
    }

    /** Shows the window, brought up to date, de-iconified and in front (the tray, a notification). EDT only. */
    public void showWindow() {
        if (frame == null) {
            return;
        }
        if (!frame.isShowing()) {
            repaintView(); // states that came while hidden were kept, not shown
            frame.setVisible(true);
            ticker.start();
            companion.windowShown(true);
        }
        if ((frame.getExtendedState() & Frame.ICONIFIED) != 0) {
            frame.setExtendedState(frame.getExtendedState() & ~Frame.ICONIFIED);
        }
        frame.toFront();
        frame.requestFocus();
    }

    /** Hides the window; BudMon runs on beside the tray icon. EDT only. */
    public void hideWindow() {
        if (frame == null || !frame.isShowing()) {
            return;
        }
        saveGeometry();
        ticker.stop();
        frame.setVisible(false);
        companion.windowShown(false);
    }

    /** The tray icon's click and first item: hides the window when shown, else shows it. EDT only. */
    public void toggleWindow() {
        if (frame != null && frame.isShowing()) {
            hideWindow();
        } else {
            showWindow();
        }
    }

    /** The tray's Quota history item: Logs › Quota history, over the window or alone while it is hidden. EDT only. */
    public void showHistory() {
        actions.showQuotaHistory();
    }

    /** Ends the window for good, hidden or not, as the tray's Quit does; {@link #awaitClosed} then returns. EDT only. */
    public void quit() {
        if (frame != null) {
            frame.dispose();
        }
    }

    /** Waits until the window has closed and the watcher, the clock and a last save have stopped. Not on the EDT. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /**
     * Closes the window as the user would and waits until the watcher, the clock and the settings it was
     * still saving are done, so the Claude directory can be deleted. Not on the EDT.
     *
     * @return {@code true} if everything stopped within a few seconds
     */
    boolean closeAndWait() throws InterruptedException {
        SwingUtilities.invokeLater(() -> frame.dispose());
        return closed.await(5, TimeUnit.SECONDS) && io.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The frame, for the menu actions and tests; {@code null} before {@link #openWindow()}. EDT only. */
    DashboardFrame frame() {
        return frame;
    }

    ClaudeDirs dirs() {
        return dirs;
    }

    ConfigStore configStore() {
        return configStore;
    }

    ExecutorService io() {
        return io;
    }

    AppDialogs dialogs() {
        return dialogs;
    }

    PriceTable prices() {
        return prices;
    }

    ZoneId zone() {
        return zone;
    }

    /** The day it is in the window's time zone. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The history's index, or {@code null} for none. */
    HistoryIndex historyIndex() {
        return historyIndex;
    }

    /** The time by the app's clock. */
    Instant now() {
        return clock.instant();
    }

    /** The state shown. EDT only. */
    UsageState state() {
        return state;
    }

    /** The config in use. EDT only. */
    BudmonConfig config() {
        return config;
    }

    /** The texts in use. EDT only. */
    Messages messages() {
        return messages;
    }

    /** With every check of the files, on the watcher's thread: the config, and the history figures when due. */
    private void checkConfigAndHistory() {
        reloadConfigIfChanged();
        publishHistoryIfDue();
    }

    /** Computes the history figures when due and hands them to the EDT; on the thread that reads the states. */
    private void publishHistoryIfDue() {
        Instant now = clock.instant();
        HistoryFigures h = historyFeed.computeIfDue(now, readingConfig, prices);
        if (h != null) {
            companion.paces(h.paces());
            DayTrails t = historyFeed.trails(now);
            SwingUtilities.invokeLater(() -> {
                history = h;
                trails = t;
                repaintView();
            });
        }
    }

    /** @param h history figures computed with the state, {@code t} the trails; {@code null} to keep those shown */
    private void onState(UsageState s, HistoryFigures h, DayTrails t) {
        state = s;
        if (h != null) {
            history = h;
            trails = t;
        }
        refreshes++;
        if (frame != null && !frame.isShowing()) {
            return; // hidden beside the tray: shown when the window is
        }
        repaintView();
        checkFirstRun();
    }

    /**
     * Offers the setup once, when nothing records the quota (no interceptor, no quota file, no status line),
     * whatever else there is: a user with months of transcripts who never ran setup sees NO QUOTA DATA and
     * this offer. Without a Claude directory at all (Claude Code has not run here yet) the offer says so. Only
     * once the window shows: a dialog made before would have no owner.
     */
    private void checkFirstRun() {
        if (firstRunChecked || refreshes == 0 || frame == null || !frame.isShowing()) {
            return;
        }
        firstRunChecked = true;
        io.execute(() -> {
            QuotaSources sources = QuotaSources.of(dirs.dirs());
            if (sources.offerSetup()) {
                SwingUtilities.invokeLater(() -> dialogs.offerSetup(frame, messages, sources.claudeDirExists()));
            }
        });
    }

    /** Shows the view of the current state, config and texts. EDT only. */
    void repaintView() {
        if (frame != null) {
            frame.setView(view());
        }
    }

    /**
     * The clock's second: only what depends on the time is computed again, from the figures and the view
     * of the last full build; a passing reset (or no view yet) needs the full one.
     */
    private void tick() {
        DashboardView shown = frame == null ? null : frame.getView();
        Figures next = figures == null || shown == null ? null
                : Calculator.advance(figures, state, clock.instant(), config);
        if (next == null) {
            repaintView();
            return;
        }
        figures = next;
        frame.setView(DashboardViewBuilder.advance(shown, next, history, trails, config, messages, zone,
                pulse()));
    }

    /** States and checks so far. EDT only. */
    private MonitorPulse pulse() {
        return new MonitorPulse(refreshes, checks.get(), lastCheck);
    }

    /** The notes and warnings about the files: the config's and the data files'. EDT only. */
    private List<NoticeView> notices() {
        return Notices.of(loadedConfig.legacy(), loadedConfig.warnings(), state.warnings(), messages);
    }

    /**
     * The view of the current state, config and texts at this moment, fully built. The figures are kept
     * for the clock's {@link #tick}, which relies on this running after every change of state, config or
     * texts (all of them call {@link #repaintView}).
     */
    private DashboardView view() {
        Figures f = Calculator.compute(state, clock.instant(), config, prices);
        figures = f;
        return DashboardViewBuilder.build(f, history, trails, config, messages, zone, pulse(), notices());
    }

    /** Shows texts read on another thread at once, before the setting is saved. EDT only. */
    void applyTexts(Messages texts) {
        messages = texts;
        repaintView();
    }

    /**
     * Applies a config read or written on another thread, with its texts loaded there too: a language's
     * texts are read from the jar the first time they are asked for. EDT only.
     */
    private void applyConfig(LoadedConfig loaded, Messages texts) {
        loadedConfig = loaded;
        config = loaded.config();
        readingConfig = config;
        messages = texts;
        companion.configure(config);
        repaintView();
    }

    /**
     * Applies a setting without a file to keep it in (no Claude directory yet): it holds until BudMon closes.
     * EDT only.
     */
    void applyInMemory(BudmonConfig changed) {
        config = changed;
        readingConfig = config;
        repaintView();
    }

    /** The texts of a config's language setting; may read them from the jar, so not on the EDT. */
    private static Messages textsOf(LoadedConfig loaded) {
        return Messages.forSetting(loaded.config().language(), Locale.getDefault());
    }

    /**
     * Runs on the watcher's thread with every check of the files (an event or the poll): counts it for the
     * footer, and reads the config again when it changed; cheap when it did not.
     */
    private void reloadConfigIfChanged() {
        ThreadCheck.notOnEdt("reading " + configStore.file());
        checks.incrementAndGet();
        lastCheck = clock.instant();
        Object now = FileStamp.of(configStore.file());
        if (!now.equals(configStamp)) {
            configStamp = now;
            LoadedConfig loaded = configStore.load();
            Messages texts = textsOf(loaded);
            SwingUtilities.invokeLater(() -> applyConfig(loaded, texts));
        }
    }

    private void saveGeometry() {
        if (frame == null || !frame.isShowing()) {
            return;
        }
        Rectangle b = frame.getBounds();
        // the size at 100 %: a window saved at 2x opens at 1x as large relative to its content
        WindowGeometry g = WindowPlacement.toSaved(b, UIScale.getUserScaleFactor());
        if (g.toIniValue().equals(config.windowGeometry())) {
            return;
        }
        io.execute(() -> saveSetting(() -> configStore.saveWindowGeometry(g)));
    }

    /**
     * Saves a setting and applies the result on the EDT; a failure is shown, nothing else changes. On the
     * I/O thread.
     */
    void saveSetting(IoSupplier<LoadedConfig> save) {
        ThreadCheck.notOnEdt("saving " + configStore.file());
        try {
            LoadedConfig loaded = save.get();
            configStamp = FileStamp.of(configStore.file()); // our own write needs no reload
            Messages texts = textsOf(loaded);
            SwingUtilities.invokeLater(() -> applyConfig(loaded, texts));
        } catch (IOException | RuntimeException e) {
            SwingUtilities.invokeLater(() -> {
                repaintView(); // the menu's choices show the setting in use again, not the one clicked
                dialogs.showError(frame, messages,
                        messages.get("dialog.open_failed", configStore.file(), e.getMessage()));
            });
        }
    }

    private void close() {
        if (ticker != null) {
            ticker.stop();
        }
        live.close();
        io.execute(companion::close); // the tray icon and the alerts end with the window, off the EDT
        io.shutdown();
        try {
            // Let a queued save (the window position) finish before the process exits.
            io.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed.countDown();
    }

    /** A save that may fail with an I/O error. */
    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }
}

package dev.budmon.ui;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ConfigStore;
import dev.budmon.config.LoadedConfig;
import dev.budmon.config.WindowGeometry;
import dev.budmon.i18n.Messages;
import dev.budmon.model.UsageState;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.FileStamp;
import dev.budmon.source.StateReader;
import dev.budmon.source.transcript.TranscriptSource;
import dev.budmon.threads.ThreadCheck;
import dev.budmon.ui.view.DashboardView;
import dev.budmon.ui.view.DashboardViewBuilder;
import dev.budmon.watch.LiveState;

import javax.swing.SwingUtilities;
import javax.swing.Timer;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The running dashboard: the window and what it shows, the watcher that feeds it new states, the one-second
 * clock for the countdowns, and the config, reloaded when the file changes and saved when a menu changes a
 * setting. States and config are read on background threads (the watcher's, and one I/O thread for saves,
 * dialogs and icons); the EDT only builds views (pure, cheap) and paints them. How it starts is
 * {@code dev.budmon.ui.startup.WindowStartup}; what the menus do, {@link MenuActions}.
 */
public final class DashboardApp {

    private final ClaudeDirs dirs;
    private final ConfigStore configStore;
    private final Clock clock;
    private final ZoneId zone;
    private final PriceTable prices = PriceTable.bundled();
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "budmon-io");
        t.setDaemon(true);
        return t;
    });
    private final LiveState live;
    private final AppDialogs dialogs;
    private final MenuActions actions;
    /** Counted down when the window has closed and the watcher and the clock have stopped. */
    private final CountDownLatch closed = new CountDownLatch(1);

    // EDT only
    private UsageState state = UsageState.EMPTY;
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
        this.dirs = dirs;
        this.clock = clock;
        this.zone = clock.getZone();
        this.configStore = new ConfigStore(dirs.primary());
        this.config = loaded.config();
        this.messages = Messages.forSetting(config.language(), Locale.getDefault());
        this.configStamp = FileStamp.of(configStore.file());
        StateReader reader = new StateReader(dirs.dirs(), transcripts, loaded.warnings());
        this.live = new LiveState(dirs.dirs(), reader, Duration.ofMillis(config.refreshMs()),
                this::reloadConfigIfChanged, s -> SwingUtilities.invokeLater(() -> onState(s)),
                t -> System.err.println("budmon: reading failed: " + t));
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
        placeWindow(frame, WindowGeometry.parse(config.windowGeometry()));
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                // Still showing here: after the dispose the bounds are no longer the user's.
                saveGeometry();
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

    private void onState(UsageState s) {
        state = s;
        refreshes++;
        repaintView();
        checkFirstRun();
    }

    /**
     * Offers the setup once, when the first state read has no data and no source exists. Only once the
     * window shows: a dialog made before would have no owner.
     */
    private void checkFirstRun() {
        if (firstRunChecked || refreshes == 0 || frame == null || !frame.isShowing()) {
            return;
        }
        firstRunChecked = true;
        if (!state.hasData()) {
            io.execute(() -> {
                if (!dialogs.anySourceExists()) {
                    SwingUtilities.invokeLater(() -> dialogs.offerSetup(frame, messages));
                }
            });
        }
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
        frame.setView(DashboardViewBuilder.advance(shown, next, config, messages, zone, refreshes));
    }

    /**
     * The view of the current state, config and texts at this moment, fully built. The figures are kept
     * for the clock's {@link #tick}, which relies on this running after every change of state, config or
     * texts (all of them call {@link #repaintView}).
     */
    private DashboardView view() {
        Figures f = Calculator.compute(state, clock.instant(), config, prices);
        figures = f;
        return DashboardViewBuilder.build(f, config, messages, zone, refreshes);
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
        config = loaded.config();
        messages = texts;
        repaintView();
    }

    /** The texts of a config's language setting; may read them from the jar, so not on the EDT. */
    private static Messages textsOf(LoadedConfig loaded) {
        return Messages.forSetting(loaded.config().language(), Locale.getDefault());
    }

    /** Runs on the watcher's thread with every refresh; cheap when the file did not change. */
    private void reloadConfigIfChanged() {
        ThreadCheck.notOnEdt("reading " + configStore.file());
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
        WindowGeometry g = new WindowGeometry(b.x, b.y, b.width, b.height);
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
        io.shutdown();
        try {
            // Let a queued save (the window position) finish before the process exits.
            io.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed.countDown();
    }

    /** Reopens where the user left the window, unless that spot is on no screen any more; then centres. */
    static void placeWindow(Window w, WindowGeometry g) {
        if (g != null && isOnSomeScreen(new Rectangle(g.x(), g.y(), Math.max(g.width(), 50), 40))) {
            w.setLocation(g.x(), g.y());
            if (g.width() > w.getWidth() || g.height() > w.getHeight()) {
                w.setSize(Math.max(g.width(), w.getWidth()), Math.max(g.height(), w.getHeight()));
            }
        } else {
            w.setLocationRelativeTo(null);
        }
    }

    private static boolean isOnSomeScreen(Rectangle titleBar) {
        for (GraphicsDevice d : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            if (d.getDefaultConfiguration().getBounds().intersects(titleBar)) {
                return true;
            }
        }
        return false;
    }

    /** A save that may fail with an I/O error. */
    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }
}

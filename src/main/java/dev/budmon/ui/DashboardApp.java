package dev.budmon.ui;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ConfigStore;
import dev.budmon.config.LoadedConfig;
import dev.budmon.config.ModelChoice;
import dev.budmon.config.WindowGeometry;
import dev.budmon.i18n.Messages;
import dev.budmon.model.UsageState;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.FileStamp;
import dev.budmon.source.StateReader;
import dev.budmon.source.TranscriptSource;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.view.DashboardView;
import dev.budmon.ui.view.DashboardViewBuilder;
import dev.budmon.watch.LiveState;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The running dashboard: the window, the watcher that feeds it new states, the one-second clock for the
 * countdowns, and what the menus do. State and config are read on background threads; the EDT only builds
 * views (pure, cheap) and paints them.
 */
public final class DashboardApp implements DashboardActions {

    /**
     * How long the start waits for the first state before it shows the window with WAIT: the quota files
     * are read within this on a normal machine, so the first frame has figures; a slow disk does not keep
     * the window away for long.
     */
    static final Duration FIRST_STATE_WAIT = Duration.ofMillis(250);

    /** How long after showing the window its icons are read. */
    private static final Duration ICONS_DELAY = Duration.ofMillis(500);
    /** When the clock's code is run ahead ({@link ClockWarmUp}): after the start's own work, long before minute two. */
    private static final Duration CLOCK_WARM_UP_DELAY = Duration.ofSeconds(3);

    /** Icon sizes shipped in {@code /icons/budmon-<size>.png}. */
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};

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
    /** The window's icons, read on the I/O thread once the window shows. */
    private final CompletableFuture<List<Image>> icons = new CompletableFuture<>();
    /** Counted down by the first state (on the EDT), which the start waits for a little before showing. */
    private final CountDownLatch firstState = new CountDownLatch(1);
    /** Counted down when the clock's warm-up has painted its last view (or stopped with the window). */
    final CountDownLatch clockWarmedUp = new CountDownLatch(1);
    /** Counted down when the window opened by {@link #start} has closed. */
    private final CountDownLatch closedForTests = new CountDownLatch(1);

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

    // written by the watcher and the I/O thread
    private volatile Object configStamp;
    /** The newest state read, for building a view ahead of the EDT at the start; the EDT uses {@link #state}. */
    private volatile UsageState latestRead = UsageState.EMPTY;

    private DashboardApp(ClaudeDirs dirs, TranscriptSource transcripts, LoadedConfig loaded, Clock clock) {
        this.dirs = dirs;
        this.clock = clock;
        this.zone = clock.getZone();
        this.configStore = new ConfigStore(dirs.primary());
        this.config = loaded.config();
        this.messages = Messages.forSetting(config.language(), Locale.getDefault());
        this.configStamp = FileStamp.of(configStore.file());
        StateReader reader = new StateReader(dirs.dirs(), transcripts, loaded.warnings());
        this.live = new LiveState(dirs.dirs(), reader, Duration.ofMillis(config.refreshMs()), this::reloadConfigIfChanged,
                s -> {
                    latestRead = s;
                    SwingUtilities.invokeLater(() -> onState(s));
                },
                t -> System.err.println("budmon: reading failed: " + t));
        this.dialogs = new AppDialogs(dirs, io);
    }

    /**
     * Opens the window and returns once it is closed.
     *
     * @param transcripts reads the transcripts of {@code dirs}
     * @return the exit code
     */
    public static int run(ClaudeDirs dirs, TranscriptSource transcripts) {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println(Messages.forSetting("auto", Locale.getDefault()).get("cli.no_display"));
            return 1;
        }
        try {
            DashboardApp app = start(dirs, transcripts, Clock.systemDefaultZone());
            app.closedForTests.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the window could not be opened", e.getCause());
        }
        return 0;
    }

    /**
     * Opens the window and returns once it is shown, without waiting for it to be closed ({@link #run}
     * waits; the window tests change files and click menus meanwhile). Close it with {@link #closeAndWait()}.
     * Not on the EDT.
     *
     * <p>The start-up runs on two threads at once, as this is what a cold JVM on a small machine gains most
     * from: a background thread reads the config, starts reading the state (the quota files first, see
     * {@link LiveState#start()}), loads the prices, while the calling thread installs the
     * look and feel (allowed before any component exists) and with it starts the toolkit. The frame is built
     * once the config is there; it is shown as soon as the first state has arrived, or after
     * {@link #FIRST_STATE_WAIT} with WAIT, so that its first paint usually has data already.
     *
     * @param clock the time the figures are computed for
     */
    static DashboardApp start(ClaudeDirs dirs, TranscriptSource transcripts, Clock clock)
            throws InterruptedException, InvocationTargetException {
        DashboardApp app = prepare(dirs, transcripts, clock);
        SwingUtilities.invokeAndWait(() -> app.build(app.closedForTests::countDown));
        // On the calling thread: the EDT meanwhile takes the first state, if it comes, before the frame shows.
        app.firstState.await(FIRST_STATE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        SwingUtilities.invokeAndWait(app::show);
        return app;
    }

    /**
     * The part of the start-up before the EDT builds anything: the look and feel on the calling thread, and
     * on a thread of its own the config, the app (prices, readers) and the start of the reading.
     */
    private static DashboardApp prepare(ClaudeDirs dirs, TranscriptSource transcripts, Clock clock)
            throws InterruptedException {
        CompletableFuture<DashboardApp> made = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            DashboardApp app;
            try {
                LoadedConfig loaded = new ConfigStore(dirs.primary()).load();
                app = new DashboardApp(dirs, transcripts, loaded, clock);
                app.live.start();
                made.complete(app);
            } catch (Throwable t) {
                made.completeExceptionally(t);
                return;
            }
            // Ahead of the EDT, which needs both right after the look and feel: the first view's classes
            // (calculator, formats, view records) and the font and painting machinery.
            DashboardViewBuilder.build(Calculator.compute(app.latestRead, clock.instant(), app.config, app.prices),
                    app.config, app.messages, app.zone, 1);
            GraphicsWarmUp.run();
        }, "budmon-start");
        starter.setDaemon(true);
        starter.start();
        BudmonTheme.setup();
        try {
            return made.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Closes the window as the user would and waits until the watcher, the clock and the settings it was
     * still saving are done, so the Claude directory can be deleted. Not on the EDT.
     *
     * @return {@code true} if everything stopped within a few seconds
     */
    boolean closeAndWait() throws InterruptedException {
        SwingUtilities.invokeLater(() -> frame.dispose());
        return closedForTests.await(5, TimeUnit.SECONDS) && io.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Builds the window with the state read so far, without showing it. EDT only. */
    private void build(Runnable onClosed) {
        frame = new DashboardFrame(this, view(), false);
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
                onClosed.run();
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
    }

    /** Shows the built window and starts the clock; the icons follow when read. EDT only. */
    private void show() {
        // One clock for every countdown; it runs only while the window is shown.
        ticker = new Timer(1000, e -> tick());
        ticker.start();
        frame.setVisible(true);
        // after the first paint, which is queued already: the window shows without waiting for them
        SwingUtilities.invokeLater(frame::addMenuItems);
        checkFirstRun();
        // Read once the first frame is painted: on two cores, decoding seven PNGs meanwhile would delay it.
        Timer iconsLater = new Timer((int) ICONS_DELAY.toMillis(), e -> io.execute(this::readIcons));
        iconsLater.setRepeats(false);
        iconsLater.start();
        Timer warmUp = new Timer((int) CLOCK_WARM_UP_DELAY.toMillis(), e -> warmUpClock());
        warmUp.setRepeats(false);
        warmUp.start();
        // After the first paint: decoding the PNGs is no reason to keep the window back.
        icons.whenComplete((images, failed) -> {
            if (failed != null) {
                System.err.println("budmon: " + failed.getMessage());
            } else {
                SwingUtilities.invokeLater(() -> frame.setIconImages(images));
            }
        });
    }

    /** Runs {@link ClockWarmUp} on a thread of its own with what the window shows now. EDT only. */
    private void warmUpClock() {
        if (figures == null || frame == null || !state.hasData()) {
            return;
        }
        UsageState s = state;
        Figures f = figures;
        DashboardView v = frame.getView();
        BudmonConfig c = config;
        Messages m = messages;
        long r = refreshes;
        Thread t = new Thread(() -> {
            List<DashboardView> views = ClockWarmUp.run(s, f, v, c, prices, m, zone, r);
            SwingUtilities.invokeLater(() -> ClockPaintWarmUp.start(frame, views, clockWarmedUp::countDown));
        }, "budmon-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Reads the icons into {@link #icons}; on the I/O thread. */
    private void readIcons() {
        try {
            icons.complete(icons());
        } catch (RuntimeException e) {
            icons.completeExceptionally(e);
        }
    }

    /** The frame, for tests. EDT only. */
    DashboardFrame frame() {
        return frame;
    }

    private void onState(UsageState s) {
        state = s;
        refreshes++;
        repaintView();
        firstState.countDown();
        checkFirstRun();
    }

    /**
     * Offers the setup once, when the first state read has no data and no source exists. Only once the
     * window shows: a state can arrive before the frame is built, while the main thread is still installing
     * the look and feel, and a dialog made then would have neither its owner nor its look.
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

    private void repaintView() {
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

    /** Saves on the I/O thread and applies the result on the EDT; a failure is shown, nothing else changes. */
    private void saveSetting(IoSupplier<LoadedConfig> save) {
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
            io.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void showSessionLog() {
        // Without an active session the session log is the (empty) log of no session, not every session.
        String id = state.activeSession() == null || state.activeSession().sessionId() == null ? ""
                : state.activeSession().sessionId();
        dialogs.showTurnLog(frame, messages, config, prices, id, zone);
    }

    @Override
    public void showHistoryLog() {
        dialogs.showTurnLog(frame, messages, config, prices, null, zone);
    }

    @Override
    public void openClaudeFolder() {
        dialogs.openInDesktop(frame, messages, dirs.primary());
    }

    @Override
    public void selectLanguage(String code) {
        if (code.equals(messages.language()) && code.equals(config.language())) {
            return;
        }
        // The texts are read on the I/O thread (the first time from the jar), the window switches as soon as
        // they are there, without waiting for the file, which is written next.
        io.execute(() -> {
            Messages texts = Messages.of(code);
            SwingUtilities.invokeLater(() -> {
                messages = texts;
                repaintView();
            });
            saveSetting(() -> configStore.save("general", "language", code));
        });
    }

    @Override
    public void selectModel(ModelChoice model) {
        if (model == config.model()) {
            return;
        }
        io.execute(() -> saveSetting(() -> configStore.save("model", "model", model.iniValue())));
    }

    @Override
    public void openIni() {
        io.execute(() -> {
            configStore.load(); // creates the commented default when there is none yet
            SwingUtilities.invokeLater(() -> dialogs.openInDesktop(frame, messages, configStore.file()));
        });
    }

    @Override
    public void showUserGuide() {
        dialogs.showUserGuide(frame, messages);
    }

    @Override
    public void showAbout() {
        dialogs.showAbout(frame, messages);
    }

    /** Reopens where the user left the window, unless that spot is on no screen any more; then centres. */
    static void placeWindow(java.awt.Window w, WindowGeometry g) {
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
        for (java.awt.GraphicsDevice d : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            if (d.getDefaultConfiguration().getBounds().intersects(titleBar)) {
                return true;
            }
        }
        return false;
    }

    private static List<Image> icons() {
        List<Image> images = new ArrayList<>();
        for (int size : ICON_SIZES) {
            try (InputStream in = DashboardApp.class.getResourceAsStream("/icons/budmon-" + size + ".png")) {
                if (in == null) {
                    throw new IllegalStateException("icon budmon-" + size + ".png is missing from the build");
                }
                images.add(ImageIO.read(in));
            } catch (IOException e) {
                throw new IllegalStateException("icon budmon-" + size + ".png cannot be read", e);
            }
        }
        return images;
    }


    /** A save that may fail with an I/O error. */
    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }
}

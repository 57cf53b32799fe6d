package dev.budmon.notify;

import dev.budmon.DaemonThreads;
import dev.budmon.alert.Alert;
import dev.budmon.alert.AlertEngine;
import dev.budmon.alert.AlertInputs;
import dev.budmon.alert.AlertOutcome;
import dev.budmon.alert.AlertState;
import dev.budmon.alert.AlertStateStore;
import dev.budmon.alert.AlertTexts;
import dev.budmon.alert.Notice;
import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PaceForecast;
import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.model.UsageState;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the alerts beside the window or in the background: takes every new state of the sources (from
 * {@code LiveState}'s listener) and every config, evaluates the {@link AlertEngine} on its own thread, shows
 * what is due through a {@link Notifier}, and saves the alert state after each evaluation that changed it. A
 * clock evaluates again every {@link #TICK}, since some alerts fall due with time alone (a reset passing,
 * Claude Code working on without quota figures).
 *
 * <p>Thread-safe: every method may be called from any thread; the work happens on the service's one thread.
 */
public final class AlertService implements AutoCloseable {

    /** How often the clock evaluates without a new state: a reset is told within this. */
    public static final Duration TICK = Duration.ofSeconds(30);

    private final AlertStateStore store;
    private final Notifier notifier;
    private final Clock clock;
    private final PriceTable prices;
    private final ScheduledExecutorService worker;
    private final java.util.List<Consumer<Evaluation>> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

    // the worker's thread only
    private AlertState state;
    private UsageState usage;
    /** Each window's pace from the quota history; the worker's thread. */
    private Map<String, PaceForecast> paces = Map.of();
    private BudmonConfig config;
    private Messages messages;

    /**
     * What one evaluation did.
     *
     * @param figures the figures it computed, which the tray icon shows too
     * @param shown   how many notices the desktop took
     */
    public record Evaluation(Instant at, UsageState usage, Figures figures, BudmonConfig config, AlertOutcome outcome,
                             int shown) {
    }

    /**
     * @param store    where the alert state lives; read on the service's thread when it starts
     * @param notifier shows the notices
     * @param config   the configuration to start with
     * @param clock    the time of each evaluation
     */
    public AlertService(AlertStateStore store, Notifier notifier, BudmonConfig config, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
        this.prices = PriceTable.bundled();
        this.config = config;
        this.worker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("budmon-alerts"));
    }

    /** Loads the saved state and starts the clock. Call once. */
    public void start() {
        worker.execute(() -> {
            state = store.load();
            messages = textsOf(config);
        });
        long ms = TICK.toMillis();
        worker.scheduleWithFixedDelay(this::evaluate, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** A new state of the sources; evaluated soon. Any thread. */
    public void accept(UsageState s) {
        submit(() -> {
            usage = s;
            evaluate();
        });
    }

    /**
     * The windows' pace from the quota history, by window name: the predicted exhaustion follows it from the
     * next evaluation on. Any thread.
     */
    public void paces(Map<String, PaceForecast> p) {
        Map<String, PaceForecast> copy = Map.copyOf(p);
        submit(() -> paces = copy);
    }

    /** A changed configuration (thresholds, rules, language); used from the next evaluation on. Any thread. */
    public void configure(BudmonConfig c) {
        submit(() -> {
            config = c;
            messages = textsOf(c);
        });
    }

    /** Told about every evaluation, on the service's thread (the tray icon follows them). */
    public void observe(Consumer<Evaluation> o) {
        observers.add(o);
    }

    private void submit(Runnable r) {
        try {
            worker.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: the last state no longer matters
        }
    }

    private void evaluate() {
        if (usage == null) {
            return; // nothing read yet: the clock alone has nothing to judge
        }
        try {
            Instant now = clock.instant();
            Figures f = Calculator.compute(usage, now, config, prices);
            AlertOutcome o = AlertEngine.evaluate(state, AlertInputs.of(f, usage, paces), now, config);
            int shown = 0;
            for (Alert a : o.alerts()) {
                Notice n = AlertTexts.notice(a, now, clock.getZone(), messages);
                if (notifier.show(n)) {
                    shown++;
                }
            }
            state = o.next();
            try {
                store.save(state);
            } catch (IOException e) {
                System.err.println("budmon: " + store.file() + " could not be written (" + e.getMessage()
                        + "); alerts shown since may come again after a restart");
            }
            Evaluation e = new Evaluation(now, usage, f, config, o, shown);
            for (Consumer<Evaluation> observer : observers) {
                observer.accept(e);
            }
        } catch (RuntimeException e) {
            // a bug here must not stop the alerts that follow
            System.err.println("budmon: alert evaluation failed: " + e);
        }
    }

    private static Messages textsOf(BudmonConfig c) {
        return Messages.forSetting(c.language(), Locale.getDefault());
    }

    /** Stops the clock and waits briefly for a running evaluation, so its state is saved. Any thread. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }
}

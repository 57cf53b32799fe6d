package dev.budmon.watch;

import dev.budmon.model.UsageState;
import dev.budmon.source.StateReader;
import dev.budmon.threads.ThreadCheck;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps a {@link StateReader} fed by a {@link ClaudeDirWatcher} and hands every new state to a listener,
 * only when something changed. The listener runs on the watcher's background thread (the quota-only first
 * state on the thread that calls {@link #start()}); a Swing listener passes the state on with
 * {@code SwingUtilities.invokeLater}.
 */
public final class LiveState implements AutoCloseable {

    /** Long enough to read a burst of transcript lines once, short enough to feel instant. */
    public static final Duration DEBOUNCE = Duration.ofMillis(15);

    private final ClaudeDirWatcher watcher;
    private final StateReader reader;
    private final Consumer<UsageState> listener;

    /**
     * @param dirs      the Claude directories
     * @param reader    reads them; used by {@link #start()}'s caller, then only on the watcher's thread
     * @param poll      the safety-net poll interval ({@code refresh_ms})
     * @param alsoCheck more work for each refresh on the same thread, e.g. re-reading a changed config
     * @param listener  receives each new state
     * @param onError   receives anything the reading threw
     */
    public LiveState(List<Path> dirs, StateReader reader, Duration poll, Runnable alsoCheck,
                     Consumer<UsageState> listener, Consumer<Throwable> onError) {
        this.reader = reader;
        this.listener = listener;
        this.watcher = new ClaudeDirWatcher(dirs, poll, DEBOUNCE, ClaudeDirWatcher.FULL_WALK_EVERY, changed -> {
            alsoCheck.run();
            UsageState s = reader.readIfChanged(changed);
            if (s != null) {
                listener.accept(s);
            }
        }, onError);
    }

    /**
     * Starts watching; the first state arrives at once. When the quota files hold anything, the listener
     * first gets a state of the quota alone ({@link StateReader#readQuotaOnly()}), then the full one with the
     * transcripts, whose quota figures are the same or newer. The quota files are read on the calling
     * thread, before the watcher starts, so not on the EDT; call once.
     */
    public void start() {
        ThreadCheck.notOnEdt("reading the Claude directories");
        // The quota files are read in milliseconds; a long transcript history can take seconds. The reader
        // passes to the watcher's thread with the start, which orders these reads before its own.
        UsageState quota = reader.readQuotaOnly();
        if (quota != null) {
            listener.accept(quota);
        }
        watcher.start();
    }

    /** Reads again soon even if no file event came, e.g. after the config changed. Any thread. */
    public void refreshSoon() {
        watcher.requestRefresh();
    }

    @Override
    public void close() {
        watcher.close();
    }
}

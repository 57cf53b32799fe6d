package dev.budmon.watch;

import dev.budmon.model.UsageState;
import dev.budmon.source.StateReader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps a {@link StateReader} fed by a {@link ClaudeDirWatcher} and hands every new state to a listener,
 * only when something changed. The listener runs on the watcher's background thread; a Swing listener
 * passes the state on with {@code SwingUtilities.invokeLater}.
 */
public final class LiveState implements AutoCloseable {

    /** Long enough to read a burst of transcript lines once, short enough to feel instant. */
    public static final Duration DEBOUNCE = Duration.ofMillis(15);

    private final ClaudeDirWatcher watcher;

    /**
     * @param dirs      the Claude directories
     * @param reader    reads them; used only on the watcher's thread from now on
     * @param poll      the safety-net poll interval ({@code refresh_ms})
     * @param alsoCheck more work for each refresh on the same thread, e.g. re-reading a changed config
     * @param listener  receives each new state
     * @param onError   receives anything the reading threw
     */
    public LiveState(List<Path> dirs, StateReader reader, Duration poll, Runnable alsoCheck,
                     Consumer<UsageState> listener, Consumer<Throwable> onError) {
        this.watcher = new ClaudeDirWatcher(dirs, poll, DEBOUNCE, () -> {
            alsoCheck.run();
            UsageState s = reader.readIfChanged();
            if (s != null) {
                listener.accept(s);
            }
        }, onError);
    }

    /** Starts watching; the first state arrives at once. Any thread. */
    public void start() {
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

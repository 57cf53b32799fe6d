package dev.budmon.watch;

import dev.budmon.DaemonThreads;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches the Claude directories and their transcript folders and runs a refresh on one background thread
 * when something in them changes, debounced, plus a poll as a safety net (WatchService polls only every
 * few seconds on macOS and misses events on some network file systems).
 *
 * <p>The refresh is told which transcripts the events named, so that a line appended during a session is
 * read without a walk over every transcript of the history (hundreds of files after a few weeks). It is
 * told to walk them all ({@code null}) at the first refresh, when the events may be incomplete (a new
 * folder, whose first files can come before it is watched; an overflow; a folder that could not be
 * watched; no watch service at all), and by every n-th poll, n being {@link #FULL_WALK_EVERY} over the poll
 * interval (at least 1). The polls are counted from the last walk, not timed: the count does not depend on
 * when the first refresh got the CPU. The other polls only let it look at the quota files and the config.
 *
 * <p>Single files cannot be registered with a {@link WatchService}; their folders are watched and the
 * events filtered. An atomic writer's rename arrives as CREATE of the target, so CREATE counts as a change.
 * Thread-safe; the refresh never runs on the caller's thread and never twice at once.
 */
public final class ClaudeDirWatcher implements AutoCloseable {

    /** How often a working watcher's poll still walks every transcript, in case an event was missed. */
    public static final Duration FULL_WALK_EVERY = Duration.ofSeconds(30);

    private final List<Path> dirs;
    private final Duration debounce;
    /** The poll's interval in milliseconds. */
    private final long pollMs;
    /** Every how many polls a working watcher's poll walks everything. */
    private final long pollsPerWalk;
    private final Consumer<Set<Path>> refresh;
    private final Consumer<Throwable> onError;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Transcripts named by events since the last refresh. */
    private final Set<Path> changedTranscripts = ConcurrentHashMap.newKeySet();
    /** Set when the next refresh must walk every transcript; the first one does. */
    private final AtomicBoolean walkAll = new AtomicBoolean(true);
    /** Set when a folder could not be watched: then every poll walks. */
    private volatile boolean incomplete;
    /** Polls since the last walk over everything; the refresh thread only. */
    private long pollsSinceWalk;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private volatile WatchService watchService;
    private Thread eventThread;
    private ScheduledFuture<?> poller;

    /**
     * A watcher whose refresh is not told what changed.
     *
     * @param dirs     the Claude directories
     * @param poll     refresh at least this often
     * @param debounce wait this long after an event before refreshing, so a burst of writes is read once
     * @param refresh  the work to do; runs on the watcher's own thread
     * @param onError  told about anything the refresh threw; the watcher keeps running
     */
    public ClaudeDirWatcher(List<Path> dirs, Duration poll, Duration debounce, Runnable refresh,
                            Consumer<Throwable> onError) {
        this(dirs, poll, debounce, FULL_WALK_EVERY, changed -> refresh.run(), onError);
    }

    /**
     * @param dirs          the Claude directories
     * @param poll          refresh at least this often
     * @param debounce      wait this long after an event before refreshing, so a burst of writes is read once
     * @param fullWalkEvery how often the poll of a working watcher asks for a walk over every transcript
     * @param refresh       the work to do, on the watcher's own thread: given the transcripts that events
     *                      named since the last refresh (possibly none: the quota files or the config
     *                      changed, or only the poll came), or {@code null} when every transcript must be
     *                      looked at
     * @param onError       told about anything the refresh threw; the watcher keeps running
     */
    public ClaudeDirWatcher(List<Path> dirs, Duration poll, Duration debounce, Duration fullWalkEvery,
                            Consumer<Set<Path>> refresh, Consumer<Throwable> onError) {
        this.dirs = List.copyOf(dirs);
        this.debounce = debounce;
        this.pollMs = Math.max(100, poll.toMillis());
        this.pollsPerWalk = Math.max(1, (fullWalkEvery.toMillis() + pollMs - 1) / pollMs);
        this.refresh = refresh;
        this.onError = onError;
        this.worker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("budmon-refresh"));
    }

    /** Starts watching and runs a first refresh at once. Any thread. */
    public synchronized void start() {
        try {
            watchService = FileSystems.getDefault().newWatchService();
            for (Path d : dirs) {
                registerTree(d);
            }
            eventThread = DaemonThreads.of("budmon-watch", this::eventLoop);
            eventThread.start();
        } catch (IOException e) {
            // Without events the poll still keeps the figures fresh.
            incomplete = true;
            onError.accept(e);
        }
        worker.execute(() -> runRefresh(false));
        poller = worker.scheduleWithFixedDelay(() -> runRefresh(true), pollMs, pollMs, TimeUnit.MILLISECONDS);
    }

    /** Asks for a refresh soon that looks at everything, as if any file had changed. Any thread. */
    public void requestRefresh() {
        walkAll.set(true);
        refreshSoon();
    }

    private void refreshSoon() {
        if (pending.compareAndSet(false, true)) {
            try {
                worker.schedule(() -> runRefresh(false), debounce.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    private void runRefresh(boolean poll) {
        pending.set(false);
        if (poll) {
            pollsSinceWalk++;
        }
        boolean all = walkAll.getAndSet(false)
                || (poll && (incomplete || watchService == null || pollsSinceWalk >= pollsPerWalk));
        Set<Path> changed = null;
        if (all) {
            pollsSinceWalk = 0;
            changedTranscripts.clear();
        } else {
            changed = new HashSet<>();
            for (Path p : changedTranscripts) {
                changedTranscripts.remove(p);
                changed.add(p);
            }
        }
        try {
            refresh.accept(changed);
        } catch (Throwable t) {
            onError.accept(t);
        }
    }

    private void eventLoop() {
        WatchService ws = watchService;
        while (true) {
            WatchKey key;
            try {
                key = ws.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir;
            synchronized (keys) {
                dir = keys.get(key);
            }
            boolean changed = false;
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                    walkAll.set(true);
                    changed = true;
                    continue;
                }
                Path child = dir.resolve((Path) event.context());
                boolean transcript = child.getFileName().toString().endsWith(".jsonl") && isUnderProjects(child);
                if (!transcript && event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)
                        && (isUnderProjects(child) || isProjectsFolder(child))) {
                    // its first files may have come before it was watched
                    registerTree(child);
                    walkAll.set(true);
                    changed = true;
                } else if (transcript) {
                    changedTranscripts.add(child);
                    changed = true;
                } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && isUnderProjects(child)) {
                    // a folder moved or deleted as a whole names none of its transcripts
                    walkAll.set(true);
                    changed = true;
                } else if (isRelevant(child)) {
                    changed = true;
                }
            }
            if (!key.reset()) {
                synchronized (keys) {
                    keys.remove(key);
                }
            }
            if (changed) {
                refreshSoon();
            }
        }
    }

    /** Transcripts, BudMon's own files and anything under {@code projects/} matter; editor swap files do not. */
    private boolean isRelevant(Path p) {
        String n = p.getFileName().toString();
        if (n.endsWith(".jsonl") || n.equals("usage-limits.json") || n.equals("budget_velocity.json")
                || n.equals("budmon.ini") || n.equals("projects")) {
            return true;
        }
        return isUnderProjects(p) && Files.isDirectory(p);
    }

    private boolean isProjectsFolder(Path p) {
        for (Path d : dirs) {
            if (p.equals(d.resolve("projects"))) {
                return true;
            }
        }
        return false;
    }

    private boolean isUnderProjects(Path p) {
        for (Path d : dirs) {
            if (p.startsWith(d.resolve("projects"))) {
                return true;
            }
        }
        return false;
    }

    private void registerTree(Path root) {
        WatchService ws = watchService;
        if (ws == null) {
            return;
        }
        register(ws, root);
        Path start = isUnderProjects(root) ? root : root.resolve("projects");
        if (!Files.isDirectory(start)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(start, 4)) {
            tree.filter(Files::isDirectory).forEach(d -> register(ws, d));
        } catch (IOException | RuntimeException e) {
            incomplete = true;
            onError.accept(e);
        }
    }

    private void register(WatchService ws, Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            WatchKey key = dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            synchronized (keys) {
                keys.put(key, dir);
            }
        } catch (IOException | ClosedWatchServiceException e) {
            // An unwatched folder is read by the poll, which therefore walks every time from now on.
            incomplete = true;
        }
    }

    /** Stops watching and waits briefly for a running refresh to end. Any thread. */
    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.cancel(false);
        }
        worker.shutdownNow();
        WatchService ws = watchService;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
            if (eventThread != null) {
                eventThread.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.budmon.watch;

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
import java.util.List;
import java.util.Map;
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
 * <p>Single files cannot be registered with a {@link WatchService}; their folders are watched and the
 * events filtered. An atomic writer's rename arrives as CREATE of the target, so CREATE counts as a change.
 * Thread-safe; the refresh never runs on the caller's thread and never twice at once.
 */
public final class ClaudeDirWatcher implements AutoCloseable {

    private final List<Path> dirs;
    private final Duration poll;
    private final Duration debounce;
    private final Runnable refresh;
    private final Consumer<Throwable> onError;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private volatile WatchService watchService;
    private Thread eventThread;
    private ScheduledFuture<?> poller;

    /**
     * @param dirs     the Claude directories
     * @param poll     refresh at least this often
     * @param debounce wait this long after an event before refreshing, so a burst of writes is read once
     * @param refresh  the work to do; runs on the watcher's own thread
     * @param onError  told about anything the refresh threw; the watcher keeps running
     */
    public ClaudeDirWatcher(List<Path> dirs, Duration poll, Duration debounce, Runnable refresh,
                            Consumer<Throwable> onError) {
        this.dirs = List.copyOf(dirs);
        this.poll = poll;
        this.debounce = debounce;
        this.refresh = refresh;
        this.onError = onError;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "budmon-refresh"));
    }

    /** Starts watching and runs a first refresh at once. Any thread. */
    public synchronized void start() {
        try {
            watchService = FileSystems.getDefault().newWatchService();
            for (Path d : dirs) {
                registerTree(d);
            }
            eventThread = daemon(this::eventLoop, "budmon-watch");
            eventThread.start();
        } catch (IOException e) {
            // Without events the poll still keeps the figures fresh.
            onError.accept(e);
        }
        worker.execute(this::runRefresh);
        long ms = Math.max(100, poll.toMillis());
        poller = worker.scheduleWithFixedDelay(this::runRefresh, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Asks for a refresh soon, as if a file had changed. Any thread. */
    public void requestRefresh() {
        if (pending.compareAndSet(false, true)) {
            try {
                worker.schedule(this::runRefresh, debounce.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    private void runRefresh() {
        pending.set(false);
        try {
            refresh.run();
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
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    changed = true;
                    continue;
                }
                Path name = (Path) event.context();
                Path child = dir == null ? null : dir.resolve(name);
                if (child != null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                        && Files.isDirectory(child) && isUnderProjects(child)) {
                    registerTree(child);
                }
                if (child != null && isRelevant(child)) {
                    changed = true;
                }
            }
            if (!key.reset()) {
                synchronized (keys) {
                    keys.remove(key);
                }
            }
            if (changed) {
                requestRefresh();
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
            // An unreadable folder is read again by the poll; nothing to do here.
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

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}

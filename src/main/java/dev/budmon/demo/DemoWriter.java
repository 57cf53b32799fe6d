package dev.budmon.demo;

import dev.budmon.DaemonThreads;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The data behind {@code budmon --demo}: a temporary Claude directory that a background thread keeps changing
 * the way Claude Code and BudMon's interceptor would, so that the real readers, watcher and window show it.
 *
 * <p>It holds {@code usage-limits.json} (replaced atomically, in the interceptor's exact format, with
 * {@code "source": "budmon-demo"}) and one session transcript {@code projects/<project>/<session>.jsonl}
 * (whole lines appended with one write each, in Claude Code's format). Within the first minute a newcomer
 * sees the quota bars climb through the warning and alarm thresholds, responses of several models arrive
 * with changing cache ratios, the 5-hour window reset pass ("reset, no request since") and a new window
 * begin; see {@link QuotaScript} for the time line.
 *
 * <pre>{@code
 * try (DemoWriter demo = new DemoWriter()) {
 *     Path claudeDir = demo.start();
 *     // run the window on claudeDir until it closes
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link #tick()} and {@link #close()} may be called from any thread (not the EDT: they do
 * file I/O).
 */
public final class DemoWriter implements AutoCloseable {

    /** How often the background thread looks whether a response is due. */
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
    /** Responses already in the transcript when the demo starts, so the sparkline and totals are not empty. */
    static final int HISTORY_RESPONSES = 12;
    /** Time between the history's responses. */
    static final Duration HISTORY_SPACING = Duration.ofSeconds(25);
    /** Shortest and longest pause between two responses. */
    static final Duration MIN_GAP = Duration.ofSeconds(2);
    static final Duration MAX_GAP = Duration.ofSeconds(5);

    private final Clock clock;
    private final Duration tickInterval;
    private final long seed;
    private final Object lock = new Object();

    private Path dir;
    private Path transcript;
    private QuotaScript quota;
    private ConversationScript conversation;
    private Random gaps;
    private Instant nextResponse;
    private ScheduledExecutorService thread;
    private Thread shutdownHook;
    private boolean closed;
    private boolean reportedFailure;

    /** A demo on the system clock, ticking every second. */
    public DemoWriter() {
        this(Clock.systemUTC(), DEFAULT_TICK, 1L);
    }

    /**
     * A demo on the given clock.
     *
     * @param clock        where the demo reads the time; tests pass a clock they move by hand
     * @param tickInterval how often the background thread calls {@link #tick()}; zero starts no thread, and
     *                     the caller ticks itself
     * @param seed         picks the made-up session (ids, token counts); the same seed gives the same lines
     */
    public DemoWriter(Clock clock, Duration tickInterval, long seed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tickInterval = Objects.requireNonNull(tickInterval, "tickInterval");
        if (tickInterval.isNegative()) {
            throw new IllegalArgumentException("tick interval must not be negative: " + tickInterval);
        }
        this.seed = seed;
    }

    /**
     * Creates the temporary Claude directory with a short history and the current quota figures, then starts
     * the background writer (a daemon thread) unless the tick interval is zero. The directory is deleted by
     * {@link #close()}, or when the JVM exits.
     *
     * @return the Claude directory to read
     * @throws IOException           when the directory or its first files cannot be written
     * @throws IllegalStateException when called twice or after {@link #close()}
     */
    public Path start() throws IOException {
        synchronized (lock) {
            if (dir != null || closed) {
                throw new IllegalStateException(closed ? "the demo was closed" : "the demo is already running");
            }
            dir = Files.createTempDirectory("budmon-demo-");
            shutdownHook = new Thread(this::stopAndDelete, "budmon-demo-cleanup");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            try {
                Instant now = clock.instant();
                quota = new QuotaScript(now);
                conversation = new ConversationScript(seed);
                gaps = new Random(seed ^ 0x5DEECE66DL);
                Path project = dir.resolve("projects").resolve(ConversationScript.projectFolder());
                Files.createDirectories(project);
                transcript = project.resolve(conversation.sessionId() + ".jsonl");
                Instant t = now.minus(HISTORY_SPACING.multipliedBy(HISTORY_RESPONSES));
                for (int i = 0; i < HISTORY_RESPONSES; i++) {
                    t = t.plus(HISTORY_SPACING);
                    append(conversation.nextRound(t.minusSeconds(1)));
                }
                // The figures a response at this moment would carry, as if it had just arrived.
                SortedMap<String, String> headers = quota.headers(now).orElseThrow();
                UsageLimitsWriter.write(dir, headers, now);
                nextResponse = now.plus(MIN_GAP);
            } catch (IOException | RuntimeException e) {
                stopAndDelete();
                throw e;
            }
            if (!tickInterval.isZero()) {
                thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("budmon-demo-writer"));
                long ms = Math.max(1, tickInterval.toMillis());
                thread.scheduleWithFixedDelay(this::tickQuietly, ms, ms, TimeUnit.MILLISECONDS);
            }
            return dir;
        }
    }

    /** The demo's Claude directory; {@code null} before {@link #start()}. */
    public Path directory() {
        synchronized (lock) {
            return dir;
        }
    }

    /** The session transcript the demo appends to; {@code null} before {@link #start()}. */
    public Path transcript() {
        synchronized (lock) {
            return transcript;
        }
    }

    /**
     * One step at the clock's current time: when a response is due (and the 5-hour reset has not just
     * passed), appends its transcript lines and replaces {@code usage-limits.json} with the figures it
     * carried. Does nothing before {@link #start()} or after {@link #close()}.
     *
     * @return whether a response was written
     * @throws IOException when a file cannot be written
     */
    public boolean tick() throws IOException {
        synchronized (lock) {
            if (dir == null || closed) {
                return false;
            }
            Instant now = clock.instant();
            if (now.isBefore(nextResponse) || quota.quiet(now)) {
                return false;
            }
            SortedMap<String, String> headers = quota.headers(now).orElseThrow();
            append(conversation.nextRound(now));
            UsageLimitsWriter.write(dir, headers, now);
            long gap = MIN_GAP.toMillis() + gaps.nextInt((int) (MAX_GAP.toMillis() - MIN_GAP.toMillis() + 1));
            nextResponse = now.plusMillis(gap);
            return true;
        }
    }

    /** Stops the writer thread and deletes the demo directory. Idempotent; any thread. */
    @Override
    public void close() {
        Thread hook;
        synchronized (lock) {
            hook = shutdownHook;
            shutdownHook = null;
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to; it does the same work.
            }
        }
        stopAndDelete();
    }

    private void stopAndDelete() {
        ScheduledExecutorService t;
        Path d;
        synchronized (lock) {
            closed = true;
            t = thread;
            thread = null;
            d = dir;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (d != null) {
            synchronized (lock) {
                try {
                    deleteTree(d);
                } catch (IOException e) {
                    System.err.println("budmon: could not delete the demo folder " + d + ": " + e.getMessage());
                }
            }
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                // Once is enough: the same failure would repeat every second.
                if (!reportedFailure && !closed) {
                    reportedFailure = true;
                    System.err.println("budmon: the demo could not write its files: " + e);
                }
            }
        }
    }

    /** Appends each line with a single write, as Claude Code does, so a reader never sees half a line. */
    private void append(List<String> lines) throws IOException {
        try (FileChannel ch = FileChannel.open(transcript, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (String line : lines) {
                ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

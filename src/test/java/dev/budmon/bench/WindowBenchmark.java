package dev.budmon.bench;

import dev.budmon.ui.ClaudeDirFixture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures the dashboard window as a user runs it: the {@code ./budmon} launcher, a fresh JVM with the given
 * options, on a Claude directory made by {@link ClaudeDirFixture}. Run by {@code src/bench/window.sh} on a
 * display. The window reports its paints through {@code -Dbudmon.bench.firstFrame} and
 * {@code -Dbudmon.bench.paints} (see {@code dev.budmon.ui.BenchProbe}); everything else is read from outside:
 *
 * <ul>
 * <li><b>first frame</b>: from just before the launcher is started to the first painted frame with data
 *     (epoch microseconds of both processes), over {@code starts} fresh processes; the window's own figure
 *     (since the JVM's start time) beside it;</li>
 * <li><b>RSS</b> one minute after the start ({@code VmRSS} of {@code /proc/<pid>/status}, what
 *     {@code ps -o rss} shows) and the peak so far ({@code VmHWM});</li>
 * <li><b>idle CPU</b>: utime + stime of {@code /proc/<pid>/stat} over the following minute, in which no file
 *     changes (the countdown clock still ticks every second);</li>
 * <li><b>file to screen</b>: {@code usage-limits.json} rewritten atomically {@code writes} times with a new 5h
 *     figure, from the rename to the paint that shows it.</li>
 * </ul>
 *
 * <p>Usage: {@code WindowBenchmark <launcher> <work dir> <label> <JVM options> [starts] [idle seconds]
 * [writes] [archive]}; with {@code archive} set to a file name, one run only creates a class-data archive
 * there ({@code -XX:ArchiveClassesAtExit}) by starting, showing a few rewrites and closing; set to
 * {@code launcher}, one run waits for the launcher to record its own window archive. Prints one
 * Markdown table row. The extra Claude directory in {@code BUDMON_BENCH_HISTORY} (a transcript corpus), if
 * set, is read too (as the second directory of {@code CLAUDE_CONFIG_DIR}).
 */
public final class WindowBenchmark {

    private static final long CLOCK_TICKS = Long.getLong("clk.tck", 100);

    private WindowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: WindowBenchmark <launcher> <work dir> <label> <JVM options> [starts]"
                    + " [idle seconds] [writes] [archive]");
            System.exit(2);
        }
        Path launcher = Path.of(args[0]);
        Path work = Path.of(args[1]);
        String label = args[2];
        String opts = args[3];
        int starts = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int idleSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 60;
        int writes = args.length > 6 ? Integer.parseInt(args[6]) : 30;
        String archive = args.length > 7 ? args[7] : null;
        Files.createDirectories(work);

        if ("launcher".equals(archive)) {
            awaitLauncherArchive(launcher, work);
            return;
        } else if (archive != null) {
            createArchive(launcher, work, opts, archive);
            return;
        }

        List<Double> firstFrames = new ArrayList<>();
        List<Double> inProcess = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            try (Window w = Window.start(launcher, work.resolve(label + "-start-" + i), opts)) {
                FirstFrame f = w.awaitFirstFrame();
                firstFrames.add(f.fromLaunchMs);
                inProcess.add(f.sinceJvmStartMs);
            }
        }

        if (idleSeconds == 0) {
            System.out.printf(Locale.ROOT, "| %s | `%s` | %s | %s | | | |%n", label,
                    opts.isBlank() ? "(defaults)" : opts, summary(firstFrames), summary(inProcess));
            return;
        }
        try (Window w = Window.start(launcher, work.resolve(label + "-long"), opts)) {
            w.awaitFirstFrame();
            // RSS and the idle minute from one minute after the start, or later (BUDMON_BENCH_IDLE_FROM, seconds):
            // the JIT is still compiling the clock's code in the second minute, not any more in the fifth
            String from = System.getenv("BUDMON_BENCH_IDLE_FROM");
            sleepUntil(w.launched.plusSeconds(from == null || from.isBlank() ? 60 : Long.parseLong(from)));
            long rssKb = w.status("VmRSS");
            long hwmKb = w.status("VmHWM");
            long ticks0 = w.cpuTicks();
            Map<String, Long> threads0 = w.threadTicks();
            long t0 = System.nanoTime();
            Thread.sleep(idleSeconds * 1000L);
            long ticks1 = w.cpuTicks();
            Map<String, Long> threads1 = w.threadTicks();
            StringBuilder byThread = new StringBuilder();
            threads1.forEach((name, t) -> {
                long d = t - threads0.getOrDefault(name, 0L);
                if (d > 0) {
                    byThread.append(byThread.length() == 0 ? "" : ", ").append(name).append(' ').append(d);
                }
            });
            System.err.println("  " + label + ": idle CPU ticks by thread (1/" + CLOCK_TICKS + " s): " + byThread);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double idleCpu = 100.0 * (ticks1 - ticks0) / CLOCK_TICKS / seconds;

            List<Double> toScreen = new ArrayList<>();
            int missed = 0;
            Random random = new Random(1);
            int percent = 42;
            for (int i = 0; i < writes; i++) {
                percent = percent >= 69 ? 31 : percent + 1;
                Instant renamed = w.fixture.writeUsageLimits(percent / 100.0, Instant.now());
                Double ms = w.awaitPaint(percent + "%", renamed, Duration.ofSeconds(5));
                if (ms == null) {
                    missed++;
                } else {
                    toScreen.add(ms);
                }
                // not in step with the one-second clock
                Thread.sleep(400 + random.nextInt(700));
            }
            System.out.printf(Locale.ROOT, "| %s | `%s` | %s | %s | %.0f MB (peak %.0f) | %.2f %% | %s%s |%n",
                    label, opts.isBlank() ? "(defaults)" : opts, summary(firstFrames), summary(inProcess),
                    rssKb / 1024.0, hwmKb / 1024.0, idleCpu, summaryP90(toScreen),
                    missed > 0 ? " (" + missed + " not shown within 5 s)" : "");
        }
    }

    /** Starts once with {@code -XX:ArchiveClassesAtExit}, lets the window load what it uses, closes it. */
    private static void createArchive(Path launcher, Path work, String opts, String archive) throws Exception {
        Files.deleteIfExists(Path.of(archive));
        try (Window w = Window.start(launcher, work.resolve("archive"), "-XX:ArchiveClassesAtExit=" + archive
                + " " + opts)) {
            w.awaitFirstFrame();
            for (int p = 50; p < 53; p++) {
                Instant renamed = w.fixture.writeUsageLimits(p / 100.0, Instant.now());
                w.awaitPaint(p + "%", renamed, Duration.ofSeconds(5));
            }
            Thread.sleep(1500); // a tick or two of the clock
        }
        if (!Files.isRegularFile(Path.of(archive))) {
            throw new IllegalStateException("the JVM wrote no archive " + archive);
        }
        System.out.printf("archive %s: %.1f MB%n", archive, Files.size(Path.of(archive)) / 1e6);
    }

    /**
     * Starts the window through the launcher without its archive, so that the launcher records one with its
     * rehearsal (run it with {@code BUDMON_REHEARSAL_DELAY=0}), and waits until the archive is complete.
     */
    private static void awaitLauncherArchive(Path launcher, Path work) throws Exception {
        Path dir = launcher.toAbsolutePath().getParent().resolve("target");
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "budmon-window-*")) {
            for (Path f : old) {
                if (!Files.isDirectory(f)) {
                    Files.delete(f);
                }
            }
        }
        try (Window w = Window.start(launcher, work.resolve("archive"), "")) {
            w.awaitFirstFrame();
            Instant deadline = Instant.now().plusSeconds(180);
            while (Instant.now().isBefore(deadline)) {
                try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "budmon-window-*.{jsa,aot}")) {
                    for (Path f : found) {
                        System.out.printf("launcher's archive %s: %.1f MB%n", f, Files.size(f) / 1e6);
                        return;
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the launcher recorded no window archive in " + dir);
    }

    private static String summary(List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return String.format(Locale.ROOT, "**%.0f ms** (%.0f–%.0f)", median(s), s.get(0), s.get(s.size() - 1));
    }

    private static String summaryP90(List<Double> ms) {
        if (ms.isEmpty()) {
            return "--";
        }
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        double p90 = s.get((int) Math.min(s.size() - 1, Math.ceil(0.9 * s.size()) - 1));
        return String.format(Locale.ROOT, "**%.1f ms** / %.1f / %.1f ms", median(s), p90, s.get(s.size() - 1));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void sleepUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    private record FirstFrame(double fromLaunchMs, double sinceJvmStartMs) {
    }

    /** One BudMon window process and the lines its probe writes. */
    private static final class Window implements AutoCloseable {
        final Process process;
        final ClaudeDirFixture fixture;
        final Instant launched;
        private final BlockingQueue<String[]> lines = new LinkedBlockingQueue<>();

        private Window(Process process, ClaudeDirFixture fixture, Instant launched) {
            this.process = process;
            this.fixture = fixture;
            this.launched = launched;
            Thread reader = new Thread(this::readProbe, "probe-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Window start(Path launcher, Path dir, String opts) throws IOException {
            ClaudeDirFixture fixture = ClaudeDirFixture.create(dir, Instant.now(), "en");
            ProcessBuilder pb = new ProcessBuilder(launcher.toString());
            Map<String, String> env = pb.environment();
            String history = System.getenv("BUDMON_BENCH_HISTORY");
            env.put("CLAUDE_CONFIG_DIR", history == null || history.isBlank() ? dir.toString()
                    : dir + "," + history);
            env.put("BUDMON_JAVA_OPTS", opts + " -Dbudmon.bench.firstFrame=true -Dbudmon.bench.paints=true");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Instant launched = Instant.now();
            Process p = pb.start();
            return new Window(p, fixture, launched);
        }

        private void readProbe() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("budmon-bench ")) {
                        lines.add(line.split(" "));
                    } else if (!line.isBlank()) {
                        System.err.println("  [budmon] " + line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        FirstFrame awaitFirstFrame() throws InterruptedException {
            while (true) {
                String[] l = next(Duration.ofSeconds(30));
                if (l[1].equals("first-frame")) {
                    double fromLaunch = (Long.parseLong(l[3]) - micros(launched)) / 1000.0;
                    return new FirstFrame(fromLaunch, Double.parseDouble(l[2]));
                }
            }
        }

        /** Milliseconds from {@code since} to the first paint whose 5h text is {@code text}; null if none. */
        Double awaitPaint(String text, Instant since, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String[] l = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (l != null && l[1].equals("paint") && l[4].equals(text)) {
                    return (Long.parseLong(l[2]) - micros(since)) / 1000.0;
                }
            }
            return null;
        }

        private String[] next(Duration timeout) throws InterruptedException {
            String[] l = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (l == null) {
                throw new IllegalStateException("no line from the window within " + timeout
                        + (process.isAlive() ? "" : "; it exited with " + process.exitValue()));
            }
            return l;
        }

        /** A {@code kB} figure of {@code /proc/<pid>/status}. */
        long status(String key) throws IOException {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (l.startsWith(key + ":")) {
                    return Long.parseLong(l.substring(key.length() + 1).trim().split("\\s+")[0]);
                }
            }
            throw new IllegalStateException(key + " missing in /proc/" + process.pid() + "/status");
        }

        /** utime + stime in clock ticks. */
        long cpuTicks() throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime 14, stime 15
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        /** utime + stime by thread name (threads of one name, such as GC workers, added up). */
        Map<String, Long> threadTicks() throws IOException {
            Map<String, Long> ticks = new TreeMap<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(
                    Path.of("/proc", Long.toString(process.pid()), "task"))) {
                for (Path t : tasks) {
                    try {
                        String name = Files.readString(t.resolve("comm")).trim();
                        String stat = Files.readString(t.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    } catch (IOException gone) {
                        // the thread ended meanwhile
                    }
                }
            }
            return ticks;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: the JVM runs its exit path (and writes an archive if asked)
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}

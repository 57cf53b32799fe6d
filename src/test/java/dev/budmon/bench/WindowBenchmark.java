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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures the dashboard window as a user runs it — a launcher ({@code ./budmon}), a fresh JVM, the real
 * window — for several sets side by side, on Claude directories made by {@link ClaudeDirFixture}. Run by
 * {@code src/bench/window.sh} on a display. A set is a launcher with environment variables and JVM options,
 * e.g. this checkout's and an older one's, or the same launcher with and without its class-data archive.
 * The sets take turns start by start, and their idle windows run in the same minute, so that a change in the
 * machine's load hits them alike. The window reports its paints through {@link PaintProbe}, which the
 * benchmark adds to copies of the jars it measures; everything else is read from outside:
 *
 * <ul>
 * <li><b>first frame</b>: from just before the launcher is started to the first painted frame with data
 *     (epoch microseconds of both processes), over {@code starts} fresh processes per set; the window's own
 *     figure (since the JVM's start time) beside it;</li>
 * <li><b>RSS</b> {@code BUDMON_BENCH_IDLE_FROM} seconds (60) after the start ({@code VmRSS} of
 *     {@code /proc/<pid>/status}, what {@code ps -o rss} shows) and the peak so far ({@code VmHWM});</li>
 * <li><b>idle CPU</b>: utime + stime of {@code /proc/<pid>/stat} over the following {@code idle} seconds, in
 *     which no file changes (the countdown clock still ticks every second), and the process's CPU from its
 *     start to the end of that time;</li>
 * <li><b>file to screen</b>: {@code usage-limits.json} rewritten atomically {@code writes} times with a new 5h
 *     figure, from the rename to the paint that shows it.</li>
 * </ul>
 *
 * <p>Usage: {@code WindowBenchmark <work dir> <starts> <idle seconds> <writes> <set>...}, each
 * set as {@code label|launcher|env|JVM options}, env as {@code NAME=value} words. Prints one Markdown table
 * row per set; {@code WindowBenchmark --fixture <dir>} only writes such a Claude directory. The extra Claude
 * directory in {@code BUDMON_BENCH_HISTORY} (a transcript corpus), if set, is read too (as the second
 * directory of {@code CLAUDE_CONFIG_DIR}).
 */
public final class WindowBenchmark {

    private static final long CLOCK_TICKS = Long.getLong("clk.tck", 100);

    private WindowBenchmark() {
    }

    /**
     * {@code BUDMON_BENCH_KEEP_DIR=1}: every start of a set on the same Claude directory (its files written
     * afresh each time), so that the starts after the first find the transcript index it wrote.
     */
    private static final boolean KEEP_DIR = "1".equals(System.getenv("BUDMON_BENCH_KEEP_DIR"));

    /** One kind of start: a launcher, its environment and JVM options. */
    private record Set(String label, Path launcher, Map<String, String> env, String opts) {
        static Set parse(String spec) {
            String[] p = spec.split("\\|", -1);
            if (p.length != 4) {
                throw new IllegalArgumentException("a set is label|launcher|env|options: " + spec);
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (String word : p[2].trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    int eq = word.indexOf('=');
                    env.put(word.substring(0, eq), word.substring(eq + 1));
                }
            }
            return new Set(p[0], Path.of(p[1]), env, p[3]);
        }
    }

    /** What was measured of one set. */
    private static final class Figures {
        final List<Double> firstFrames = new ArrayList<>();
        final List<Double> transcriptFrames = new ArrayList<>();
        final List<Double> inProcess = new ArrayList<>();
        final List<Double> toScreen = new ArrayList<>();
        int missed;
        long rssKb;
        long hwmKb;
        double idleCpu = Double.NaN;
        double cpuSinceStart = Double.NaN;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--fixture")) {
            ClaudeDirFixture.create(Path.of(args[1]), Instant.now(), "en");
            return;
        }
        if (args.length < 5) {
            System.err.println("usage: WindowBenchmark <work dir> <starts> <idle seconds> <writes>"
                    + " label|launcher|env|options...");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int starts = Integer.parseInt(args[1]);
        int idleSeconds = Integer.parseInt(args[2]);
        int writes = Integer.parseInt(args[3]);
        List<Set> sets = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            sets.add(Set.parse(args[i]));
        }
        Files.createDirectories(work);
        Map<Set, Figures> figures = new LinkedHashMap<>();
        sets.forEach(s -> figures.put(s, new Figures()));

        // the sets take turns, in an order rotated every round, so that none always comes first
        for (int i = 0; i < starts; i++) {
            for (int k = 0; k < sets.size(); k++) {
                Set s = sets.get((i + k) % sets.size());
                // one Claude directory for every start of a set, so that the later starts find the
                // transcript index the first one wrote; the first start's figures are left out of the medians
                String dir = KEEP_DIR ? "-start" : "-start-" + i;
                try (Window w = Window.start(s, work.resolve(s.label() + dir), work.resolve(s.label() + "-cache"))) {
                    FirstFrame f = w.awaitFirstFrame();
                    double transcripts = w.awaitTranscriptsFrame();
                    System.err.printf(Locale.ROOT, "  %s start %d: first frame %.0f ms, with the transcripts %.0f ms"
                            + " (from launch)%n", s.label(), i, f.fromLaunchMs, transcripts);
                    if (!KEEP_DIR || i > 0) {
                        figures.get(s).firstFrames.add(f.fromLaunchMs);
                        figures.get(s).inProcess.add(f.sinceJvmStartMs);
                        figures.get(s).transcriptFrames.add(transcripts);
                    }
                }
            }
        }

        if (idleSeconds > 0) {
            measureIdle(sets, figures, work, idleSeconds, writes);
        }
        for (Set s : sets) {
            Figures f = figures.get(s);
            String opts = s.opts().isBlank() ? "" : " `" + s.opts() + "`";
            String env = s.env().isEmpty() ? "" : " " + String.join(" ", s.env().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList());
            System.out.printf(Locale.ROOT, "| %s%s%s | %s | %s | %s | %s | %s | %s | %s%s |%n", s.label(), env, opts,
                    summary(f.firstFrames), summary(f.inProcess), summary(f.transcriptFrames),
                    f.rssKb == 0 ? "" : String.format(Locale.ROOT, "%.0f MB (peak %.0f)", f.rssKb / 1024.0,
                            f.hwmKb / 1024.0),
                    Double.isNaN(f.idleCpu) ? "" : String.format(Locale.ROOT, "%.2f %%", f.idleCpu),
                    Double.isNaN(f.cpuSinceStart) ? "" : String.format(Locale.ROOT, "%.2f s", f.cpuSinceStart),
                    summaryP90(f.toScreen), f.missed > 0 ? " (" + f.missed + " not shown within 5 s)" : "");
        }
    }

    /** One long window per set, all at once: RSS, the idle CPU of the same minute, then the rewrites in turn. */
    private static void measureIdle(List<Set> sets, Map<Set, Figures> figures, Path work, int idleSeconds,
                                    int writes) throws Exception {
        String from = System.getenv("BUDMON_BENCH_IDLE_FROM");
        long fromSeconds = from == null || from.isBlank() ? 60 : Long.parseLong(from);
        Map<Set, Window> windows = new LinkedHashMap<>();
        try {
            for (Set s : sets) {
                Window w = Window.start(s, work.resolve(s.label() + "-long"), work.resolve(s.label() + "-cache"));
                windows.put(s, w);
                w.awaitFirstFrame();
            }
            // RSS and the idle minute from one minute after the last start, or later: the JIT is still
            // compiling the clock's code in the second minute, not any more in the fifth
            Instant lastLaunch = windows.values().stream().map(w -> w.launched).max(Instant::compareTo).orElseThrow();
            sleepUntil(lastLaunch.plusSeconds(fromSeconds));
            Map<Set, Long> ticks0 = new LinkedHashMap<>();
            Map<Set, Map<String, Long>> threads0 = new LinkedHashMap<>();
            for (Set s : sets) {
                Window w = windows.get(s);
                figures.get(s).rssKb = w.status("VmRSS");
                figures.get(s).hwmKb = w.status("VmHWM");
                ticks0.put(s, w.cpuTicks());
                threads0.put(s, w.threadTicks());
            }
            long t0 = System.nanoTime();
            Thread.sleep(idleSeconds * 1000L);
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (Set s : sets) {
                Window w = windows.get(s);
                long ticks1 = w.cpuTicks();
                Map<String, Long> threads1 = w.threadTicks();
                StringBuilder byThread = new StringBuilder();
                threads1.forEach((name, t) -> {
                    long d = t - threads0.get(s).getOrDefault(name, 0L);
                    if (d > 0) {
                        byThread.append(byThread.length() == 0 ? "" : ", ").append(name).append(' ').append(d);
                    }
                });
                System.err.println("  " + s.label() + ": idle CPU ticks by thread (1/" + CLOCK_TICKS + " s): "
                        + byThread);
                figures.get(s).idleCpu = 100.0 * (ticks1 - ticks0.get(s)) / CLOCK_TICKS / seconds;
                figures.get(s).cpuSinceStart = (double) ticks1 / CLOCK_TICKS;
            }

            Random random = new Random(1);
            int percent = 42;
            for (int i = 0; i < writes; i++) {
                percent = percent >= 69 ? 31 : percent + 1;
                for (Set s : sets) {
                    Window w = windows.get(s);
                    Instant renamed = w.fixture.writeUsageLimits(percent / 100.0, Instant.now());
                    Double ms = w.awaitPaint(percent + "%", renamed, Duration.ofSeconds(5));
                    if (ms == null) {
                        figures.get(s).missed++;
                    } else {
                        figures.get(s).toScreen.add(ms);
                    }
                }
                // not in step with the one-second clock
                Thread.sleep(400 + random.nextInt(700));
            }
        } finally {
            for (Window w : windows.values()) {
                w.close();
            }
        }
    }

    private static String summary(List<Double> ms) {
        if (ms.isEmpty()) {
            return "";
        }
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return String.format(Locale.ROOT, "**%.0f ms** (%.0f–%.0f)", median(s), s.get(0), s.get(s.size() - 1));
    }

    private static String summaryP90(List<Double> ms) {
        if (ms.isEmpty()) {
            return "";
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

        /** @param cache the folder of the transcript index ({@code XDG_CACHE_HOME}), not the user's */
        static Window start(Set set, Path dir, Path cache) throws IOException {
            ClaudeDirFixture fixture = ClaudeDirFixture.create(dir, Instant.now(), "en");
            ProcessBuilder pb = new ProcessBuilder(set.launcher().toString());
            Map<String, String> env = pb.environment();
            env.put("XDG_CACHE_HOME", cache.toString());
            env.putAll(set.env());
            String history = System.getenv("BUDMON_BENCH_HISTORY");
            env.put("CLAUDE_CONFIG_DIR", history == null || history.isBlank() ? dir.toString()
                    : dir + "," + history);
            env.put("BUDMON_JAVA_OPTS", (set.opts() + " -Djavax.accessibility.assistive_technologies="
                    + PaintProbe.class.getName()).trim());
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
                String[] l = next(Duration.ofSeconds(60));
                if (l[1].equals("first-frame")) {
                    double fromLaunch = (Long.parseLong(l[3]) - micros(launched)) / 1000.0;
                    return new FirstFrame(fromLaunch, Double.parseDouble(l[2]));
                }
            }
        }

        /** Milliseconds from the launch to the first frame with the transcripts' figures. */
        double awaitTranscriptsFrame() throws InterruptedException {
            while (true) {
                String[] l = next(Duration.ofSeconds(60));
                if (l[1].equals("transcripts-frame")) {
                    return (Long.parseLong(l[3]) - micros(launched)) / 1000.0;
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
            process.destroy(); // SIGTERM: the JVM runs its exit path
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}

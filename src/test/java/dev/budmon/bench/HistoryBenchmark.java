package dev.budmon.bench;

import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.history.HistoryAppender;
import dev.budmon.history.HistoryFiles;
import dev.budmon.history.HistoryReader;
import dev.budmon.history.Observation;
import dev.budmon.history.ObservationLine;
import dev.budmon.history.QuotaHistory;
import dev.budmon.history.WindowReading;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTimeline;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.source.transcript.ResponseListSource;
import dev.budmon.source.transcript.TranscriptSource;
import dev.budmon.watch.HistoryFeed;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Measures {@link HistoryReader} on a year of heavy use; run by {@code src/bench/history.sh}, which also records
 * the process's time and peak memory.
 *
 * <ul>
 * <li>{@code generate <claude dir> <observations> <seed>}: month files of one year (2026), written with the
 *     writers' own formatter ({@link ObservationLine#format}): nine in ten lines the interceptor's (request id,
 *     account status, 5h, 7d, 7d_opus and 7d_sonnet with utilization, reset and status), one in ten the status
 *     line's (session id, 5h and 7d), about a minute apart on average, utilization climbing through 5-hour and
 *     weekly periods.</li>
 * <li>{@code read <claude dir>}: one read of the whole history into the compact store by a fresh JVM, as
 *     {@code budmon history} or a year-long {@code --since} does.</li>
 * <li>{@code memory <claude dir>}: the same read between two garbage collections, for the heap the store keeps,
 *     and the peak of the heap pools during the read.</li>
 * <li>{@code repeat <claude dir> <n>}: n reads in one JVM, for the time once compiled.</li>
 * <li>{@code figures <claude dir> <n>}: what the window's watcher thread pays for the history figures
 *     ({@link HistoryFeed}: pace, binding limit, shares, dollars per percent) with every new state and every
 *     30 s, at {@link #FIGURES_NOW}: a response for every interceptor line of the last 37 days (the requests the
 *     feed asks for); after the first, n computations 30 s apart with nothing new, then n each after a new
 *     request and its observation (appended to the history files: run it on a copy).</li>
 * </ul>
 */
public final class HistoryBenchmark {

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            case "read" -> read(Path.of(args[1]));
            case "memory" -> memory(Path.of(args[1]));
            case "repeat" -> repeat(Path.of(args[1]), Integer.parseInt(args[2]));
            case "figures" -> figures(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> {
                System.err.println("usage: HistoryBenchmark generate <claude dir> <observations> <seed> | read <claude dir>"
                        + " | memory <claude dir> | repeat <claude dir> <n> | figures <claude dir> <n>");
                System.exit(2);
            }
        }
    }

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static void generate(Path claude, int count, long seed) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(HistoryFiles.folder(claude));
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        long span = Instant.parse("2027-01-01T00:00:00Z").toEpochMilli() - start;
        double meanGap = (double) span / count;
        long t = start;
        long fiveReset = 0;
        long weekReset = 0;
        double five = 0;
        double week = 0;
        double opus = 0;
        double sonnet = 0;
        String[] sessions = new String[8];
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = new UUID(random.nextLong(), random.nextLong()).toString();
        }
        OutputStream out = null;
        Path current = null;
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            t += (long) (-Math.log(1 - random.nextDouble()) * meanGap);
            long seconds = t / 1000;
            if (seconds >= fiveReset) {
                fiveReset = seconds + 5 * 3600;
                five = 0;
            }
            if (seconds >= weekReset) {
                weekReset = seconds + 7 * 86400;
                week = 0;
                opus = 0;
                sonnet = 0;
            }
            double step = random.nextDouble() * 0.004;
            five = Math.min(1.2, five + step);
            week = Math.min(1.2, week + step / 12);
            boolean isOpus = random.nextInt(3) == 0;
            opus = Math.min(1.2, opus + (isOpus ? step / 10 : 0));
            sonnet = Math.min(1.2, sonnet + (isOpus ? 0 : step / 15));
            Instant time = Instant.ofEpochMilli(t);
            Map<String, WindowReading> w = new LinkedHashMap<>();
            Observation o;
            if (i % 10 == 9) {
                w.put("5h", new WindowReading(Math.floor(five * 100) / 100, Instant.ofEpochSecond(fiveReset), null));
                w.put("7d", new WindowReading(Math.floor(week * 100) / 100, Instant.ofEpochSecond(weekReset), null));
                o = new Observation(time, Observation.STATUSLINE, null, sessions[random.nextInt(sessions.length)], null, w);
            } else {
                String status = five > 0.9 ? "allowed_warning" : "allowed";
                w.put("5h", new WindowReading(five, Instant.ofEpochSecond(fiveReset), status));
                w.put("7d", new WindowReading(week, Instant.ofEpochSecond(weekReset), week > 0.75 ? "allowed_warning" : "allowed"));
                w.put("7d_opus", new WindowReading(opus, Instant.ofEpochSecond(weekReset), "allowed"));
                w.put("7d_sonnet", new WindowReading(sonnet, Instant.ofEpochSecond(weekReset), "allowed"));
                StringBuilder req = new StringBuilder("req_011C");
                for (int k = 0; k < 20; k++) {
                    req.append(BASE62.charAt(random.nextInt(62)));
                }
                o = new Observation(time, Observation.INTERCEPTOR, req.toString(), null, status, w);
            }
            Path file = HistoryFiles.file(claude, time);
            if (!file.equals(current)) {
                if (out != null) {
                    out.close();
                }
                out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                current = file;
            }
            byte[] line = ObservationLine.format(o);
            out.write(line);
            bytes += line.length;
        }
        if (out != null) {
            out.close();
        }
        System.out.printf("generated %d observations, %.1f MB, in %s%n", count, bytes / 1e6, HistoryFiles.folder(claude));
    }

    private static void read(Path claude) {
        long c0 = cpu();
        long t0 = System.nanoTime();
        HistoryReader.Read r = HistoryReader.read(claude, null, null);
        long t1 = System.nanoTime();
        long c1 = cpu();
        System.out.printf("read: %.0f ms (%.0f ms CPU of the process) for %d observations, %d bad lines, %d windows%n",
                (t1 - t0) / 1e6, (c1 - c0) / 1e6, r.history().size(), r.stats().badLines(), r.history().windowNames().size());
        if (r.history().size() == 0) {
            System.exit(1);
        }
    }

    private static void memory(Path claude) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        QuotaHistory h = HistoryReader.read(claude, null, null).history();
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        java.lang.ref.Reference.reachabilityFence(h);
        System.out.printf("heap kept by the history: %.1f MB for %d observations (%.0f bytes each); "
                        + "sum of the heap pools' peaks during the read, less the heap before: %.1f MB%n",
                (after - before) / 1e6, h.size(), (double) (after - before) / h.size(), (peak - before) / 1e6);
    }

    private static void repeat(Path claude, int n) {
        for (int i = 0; i < n; i++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            HistoryReader.Read r = HistoryReader.read(claude, null, null);
            System.out.printf("read %d: %.0f ms (%.0f ms CPU) for %d observations%n", i + 1, (System.nanoTime() - t0) / 1e6,
                    (cpu() - c0) / 1e6, r.history().size());
        }
    }

    /** Inside the generated year, on a Sunday as the project's own tests use. */
    static final Instant FIGURES_NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static void figures(Path claude, int n) throws IOException {
        Instant since = FIGURES_NOW.minus(HistoryFigures.FIT_SPAN).minus(Duration.ofDays(7));
        List<ApiResponse> responses = new ArrayList<>();
        Random random = new Random(1);
        Observation last = null;
        int observations = 0;
        // the lines themselves: the history keeps only a hash of each request id
        for (Path month : HistoryFiles.months(claude, since, FIGURES_NOW)) {
            for (String line : Files.readAllLines(month)) {
                Observation o = ObservationLine.parse(line);
                if (o == null || o.time().isBefore(since) || o.time().isAfter(FIGURES_NOW)) {
                    continue;
                }
                observations++;
                last = o;
                if (o.requestId() == null) {
                    continue;
                }
                // a request of a Claude Code turn: mostly cache reads, as in the real transcripts
                responses.add(new ApiResponse("msg_" + observations, o.requestId(),
                        o.sessionId() == null ? "s" : o.sessionId(),
                        "claude-opus-4-6", o.time(), new TokenCounts(3 + random.nextInt(40), 200 + random.nextInt(2000),
                        random.nextInt(3000), 0, 20_000 + random.nextInt(80_000))));
            }
        }
        TranscriptSource transcripts = new ResponseListSource(responses);
        List<QuotaWindow> windows = new ArrayList<>();
        for (Map.Entry<String, WindowReading> w : last.windows().entrySet()) {
            windows.add(new QuotaWindow(w.getKey(), w.getValue().utilization(), w.getValue().reset(),
                    w.getValue().status(), null, w.getKey().equals("5h") ? Duration.ofHours(5) : Duration.ofDays(7)));
        }
        RateLimits limits = new RateLimits(last.time(), "budmon-interceptor", windows,
                new AccountLimits("allowed", null, "five_hour", null, null, null, null));
        PriceTable prices = PriceTable.bundled();
        HistoryFeed feed = new HistoryFeed(List.of(claude), transcripts);
        long c0 = cpu();
        long t0 = System.nanoTime();
        feed.newState(new UsageState(limits, null, null, UsageTimeline.EMPTY, List.of(), last.time(), List.of()));
        HistoryFigures first = feed.computeIfDue(FIGURES_NOW, BudmonConfig.DEFAULTS, prices);
        System.out.printf("first: %.0f ms (%.0f ms CPU): the history of the last %d days read (%d observations in "
                        + "the last %d) and %d responses joined; 5h pace %s %%/h, 1%% of 5h = $%s%n",
                (System.nanoTime() - t0) / 1e6, (cpu() - c0) / 1e6, HistoryFigures.FIT_SPAN.toDays(), observations,
                HistoryFigures.FIT_SPAN.plusDays(7).toDays(), responses.size(),
                first.paces().get("5h") == null ? "--" : first.paces().get("5h").perHour(),
                first.worth().get("5h") == null ? "--" : first.worth().get("5h").dollarsPerPercent());
        // quiet time: a computation every 30 s (HistoryFeed.MAX_GAP) with nothing new, as while Claude Code rests
        long[] nanos = new long[n];
        long c1 = cpu();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            feed.computeIfDue(FIGURES_NOW.plusSeconds(30L * (i + 1)), BudmonConfig.DEFAULTS, prices);
            nanos[i] = System.nanoTime() - t;
        }
        report("quiet, every 30 s", nanos, (cpu() - c1) / n);
        // work: every computation after a new response and its observation, as with each request of Claude Code
        Instant t0Active = FIGURES_NOW.plusSeconds(30L * (n + 1));
        c1 = cpu();
        for (int i = 0; i < n; i++) {
            Instant at = t0Active.plusSeconds(5L * i);
            String requestId = "req_bench_" + i;
            Observation o = new Observation(at, Observation.INTERCEPTOR, requestId, "s", "allowed", last.windows());
            HistoryAppender.append(claude, o);
            responses.add(new ApiResponse("msg_bench_" + i, requestId, "s", "claude-opus-4-6", at.minusMillis(300),
                    new TokenCounts(5, 800, 1000, 0, 60_000)));
            feed.newState(new UsageState(limits, null, null, UsageTimeline.EMPTY, List.of(), at, List.of()));
            long t = System.nanoTime();
            feed.computeIfDue(at.plusMillis(200), BudmonConfig.DEFAULTS, prices);
            nanos[i] = System.nanoTime() - t;
        }
        report("with a new request each", nanos, (cpu() - c1) / n);
    }

    private static void report(String what, long[] nanos, long cpuEach) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf("%s, %d computations: median %.1f ms, p90 %.1f ms, max %.1f ms; %.1f ms CPU each%n", what, n,
                sorted[n / 2] / 1e6, sorted[n * 9 / 10] / 1e6, sorted[n - 1] / 1e6, cpuEach / 1e6);
    }

    /**
     * CPU time of the process (the reading threads, the compiler, the collector): what the read costs, whatever
     * other processes on the machine took meanwhile.
     */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}

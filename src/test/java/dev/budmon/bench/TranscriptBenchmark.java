package dev.budmon.bench;

import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageTotals;
import dev.budmon.source.transcript.ClaudeLines;
import dev.budmon.source.transcript.TranscriptStore;
import dev.budmon.source.transcript.TranscriptSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures {@link TranscriptStore} on a corpus made by {@link TranscriptCorpus}; run by
 * {@code src/bench/transcripts.sh}, which also records the process's time and peak memory.
 *
 * <ul>
 * <li>{@code scan <home>}: one full scan of {@code <home>/.claude} by a fresh store, as at BudMon's start;
 *     prints the time, the counts and the totals by model (the script compares them with the generator's
 *     {@code expected.json}).</li>
 * <li>{@code memory <home>}: the same scan between two garbage collections, for the heap the store keeps.</li>
 * <li>{@code update <home>}: after a full scan, appends one assistant line at a time to a session file and
 *     times the refresh that picks it up: the watcher's path ({@code refresh(dirs, changedFiles)}) and the
 *     polling path ({@code refresh(dirs)}, which looks at every file). The appended file is removed after.</li>
 * </ul>
 */
public final class TranscriptBenchmark {

    private TranscriptBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("scan", "memory", "update").contains(args[0])) {
            System.err.println("usage: TranscriptBenchmark scan|memory|update <corpus home>");
            System.exit(2);
        }
        Path home = Path.of(args[1]);
        List<Path> dirs = List.of(home.resolve(".claude"));
        switch (args[0]) {
            case "scan" -> scan(dirs);
            case "memory" -> memory(dirs);
            default -> update(dirs);
        }
    }

    /** Only the scan and its figures, so that the process's time and memory are the scan's. */
    private static void scan(List<Path> dirs) {
        long t0 = System.nanoTime();
        TranscriptSummary s = new TranscriptStore().refresh(dirs);
        long t1 = System.nanoTime();
        UsageTotals all = s.timeline().between(Instant.MIN, Instant.MAX);
        System.out.printf("scan: %.0f ms for %d files, %d responses, %d skipped lines, %d warnings%n",
                (t1 - t0) / 1e6, s.files(), s.responses(), s.skippedLines(), s.warnings().size());
        for (Map.Entry<String, TokenCounts> e : all.byModel().entrySet()) {
            TokenCounts t = e.getValue();
            // one line per model, read by the script to compare with the generator's expected.json
            System.out.printf("model %s input %d output %d cacheWrite5m %d cacheWrite1h %d cacheRead %d%n",
                    e.getKey(), t.input(), t.output(), t.cacheWrite5m(), t.cacheWrite1h(), t.cacheRead());
        }
        if (s.responses() == 0) {
            System.exit(1);
        }
    }

    /** The heap the store and its summary keep: in use after the scan less in use before, each after a GC. */
    private static void memory(List<Path> dirs) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        TranscriptStore store = new TranscriptStore();
        TranscriptSummary s = store.refresh(dirs);
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        java.lang.ref.Reference.reachabilityFence(store);
        System.out.printf("heap kept by the store and its summary: %.1f MB for %d responses (%.0f bytes per response)%n",
                (after - before) / 1e6, s.responses(), (after - before) / (double) Math.max(1, s.responses()));
    }

    private static void update(List<Path> dirs) throws IOException {
        TranscriptStore store = new TranscriptStore();
        long t0 = System.nanoTime();
        TranscriptSummary first = store.refresh(dirs);
        System.out.printf("initial scan: %.0f ms, %d responses%n", (System.nanoTime() - t0) / 1e6, first.responses());
        Path project;
        try (Stream<Path> projects = Files.list(dirs.get(0).resolve("projects"))) {
            project = projects.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
        }
        Path file = project.resolve("bench-update-" + ProcessHandle.current().pid() + ".jsonl");
        try {
            int watcherRounds = 2000;
            long[] watcher = new long[watcherRounds];
            int expected = first.responses();
            for (int i = 0; i < watcherRounds; i++) {
                append(file, i);
                long a = System.nanoTime();
                TranscriptSummary s = store.refresh(dirs, List.of(file));
                watcher[i] = System.nanoTime() - a;
                if (s.responses() != ++expected) {
                    throw new IllegalStateException("the appended line was not counted: " + s.responses());
                }
            }
            int pollRounds = 50;
            long[] poll = new long[pollRounds];
            for (int i = 0; i < pollRounds; i++) {
                append(file, watcherRounds + i);
                long a = System.nanoTime();
                TranscriptSummary s = store.refresh(dirs);
                poll[i] = System.nanoTime() - a;
                if (s.responses() != ++expected) {
                    throw new IllegalStateException("the appended line was not counted: " + s.responses());
                }
            }
            System.out.printf("one appended line, watcher path refresh(dirs, [file]): first %.3f ms, median %.3f ms, "
                            + "p99 %.3f ms, max %.3f ms (%d rounds)%n", watcher[0] / 1e6, percentile(watcher, 50),
                    percentile(watcher, 99), percentile(watcher, 100), watcherRounds);
            System.out.printf("one appended line, polling path refresh(dirs) over %d files: median %.3f ms, max %.3f ms "
                    + "(%d rounds)%n", first.files() + 1, percentile(poll, 50), percentile(poll, 100), pollRounds);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** Appends the assistant line of response {@code n} of the update run. */
    private static void append(Path file, int n) {
        ClaudeLines.append(file, ClaudeLines.assistant("bench-update", "msg_01Update" + n, "req_011CUpdate" + n,
                "claude-opus-5-5", Instant.parse("2026-11-26T19:00:00Z").plusSeconds(n),
                new ClaudeLines.Usage(8, 23, 1201, 300, 14010)));
    }
}

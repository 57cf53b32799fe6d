package dev.budmon.fuzz;

import dev.budmon.config.ConfigParser;
import dev.budmon.config.ConfigStore;
import dev.budmon.config.LoadedConfig;
import dev.budmon.source.QuotaFiles;
import dev.budmon.source.StateReader;
import dev.budmon.source.UsageLimitsFile;
import dev.budmon.source.transcript.TranscriptStore;
import dev.budmon.source.transcript.TranscriptSummary;
import dev.budmon.statusline.ClaudeSettings;
import dev.budmon.statusline.PayloadParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reader of a file others write, fed random mutations of real files for a bounded time: bits flipped,
 * bytes inserted, deleted and repeated, the file cut at any offset, deep nesting, huge numbers. Nothing may
 * escape as an exception, nothing may hang (the timeout fails the test), and nothing may be written but the
 * file a command owns. The seeds are fixed, so a failure repeats; {@code -Dbudmon.fuzz.seconds} runs longer.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReaderFuzzTest {

    /** Seconds per reader; short in the build, longer by hand. */
    private static final double SECONDS = Double.parseDouble(System.getProperty("budmon.fuzz.seconds", "2"));

    @TempDir
    Path dir;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ReaderFuzzTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static final String INTERCEPTOR_FILE = """
            {
              "headers_raw": {
                "anthropic-ratelimit-unified-5h-utilization": "0.42",
                "anthropic-ratelimit-unified-5h-reset": "1795702440",
                "anthropic-ratelimit-unified-5h-status": "allowed",
                "anthropic-ratelimit-unified-7d-utilization": "0.18",
                "anthropic-ratelimit-unified-7d-reset": "1796000000",
                "anthropic-ratelimit-unified-7d_opus-utilization": "0.05",
                "anthropic-ratelimit-unified-status": "allowed",
                "anthropic-ratelimit-unified-representative-claim": "five_hour",
                "anthropic-ratelimit-unified-fallback-percentage": "0.5",
                "anthropic-ratelimit-unified-overage-in-use": "false"
              },
              "updated_at": "2026-11-26T10:00:00.000Z",
              "source": "budmon-interceptor",
              "interceptor_version": "0.1.0",
              "statusline": {"seen_at": "2026-11-26T09:00:00Z",
                             "rate_limits": {"five_hour": {"used_percentage": 41, "resets_at": 1795702440}}},
              "turn_usage": {"input_tokens": 12, "output_tokens": 3, "model": "claude-opus-5-5"},
              "cache_ratios": [0.5, 0.9]
            }
            """;

    private static final String PAYLOAD = """
            {"session_id": "s1", "transcript_path": "/nowhere/s1.jsonl", "cwd": "/home/ann/work",
             "model": {"id": "claude-opus-5-5", "display_name": "Opus 5.5"},
             "workspace": {"current_dir": "/home/ann/work"}, "cost": {"total_cost_usd": 1.42},
             "context_window": {"total_input_tokens": 125000, "total_output_tokens": 42000,
               "current_usage": {"input_tokens": 10, "output_tokens": 300, "cache_creation_input_tokens": 2790,
                                 "cache_read_input_tokens": 7200}},
             "rate_limits": {"five_hour": {"used_percentage": 42, "resets_at": 1795738195},
                             "seven_day": {"used_percentage": 15.5, "resets_at": "2026-11-30T00:00:00Z"}}}
            """;

    private static final String SETTINGS = """
            {
              // Claude Code's settings, with a comment
              "model": "opus",
              "permissions": {"allow": ["Bash(ls:*)"], "deny": []},
              "statusLine": {"type": "command", "command": "/home/ann/.local/bin/budmon --statusline", "padding": 0},
              "env": {"A": "1"},
            }
            """;

    /** One random change of the bytes. */
    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int n = 1 + r.nextInt(8);
        for (int k = 0; k < n; k++) {
            int len = b.length;
            int at = len == 0 ? 0 : r.nextInt(len);
            switch (r.nextInt(9)) {
                case 0 -> { // flip a bit
                    if (len > 0) {
                        b[at] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> b = splice(b, at, 0, randomBytes(r, 1 + r.nextInt(16)));
                case 2 -> b = splice(b, at, Math.min(len - at, 1 + r.nextInt(32)), new byte[0]);
                case 3 -> b = java.util.Arrays.copyOf(b, at); // cut
                case 4 -> { // repeat a piece
                    int l = Math.min(len - at, 1 + r.nextInt(200));
                    b = splice(b, at, 0, java.util.Arrays.copyOfRange(b, at, at + l));
                }
                case 5 -> b = splice(b, at, 0, "[".repeat(1 + r.nextInt(12_000)).getBytes(StandardCharsets.US_ASCII));
                case 6 -> b = splice(b, at, 0, pick(r, "1e308", "-1", "3.2e19", "253402300799", "NaN", "null", "\"\"",
                        "{}", "[]", "true", "99999999999999999999999", "\"\\u0000\"", "\u00ff\u00fe").getBytes(StandardCharsets.UTF_8));
                case 7 -> { // swap a digit
                    if (len > 0 && Character.isDigit(b[at])) {
                        b[at] = (byte) ('0' + r.nextInt(10));
                    }
                }
                default -> b = splice(b, at, 0, "\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return b;
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] x = new byte[n];
        r.nextBytes(x);
        return x;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    /** Runs {@code reader} on mutations of {@code original} for {@link #SECONDS}; returns how many. */
    private int fuzz(long seed, byte[] original, Reader reader) throws Exception {
        Random r = new Random(seed);
        long until = System.nanoTime() + (long) (SECONDS * 1e9);
        int runs = 0;
        do {
            byte[] input = mutate(original, r);
            try {
                reader.read(input);
            } catch (Throwable t) {
                throw new AssertionError("seed " + seed + ", run " + runs + ": " + t + " on input "
                        + new String(input, 0, Math.min(input.length, 300), StandardCharsets.ISO_8859_1), t);
            }
            runs++;
        } while (System.nanoTime() < until);
        return runs;
    }

    interface Reader {
        void read(byte[] input) throws Exception;
    }

    private Map<String, String> listing(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                m.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Long.toString(Files.size(p)));
            }
        }
        return m;
    }

    @Test
    void usageLimitsFilesAndTheStateReader() throws Exception {
        Path claude = Files.createDirectories(dir.resolve("claude"));
        Path file = claude.resolve(UsageLimitsFile.FILE_NAME);
        StateReader reader = new StateReader(List.of(claude), dev.budmon.source.transcript.TranscriptSource.NONE, List.of());
        int runs = fuzz(11, INTERCEPTOR_FILE.getBytes(StandardCharsets.UTF_8), input -> {
            UsageLimitsFile.parse(input, "fuzz");
            Files.write(file, input);
            QuotaFiles.read(List.of(claude)).limits();
            reader.read();
            Files.createDirectories(claude.resolve("budmon"));
            Files.write(UsageLimitsFile.statuslineFile(claude), input);
            UsageLimitsFile.readStatusline(UsageLimitsFile.statuslineFile(claude));
        });
        assertThat(runs).isPositive();
        assertThat(listing(claude).keySet()).containsExactlyInAnyOrder("", "usage-limits.json", "budmon",
                "budmon/statusline.json");
    }

    @Test
    void transcripts() throws Exception {
        byte[] real = resource("/transcripts/real/subagent/projects/-tmp-budmon-fixture-subagent/"
                + "1e5109de-9c52-4b65-96b7-f7239a801119.jsonl");
        Path claude = Files.createDirectories(dir.resolve("claude"));
        Path project = Files.createDirectories(claude.resolve("projects/-w"));
        Path file = project.resolve("s.jsonl");
        TranscriptStore store = new TranscriptStore();
        int runs = fuzz(23, real, input -> {
            // Appended, rewritten in place, truncated: whatever the mutation made of the file.
            Files.write(file, input);
            TranscriptSummary s = store.refresh(List.of(claude));
            assertThat(s.responses()).isNotNegative();
            TranscriptSummary fresh = new TranscriptStore().refreshSession(file);
            assertThat(fresh.responses()).isNotNegative();
        });
        assertThat(runs).isPositive();
        assertThat(listing(claude).keySet()).containsExactlyInAnyOrder("", "projects", "projects/-w",
                "projects/-w/s.jsonl");
    }

    @Test
    void budmonIni() throws Exception {
        Path claude = Files.createDirectories(dir.resolve("claude"));
        int runs = fuzz(37, ConfigStore.defaultText().getBytes(StandardCharsets.UTF_8), input -> {
            LoadedConfig c = ConfigParser.parse(new String(input, StandardCharsets.ISO_8859_1), "fuzz");
            assertThat(c.config()).isNotNull();
            Files.write(claude.resolve(ConfigStore.FILE_NAME), input);
            assertThat(ConfigStore.readExisting(claude).config()).isNotNull();
        });
        assertThat(runs).isPositive();
        assertThat(listing(claude).keySet()).containsExactlyInAnyOrder("", ConfigStore.FILE_NAME);
    }

    @Test
    void claudeCodesSettingsAreChangedOnlyWhenUnderstood() throws Exception {
        Path claude = Files.createDirectories(dir.resolve("claude"));
        Path settings = claude.resolve(ClaudeSettings.FILE_NAME);
        int runs = fuzz(41, SETTINGS.getBytes(StandardCharsets.UTF_8), input -> {
            Files.write(settings, input);
            ClaudeSettings.Result on = ClaudeSettings.enable(claude, "/x/budmon --statusline", false);
            if (!on.written()) {
                // refused: the file is exactly as it was
                assertThat(Files.readAllBytes(settings)).isEqualTo(input);
            }
            ClaudeSettings.disable(claude);
            List<Path> written;
            try (Stream<Path> files = Files.list(claude)) {
                written = files.toList();
            }
            for (Path p : written) {
                // the one-time backup, dated copies when comments were lost: a fresh start each run
                assertThat(p.getFileName().toString()).startsWith(ClaudeSettings.FILE_NAME);
                if (!p.equals(settings)) {
                    Files.delete(p);
                }
            }
        });
        assertThat(runs).isPositive();
    }

    @Test
    void theStatusLinePayload() throws Exception {
        int runs = fuzz(53, PAYLOAD.getBytes(StandardCharsets.UTF_8), input -> {
            assertThat(PayloadParser.parse(input)).isNotNull();
        });
        assertThat(runs).isPositive();
    }
}

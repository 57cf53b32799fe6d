package dev.budmon.statusline;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.model.UsageState;
import dev.budmon.source.StateReader;
import dev.budmon.source.transcript.TranscriptSource;
import dev.budmon.source.UsageLimitsContent;
import dev.budmon.source.UsageLimitsFile;
import dev.budmon.source.QuotaFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PayloadLimitsStoreTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    /** 2026-11-26T14:14:00Z and 2026-11-30T00:00:00Z. */
    static final long RESET_5H = 1795702440L;
    static final long RESET_7D = 1795996800L;

    /** The interceptor's file: headers captured at 10:00, older than the payload. */
    static final String INTERCEPTOR_FILE = """
            {
              "source": "budmon-interceptor",
              "interceptor_version": "1.0.0",
              "updated_at": "2026-11-26T10:00:00.000Z",
              "headers_raw": {
                "anthropic-ratelimit-unified-5h-utilization": "0.30",
                "anthropic-ratelimit-unified-5h-reset": "1795702440",
                "anthropic-ratelimit-unified-7d-utilization": "0.10",
                "anthropic-ratelimit-unified-7d-reset": "1795996800",
                "anthropic-ratelimit-unified-7d_opus-utilization": "0.05",
                "anthropic-ratelimit-unified-7d_opus-reset": "1795996800",
                "anthropic-ratelimit-unified-status": "allowed"
              },
              "turn_usage": {"input_tokens": 12, "output_tokens": 3, "price": 1.50}
            }
            """;

    @TempDir
    Path dir;

    static Payload payload(double five, double seven) {
        return PayloadParserTest.parse("{\"rate_limits\": {\"five_hour\": {\"used_percentage\": " + num(five)
                + ", \"resets_at\": " + RESET_5H + "}, \"seven_day\": {\"used_percentage\": " + num(seven)
                + ", \"resets_at\": " + RESET_7D + "}}}");
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** The status line's own file. */
    private Path file() {
        return UsageLimitsFile.statuslineFile(dir);
    }

    /** The interceptor's file, which the status line never writes. */
    private Path interceptorFile() {
        return dir.resolve(UsageLimitsFile.FILE_NAME);
    }

    private List<String> warnings = new ArrayList<>();

    @Test
    void payloadPercentReachesTheDashboardAsFractionsAndPercent() {
        assertThat(PayloadLimitsStore.record(dir, payload(42, 15.5), NOW, warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.WRITTEN);
        assertThat(warnings).isEmpty();

        UsageLimitsContent c = UsageLimitsFile.readStatusline(file());
        assertThat(c.warnings()).isEmpty();
        assertThat(c.statusline().source()).isEqualTo(UsageLimitsFile.STATUSLINE_SOURCE);
        assertThat(c.statusline().capturedAt()).isEqualTo(NOW);
        assertThat(c.statusline().window("5h").utilization()).isEqualTo(0.42);
        assertThat(c.statusline().window("7d").utilization()).isEqualTo(0.155);
        assertThat(c.statusline().window("5h").reset()).isEqualTo(Instant.ofEpochSecond(RESET_5H));

        UsageState state = new StateReader(List.of(dir), TranscriptSource.NONE, List.of()).read();
        Figures f = Calculator.compute(state, NOW.plusSeconds(60), BudmonConfig.DEFAULTS, PriceTable.bundled());
        assertThat(f.quotaSource()).isEqualTo("statusline");
        assertThat(f.window("5h").percent()).isCloseTo(42.0, within(1e-9));
        assertThat(f.window("7d").percent()).isCloseTo(15.5, within(1e-9));
        assertThat(f.window("5h").untilReset()).hasMinutes(133);
    }

    @Test
    void theInterceptorsFileIsNeverTouchedAndTheNewerPayloadWinsForItsWindows() throws IOException {
        Files.writeString(interceptorFile(), INTERCEPTOR_FILE);
        BasicFileAttributes before = Files.readAttributes(interceptorFile(), BasicFileAttributes.class);
        assertThat(PayloadLimitsStore.record(dir, payload(42, 15), NOW, warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.WRITTEN);

        assertThat(Files.readString(interceptorFile())).isEqualTo(INTERCEPTOR_FILE);
        assertThat(Files.readAttributes(interceptorFile(), BasicFileAttributes.class).fileKey())
                .isEqualTo(before.fileKey());
        JsonNode stored = new ObjectMapper().readTree(file().toFile());
        assertThat(stored.get("seen_at").asText()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(stored.get("rate_limits").get("five_hour").get("used_percentage").asInt()).isEqualTo(42);

        UsageState state = new StateReader(List.of(dir), TranscriptSource.NONE, List.of()).read();
        assertThat(state.rateLimits().window("5h").utilization()).isEqualTo(0.42);
        assertThat(state.rateLimits().window("7d").utilization()).isEqualTo(0.15);
        assertThat(state.rateLimits().window("7d_opus").utilization()).isEqualTo(0.05);
        assertThat(state.rateLimits().account().status()).isEqualTo("allowed");
    }

    @Test
    void theSameFiguresAreNotWrittenAgainUntilTheyNeedConfirming() throws IOException {
        PayloadLimitsStore.record(dir, payload(42, 15), NOW, warnings);
        BasicFileAttributes first = Files.readAttributes(file(), BasicFileAttributes.class);
        String text = Files.readString(file());

        assertThat(PayloadLimitsStore.record(dir, payload(42, 15), NOW.plusSeconds(30), warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.UNCHANGED);
        BasicFileAttributes second = Files.readAttributes(file(), BasicFileAttributes.class);
        assertThat(second.fileKey()).isEqualTo(first.fileKey());
        assertThat(Files.readString(file())).isEqualTo(text);

        assertThat(PayloadLimitsStore.record(dir, payload(43, 15), NOW.plusSeconds(60), warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.WRITTEN);
        assertThat(UsageLimitsFile.readStatusline(file()).statusline().window("5h").utilization()).isEqualTo(0.43);
        assertThat(UsageLimitsFile.readStatusline(file()).statusline().capturedAt()).isEqualTo(NOW.plusSeconds(60));

        // Equal figures older than the refresh interval are written again, so that their age stays true.
        Instant later = NOW.plusSeconds(60).plus(PayloadLimitsStore.REFRESH_AFTER);
        assertThat(PayloadLimitsStore.record(dir, payload(43, 15), later, warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.WRITTEN);
        assertThat(UsageLimitsFile.readStatusline(file()).statusline().capturedAt()).isEqualTo(later);
        assertThat(warnings).isEmpty();
    }

    @Test
    void anOlderPayloadNeverReplacesANewerOne() {
        PayloadLimitsStore.record(dir, payload(50, 15), NOW, warnings);
        assertThat(PayloadLimitsStore.record(dir, payload(40, 15), NOW.minusSeconds(5), warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.UNCHANGED);
        assertThat(UsageLimitsFile.readStatusline(file()).statusline().window("5h").utilization()).isEqualTo(0.5);
    }

    @Test
    void anOlderBudmonsKeyInTheInterceptorsFileIsStillRead() throws IOException {
        Files.writeString(interceptorFile(), "{\"statusline\": {\"seen_at\": \"2026-11-26T11:00:00Z\","
                + " \"rate_limits\": {\"five_hour\": {\"used_percentage\": 7, \"resets_at\": 1795702440}}}}");
        assertThat(QuotaFiles.read(List.of(dir)).limits().window("5h").utilization()).isEqualTo(0.07);
        PayloadLimitsStore.record(dir, payload(42, 15), NOW, warnings);
        // the own file's figures are newer and win
        assertThat(QuotaFiles.read(List.of(dir)).limits().window("5h").utilization()).isEqualTo(0.42);
    }

    @Test
    void aFileThatIsNotOursToUnderstandIsReplacedAndAFifoIsLeftAlone() throws Exception {
        Files.createDirectories(file().getParent());
        for (String bad : List.of("{\"rate_limits\": {\"five_hour\": {\"used", "[1, 2]", "not json", "  \n")) {
            Files.writeString(file(), bad);
            warnings.clear();
            assertThat(PayloadLimitsStore.record(dir, payload(42, 15), NOW, warnings))
                    .isEqualTo(PayloadLimitsStore.Outcome.WRITTEN);
            assertThat(UsageLimitsFile.readStatusline(file()).statusline().window("5h").utilization()).isEqualTo(0.42);
            assertThat(warnings).isEmpty();
        }
        Files.delete(file());
        Process mkfifo = new ProcessBuilder("mkfifo", file().toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThat(PayloadLimitsStore.record(dir, payload(42, 15), NOW, warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.SKIPPED);
        assertThat(warnings).singleElement().asString().contains("FIFO");
    }

    @Test
    void nothingIsWrittenWithoutFiguresOrWithoutTheDirectory() {
        assertThat(PayloadLimitsStore.record(dir, PayloadParserTest.parse("{\"cwd\": \"/x\"}"), NOW, warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.SKIPPED);
        assertThat(Files.exists(file())).isFalse();
        assertThat(warnings).isEmpty();

        Path absent = dir.resolve("absent");
        assertThat(PayloadLimitsStore.record(absent, payload(1, 2), NOW, warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.SKIPPED);
        assertThat(Files.exists(absent)).isFalse();
        assertThat(warnings).singleElement().asString().contains("does not exist");
    }

    @Test
    void theRateLimitsAreStoredAsClaudeCodeSentThem() throws IOException {
        Payload p = PayloadParserTest.parse("{\"session_id\": \"s-1\", \"rate_limits\": {\"five_hour\": {\"used_percentage\": 42.50,"
                + " \"resets_at\": \"2026-11-26T14:14:00Z\", \"extra\": [1]}, \"seven_day_opus\": {\"used_percentage\": 3}}}");
        PayloadLimitsStore.record(dir, p, NOW, warnings);
        JsonNode root = new ObjectMapper().readTree(file().toFile());
        JsonNode stored = root.get("rate_limits");
        assertThat(root.get("session_id").asText()).isEqualTo("s-1");
        assertThat(stored.get("seven_day_opus").get("used_percentage").asInt()).isEqualTo(3);
        assertThat(stored.get("five_hour").get("extra").get(0).asInt()).isEqualTo(1);
        assertThat(Files.readString(file(), StandardCharsets.UTF_8)).contains("42.50");
        assertThat(UsageLimitsFile.readStatusline(file()).statusline().window("5h").reset())
                .isEqualTo(Instant.parse("2026-11-26T14:14:00Z"));
    }

    @Test
    void aSymlinkedFileIsWrittenThroughAndAReadOnlyOneRefused() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("dotfiles")).resolve("statusline.json");
        Files.writeString(elsewhere, "{}");
        Files.createDirectories(file().getParent());
        Files.createSymbolicLink(file(), elsewhere);
        assertThat(PayloadLimitsStore.record(dir, payload(42, 15), NOW, warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.WRITTEN);
        assertThat(Files.isSymbolicLink(file())).isTrue();
        assertThat(Files.readString(elsewhere)).contains("\"used_percentage\": 42");

        Files.setPosixFilePermissions(elsewhere, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        assertThat(PayloadLimitsStore.record(dir, payload(43, 15), NOW.plusSeconds(1), warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.SKIPPED);
        assertThat(warnings).singleElement().asString().contains("read-only");
        assertThat(Files.readString(elsewhere)).contains("\"used_percentage\": 42");
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws IOException {
        PayloadLimitsStore.record(dir, payload(42, 15), NOW, warnings);
        PayloadLimitsStore.record(dir, payload(44, 15), NOW, warnings);
        try (var files = Files.list(file().getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("statusline.json", ".statusline.lock");
        }
    }
}

package dev.budmon.statusline;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.model.UsageState;
import dev.budmon.source.StateReader;
import dev.budmon.source.TranscriptSource;
import dev.budmon.source.UsageLimitsContent;
import dev.budmon.source.UsageLimitsFile;
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

    private Path file() {
        return dir.resolve(UsageLimitsFile.FILE_NAME);
    }

    private List<String> warnings = new ArrayList<>();

    @Test
    void payloadPercentReachesTheDashboardAsFractionsAndPercent() {
        assertThat(PayloadLimitsStore.record(dir, payload(42, 15.5), NOW, warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.WRITTEN);
        assertThat(warnings).isEmpty();

        UsageLimitsContent c = UsageLimitsFile.read(file());
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
    void everyOtherKeyIsKeptAndTheNewerPayloadWinsForItsWindows() throws IOException {
        Files.writeString(file(), INTERCEPTOR_FILE);
        assertThat(PayloadLimitsStore.record(dir, payload(42, 15), NOW, warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.WRITTEN);

        JsonNode before = new ObjectMapper().readTree(INTERCEPTOR_FILE);
        JsonNode after = new ObjectMapper().readTree(file().toFile());
        for (String key : List.of("source", "interceptor_version", "updated_at", "headers_raw")) {
            assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
        }
        assertThat(Files.readString(file())).contains("\"price\": 1.50");
        assertThat(after.get("statusline").get("seen_at").asText()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(after.get("statusline").get("rate_limits").get("five_hour").get("used_percentage").asInt())
                .isEqualTo(42);

        UsageState state = new StateReader(List.of(dir), TranscriptSource.NONE, List.of()).read();
        assertThat(state.rateLimits().window("5h").utilization()).isEqualTo(0.42);
        assertThat(state.rateLimits().window("7d").utilization()).isEqualTo(0.15);
        assertThat(state.rateLimits().window("7d_opus").utilization()).isEqualTo(0.05);
        assertThat(state.rateLimits().account().status()).isEqualTo("allowed");
    }

    @Test
    void theSameFiguresAreNotWrittenAgain() throws IOException {
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
        assertThat(UsageLimitsFile.read(file()).statusline().window("5h").utilization()).isEqualTo(0.43);
        assertThat(UsageLimitsFile.read(file()).statusline().capturedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(Files.readString(file())).containsOnlyOnce("\"statusline\"");
        assertThat(warnings).isEmpty();
    }

    @Test
    void theStoredKeyKeepsItsPlace() throws IOException {
        Files.writeString(file(), "{\"a\": 1, \"statusline\": {\"seen_at\": \"2026-01-01T00:00:00Z\"}, \"z\": 2}");
        PayloadLimitsStore.record(dir, payload(42, 15), NOW, warnings);
        String text = Files.readString(file());
        assertThat(text.indexOf("\"a\"")).isLessThan(text.indexOf("\"statusline\""));
        assertThat(text.indexOf("\"statusline\"")).isLessThan(text.indexOf("\"z\""));
    }

    @Test
    void aFileThatIsNotAJsonObjectIsLeftAlone() throws IOException {
        for (String bad : List.of("{\"headers_raw\": {\"anthropic-ratelimit-unified-5h-util", "[1, 2]", "not json")) {
            Files.writeString(file(), bad);
            warnings.clear();
            assertThat(PayloadLimitsStore.record(dir, payload(42, 15), NOW, warnings))
                    .isEqualTo(PayloadLimitsStore.Outcome.SKIPPED);
            assertThat(Files.readString(file())).isEqualTo(bad);
            assertThat(warnings).singleElement().asString().contains("were not stored");
        }
    }

    @Test
    void anEmptyFileIsFilled() throws IOException {
        Files.writeString(file(), "  \n");
        assertThat(PayloadLimitsStore.record(dir, payload(1, 2), NOW, warnings))
                .isEqualTo(PayloadLimitsStore.Outcome.WRITTEN);
        assertThat(UsageLimitsFile.read(file()).statusline().window("7d").utilization()).isEqualTo(0.02);
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
        Payload p = PayloadParserTest.parse("{\"rate_limits\": {\"five_hour\": {\"used_percentage\": 42.50,"
                + " \"resets_at\": \"2026-11-26T14:14:00Z\", \"extra\": [1]}, \"seven_day_opus\": {\"used_percentage\": 3}}}");
        PayloadLimitsStore.record(dir, p, NOW, warnings);
        JsonNode stored = new ObjectMapper().readTree(file().toFile()).get("statusline").get("rate_limits");
        assertThat(stored.get("seven_day_opus").get("used_percentage").asInt()).isEqualTo(3);
        assertThat(stored.get("five_hour").get("extra").get(0).asInt()).isEqualTo(1);
        assertThat(Files.readString(file(), StandardCharsets.UTF_8)).contains("42.50");
        assertThat(UsageLimitsFile.read(file()).statusline().window("5h").reset())
                .isEqualTo(Instant.parse("2026-11-26T14:14:00Z"));
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws IOException {
        Files.writeString(file(), INTERCEPTOR_FILE);
        PayloadLimitsStore.record(dir, payload(42, 15), NOW, warnings);
        PayloadLimitsStore.record(dir, payload(44, 15), NOW, warnings);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(UsageLimitsFile.FILE_NAME);
        }
    }
}

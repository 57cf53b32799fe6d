package dev.budmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.budmon.history.HistoryAppender;
import dev.budmon.history.HistoryReader;
import dev.budmon.history.Observation;
import dev.budmon.history.WindowReading;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.UsageLimitsFile;
import dev.budmon.source.transcript.ClaudeLines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code budmon --json} on a Claude directory with two hours of two sessions' requests, the interceptor's
 * history of them, and a usage-limits.json an older interceptor wrote without logging it.
 */
class JsonHistoryTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    /** The 5-hour period began at 09:00. */
    static final Instant RESET = Instant.parse("2026-12-06T14:00:00Z");
    static final Instant WEEK_RESET = Instant.parse("2026-12-09T00:00:00Z");
    static final String SONNET = "claude-sonnet-4-5-20250929";
    /** One percent of the 5-hour window is worth $0.05 in this account. */
    static final double DOLLARS_PER_PERCENT = 0.05;

    @TempDir
    Path claude;

    @BeforeEach
    void twoSessionsAndTheirHistory() throws IOException {
        double spent = 0;
        for (int k = 0; k < 60; k++) { // a request every two minutes from 10:00 to 11:58, sessions taking turns
            boolean b = k % 2 == 1;
            String session = b ? "session-b" : "session-a";
            String cwd = b ? "/work/b" : "/work/a";
            long output = b ? 3000 : 1000; // Sonnet output at $15 per million: $0.045 and $0.015
            Instant t = Instant.parse("2026-12-06T10:00:00Z").plus(Duration.ofMinutes(2L * k));
            ClaudeLines.append(claude.resolve("projects").resolve(cwd.replace('/', '-')).resolve(session + ".jsonl"),
                    ClaudeLines.assistant(session, cwd, "msg_" + k, "req_" + k, SONNET, t,
                            ClaudeLines.Usage.of(0, output, 0), false, null));
            spent += output * 15 / 1e6;
            Map<String, WindowReading> w = new LinkedHashMap<>();
            w.put("5h", new WindowReading(spent / DOLLARS_PER_PERCENT / 100, RESET, "allowed"));
            w.put("7d", new WindowReading(0.5, WEEK_RESET, "allowed"));
            HistoryAppender.append(claude, new Observation(t.minusMillis(800), Observation.INTERCEPTOR, "req_" + k,
                    null, "allowed", w));
        }
        // 36 % by 11:58; at 11:59 an older interceptor (no history) saw 80 %: claude.ai was busy
        Files.writeString(claude.resolve(UsageLimitsFile.FILE_NAME), """
                {"source": "budmon-interceptor", "updated_at": "2026-12-06T11:59:00.000Z", "headers_raw": {
                  "anthropic-ratelimit-unified-status": "allowed",
                  "anthropic-ratelimit-unified-5h-utilization": "0.8", "anthropic-ratelimit-unified-5h-reset": "%d",
                  "anthropic-ratelimit-unified-5h-status": "allowed",
                  "anthropic-ratelimit-unified-7d-utilization": "0.5", "anthropic-ratelimit-unified-7d-reset": "%d",
                  "anthropic-ratelimit-unified-7d-status": "allowed"}}
                """.formatted(RESET.getEpochSecond(), WEEK_RESET.getEpochSecond()));
    }

    private JsonNode json() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = JsonCommand.run(new ClaudeDirs(List.of(claude)), claude.resolve(".index-cache"), NOW, new PrintStream(out, true),
                new PrintStream(err, true));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        if (System.getProperty("budmon.peek") != null) {
            System.out.println(out.toString(StandardCharsets.UTF_8));
        }
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private static JsonNode window(JsonNode root, String name) {
        for (JsonNode w : root.path("quota").path("windows")) {
            if (w.path("name").asText().equals(name)) {
                return w;
            }
        }
        throw new AssertionError("no window " + name);
    }

    @Test
    void theFileNoWriterLoggedIsRecordedOnceAsBudmonsObservation() throws IOException {
        JsonNode root = json();
        assertThat(root.path("history").path("observations").asInt()).isEqualTo(61);
        json();
        HistoryReader.Read read = HistoryReader.read(claude, null, null);
        assertThat(read.history().size()).isEqualTo(61);
        int last = read.history().inTimeOrder(60);
        assertThat(read.history().source(last)).isEqualTo(Observation.BUDMON);
        assertThat(read.history().timeMillis(last)).isEqualTo(Instant.parse("2026-12-06T11:59:00Z").toEpochMilli());
    }

    @Test
    void paceBindingSharesAndWorthAreReported() throws IOException {
        JsonNode root = json();
        JsonNode five = window(root, "5h");
        // 44 % in the last minute (claude.ai) on top of 18 %/h: the pace is far above the window's average
        // (80 % in 3 h) and runs the window out before its reset
        assertThat(five.path("pace_per_hour").asDouble()).isGreaterThan(100);
        assertThat(five.path("burn_rate_per_hour").asDouble()).isCloseTo(80 / 3.0, within(1e-4));
        assertThat(five.path("pace_observations").asInt()).isEqualTo(30); // 11:02 to 11:58, and 11:59
        Instant paceExpiry = Instant.parse(five.path("pace_expiry").asText());
        assertThat(paceExpiry).isBetween(NOW, RESET);
        assertThat(five.path("pace_reserve_seconds").asLong()).isNegative();
        assertThat(five.path("pace_level").asText()).isEqualTo("ALARM");
        JsonNode binding = root.path("quota").path("binding");
        assertThat(binding.path("window").asText()).isEqualTo("5h");
        assertThat(binding.path("basis").asText()).isEqualTo("pace");
        assertThat(Instant.parse(binding.path("runs_out_at").asText())).isEqualTo(paceExpiry);
        // the 7d window did not move: no pace, no share
        assertThat(window(root, "7d").path("pace_per_hour").asDouble()).isZero();

        // the requests' shares of the 5-hour period since 09:00
        JsonNode shares = five.path("shares");
        assertThat(shares.path("since").asText()).isEqualTo("2026-12-06T09:00:00Z");
        assertThat(shares.path("unattributed_percent").asDouble()).isCloseTo(44, within(1e-6));
        assertThat(shares.path("by_project").get(0).path("project").asText()).isEqualTo("/work/b");
        assertThat(shares.path("by_project").get(0).path("percent").asDouble()).isCloseTo(27, within(1e-6));
        assertThat(shares.path("by_project").get(1).path("percent").asDouble()).isCloseTo(9, within(1e-6));
        assertThat(shares.path("by_session").get(0).path("session_id").asText()).isEqualTo("session-b");
        assertThat(shares.path("by_session").get(0).path("requests").asInt()).isEqualTo(30);
        assertThat(shares.path("by_session").get(0).path("cost").asDouble()).isCloseTo(1.35, within(1e-6));
        assertThat(root.path("last_request").path("request_id").asText()).isEqualTo("req_59");
        assertThat(root.path("last_request").path("quota_share").path("5h").asDouble()).isCloseTo(0.9, within(1e-6));
        assertThat(root.path("last_request").path("quota_share").path("7d").asDouble()).isZero();
        assertThat(root.path("session").path("id").asText()).isEqualTo("session-b");
        assertThat(root.path("session").path("quota_share").path("5h").asDouble()).isCloseTo(27, within(1e-6));

        // what one percent is worth, and what is left of the window in dollars of API use
        JsonNode worth = five.path("dollars_per_percent");
        assertThat(worth.path("value").asDouble()).isCloseTo(DOLLARS_PER_PERCENT, within(1e-6));
        assertThat(worth.path("standard_error").asDouble()).isCloseTo(0, within(1e-6));
        assertThat(worth.path("not_enough").isNull()).isTrue();
        assertThat(five.path("dollars_left").asDouble()).isCloseTo(20 * DOLLARS_PER_PERCENT, within(1e-6));
        assertThat(window(root, "7d").path("dollars_per_percent").path("value").isNull()).isTrue();
        assertThat(window(root, "7d").path("dollars_per_percent").path("not_enough").asText()).startsWith("not enough data");

        JsonNode history = root.path("history");
        assertThat(history.path("joined_observations").asInt()).isEqualTo(60);
        assertThat(history.path("clock_offset_seconds").asDouble()).isCloseTo(-0.8, within(1e-9));
        assertThat(history.path("bad_lines").asInt()).isZero();
    }

    @Test
    void withoutAHistoryTheNewFieldsAreNullAndNothingElseChanges() throws IOException {
        Path empty = Files.createDirectories(claude.resolve("empty"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(JsonCommand.run(new ClaudeDirs(List.of(empty)), empty.resolve(".index-cache"), NOW, new PrintStream(out, true),
                new PrintStream(new ByteArrayOutputStream(), true))).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        assertThat(root.path("quota").path("binding").isNull()).isTrue();
        assertThat(root.path("history").path("observations").asInt()).isZero();
        assertThat(root.path("last_request").isNull()).isTrue();
        assertThat(Files.exists(empty.resolve("budmon"))).isFalse();
    }
}

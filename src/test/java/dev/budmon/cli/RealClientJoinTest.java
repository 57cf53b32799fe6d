package dev.budmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.history.HistoryAppender;
import dev.budmon.history.HistoryReader;
import dev.budmon.history.Observation;
import dev.budmon.history.WindowReading;
import dev.budmon.model.ApiResponse;
import dev.budmon.quotacost.JoinedQuota;
import dev.budmon.quotacost.QuotaJoin;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.TranscriptStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Java side of the real-client test of issue 13: the transcripts the real Claude Code 2.1.332 wrote against
 * the loopback mock ({@code src/test/resources/transcripts/real/}: hello, tool, subagent, resume; ten responses),
 * and the history BudMon's interceptor writes for them: one {@code interceptor} line per response, a few
 * milliseconds before the response's transcript line, with its {@code request-id} and the mock's utilization,
 * which rises by a known step per response. The end-to-end test in {@code interceptor/test/} runs the same with
 * the real client and checks the same figures of {@code budmon --json}.
 */
class RealClientJoinTest {

    /** The mock's step: each response adds 1 % to the 5-hour window and 0.1 % to the week. */
    static final double STEP = 0.01;
    /** The 5-hour period began just before the first recorded response (21:44:09.949). */
    static final Instant PERIOD_START = Instant.parse("2026-11-26T21:44:00Z");
    static final Instant RESET = PERIOD_START.plus(Duration.ofHours(5));
    static final Instant WEEK_RESET = Instant.parse("2026-11-30T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-26T21:45:00Z");
    static final Pricing PRICING = new Pricing(PriceTable.bundled(), BudmonConfig.DEFAULTS);

    @TempDir
    Path claude;

    private List<ApiResponse> responses;

    @BeforeEach
    void realTranscripts() throws IOException, URISyntaxException {
        for (String scenario : List.of("hello", "tool", "subagent", "resume")) {
            Path from = Path.of(RealClientJoinTest.class.getResource("/transcripts/real/" + scenario + "/projects").toURI());
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path target = claude.resolve("projects").resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        }
        TranscriptStore store = new TranscriptStore();
        store.refresh(List.of(claude));
        responses = store.responses(null);
        assertThat(responses).hasSize(10);
    }

    /**
     * The interceptor's lines for the responses, n counted from 1, leaving out those named, and the last
     * response's headers in usage-limits.json.
     */
    private void interceptorHistory(Set<String> missing) throws IOException {
        ApiResponse last = responses.get(responses.size() - 1);
        Files.writeString(claude.resolve("usage-limits.json"), """
                {"source": "budmon-interceptor", "updated_at": "%s", "headers_raw": {
                  "anthropic-ratelimit-unified-status": "allowed",
                  "anthropic-ratelimit-unified-5h-utilization": "%s", "anthropic-ratelimit-unified-5h-reset": "%d",
                  "anthropic-ratelimit-unified-5h-status": "allowed",
                  "anthropic-ratelimit-unified-7d-utilization": "%s", "anthropic-ratelimit-unified-7d-reset": "%d",
                  "anthropic-ratelimit-unified-7d-status": "allowed"}}
                """.formatted(last.time().minusMillis(40), STEP * responses.size(), RESET.getEpochSecond(),
                0.5 + STEP / 10 * responses.size(), WEEK_RESET.getEpochSecond()));
        for (int n = 1; n <= responses.size(); n++) {
            ApiResponse r = responses.get(n - 1);
            if (missing.contains(r.requestId())) {
                continue;
            }
            Map<String, WindowReading> w = new LinkedHashMap<>();
            w.put("5h", new WindowReading(STEP * n, RESET, "allowed"));
            w.put("7d", new WindowReading(0.5 + STEP / 10 * n, WEEK_RESET, "allowed"));
            HistoryAppender.append(claude, new Observation(r.time().minusMillis(40), Observation.INTERCEPTOR,
                    r.requestId(), null, "allowed", w));
        }
    }

    private JoinedQuota join() {
        return QuotaJoin.join(HistoryReader.read(claude, null, null).history(), responses, PRICING,
                NOW.minus(Duration.ofDays(30)), NOW);
    }

    private JsonNode json() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(JsonCommand.run(new ClaudeDirs(List.of(claude)), claude.resolve(".index-cache"), NOW, new PrintStream(out, true),
                new PrintStream(new ByteArrayOutputStream(), true))).isZero();
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private double cost(String requestId) {
        for (ApiResponse r : responses) {
            if (requestId.equals(r.requestId())) {
                return PRICING.cost(r.model(), r.tokens()).total();
            }
        }
        throw new AssertionError(requestId);
    }

    @Test
    void everyResponseIsJoinedToItsObservationAndGetsTheMocksStep() throws IOException {
        interceptorHistory(Set.of());
        JoinedQuota j = join();
        assertThat(j.joinedObservations()).isEqualTo(10);
        assertThat(j.unmatchedRequestIds()).isZero();
        assertThat(j.clockOffset()).isEqualTo(Duration.ofMillis(-40));
        for (ApiResponse r : responses) {
            assertThat(j.shareOf("5h", r.requestId())).as(r.requestId()).isCloseTo(STEP, within(1e-9));
        }
        // the week's first observation is measured from the week's start, the others by the step
        assertThat(j.shareOf("7d", responses.get(1).requestId())).isCloseTo(STEP / 10, within(1e-9));

        // what budmon --json, which the end-to-end test reads, says of it
        JsonNode root = json();
        assertThat(root.path("history").path("joined_observations").asInt()).isEqualTo(10);
        assertThat(root.path("last_request").path("request_id").asText()).isEqualTo("req_011Cd4qMqNQv000000000001");
        assertThat(root.path("last_request").path("quota_share").path("5h").asDouble()).isCloseTo(1.0, within(1e-9));
        JsonNode bySession = root.path("quota").path("windows").get(0).path("shares").path("by_session");
        Map<String, Double> percent = new LinkedHashMap<>();
        for (JsonNode s : bySession) {
            percent.put(s.path("session_id").asText(), s.path("percent").asDouble());
        }
        // subagent: five responses (three of the main agent, two of the subagent); tool and resume two, hello one
        assertThat(percent).containsOnlyKeys("1e5109de-9c52-4b65-96b7-f7239a801119", "d5882127-0ba0-45c0-bc32-fbaa6aff730b",
                "08fe22aa-6455-4129-89d7-3fd6a737fadf", "65936c02-71e7-47f8-aff9-4a4bd5c758b2");
        assertThat(percent.get("1e5109de-9c52-4b65-96b7-f7239a801119")).isCloseTo(5.0, within(1e-9));
        assertThat(percent.get("d5882127-0ba0-45c0-bc32-fbaa6aff730b")).isCloseTo(2.0, within(1e-9));
        assertThat(percent.get("65936c02-71e7-47f8-aff9-4a4bd5c758b2")).isCloseTo(1.0, within(1e-9));
        JsonNode five = root.path("quota").path("windows").get(0);
        assertThat(five.path("name").asText()).isEqualTo("5h");
        assertThat(five.path("shares").path("by_project").get(0).path("project").asText())
                .isEqualTo("/tmp/budmon-fixture/subagent");
    }

    @Test
    void aLostObservationLeavesTwoStepsToSplitByCost() throws IOException {
        // the subagent's first response's line never reached the history
        interceptorHistory(Set.of("req_011CZUQfcob1000000000003"));
        JoinedQuota j = join();
        double a = cost("req_011CZUQfcob1000000000003");
        double b = cost("req_011CZUQfcob1000000000004");
        assertThat(a).isNotEqualTo(b);
        assertThat(j.shareOf("5h", "req_011CZUQfcob1000000000003")).isCloseTo(2 * STEP * a / (a + b), within(1e-9));
        assertThat(j.shareOf("5h", "req_011CZUQfcob1000000000004")).isCloseTo(2 * STEP * b / (a + b), within(1e-9));
    }

    @Test
    void stepsOfTwoSessionsBetweenTwoObservationsAreSplitByCost() throws IOException {
        // as with two claude -p at once: the tool session's responses completed between the hello session's
        // observation and the subagent session's first, whose headers count all three steps
        interceptorHistory(Set.of("req_011CpIRYkJrk000000000001", "req_011CpIRYkJrk000000000002"));
        JoinedQuota j = join();
        double t1 = cost("req_011CpIRYkJrk000000000001");
        double t2 = cost("req_011CpIRYkJrk000000000002");
        double s1 = cost("req_011CZUQfcob1000000000001");
        double all = t1 + t2 + s1;
        assertThat(j.shareOf("5h", "req_011CpIRYkJrk000000000001")).isCloseTo(3 * STEP * t1 / all, within(1e-9));
        assertThat(j.shareOf("5h", "req_011CpIRYkJrk000000000002")).isCloseTo(3 * STEP * t2 / all, within(1e-9));
        assertThat(j.shareOf("5h", "req_011CZUQfcob1000000000001")).isCloseTo(3 * STEP * s1 / all, within(1e-9));
        assertThat(j.shareOf("5h", "req_011CKyd9NtZY000000000001")).isCloseTo(STEP, within(1e-9));
    }
}

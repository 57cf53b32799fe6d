package dev.budmon.quotacost;

import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.history.HistoryAppender;
import dev.budmon.history.HistoryReader;
import dev.budmon.history.Observation;
import dev.budmon.history.WindowReading;
import dev.budmon.model.ApiResponse;
import dev.budmon.source.transcript.ClaudeLines;
import dev.budmon.source.transcript.TranscriptStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The join on real files: transcripts written as Claude Code writes them, the history as its writers append it,
 * both read by BudMon's readers.
 */
class QuotaJoinTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    /** The 5-hour period that began at T0. */
    static final Instant RESET = T0.plus(Duration.ofHours(5));
    static final Instant WEEK_RESET = T0.plus(Duration.ofDays(3));
    static final String SONNET = "claude-sonnet-4-5-20250929";
    static final String OPUS = "claude-opus-4-5-20251101";
    static final Pricing PRICING = new Pricing(PriceTable.bundled(), BudmonConfig.DEFAULTS);

    @TempDir
    Path claude;

    private int messages;

    /** A response of {@code outputTokens} output tokens (Sonnet: $15 per million), {@code seconds} after T0. */
    private void response(String session, String cwd, String requestId, String model, long seconds, long outputTokens) {
        Path file = claude.resolve("projects").resolve(cwd.replace('/', '-')).resolve(session + ".jsonl");
        ClaudeLines.append(file, ClaudeLines.assistant(session, cwd, "msg_" + (++messages), requestId, model,
                T0.plusSeconds(seconds), ClaudeLines.Usage.of(0, outputTokens, 0), false, null));
    }

    private void observe(String source, String requestId, long seconds, double fiveHour, Instant reset) throws IOException {
        Map<String, WindowReading> w = new LinkedHashMap<>();
        w.put("5h", new WindowReading(fiveHour, reset, "allowed"));
        HistoryAppender.append(claude, new Observation(T0.plusSeconds(seconds), source, requestId,
                source.equals(Observation.STATUSLINE) ? "s" : null, source.equals(Observation.STATUSLINE) ? null : "allowed", w));
    }

    private void observe(String requestId, long seconds, double fiveHour) throws IOException {
        observe(Observation.INTERCEPTOR, requestId, seconds, fiveHour, RESET);
    }

    private JoinedQuota join() {
        TranscriptStore store = new TranscriptStore();
        store.refresh(List.of(claude));
        List<ApiResponse> responses = store.responses(null);
        return QuotaJoin.join(HistoryReader.read(claude, null, null).history(), responses, PRICING,
                T0.minus(Duration.ofDays(30)), T0.plus(Duration.ofDays(1)));
    }

    private static double share(JoinedQuota j, String window, String requestId) {
        Double s = j.shareOf(window, requestId);
        assertThat(s).as("share of " + requestId).isNotNull();
        return s;
    }

    @Test
    void eachObservationGivesItsStepToTheRequestThatCarriedIt() throws IOException {
        response("a", "/work/a", "req_1", SONNET, 2, 1000);
        response("a", "/work/a", "req_2", SONNET, 20, 1000);
        response("a", "/work/a", "req_3", SONNET, 40, 1000);
        // the headers arrive a second before the transcript's line
        observe("req_1", 1, 0.01);
        observe("req_2", 19, 0.03);
        observe("req_3", 39, 0.04);
        JoinedQuota j = join();
        assertThat(share(j, "5h", "req_1")).isCloseTo(0.01, within(1e-9)); // from the period's start at T0
        assertThat(share(j, "5h", "req_2")).isCloseTo(0.02, within(1e-9));
        assertThat(share(j, "5h", "req_3")).isCloseTo(0.01, within(1e-9));
        assertThat(j.joinedObservations()).isEqualTo(3);
        assertThat(j.clockOffset()).isEqualTo(Duration.ofSeconds(-1));
        assertThat(j.unattributed("5h")).isZero();
    }

    @Test
    void concurrentSessionsSplitAStepByCost() throws IOException {
        response("a", "/work/a", "req_1", SONNET, 2, 1000);
        observe("req_1", 1, 0.01);
        response("a", "/work/a", "req_a", SONNET, 10, 1000);   // $0.015
        response("b", "/work/b", "req_b", SONNET, 12, 3000);   // $0.045, and its headers say 5 %
        observe("req_b", 11, 0.05);
        JoinedQuota j = join();
        assertThat(share(j, "5h", "req_a")).isCloseTo(0.01, within(1e-9));
        assertThat(share(j, "5h", "req_b")).isCloseTo(0.03, within(1e-9));
        List<GroupShare> bySession = j.byGroup("5h", T0, ApiResponse::sessionId);
        assertThat(bySession).extracting(GroupShare::name).containsExactly("b", "a");
        assertThat(bySession.get(0).percent()).isCloseTo(3.0, within(1e-9));
        assertThat(bySession.get(1).percent()).isCloseTo(2.0, within(1e-9));
        assertThat(bySession.get(1).requests()).isEqualTo(2);
        assertThat(bySession.get(0).cost()).isCloseTo(0.045, within(1e-9));
    }

    @Test
    void aMissingObservationLeavesItsStepToTheNextSplitByCost() throws IOException {
        response("a", "/work/a", "req_1", SONNET, 2, 1000);
        response("a", "/work/a", "req_2", SONNET, 20, 1000);
        response("a", "/work/a", "req_3", SONNET, 40, 3000);
        observe("req_1", 1, 0.01);
        // req_2's observation was never written
        observe("req_3", 39, 0.05);
        JoinedQuota j = join();
        assertThat(share(j, "5h", "req_2")).isCloseTo(0.01, within(1e-9));
        assertThat(share(j, "5h", "req_3")).isCloseTo(0.03, within(1e-9));
    }

    @Test
    void aResetBetweenObservationsStartsAgainFromZero() throws IOException {
        response("a", "/work/a", "req_1", SONNET, 2, 1000);
        observe("req_1", 1, 0.50);
        // req_2 completes in the old period after its last observation; the period ends at RESET
        response("a", "/work/a", "req_2", SONNET, 3600, 1000);
        long newStart = Duration.between(T0, RESET).toSeconds() + 600; // the next period begins 10 min later
        Instant nextReset = RESET.plus(Duration.ofMinutes(10)).plus(Duration.ofHours(5));
        response("a", "/work/a", "req_3", SONNET, newStart + 2, 1000);
        response("a", "/work/a", "req_4", SONNET, newStart + 30, 1000);
        observe(Observation.INTERCEPTOR, "req_4", newStart + 29, 0.02, nextReset);
        JoinedQuota j = join();
        assertThat(share(j, "5h", "req_1")).isCloseTo(0.50, within(1e-9));
        assertThat(j.shareOf("5h", "req_2")).as("its growth was never observed").isNull();
        assertThat(share(j, "5h", "req_3")).isCloseTo(0.01, within(1e-9));
        assertThat(share(j, "5h", "req_4")).isCloseTo(0.01, within(1e-9));
    }

    @Test
    void theHeadersWinWhereTheStatusLineDisagrees() throws IOException {
        response("a", "/work/a", "req_1", SONNET, 2, 1000);
        response("a", "/work/a", "req_2", SONNET, 20, 1000);
        observe("req_1", 1, 0.013);
        // the status line's payload, a little behind and rounded, after each message
        observe(Observation.STATUSLINE, null, 5, 0.01, RESET);
        observe("req_2", 19, 0.027);
        observe(Observation.STATUSLINE, null, 25, 0.02, RESET);
        JoinedQuota j = join();
        assertThat(share(j, "5h", "req_1")).isCloseTo(0.013, within(1e-9));
        assertThat(share(j, "5h", "req_2")).isCloseTo(0.014, within(1e-9));
        assertThat(j.decreases()).isZero();
    }

    @Test
    void theStatusLineServesWhereNoHeadersWereRecorded() throws IOException {
        response("a", "/work/a", "req_1", SONNET, 2, 1000);
        response("a", "/work/a", "req_2", SONNET, 20, 1000);
        observe(Observation.STATUSLINE, null, 5, 0.01, RESET);
        observe(Observation.STATUSLINE, null, 25, 0.03, RESET);
        JoinedQuota j = join();
        assertThat(share(j, "5h", "req_1")).isCloseTo(0.01, within(1e-9));
        assertThat(share(j, "5h", "req_2")).isCloseTo(0.02, within(1e-9));
    }

    @Test
    void aClockSkewIsOvercomeByTheRequestIdsAndTheirMedianOffset() throws IOException {
        // the history's clock runs two minutes ahead of the transcripts'
        long skew = 120;
        response("a", "/work/a", "req_1", SONNET, 2, 1000);
        response("a", "/work/a", "req_2", SONNET, 20, 1000);
        response("a", "/work/a", "req_3", SONNET, 40, 1000);
        response("a", "/work/a", "req_4", SONNET, 60, 1000);
        observe("req_1", 1 + skew, 0.01);
        observe("req_2", 19 + skew, 0.02);
        observe(null, 39 + skew, 0.04);    // its request id was lost: placed by the offset
        observe("req_4", 59 + skew, 0.05);
        JoinedQuota j = join();
        assertThat(j.clockOffset()).isEqualTo(Duration.ofSeconds(skew - 1));
        assertThat(share(j, "5h", "req_2")).isCloseTo(0.01, within(1e-9));
        assertThat(share(j, "5h", "req_3")).isCloseTo(0.02, within(1e-9));
        assertThat(share(j, "5h", "req_4")).isCloseTo(0.01, within(1e-9));
    }

    @Test
    void growthWithoutARequestHereCameFromElsewhere() throws IOException {
        response("a", "/work/a", "req_1", SONNET, 2, 1000);
        observe("req_1", 1, 0.01);
        // claude.ai used 4 % meanwhile; then a request here
        observe(Observation.BUDMON, null, 600, 0.05, RESET);
        response("a", "/work/a", "req_2", SONNET, 900, 1000);
        observe("req_2", 899, 0.06);
        JoinedQuota j = join();
        assertThat(j.unattributed("5h")).isCloseTo(0.04, within(1e-9));
        assertThat(share(j, "5h", "req_2")).isCloseTo(0.01, within(1e-9));
        assertThat(j.intervals("5h")).extracting(QuotaInterval::attributed).containsExactly(true, false, true);
    }

    @Test
    void aPerModelWindowGrowsWithItsModelsRequestsOnly() throws IOException {
        response("a", "/work/a", "req_o", OPUS, 2, 1000);
        response("a", "/work/a", "req_s", SONNET, 4, 1000);
        Map<String, WindowReading> w = new LinkedHashMap<>();
        w.put("7d_sonnet", new WindowReading(0.002, WEEK_RESET, null));
        w.put("7d_opus", new WindowReading(0.004, WEEK_RESET, null));
        HistoryAppender.append(claude, new Observation(T0.minusSeconds(3600), Observation.INTERCEPTOR, null, null, null,
                Map.of("7d_sonnet", new WindowReading(0.0, WEEK_RESET, null), "7d_opus", new WindowReading(0.0, WEEK_RESET, null))));
        HistoryAppender.append(claude, new Observation(T0.plusSeconds(3), Observation.INTERCEPTOR, "req_s", null, null, w));
        JoinedQuota j = join();
        assertThat(share(j, "7d_sonnet", "req_s")).isCloseTo(0.002, within(1e-9));
        assertThat(j.shareOf("7d_sonnet", "req_o")).isNull();
        assertThat(share(j, "7d_opus", "req_o")).isCloseTo(0.004, within(1e-9));
        assertThat(j.shareOf("7d_opus", "req_s")).isNull();
    }

    @Test
    void modelFamiliesOfWindowNames() {
        assertThat(QuotaJoin.familyOf("7d_sonnet")).isEqualTo("sonnet");
        assertThat(QuotaJoin.familyOf("7d_opus")).isEqualTo("opus");
        assertThat(QuotaJoin.familyOf("7d")).isNull();
        assertThat(QuotaJoin.familyOf("7d_oauth_apps")).isNull();
    }
}

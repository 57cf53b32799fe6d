package dev.budmon.source;

import dev.budmon.source.transcript.TranscriptSummary;

import dev.budmon.model.AccountLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTimeline;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateAssemblerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static RateLimits headers(Instant at, double fiveHour) {
        return new RateLimits(at, "budmon-interceptor", List.of(
                new QuotaWindow("5h", fiveHour, T0.plus(Duration.ofHours(2)), "allowed", null, Duration.ofHours(5)),
                new QuotaWindow("7d", 0.3, T0.plus(Duration.ofDays(3)), "allowed", null, Duration.ofHours(168)),
                new QuotaWindow("7d_sonnet", 0.1, T0.plus(Duration.ofDays(3)), "allowed", null, Duration.ofHours(168))),
                new AccountLimits("allowed", null, "five_hour", null, null, null, null));
    }

    private static RateLimits statusline(Instant at, double fiveHour) {
        return new RateLimits(at, UsageLimitsFile.STATUSLINE_SOURCE, List.of(
                new QuotaWindow("5h", fiveHour, T0.plus(Duration.ofHours(2)), null, null, Duration.ofHours(5))),
                AccountLimits.EMPTY);
    }

    @Test
    void aNewerStatusLinePayloadReplacesOnlyItsOwnWindows() {
        RateLimits merged = LimitsMerge.merge(headers(T0, 0.40), statusline(T0.plusSeconds(60), 0.55));
        assertThat(merged.window("5h").utilization()).isEqualTo(0.55);
        assertThat(merged.window("7d").utilization()).isEqualTo(0.3);
        assertThat(merged.window("7d_sonnet").utilization()).isEqualTo(0.1);
        assertThat(merged.windows()).extracting(QuotaWindow::name).containsExactly("5h", "7d", "7d_sonnet");
        assertThat(merged.account().representativeClaim()).isEqualTo("five_hour");
        assertThat(merged.capturedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(merged.source()).isEqualTo("statusline");
    }

    @Test
    void olderStatusLineFiguresLoseToTheHeaders() {
        RateLimits h = headers(T0, 0.40);
        assertThat(LimitsMerge.merge(h, statusline(T0.minusSeconds(1), 0.99))).isSameAs(h);
        assertThat(LimitsMerge.merge(null, statusline(T0, 0.2)).window("5h").utilization()).isEqualTo(0.2);
        assertThat(LimitsMerge.merge(null, null)).isNull();
    }

    @Test
    void theRoundTripFromPayloadPercentToStateFractionKeepsTheValue() {
        UsageLimitsContent c = UsageLimitsFile.parse(("{\"updated_at\": \"2026-11-26T10:00:00Z\", \"headers_raw\": "
                + "{\"anthropic-ratelimit-unified-5h-utilization\": \"0.10\"}, \"statusline\": {\"seen_at\": "
                + "\"2026-11-26T10:05:00Z\", \"rate_limits\": {\"five_hour\": {\"used_percentage\": 63, "
                + "\"resets_at\": 1764165600}}}}").getBytes(StandardCharsets.UTF_8), "f");
        UsageState s = StateAssembler.assemble(c, List.of(), TranscriptSummary.EMPTY, c.warnings());
        assertThat(s.rateLimits().window("5h").utilization()).isEqualTo(0.63);
        assertThat(s.newestData()).isEqualTo(Instant.parse("2026-11-26T10:05:00Z"));
    }

    @Test
    void transcriptsWinOverTheOlderFormatsTokenFigures() {
        TokenCounts t = new TokenCounts(1, 2, 3, 0, 4);
        ApiResponse r = new ApiResponse("msg_1", "req_1", "s1", "claude-sonnet-4-5", T0, t);
        SessionUsage s = new SessionUsage("s1", "/w", null, T0, T0, 1, Map.of("claude-sonnet-4-5", t), null);
        TranscriptSummary part = new TranscriptSummary(r, s, Map.of(), UsageTimeline.EMPTY, List.of(0.4), T0, 1, 1, 0,
                List.of());
        LegacyUsage legacy = new LegacyUsage(new TokenCounts(9, 9, 9, 9, 9), "m", T0.plusSeconds(5),
                new TokenCounts(99, 99, 99, 99, 99), 7, List.of(0.9));
        UsageState state = StateAssembler.assemble(new UsageLimitsContent(null, null, legacy, List.of()),
                List.of(0.1), part, List.of());
        assertThat(state.lastResponse()).isSameAs(r);
        assertThat(state.activeSession()).isSameAs(s);
        assertThat(state.cacheRatios()).containsExactly(0.4);
    }

    @Test
    void theOlderFormatStandsInWhenTranscriptsGiveNothing() {
        LegacyUsage legacy = new LegacyUsage(new TokenCounts(9, 8, 7, 0, 6), "claude-opus-4-1", T0,
                new TokenCounts(90, 80, 70, 0, 60), 7, List.of());
        UsageState state = StateAssembler.assemble(new UsageLimitsContent(null, null, legacy, List.of()),
                List.of(0.7, 0.8), TranscriptSummary.EMPTY, List.of());
        assertThat(state.lastResponse().tokens().input()).isEqualTo(9);
        assertThat(state.lastResponse().model()).isEqualTo("claude-opus-4-1");
        assertThat(state.activeSession().requests()).isEqualTo(7);
        assertThat(state.activeSession().tokens().output()).isEqualTo(80);
        assertThat(state.cacheRatios()).containsExactly(0.7, 0.8);
        assertThat(state.newestData()).isEqualTo(T0);
        assertThat(state.hasData()).isTrue();
    }

    @Test
    void cacheHistoryKeepsTheNewestSixty() {
        List<Double> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(i / 100.0);
        }
        UsageState s = StateAssembler.assemble(UsageLimitsContent.EMPTY, many, TranscriptSummary.EMPTY, List.of());
        assertThat(s.cacheRatios()).hasSize(60).startsWith(0.40).endsWith(0.99);
    }

    @Test
    void nothingAnywhereIsNoData() {
        UsageState s = StateAssembler.assemble(UsageLimitsContent.EMPTY, List.of(), TranscriptSummary.EMPTY, List.of());
        assertThat(s.hasData()).isFalse();
        assertThat(s.rateLimits()).isNull();
    }
}

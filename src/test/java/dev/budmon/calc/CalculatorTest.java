package dev.budmon.calc;

import dev.budmon.config.BudmonConfig;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTotals;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalculatorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final PriceTable PRICES = PriceTable.bundled();

    private static RateLimits limits(double fiveHour, Instant capturedAt, String accountStatus) {
        return new RateLimits(capturedAt, "budmon-interceptor", List.of(
                new QuotaWindow("5h", fiveHour, NOW.plus(Duration.ofHours(3)), "allowed", null, Duration.ofHours(5)),
                new QuotaWindow("7d", 0.10, NOW.plus(Duration.ofDays(4)), "allowed", null, Duration.ofHours(168))),
                new AccountLimits(accountStatus, null, "five_hour", null, null, null, null));
    }

    private static UsageState state(RateLimits limits, List<Instant> calls) {
        TokenCounts each = new TokenCounts(1000, 500, 0, 0, 9000);
        return new UsageState(limits, null, null, (from, to) -> {
            int n = 0;
            for (Instant c : calls) {
                if (!c.isBefore(from) && c.isBefore(to)) {
                    n++;
                }
            }
            TokenCounts sum = TokenCounts.ZERO;
            for (int i = 0; i < n; i++) {
                sum = sum.plus(each);
            }
            return n == 0 ? UsageTotals.EMPTY : new UsageTotals(n, Map.of("claude-sonnet-4-5", sum));
        }, List.of(), capturedAtOrNull(limits), List.of());
    }

    private static Instant capturedAtOrNull(RateLimits l) {
        return l == null ? null : l.capturedAt();
    }

    @Test
    void waitWithoutAnyData() {
        Figures f = Calculator.compute(UsageState.EMPTY, NOW, BudmonConfig.DEFAULTS, PRICES);
        assertThat(f.status()).isEqualTo(OverallStatus.WAIT);
        assertThat(f.windows()).isEmpty();
        assertThat(f.lastRequest()).isNull();
        assertThat(f.cache().current()).isNull();
    }

    @Test
    void transcriptsWithoutQuotaFiguresAreNoQuotaNotOk() {
        // a user who has not run setup: Claude Code's transcripts, but nothing recorded the quota headers
        ApiResponse r = new ApiResponse("m", "q", "s", "claude-sonnet-4-5", NOW.minusSeconds(5),
                new TokenCounts(10, 20, 0, 0, 0));
        UsageState st = new UsageState(null, r, null, (a, b) -> UsageTotals.EMPTY, List.of(0.8), NOW, List.of());
        Figures f = Calculator.compute(st, NOW, BudmonConfig.DEFAULTS, PRICES);
        assertThat(f.status()).isEqualTo(OverallStatus.NO_QUOTA);
        assertThat(Calculator.advance(f, st, NOW.plusSeconds(1), BudmonConfig.DEFAULTS).status())
                .isEqualTo(OverallStatus.NO_QUOTA);
        // the first quota figures end it
        UsageState withQuota = new UsageState(limits(0.2, NOW, "allowed"), r, null, (a, b) -> UsageTotals.EMPTY,
                List.of(0.8), NOW, List.of());
        assertThat(Calculator.compute(withQuota, NOW, BudmonConfig.DEFAULTS, PRICES).status())
                .isEqualTo(OverallStatus.OK);
    }

    @Test
    void overallStatusIsTheWorstWindowLevel() {
        // 5h: 2 h elapsed, 20 % used -> 10 %/h, 80 % left lasts 8 h, reset in 3 h: safe.
        assertThat(Calculator.compute(state(limits(0.20, NOW, "allowed"), List.of()), NOW,
                BudmonConfig.DEFAULTS, PRICES).status()).isEqualTo(OverallStatus.OK);
        // 80 % used: WARN by quota, and 40 %/h runs out in 30 min: reserve negative, ALARM.
        assertThat(Calculator.compute(state(limits(0.80, NOW, "allowed"), List.of()), NOW,
                BudmonConfig.DEFAULTS, PRICES).status()).isEqualTo(OverallStatus.ALARM);
        // The server saying "rejected" is an alarm whatever the figures.
        assertThat(Calculator.compute(state(limits(0.05, NOW, "rejected"), List.of()), NOW,
                BudmonConfig.DEFAULTS, PRICES).status()).isEqualTo(OverallStatus.ALARM);
    }

    @Test
    void windowUsageCountsOnlyResponsesInsideTheWindow() {
        Instant fiveHourStart = NOW.minus(Duration.ofHours(2));
        List<Instant> calls = new ArrayList<>(List.of(fiveHourStart.minusSeconds(1), fiveHourStart,
                NOW.minusSeconds(60), NOW.minus(Duration.ofDays(2))));
        Figures f = Calculator.compute(state(limits(0.2, NOW, "allowed"), calls), NOW, BudmonConfig.DEFAULTS, PRICES);
        PricedUsage five = f.windowUsage().get("5h");
        assertThat(five.requests()).isEqualTo(2);
        assertThat(five.tokens().input()).isEqualTo(2000);
        assertThat(five.since()).isEqualTo(fiveHourStart);
        // Sonnet 4.5: $3 in, $15 out, $0.30 cache read per MTok.
        assertThat(five.cost().total()).isCloseTo(2 * (1000 * 3 + 500 * 15 + 9000 * 0.3) / 1e6, within(1e-12));
        assertThat(f.windowUsage().get("7d").requests()).isEqualTo(4);
    }

    @Test
    void quotaFiguresOlderThanAnHourAreStale() {
        Figures fresh = Calculator.compute(state(limits(0.2, NOW.minus(Duration.ofMinutes(59)), "allowed"), List.of()),
                NOW, BudmonConfig.DEFAULTS, PRICES);
        Figures stale = Calculator.compute(state(limits(0.2, NOW.minus(Duration.ofMinutes(61)), "allowed"), List.of()),
                NOW, BudmonConfig.DEFAULTS, PRICES);
        assertThat(fresh.quotaStale()).isFalse();
        assertThat(stale.quotaStale()).isTrue();
    }

    @Test
    void lastRequestSessionAndCacheArePriced() {
        TokenCounts t = new TokenCounts(100, 200, 300, 400, 500);
        ApiResponse r = new ApiResponse("m", "q", "s", "claude-opus-4-1-20250805", NOW, t);
        SessionUsage s = new SessionUsage("s", "/w", null, NOW.minusSeconds(600), NOW, 3,
                Map.of("claude-opus-4-1-20250805", t, "claude-mystery-1", t), 1.25);
        UsageState st = new UsageState(null, r, s, (a, b) -> UsageTotals.EMPTY, List.of(0.9, 0.3, 0.45), NOW, List.of());
        Figures f = Calculator.compute(st, NOW, BudmonConfig.DEFAULTS, PRICES);
        assertThat(f.status()).isEqualTo(OverallStatus.NO_QUOTA);
        assertThat(f.lastRequest().cost().output()).isCloseTo(200 * 75 / 1e6, within(1e-12));
        assertThat(f.session().requests()).isEqualTo(3);
        assertThat(f.session().tokens().input()).isEqualTo(200);
        assertThat(f.sessionClaudeCostUsd()).isEqualTo(1.25);
        assertThat(f.unknownModels()).containsExactly("claude-mystery-1");
        assertThat(f.cache().current()).isEqualTo(0.45);
        assertThat(f.cache().average()).isCloseTo(0.55, within(1e-12));
        assertThat(f.cache().level()).isEqualTo(Level.WARN);
    }

    @Test
    void advancingTheClockGivesTheFiguresComputedAnewUntilAResetPasses() {
        TokenCounts t = new TokenCounts(100, 200, 300, 400, 500);
        ApiResponse r = new ApiResponse("m", "q", "s", "claude-sonnet-4-5", NOW.minusSeconds(30), t);
        SessionUsage s = new SessionUsage("s", "/w", null, NOW.minusSeconds(600), NOW, 3,
                Map.of("claude-sonnet-4-5", t), 1.25);
        RateLimits l = limits(0.78, NOW.minus(Duration.ofMinutes(59)), "allowed");
        UsageState st = new UsageState(l, r, s, state(l, List.of(NOW.minusSeconds(30), NOW.minusSeconds(90)))
                .timeline(), List.of(0.9, 0.3), NOW, List.of());
        Figures start = Calculator.compute(st, NOW, BudmonConfig.DEFAULTS, PRICES);
        assertThat(start.windowUsage()).containsKeys("5h", "7d");

        // a second, the stale mark after an hour, the 5h window going into alarm as its expiry nears (the
        // burn rate falls with the time), the last second before its reset
        Figures chained = start;
        for (Duration d : List.of(Duration.ofSeconds(1), Duration.ofSeconds(61), Duration.ofMinutes(90),
                Duration.ofHours(3).minusSeconds(1))) {
            Instant at = NOW.plus(d);
            Figures anew = Calculator.compute(st, at, BudmonConfig.DEFAULTS, PRICES);
            assertThat(Calculator.advance(start, st, at, BudmonConfig.DEFAULTS)).as("at +%s", d).isEqualTo(anew);
            chained = Calculator.advance(chained, st, at, BudmonConfig.DEFAULTS);
            assertThat(chained).as("advanced step by step to +%s", d).isEqualTo(anew);
        }
        assertThat(Calculator.advance(start, st, NOW.plusSeconds(61), BudmonConfig.DEFAULTS).quotaStale())
                .isTrue();
        assertThat(start.quotaStale()).isFalse();

        // the 5h reset passes: the usage in it is no longer the window's, so nothing is carried over
        assertThat(Calculator.advance(chained, st, NOW.plus(Duration.ofHours(3)), BudmonConfig.DEFAULTS)).isNull();
    }
}

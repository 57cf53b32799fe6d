package dev.budmon.alert;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.Level;
import dev.budmon.calc.PaceForecast;
import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTimeline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's readings as they come from the calculator's figures. */
class AlertInputsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant RESET = NOW.plus(Duration.ofHours(1));

    private static UsageState state(Instant capturedAt) {
        RateLimits limits = new RateLimits(capturedAt, "budmon-interceptor", List.of(
                new QuotaWindow("5h", 0.80, RESET, "allowed_warning", 0.75, Duration.ofHours(5)),
                new QuotaWindow("7d", null, NOW.plus(Duration.ofDays(3)), null, null, Duration.ofDays(7))),
                new AccountLimits("allowed_warning", RESET, "five_hour", null, null, null, null));
        ApiResponse last = new ApiResponse("msg_1", "req_1", "s1", "claude-opus-4-5", NOW.minusSeconds(40),
                new TokenCounts(10, 20, 0, 0, 0));
        return new UsageState(limits, last, null, UsageTimeline.EMPTY, List.of(), NOW.minusSeconds(40), List.of());
    }

    @Test
    void readingsFollowTheFiguresAndTheWindowAverageIsThePaceForNow() {
        UsageState s = state(NOW.minusSeconds(30));
        Figures f = Calculator.compute(s, NOW, BudmonConfig.DEFAULTS, PriceTable.bundled());
        AlertInput in = AlertInputs.of(f, s, Map.of());

        // 80 % in the 4 hours since 08:00 is 20 %/h: the last 20 % last one more hour, just at the reset
        WindowReading fiveHour = in.windows().get(0);
        assertThat(fiveHour.name()).isEqualTo("5h");
        assertThat(fiveHour.percent()).isEqualTo(80.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(fiveHour.reset()).isEqualTo(RESET);
        assertThat(fiveHour.length()).isEqualTo(Duration.ofHours(5));
        assertThat(fiveHour.predictedExhaustion()).isEqualTo(f.window("5h").expiry()).isEqualTo(RESET);
        assertThat(in.windows().get(1).percent()).isNull();
        assertThat(in.windows().get(1).predictedExhaustion()).isNull();
        assertThat(in.server()).isEqualTo(new ServerReading("allowed_warning", "five_hour", RESET));
        assertThat(in.quotaObservedAt()).isEqualTo(NOW.minusSeconds(30));
        assertThat(in.lastActivity()).isEqualTo(NOW.minusSeconds(40));
    }

    @Test
    void quotaFiguresWithoutATimeLeaveTheNoDataRuleNothingToJudge() {
        UsageState s = state(null);
        AlertInput in = AlertInputs.of(Calculator.compute(s, NOW, BudmonConfig.DEFAULTS, PriceTable.bundled()), s,
                Map.of());
        assertThat(in.quotaObservedAt()).isNull();
        assertThat(in.lastActivity()).isNull();
    }

    @Test
    void theHistorysPaceWinsOverTheAverageWhenItHasOne() {
        UsageState s = state(NOW.minusSeconds(30));
        Figures f = Calculator.compute(s, NOW, BudmonConfig.DEFAULTS, PriceTable.bundled());
        // a burst: 40 %/h in the last half hour, so the last 20 % go in 30 min, half an hour before the reset
        Instant soon = NOW.plus(Duration.ofMinutes(30));
        PaceForecast burst = new PaceForecast("5h", 40.0, soon, Duration.between(RESET, soon), 12, Level.ALARM,
                Level.ALARM);
        // the 7-day window has a history too short to say: its average stays
        PaceForecast unknown = new PaceForecast("7d", null, null, null, 1, Level.OK, Level.OK);
        AlertInput in = AlertInputs.of(f, s, Map.of("5h", burst, "7d", unknown));
        assertThat(in.windows().get(0).predictedExhaustion()).isEqualTo(soon).isBefore(f.window("5h").expiry());
        assertThat(in.windows().get(1).predictedExhaustion()).isEqualTo(f.window("7d").expiry());

        // quiet: a pace that never empties the window predicts no exhaustion, whatever the average says
        PaceForecast quiet = new PaceForecast("5h", 0.0, null, null, 12, Level.OK, Level.OK);
        assertThat(AlertInputs.of(f, s, Map.of("5h", quiet)).windows().get(0).predictedExhaustion()).isNull();
    }
}

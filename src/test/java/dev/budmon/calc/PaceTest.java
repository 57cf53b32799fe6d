package dev.budmon.calc;

import dev.budmon.config.Thresholds;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.UtilizationSample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PaceTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final Thresholds T = Thresholds.DEFAULTS;
    /** The 5-hour period began three hours ago. */
    static final Instant RESET = NOW.plus(Duration.ofHours(2));

    static QuotaWindow fiveHour(double utilization) {
        return new QuotaWindow("5h", utilization, RESET, "allowed", null, Duration.ofHours(5));
    }

    static UtilizationSample at(Duration beforeNow, double utilization) {
        return new UtilizationSample(NOW.minus(beforeNow), utilization, RESET);
    }

    /** Every minute from {@code from} to {@code to} before now, growing by {@code perMinute}. */
    static List<UtilizationSample> steady(int fromMinutesAgo, int toMinutesAgo, double start, double perMinute) {
        List<UtilizationSample> out = new ArrayList<>();
        for (int m = fromMinutesAgo; m >= toMinutesAgo; m--) {
            out.add(at(Duration.ofMinutes(m), start + perMinute * (fromMinutesAgo - m)));
        }
        return out;
    }

    @Test
    void aSteadyUseGivesItsOwnRate() {
        // 0.2 % a minute for the last two hours: 12 %/h
        List<UtilizationSample> s = steady(120, 0, 0.20, 0.002);
        PaceForecast p = Pace.of(fiveHour(0.44), s, NOW, T);
        assertThat(p.perHour()).isCloseTo(12.0, within(1e-6));
        assertThat(p.perDay()).isCloseTo(288.0, within(1e-4));
        // 56 % left at 12 %/h: 4 h 40 min, 2 h 40 min after the reset
        assertThat(p.expiry()).isEqualTo(NOW.plus(Duration.ofMinutes(280)));
        assertThat(p.reserve()).isEqualTo(Duration.ofMinutes(160));
        assertThat(p.reserveLevel()).isEqualTo(Level.OK);
        assertThat(p.paceLevel()).isEqualTo(Level.OK);
        assertThat(p.samples()).isEqualTo(60);
    }

    @Test
    void quietTimeLowersThePace() {
        // 12 %/h until half an hour ago, then nothing (equal observations are not recorded)
        List<UtilizationSample> s = steady(120, 30, 0.20, 0.002);
        double pace = Pace.of(fiveHour(0.38), s, NOW, T).perHour();
        double expected = 12 * (Math.exp(-2) - Math.exp(-4)) / (1 - Math.exp(-4));
        assertThat(pace).isCloseTo(expected, within(1e-6)).isLessThan(2);
        // an hour of quiet: nothing burns now, and at this pace the window never runs out
        PaceForecast later = Pace.of(fiveHour(0.38), s, NOW.plus(Duration.ofMinutes(30)), T);
        assertThat(later.perHour()).isCloseTo(0.0, within(1e-9));
        assertThat(later.expiry()).isNull();
        assertThat(later.reserve()).isNull();
        // ...while the window's average still says 38 % in 3.5 h
        assertThat(QuotaForecast.of(fiveHour(0.38), NOW.plus(Duration.ofMinutes(30)), T).burnPerHour())
                .isCloseTo(38 / 3.5, within(1e-6));
    }

    @Test
    void aBurstRaisesThePaceWithinAMinute() {
        List<UtilizationSample> s = new ArrayList<>();
        s.add(at(Duration.ofMinutes(150), 0.10)); // two and a half quiet hours
        double before = Pace.of(fiveHour(0.10), s, NOW.minusSeconds(61), T).perHour();
        assertThat(before).isCloseTo(0.0, within(1e-9));
        for (int k = 0; k <= 6; k++) { // a request every ten seconds, 0.5 % each
            s.add(at(Duration.ofSeconds(60 - 10L * k), 0.10 + 0.005 * (k + 1)));
        }
        PaceForecast p = Pace.of(fiveHour(0.135), s, NOW, T);
        // 3 % in the last minute weighs about as much as 3 % over 15 minutes: above 10 %/h, more than the
        // window's average (13.5 % in 3 h)
        assertThat(p.perHour()).isGreaterThan(10.0);
        assertThat(p.perHour()).isGreaterThan(QuotaForecast.of(fiveHour(0.135), NOW, T).burnPerHour());
    }

    @Test
    void onlyTheCurrentPeriodCounts() {
        List<UtilizationSample> s = new ArrayList<>();
        Instant oldReset = RESET.minus(Duration.ofHours(5));
        s.add(new UtilizationSample(NOW.minus(Duration.ofMinutes(200)), 0.10, oldReset));
        s.add(new UtilizationSample(NOW.minus(Duration.ofMinutes(190)), 0.90, oldReset)); // the old period
        s.addAll(steady(60, 0, 0.10, 0.001));
        s.add(new UtilizationSample(NOW.plusSeconds(30), 0.99, RESET)); // after now: a clock ahead
        // the period began 3 h ago at 0 %; 0.1 % a minute during the last hour
        PaceForecast p = Pace.of(fiveHour(0.16), s, NOW, T);
        assertThat(p.perHour()).isCloseTo(6.0, within(1e-6));
    }

    @Test
    void tooLittleObservedGivesNoPace() {
        QuotaWindow unknownLength = new QuotaWindow("x", 0.2, RESET, null, null, null);
        List<UtilizationSample> s = List.of(at(Duration.ofMinutes(2), 0.10), at(Duration.ofMinutes(1), 0.20));
        assertThat(Pace.of(unknownLength, s, NOW, T).perHour()).isNull();
        assertThat(Pace.of(fiveHour(0.2), List.of(), NOW, T).perHour()).isNull();
        // with the 5-hour window's start known, two minutes of observations are enough
        assertThat(Pace.of(fiveHour(0.2), s, NOW, T).perHour()).isPositive();
    }

    @Test
    void aPassedResetHasNoPace() {
        List<UtilizationSample> s = steady(120, 0, 0.20, 0.002);
        PaceForecast p = Pace.of(fiveHour(0.44), s, RESET.plusSeconds(1), T);
        assertThat(p.perHour()).isNull();
        assertThat(p.expiry()).isNull();
    }

    @Test
    void aUsedUpWindowRunsOutNow() {
        PaceForecast p = Pace.of(fiveHour(1.02), steady(30, 0, 0.9, 0.004), NOW, T);
        assertThat(p.expiry()).isEqualTo(NOW);
        assertThat(p.reserve()).isEqualTo(Duration.ofHours(-2));
        assertThat(p.reserveLevel()).isEqualTo(Level.ALARM);
    }
}

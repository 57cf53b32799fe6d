package dev.budmon.calc;

import dev.budmon.config.Thresholds;
import dev.budmon.model.QuotaWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QuotaForecastTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Thresholds T = Thresholds.DEFAULTS;

    private static QuotaWindow fiveHour(double utilization, Instant reset) {
        return new QuotaWindow("5h", utilization, reset, "allowed", null, Duration.ofHours(5));
    }

    @Test
    void rateIsPercentOverHoursSinceWindowStart() {
        // Window started 2 h ago (reset in 3 h), 40 % used: 20 %/h, 60 % left takes 3 h.
        WindowForecast f = QuotaForecast.of(fiveHour(0.40, NOW.plus(Duration.ofHours(3))), NOW, T);
        assertThat(f.percent()).isCloseTo(40.0, within(1e-9));
        assertThat(f.burnPerHour()).isCloseTo(20.0, within(1e-9));
        assertThat(f.expiry()).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(f.reserve()).isEqualTo(Duration.ZERO);
        assertThat(f.untilReset()).isEqualTo(Duration.ofHours(3));
        assertThat(f.burnLevel()).isEqualTo(Level.WARN);
        assertThat(f.reserveLevel()).isEqualTo(Level.ALARM);
        assertThat(f.quotaLevel()).isEqualTo(Level.OK);
    }

    @Test
    void positiveReserveWhenTheWindowResetsFirst() {
        // 4 h elapsed, 20 % used: 5 %/h, 80 % left lasts 16 h, reset in 1 h: reserve +15 h.
        WindowForecast f = QuotaForecast.of(fiveHour(0.20, NOW.plus(Duration.ofHours(1))), NOW, T);
        assertThat(f.burnPerHour()).isCloseTo(5.0, within(1e-9));
        assertThat(f.reserve()).isEqualTo(Duration.ofHours(15));
        assertThat(f.reserveLevel()).isEqualTo(Level.OK);
        assertThat(f.expiresBeforeReset()).isFalse();
        assertThat(f.burnLevel()).isEqualTo(Level.OK);
    }

    @Test
    void negativeReserveWhenItRunsOutBeforeTheReset() {
        // 1 h elapsed, 50 % used: 50 %/h, out in 1 h, reset in 4 h: reserve -3 h.
        WindowForecast f = QuotaForecast.of(fiveHour(0.50, NOW.plus(Duration.ofHours(4))), NOW, T);
        assertThat(f.reserve()).isEqualTo(Duration.ofHours(-3));
        assertThat(f.expiresBeforeReset()).isTrue();
        assertThat(f.reserveLevel()).isEqualTo(Level.ALARM);
        assertThat(f.burnLevel()).isEqualTo(Level.ALARM);
        assertThat(f.level()).isEqualTo(Level.ALARM);
    }

    @Test
    void noRateInTheFirstThreeMinutes() {
        Instant reset = NOW.plus(Duration.ofHours(5)).minus(Duration.ofMinutes(2));
        WindowForecast f = QuotaForecast.of(fiveHour(0.05, reset), NOW, T);
        assertThat(f.percent()).isCloseTo(5.0, within(1e-9));
        assertThat(f.burnPerHour()).isNull();
        assertThat(f.expiry()).isNull();
        assertThat(f.reserve()).isNull();
        assertThat(f.burnLevel()).isEqualTo(Level.NONE);

        WindowForecast atThree = QuotaForecast.of(fiveHour(0.05, reset.plus(Duration.ofMinutes(-1))), NOW, T);
        assertThat(atThree.burnPerHour()).isNotNull();
    }

    @Test
    void noRateBelowOneHundredthPercentPerHour() {
        WindowForecast f = QuotaForecast.of(fiveHour(0.0, NOW.plus(Duration.ofHours(1))), NOW, T);
        assertThat(f.burnPerHour()).isNull();
        assertThat(f.expiry()).isNull();
        assertThat(QuotaForecast.of(fiveHour(0.0004, NOW.plus(Duration.ofHours(1))), NOW, T).burnPerHour())
                .isCloseTo(0.01, within(1e-9));
        assertThat(QuotaForecast.of(fiveHour(0.0003, NOW.plus(Duration.ofHours(1))), NOW, T).burnPerHour()).isNull();
    }

    @Test
    void unknownResetGivesPercentButNoForecast() {
        WindowForecast f = QuotaForecast.of(fiveHour(0.5, null), NOW, T);
        assertThat(f.percent()).isCloseTo(50.0, within(1e-9));
        assertThat(f.untilReset()).isNull();
        assertThat(f.burnPerHour()).isNull();
        assertThat(f.resetPassed()).isFalse();
    }

    @Test
    void aPassedResetMeansTheWindowStartedAnew() {
        WindowForecast f = QuotaForecast.of(fiveHour(0.93, NOW.minusSeconds(60)), NOW, T);
        assertThat(f.resetPassed()).isTrue();
        assertThat(f.percent()).isZero();
        assertThat(f.burnPerHour()).isNull();
        assertThat(f.quotaLevel()).isEqualTo(Level.OK);
        assertThat(f.level()).isEqualTo(Level.OK);
        // Exactly at the reset it has passed too.
        assertThat(QuotaForecast.of(fiveHour(0.93, NOW), NOW, T).resetPassed()).isTrue();
    }

    @Test
    void unknownWindowLengthGivesNoBurnFigures() {
        QuotaWindow odd = new QuotaWindow("30d_beta", 0.5, NOW.plus(Duration.ofDays(2)), "allowed", null,
                QuotaWindow.lengthOf("30d_beta"));
        WindowForecast f = QuotaForecast.of(odd, NOW, T);
        assertThat(f.percent()).isCloseTo(50.0, within(1e-9));
        assertThat(f.untilReset()).isEqualTo(Duration.ofDays(2));
        assertThat(f.burnPerHour()).isNull();
        assertThat(f.burnShownPerDay()).isFalse();
    }

    @Test
    void weeklyWindowsShowTheirRatePerDay() {
        QuotaWindow week = new QuotaWindow("7d", 0.42, NOW.plus(Duration.ofDays(4)), "allowed", null,
                QuotaWindow.lengthOf("7d"));
        WindowForecast f = QuotaForecast.of(week, NOW, T);
        // 3 days elapsed: 14 %/day.
        assertThat(f.burnShownPerDay()).isTrue();
        assertThat(f.burnPerDay()).isCloseTo(14.0, within(1e-9));
    }

    @Test
    void utilizationBeyondOneHundredPercentIsKept() {
        WindowForecast f = QuotaForecast.of(fiveHour(1.12, NOW.plus(Duration.ofHours(1))), NOW, T);
        assertThat(f.percent()).isCloseTo(112.0, within(1e-9));
        assertThat(f.expiry()).isEqualTo(NOW);
        assertThat(f.reserve()).isEqualTo(Duration.ofHours(-1));
        assertThat(f.quotaLevel()).isEqualTo(Level.ALARM);
    }
}

package dev.budmon.calc;

import dev.budmon.config.Thresholds;
import dev.budmon.model.QuotaWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BindingLimitTest {

    static final Instant NOW = PaceTest.NOW;
    static final Thresholds T = Thresholds.DEFAULTS;

    static WindowForecast forecast(String name, double utilization, Duration untilReset, String status) {
        return QuotaForecast.of(new QuotaWindow(name, utilization, NOW.plus(untilReset), status, null,
                QuotaWindow.lengthOf(name)), NOW, T);
    }

    static PaceForecast pace(String name, Double perHour, Duration untilExpiry) {
        return new PaceForecast(name, perHour, untilExpiry == null ? null : NOW.plus(untilExpiry), null, 10, Level.OK,
                Level.NONE);
    }

    @Test
    void theWindowThatRunsOutFirstAtThePaceBinds() {
        List<WindowForecast> w = List.of(
                forecast("5h", 0.40, Duration.ofHours(2), "allowed"),
                forecast("7d", 0.50, Duration.ofDays(3), "allowed"),
                forecast("7d_sonnet", 0.90, Duration.ofDays(3), "allowed"));
        Map<String, PaceForecast> paces = Map.of(
                "5h", pace("5h", 40.0, Duration.ofMinutes(90)),           // before its reset in 2 h
                "7d", pace("7d", 5.0, Duration.ofHours(10)),
                "7d_sonnet", pace("7d_sonnet", 20.0, Duration.ofMinutes(30)));
        BindingLimit b = BindingLimit.of(w, paces, NOW);
        assertThat(b).isEqualTo(new BindingLimit("7d_sonnet", NOW.plus(Duration.ofMinutes(30)), BindingLimit.PACE));
    }

    @Test
    void aWindowThatResetsBeforeItRunsOutDoesNotBind() {
        List<WindowForecast> w = List.of(forecast("5h", 0.40, Duration.ofHours(2), "allowed"));
        assertThat(BindingLimit.of(w, Map.of("5h", pace("5h", 10.0, Duration.ofHours(6))), NOW)).isNull();
        // a pace of nothing never runs out, whatever the window's average says
        assertThat(BindingLimit.of(w, Map.of("5h", pace("5h", 0.0, null)), NOW)).isNull();
    }

    @Test
    void withoutAPaceTheWindowsAverageDecides() {
        // 90 % in the 3 h since the 5-hour window began: 30 %/h, out in 20 min, reset in 2 h
        List<WindowForecast> w = List.of(forecast("5h", 0.90, Duration.ofHours(2), "allowed"));
        BindingLimit b = BindingLimit.of(w, Map.of(), NOW);
        assertThat(b.window()).isEqualTo("5h");
        assertThat(b.basis()).isEqualTo(BindingLimit.AVERAGE);
        assertThat(b.runsOut()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    }

    @Test
    void aWindowOutAlreadyBindsNow() {
        List<WindowForecast> w = List.of(
                forecast("5h", 0.40, Duration.ofHours(2), "allowed"),
                forecast("7d_opus", 0.70, Duration.ofDays(2), "rejected"));
        assertThat(BindingLimit.of(w, Map.of("5h", pace("5h", 40.0, Duration.ofMinutes(90))), NOW))
                .isEqualTo(new BindingLimit("7d_opus", NOW, BindingLimit.NOW));
    }
}

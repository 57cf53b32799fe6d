package dev.budmon.history;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The step chart's columns from observations: steps, gaps before the first one, and resets. */
class TrailTest {

    private static final Instant FROM = Instant.parse("2026-12-06T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofHours(24));

    private static Observation obs(Instant t, double u, Instant reset) {
        return new Observation(t, Observation.INTERCEPTOR, null, null, "allowed",
                Map.of("5h", new WindowReading(u, reset, "allowed")));
    }

    @Test
    void eachColumnShowsTheLastFigureByItsEndAndResetsStartFromZero() {
        Instant reset1 = FROM.plus(Duration.ofHours(10));
        Instant reset2 = FROM.plus(Duration.ofHours(15));
        List<Observation> o = new ArrayList<>();
        o.add(obs(FROM.plus(Duration.ofHours(6)), 0.10, reset1));
        o.add(obs(FROM.plus(Duration.ofHours(8)), 0.50, reset1));
        // the period ends at 10:00 with nothing observed; the next one is seen at 12:00
        o.add(obs(FROM.plus(Duration.ofHours(12)), 0.20, reset2));
        Trail t = Trail.of(QuotaHistory.of(o), "5h", FROM, TO, 24);

        assertThat(t.value(5)).as("before the first observation").isNaN();
        assertThat(t.value(6)).isEqualTo(0.10);
        assertThat(t.value(7)).isEqualTo(0.10);
        assertThat(t.value(8)).isEqualTo(0.50);
        assertThat(t.value(9)).isEqualTo(0.50);
        assertThat(t.reset(10)).as("marked at the reset, not at the next observation").isTrue();
        assertThat(t.value(10)).isZero();
        assertThat(t.value(11)).isZero();
        assertThat(t.value(12)).isEqualTo(0.20);
        assertThat(t.reset(12)).isFalse();
        // the second period ends at 15:00 too
        assertThat(t.reset(15)).isTrue();
        assertThat(t.value(23)).isZero();
        assertThat(t).isEqualTo(Trail.of(QuotaHistory.of(o), "5h", FROM, TO, 24));
    }

    @Test
    void aFigureFromBeforeTheSpanCarriesIn() {
        Instant reset = TO.plus(Duration.ofDays(2));
        Trail t = Trail.of(QuotaHistory.of(List.of(obs(FROM.minus(Duration.ofHours(3)), 0.42, reset))), "5h", FROM, TO, 4);
        assertThat(t.values()).containsExactly(0.42, 0.42, 0.42, 0.42);
        assertThat(java.util.Arrays.stream(Trail.of(QuotaHistory.of(List.of()), "5h", FROM, TO, 4).values()))
                .allMatch(d -> Double.isNaN(d));
    }
}

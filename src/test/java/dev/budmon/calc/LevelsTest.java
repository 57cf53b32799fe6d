package dev.budmon.calc;

import dev.budmon.config.Thresholds;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LevelsTest {

    private static final Thresholds T = Thresholds.DEFAULTS;

    @Test
    void quotaWarnsFrom75AndAlarmsFrom90() {
        assertThat(Levels.quota(74.99, T)).isEqualTo(Level.OK);
        assertThat(Levels.quota(75.0, T)).isEqualTo(Level.WARN);
        assertThat(Levels.quota(89.99, T)).isEqualTo(Level.WARN);
        assertThat(Levels.quota(90.0, T)).isEqualTo(Level.ALARM);
        assertThat(Levels.quota(null, T)).isEqualTo(Level.NONE);
    }

    @Test
    void cacheWarnsAtHalfAndAlarmsAtOneFifth() {
        assertThat(Levels.cache(0.51, T)).isEqualTo(Level.OK);
        assertThat(Levels.cache(0.50, T)).isEqualTo(Level.WARN);
        assertThat(Levels.cache(0.21, T)).isEqualTo(Level.WARN);
        assertThat(Levels.cache(0.20, T)).isEqualTo(Level.ALARM);
        assertThat(Levels.cache(Double.NaN, T)).isEqualTo(Level.NONE);
    }

    @Test
    void burnIsSafeBelow15AndWarnsBelow25PerHourOnTheFiveHourWindow() {
        Duration fiveHours = Duration.ofHours(5);
        assertThat(Levels.burn(14.9, fiveHours, T)).isEqualTo(Level.OK);
        assertThat(Levels.burn(15.0, fiveHours, T)).isEqualTo(Level.WARN);
        assertThat(Levels.burn(24.9, fiveHours, T)).isEqualTo(Level.WARN);
        assertThat(Levels.burn(25.0, fiveHours, T)).isEqualTo(Level.ALARM);
        assertThat(Levels.burn(25.0, null, T)).isEqualTo(Level.NONE);
    }

    @Test
    void weeklyBurnIsJudgedByTheSameShareOfItsLength() {
        Duration week = Duration.ofHours(168);
        // 15 %/h over 5 h is 75 % of the window; over 168 h the same share is 0.446 %/h.
        assertThat(Levels.burn(0.44, week, T)).isEqualTo(Level.OK);
        assertThat(Levels.burn(0.45, week, T)).isEqualTo(Level.WARN);
        assertThat(Levels.burn(0.75, week, T)).isEqualTo(Level.ALARM);
    }

    @Test
    void reserveAboveAnHourIsSafeAboveZeroWarnsElseAlarms() {
        assertThat(Levels.reserve(Duration.ofMinutes(61), T)).isEqualTo(Level.OK);
        assertThat(Levels.reserve(Duration.ofMinutes(60), T)).isEqualTo(Level.WARN);
        assertThat(Levels.reserve(Duration.ofSeconds(1), T)).isEqualTo(Level.WARN);
        assertThat(Levels.reserve(Duration.ZERO, T)).isEqualTo(Level.ALARM);
        assertThat(Levels.reserve(Duration.ofMinutes(-5), T)).isEqualTo(Level.ALARM);
        assertThat(Levels.reserve(null, T)).isEqualTo(Level.NONE);
    }

    @Test
    void thresholdsComeFromTheConfig() {
        Thresholds strict = new Thresholds(50, 60, 0.8, 0.6, 5, 10, Duration.ofHours(3));
        assertThat(Levels.quota(55.0, strict)).isEqualTo(Level.WARN);
        assertThat(Levels.cache(0.7, strict)).isEqualTo(Level.WARN);
        assertThat(Levels.burn(6.0, Duration.ofHours(5), strict)).isEqualTo(Level.WARN);
        assertThat(Levels.reserve(Duration.ofHours(2), strict)).isEqualTo(Level.WARN);
    }

    @Test
    void worstNeverLetsUnknownHideAKnownLevel() {
        assertThat(Level.NONE.worst(Level.OK)).isEqualTo(Level.OK);
        assertThat(Level.WARN.worst(Level.NONE)).isEqualTo(Level.WARN);
        assertThat(Level.WARN.worst(Level.ALARM)).isEqualTo(Level.ALARM);
    }
}

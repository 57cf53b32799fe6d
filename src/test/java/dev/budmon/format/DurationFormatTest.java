package dev.budmon.format;

import dev.budmon.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofNanos;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

class DurationFormatTest {

    private static final Messages EN = Messages.of("en");
    private static final Messages DE = Messages.of("de");

    private static Duration hms(long h, long m, long s) {
        return ofHours(h).plusMinutes(m).plusSeconds(s);
    }

    @Test
    void wordsLeaveOutZeroPartsAndRoundUpToTheMinute() {
        assertThat(DurationFormat.words(ofDays(1).plus(hms(2, 3, 0)), EN)).isEqualTo("1 d 2 h 3 min");
        assertThat(DurationFormat.words(hms(1, 13, 10), EN)).isEqualTo("1 h 14 min");
        assertThat(DurationFormat.words(ofHours(1), EN)).isEqualTo("1 h");
        assertThat(DurationFormat.words(ofDays(2).plusMinutes(5), EN)).isEqualTo("2 d 5 min");
        assertThat(DurationFormat.words(ofMinutes(25), DE)).isEqualTo("25 min");
        assertThat(DurationFormat.words(hms(23, 59, 30), EN)).isEqualTo("1 d");
        assertThat(DurationFormat.words(ofMinutes(61), EN)).isEqualTo("1 h 1 min");
    }

    @Test
    void aCountdownNeverShowsZeroWhileTimeIsLeft() {
        assertThat(DurationFormat.words(ofNanos(1), EN)).isEqualTo("1 min");
        assertThat(DurationFormat.words(ofSeconds(59), EN)).isEqualTo("1 min");
        assertThat(DurationFormat.words(ofSeconds(60), EN)).isEqualTo("1 min");
        assertThat(DurationFormat.words(ofSeconds(61), EN)).isEqualTo("2 min");
        assertThat(DurationFormat.clock(ofMillis(1))).isEqualTo("0:00:01");
    }

    @Test
    void zeroAndPastAreZeroAndUnknownIsDashes() {
        assertThat(DurationFormat.words(Duration.ZERO, EN)).isEqualTo("0 min");
        assertThat(DurationFormat.words(ofMinutes(-5), EN)).isEqualTo("0 min");
        assertThat(DurationFormat.clock(ofSeconds(-5))).isEqualTo("0:00:00");
        assertThat(DurationFormat.words(null, EN)).isEqualTo("--");
        assertThat(DurationFormat.signedWords(null, EN)).isEqualTo("--");
        assertThat(DurationFormat.clock(null)).isEqualTo("--");
    }

    @Test
    void signedFormsForTheReserve() {
        assertThat(DurationFormat.signedWords(ofMinutes(72), EN)).isEqualTo("+1 h 12 min");
        assertThat(DurationFormat.signedWords(ofMinutes(-25), DE)).isEqualTo("\u221225 min");
        assertThat(DurationFormat.signedWords(ofSeconds(-10), EN)).isEqualTo("\u22121 min");
        assertThat(DurationFormat.signedWords(Duration.ZERO, EN)).isEqualTo("0 min");
    }

    @Test
    void clockForTheRing() {
        assertThat(DurationFormat.clock(hms(1, 14, 5))).isEqualTo("1:14:05");
        assertThat(DurationFormat.clock(ofMillis(59_001))).isEqualTo("0:01:00");
        assertThat(DurationFormat.clock(ofHours(30))).isEqualTo("30:00:00");
        assertThat(DurationFormat.clock(hms(4, 59, 59).plusMillis(500))).isEqualTo("5:00:00");
    }

    private static Duration ofMillis(long ms) {
        return Duration.ofMillis(ms);
    }

    @Test
    void anAgeIsGivenInOneUnitRoundedDown() {
        assertThat(DurationFormat.age(Duration.ofSeconds(59), EN)).isEqualTo("0 min");
        assertThat(DurationFormat.age(Duration.ofMinutes(59).plusSeconds(59), EN)).isEqualTo("59 min");
        assertThat(DurationFormat.age(Duration.ofMinutes(125), EN)).isEqualTo("2 h");
        assertThat(DurationFormat.age(Duration.ofHours(47).plusMinutes(59), EN)).isEqualTo("47 h");
        assertThat(DurationFormat.age(Duration.ofHours(50), DE)).isEqualTo("2 d");
        assertThat(DurationFormat.age(Duration.ofMinutes(-5), EN)).isEqualTo("0 min");
        assertThat(DurationFormat.age(null, EN)).isEqualTo("--");
    }

    @Test
    void aShortSignedDurationKeepsTwoUnits() {
        assertThat(DurationFormat.signedShort(Duration.ofDays(-2).minusHours(9).minusMinutes(14), EN))
                .isEqualTo("\u22122 d 10 h");
        assertThat(DurationFormat.signedShort(Duration.ofDays(3), EN)).isEqualTo("+3 d");
        assertThat(DurationFormat.signedShort(Duration.ofHours(23).plusMinutes(59).plusSeconds(30), EN))
                .isEqualTo("+1 d");
        assertThat(DurationFormat.signedShort(Duration.ofMinutes(72), DE)).isEqualTo("+1 h 12 min");
        assertThat(DurationFormat.signedShort(null, EN)).isEqualTo("--");
    }
}

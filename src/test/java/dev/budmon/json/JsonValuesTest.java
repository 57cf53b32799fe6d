package dev.budmon.json;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JsonValuesTest {

    @Test
    void secondsUpToTheYear9999AndMillisecondsAboveThem() {
        // the boundary itself: the last second of 9999 is seconds, not a moment of 1978
        assertThat(JsonValues.epoch(253_402_300_799d)).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(JsonValues.epoch(253_402_300_800d)).isEqualTo(Instant.ofEpochMilli(253_402_300_800L));
        // plausible resets either way
        assertThat(JsonValues.epoch(1_795_702_440d)).isEqualTo(Instant.parse("2026-11-26T14:14:00Z"));
        assertThat(JsonValues.epoch(1_795_702_440_123d)).isEqualTo(Instant.parse("2026-11-26T14:14:00.123Z"));
        assertThat(JsonValues.epoch(1d)).isEqualTo(Instant.ofEpochSecond(1));
        // milliseconds up to the year 9999 too
        assertThat(JsonValues.epoch(253_402_300_799_999d)).isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
    }

    @Test
    void nothingBeyondTheYear9999AndNothingBelowOrAtZero() {
        for (double bad : new double[] {253_402_300_800_000d, 3.2e19, 1e308, Double.POSITIVE_INFINITY, Double.NaN,
                0, -1, -1e20}) {
            assertThat(JsonValues.epoch(bad)).as("%s", bad).isNull();
        }
        assertThat(JsonValues.time("32000000000000000000")).isNull();
        assertThat(JsonValues.time("+10000-01-01T00:00:00Z")).isNull();
    }

    @Test
    void timesAsTextIsoOrNumbers() {
        assertThat(JsonValues.time(" 1795702440 ")).isEqualTo(Instant.parse("2026-11-26T14:14:00Z"));
        assertThat(JsonValues.time("2026-11-26T15:14:00+01:00")).isEqualTo(Instant.parse("2026-11-26T14:14:00Z"));
        assertThat(JsonValues.time("soon")).isNull();
        assertThat(JsonValues.time("")).isNull();
    }

    @Test
    void numbersAreFiniteDecimalsOnly() {
        assertThat(JsonValues.number("0.42")).isEqualTo(0.42);
        assertThat(JsonValues.number("1e3")).isEqualTo(1000.0);
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "1e999", "0x10", "1d", "1f", "", " ", "abc"}) {
            assertThat(JsonValues.number(bad)).as(bad).isNull();
        }
        assertThat(JsonValues.parseLong("12.9", -1)).isEqualTo(12);
        assertThat(JsonValues.parseLong("1e300", -1)).isEqualTo(-1);
        assertThat(JsonValues.parseLong(null, -1)).isEqualTo(-1);
    }
}

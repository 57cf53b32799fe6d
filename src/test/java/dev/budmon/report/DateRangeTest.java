package dev.budmon.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Reports window's range of days: its presets on a given day, the two ways a day is written, order. */
class DateRangeTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-05");

    @Test
    void presetsCountFromToday() {
        assertThat(DateRange.Preset.ALL.on(TODAY)).isEqualTo(DateRange.ALL);
        assertThat(DateRange.Preset.LAST_7_DAYS.on(TODAY))
                .isEqualTo(new DateRange(LocalDate.parse("2026-02-27"), TODAY));
        assertThat(DateRange.Preset.LAST_30_DAYS.on(TODAY))
                .isEqualTo(new DateRange(LocalDate.parse("2026-02-04"), TODAY));
        assertThat(DateRange.Preset.THIS_MONTH.on(TODAY))
                .isEqualTo(new DateRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")));
        assertThat(DateRange.Preset.LAST_MONTH.on(TODAY))
                .isEqualTo(new DateRange(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")));
        assertThat(DateRange.Preset.LAST_MONTH.on(LocalDate.parse("2026-01-31")))
                .as("across a year").isEqualTo(new DateRange(LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-31")));
    }

    @Test
    void daysAreReadAsTheCommandLineReadsThem() {
        assertThat(DateRange.parseDay("2026-12-05")).isEqualTo(LocalDate.parse("2026-12-05"));
        assertThat(DateRange.parseDay(" 20261205 ")).isEqualTo(LocalDate.parse("2026-12-05"));
        assertThat(DateRange.parseDay("  ")).as("blank: no limit").isNull();
        assertThat(DateRange.parseDay(null)).isNull();
        for (String wrong : new String[] {"2026-13-01", "5.12.2026", "yesterday", "2026125"}) {
            assertThatThrownBy(() -> DateRange.parseDay(wrong)).as(wrong).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void aRangeEndingBeforeItStartsIsNotValid() {
        assertThat(new DateRange(TODAY, TODAY).isValid()).isTrue();
        assertThat(new DateRange(TODAY, null).isValid()).isTrue();
        assertThat(new DateRange(null, TODAY).isValid()).isTrue();
        assertThat(new DateRange(TODAY, TODAY.minusDays(1)).isValid()).isFalse();
    }
}

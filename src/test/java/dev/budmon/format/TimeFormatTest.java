package dev.budmon.format;

import dev.budmon.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TimeFormatTest {

    private static final Messages EN = Messages.of("en");
    private static final Messages DE = Messages.of("de");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration FIVE_HOURS = Duration.ofHours(5);
    private static final Duration WEEK = Duration.ofDays(7);

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    /** Tuesday 1 April 2025, 10:46 in Berlin. */
    private static final Instant NOW = berlin("2025-04-01T10:46:00");

    @Test
    void shortWindowsShowClockTimeAndCountdown() {
        Instant reset = berlin("2025-04-01T13:00:00");
        assertThat(TimeFormat.forWindow(reset, FIVE_HOURS, NOW, BERLIN, EN)).isEqualTo("13:00");
        assertThat(TimeFormat.withCountdown(reset, FIVE_HOURS, NOW, BERLIN, EN)).isEqualTo("13:00 (2 h 14 min)");
        assertThat(TimeFormat.withCountdown(reset, FIVE_HOURS, NOW, BERLIN, DE)).isEqualTo("13:00 (2 h 14 min)");
        // the zone is the caller's: the same instant in UTC
        assertThat(TimeFormat.forWindow(reset, FIVE_HOURS, NOW, ZoneOffset.UTC, EN)).isEqualTo("11:00");
    }

    @Test
    void longWindowsShowWeekdayAndDateInTheLanguage() {
        Instant reset = berlin("2025-04-04T13:00:00");
        // each language's own order: English month and day, German day.month.
        assertThat(TimeFormat.forWindow(reset, WEEK, NOW, BERLIN, EN)).isEqualTo("Fri Apr 4 13:00");
        assertThat(TimeFormat.forWindow(reset, WEEK, NOW, BERLIN, DE)).isEqualTo("Fr 04.04. 13:00");
        assertThat(TimeFormat.withCountdown(reset, WEEK, NOW, BERLIN, DE)).isEqualTo("Fr 04.04. 13:00 (3 d 2 h 14 min)");
        // a long window keeps its form even when the reset is close
        assertThat(TimeFormat.forWindow(berlin("2025-04-01T13:00:00"), WEEK, NOW, BERLIN, EN))
                .isEqualTo("Tue Apr 1 13:00");
    }

    @Test
    void aMomentNearIsItsClockTimeTodayAndGetsItsWeekdayAfterMidnight() {
        Instant now = berlin("2025-04-01T22:00:00");
        assertThat(TimeFormat.near(berlin("2025-04-01T23:59:00"), now, BERLIN, EN)).isEqualTo("23:59");
        // two hours on, but tomorrow: a clock time alone would read as one of today, already past
        assertThat(TimeFormat.near(berlin("2025-04-02T00:00:00"), now, BERLIN, EN)).isEqualTo("Wed 00:00");
        assertThat(TimeFormat.near(berlin("2025-04-02T00:00:00"), now, BERLIN, DE)).isEqualTo("Mi 00:00");
        assertThat(TimeFormat.near(berlin("2025-04-09T00:00:00"), now, BERLIN, EN))
                .isEqualTo(TimeFormat.weekdayDateTime(berlin("2025-04-09T00:00:00"), BERLIN, EN));
        assertThat(TimeFormat.near(null, now, BERLIN, EN)).isEqualTo("--");
        // the date is the zone's: 22:00 in Berlin is 06:00 the next day in Tokyo
        assertThat(TimeFormat.sameDay(berlin("2025-04-01T23:00:00"), now, BERLIN)).isTrue();
        assertThat(TimeFormat.sameDay(berlin("2025-04-01T23:00:00"), berlin("2025-04-01T14:00:00"),
                java.time.ZoneId.of("Asia/Tokyo"))).isFalse();
    }

    @Test
    void everyWeekdayHasItsName() {
        String[] en = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        String[] de = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"};
        for (int i = 0; i < 7; i++) {
            Instant monday = berlin("2025-03-31T08:05:00").plus(Duration.ofDays(i));
            int day = i == 0 ? 31 : i;
            String enDate = (i == 0 ? "Mar " : "Apr ") + day + " 08:05";
            String deDate = String.format("%02d.%02d. 08:05", day, i == 0 ? 3 : 4);
            assertThat(TimeFormat.weekdayDateTime(monday, BERLIN, EN)).isEqualTo(en[i] + " " + enDate);
            assertThat(TimeFormat.weekdayDateTime(monday, BERLIN, DE)).isEqualTo(de[i] + " " + deDate);
        }
    }

    @Test
    void everyMonthHasItsNameInEnglish() {
        String[] en = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int i = 0; i < 12; i++) {
            Instant first = berlin(String.format("2025-%02d-15T09:00:00", i + 1));
            assertThat(TimeFormat.weekdayDateTime(first, BERLIN, EN)).contains(" " + en[i] + " 15 09:00");
            assertThat(TimeFormat.weekdayDateTime(first, BERLIN, DE)).endsWith(String.format(" 15.%02d. 09:00", i + 1));
        }
        assertThat(TimeFormat.weekdayDateTimeSeconds(berlin("2025-12-08T21:07:09"), BERLIN, EN))
                .isEqualTo("Mon Dec 8 21:07:09");
        assertThat(TimeFormat.weekdayDateTimeSeconds(berlin("2025-12-08T21:07:09"), BERLIN, DE))
                .isEqualTo("Mo 08.12. 21:07:09");
    }

    @Test
    void aPastOrPresentPointHasPassedAndAnyTimeLeftShowsAtLeastAMinute() {
        Instant reset = berlin("2025-04-01T10:00:00");
        assertThat(TimeFormat.withCountdown(reset, FIVE_HOURS, NOW, BERLIN, EN)).isEqualTo("10:00 (passed)");
        assertThat(TimeFormat.withCountdown(reset, FIVE_HOURS, NOW, BERLIN, DE)).isEqualTo("10:00 (vorbei)");
        assertThat(TimeFormat.withCountdown(NOW, FIVE_HOURS, NOW, BERLIN, EN)).isEqualTo("10:46 (passed)");
        assertThat(TimeFormat.withCountdown(NOW.plusSeconds(1), FIVE_HOURS, NOW, BERLIN, EN)).isEqualTo("10:46 (1 min)");
    }

    @Test
    void unknownWindowLengthDecidesByDistance() {
        assertThat(TimeFormat.forWindow(NOW.plus(Duration.ofHours(20)), null, NOW, BERLIN, EN)).isEqualTo("06:46");
        assertThat(TimeFormat.forWindow(NOW.plus(Duration.ofHours(30)), null, NOW, BERLIN, EN))
                .isEqualTo("Wed Apr 2 16:46");
    }

    @Test
    void daylightSavingTimeShowsLocalTimeAndTheRealDuration() {
        // Berlin skips 02:00-03:00 on 30 March 2025: from 00:30 CET to 03:00 CEST is 1 h 30 min
        Instant now = Instant.parse("2025-03-29T23:30:00Z");
        Instant reset = Instant.parse("2025-03-30T01:00:00Z");
        assertThat(TimeFormat.withCountdown(reset, FIVE_HOURS, now, BERLIN, EN)).isEqualTo("03:00 (1 h 30 min)");
    }

    @Test
    void unknownInstantsAreDashes() {
        assertThat(TimeFormat.time(null, BERLIN)).isEqualTo("--");
        assertThat(TimeFormat.weekdayDateTime(null, BERLIN, EN)).isEqualTo("--");
        assertThat(TimeFormat.forWindow(null, WEEK, NOW, BERLIN, EN)).isEqualTo("--");
        assertThat(TimeFormat.withCountdown(null, WEEK, NOW, BERLIN, EN)).isEqualTo("--");
    }
}

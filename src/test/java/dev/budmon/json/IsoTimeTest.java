package dev.budmon.json;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimeTest {

    @Test
    void readsWhatTheJdkReads() {
        for (String s : List.of("2026-11-26T10:00:00Z", "2026-11-26T10:00:00.123Z", "2026-11-26T10:00:00.000Z",
                "2026-11-26T10:00:00.123456789Z", "2026-11-30T10:00:00+01:00", "2026-11-30T10:00:00.5-05:30",
                "1970-01-01T00:00:00Z", "2028-02-29T23:59:59Z")) {
            Instant expected = java.time.OffsetDateTime.parse(s).toInstant();
            assertThat(IsoTime.parseFast(s, 0, s.length())).as(s).isNotNull();
            assertThat(IsoTime.parse(s)).as(s).isEqualTo(expected);
        }
    }

    @Test
    void otherFormsGoToTheJdkAndNonsenseIsNull() {
        assertThat(IsoTime.parseFast("2026-11-26T10:00Z", 0, 17)).isNull();
        assertThat(IsoTime.parse("2026-11-26T10:00Z")).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        for (String bad : List.of("", "tomorrow", "2026-02-30T10:00:00Z", "2026-11-26T25:00:00Z",
                "2026-11-26T10:00:00", "2026-11-26T10:00:00+1:00", "２０２６-11-26T10:00:00Z")) {
            assertThat(IsoTime.parse(bad)).as(bad).isNull();
        }
    }

    @Test
    void writesWhatInstantToStringWrites() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            long seconds = (long) (r.nextDouble() * 4_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoTime.format(t)).isEqualTo(t.toString());
            assertThat(IsoTime.parse(IsoTime.format(t))).isEqualTo(t);
        }
    }
}

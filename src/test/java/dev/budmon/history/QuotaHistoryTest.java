package dev.budmon.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.budmon.history.ObservationLineTest.reading;
import static dev.budmon.history.ObservationLineTest.windows;
import static org.assertj.core.api.Assertions.assertThat;

class QuotaHistoryTest {

    static final long RESET_A = 1796000000L;
    static final long RESET_B = RESET_A + 5 * 3600;

    static Observation at(int minute, String source, double u, long reset) {
        return new Observation(Instant.parse("2026-12-06T00:00:00Z").plusSeconds(60L * minute), source,
                null, null, null, windows("5h", reading(u, reset, null)));
    }

    @Test
    void aSeriesKeepsTheHeadersWhereTheyObservedAPeriodAndTheStatusLineElsewhere() {
        QuotaHistory h = QuotaHistory.of(List.of(
                at(0, "statusline", 0.10, RESET_A),
                at(1, "interceptor", 0.12, RESET_A),
                at(2, "statusline", 0.11, RESET_A),      // rounded, behind: left out
                at(3, "budmon", 0.14, RESET_A + 1),      // the reset moved a second: same period
                at(10, "statusline", 0.02, RESET_B),     // next period: only the status line saw it
                at(11, "statusline", 0.05, RESET_B),
                at(12, "other-writer", 0.06, RESET_B)));
        WindowSeries s = h.series("5h", 0, Long.MAX_VALUE);
        assertThat(s.size()).isEqualTo(4);
        assertThat(s.utilization(0)).isEqualTo(0.12);
        assertThat(s.sourceKind(0)).isEqualTo(WindowSeries.HEADERS);
        assertThat(s.utilization(1)).isEqualTo(0.14);
        assertThat(s.utilization(2)).isEqualTo(0.02);
        assertThat(s.sourceKind(2)).isEqualTo(WindowSeries.STATUSLINE);
        assertThat(s.utilization(3)).isEqualTo(0.05);
        assertThat(s.resetSeconds(3)).isEqualTo(RESET_B);
        assertThat(h.series("7d", 0, Long.MAX_VALUE).size()).isZero();
    }

    @Test
    void aSeriesIsCutToItsSpanAndLeavesOutUnknownUtilization() {
        QuotaHistory h = QuotaHistory.of(List.of(
                at(0, "interceptor", 0.10, RESET_A),
                new Observation(Instant.parse("2026-12-06T00:01:00Z"), "interceptor", null, null, null,
                        windows("5h", new WindowReading(null, Instant.ofEpochSecond(RESET_A), "allowed"))),
                at(2, "interceptor", 0.12, RESET_A),
                at(3, "interceptor", 0.13, RESET_A)));
        long from = Instant.parse("2026-12-06T00:01:00Z").toEpochMilli();
        long to = Instant.parse("2026-12-06T00:03:00Z").toEpochMilli();
        WindowSeries s = h.series("5h", from, to);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.utilization(0)).isEqualTo(0.12);
        assertThat(s.samples()).singleElement().satisfies(x -> {
            assertThat(x.time()).isEqualTo(Instant.parse("2026-12-06T00:02:00Z"));
            assertThat(x.reset()).isEqualTo(Instant.ofEpochSecond(RESET_A));
        });
    }

    @Test
    void holdsManyObservationsAcrossChunksAndResetRuns() {
        java.util.List<Observation> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(new Observation(Instant.ofEpochSecond(1_790_000_000L + 30L * i), i % 3 == 0 ? "statusline" : "interceptor",
                    "req_" + i, i % 7 == 0 ? "session-" + (i % 5) : null, i % 2 == 0 ? "allowed" : null,
                    windows("5h", reading((i % 1000) / 1000.0, 1_790_000_000L + 18_000L * (i / 600), null),
                            i % 4 == 0 ? "7d" : "5h", reading(0.5, 1_800_000_000L, "allowed_warning"))));
        }
        QuotaHistory h = QuotaHistory.of(many);
        assertThat(h.size()).isEqualTo(20_000);
        for (int i = 0; i < 20_000; i += 997) {
            Observation o = many.get(i);
            Observation back = h.observation(i);
            assertThat(back.time()).isEqualTo(o.time());
            assertThat(back.source()).isEqualTo(o.source());
            assertThat(back.sessionId()).isEqualTo(o.sessionId());
            assertThat(back.status()).isEqualTo(o.status());
            assertThat(back.windows()).isEqualTo(o.windows());
            assertThat(h.requestKeyOf(i)).isEqualTo(QuotaHistory.requestKey("req_" + i));
        }
    }
}

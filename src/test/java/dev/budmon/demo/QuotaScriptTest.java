package dev.budmon.demo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import static dev.budmon.demo.QuotaScript.Phase.CLOSING;
import static dev.budmon.demo.QuotaScript.Phase.FRESH;
import static dev.budmon.demo.QuotaScript.Phase.QUIET;
import static org.assertj.core.api.Assertions.assertThat;

class QuotaScriptTest {

    private static final Instant START = Instant.parse("2026-11-27T09:00:00Z");
    private final QuotaScript script = new QuotaScript(START);

    private static Instant at(long millis) {
        return START.plusMillis(millis);
    }

    @Test
    void phasesFollowEachOtherAndRepeat() {
        long cycle = QuotaScript.CYCLE.toMillis();
        assertThat(script.phase(START.minusSeconds(30))).isEqualTo(CLOSING);
        assertThat(script.phase(at(0))).isEqualTo(CLOSING);
        assertThat(script.phase(at(34_999))).isEqualTo(CLOSING);
        assertThat(script.phase(at(35_000))).isEqualTo(QUIET);
        assertThat(script.phase(at(46_999))).isEqualTo(QUIET);
        assertThat(script.phase(at(47_000))).isEqualTo(FRESH);
        assertThat(script.phase(at(cycle - 1))).isEqualTo(FRESH);
        assertThat(script.phase(at(cycle))).isEqualTo(CLOSING);
        assertThat(script.phase(at(cycle + 35_000))).isEqualTo(QUIET);
        assertThat(script.fiveHour(at(40_000))).isEmpty();
        assertThat(script.headers(at(40_000))).isEmpty();
    }

    @Test
    void theFiveHourResetsOfEachPhase() {
        assertThat(script.fiveHour(at(0)).orElseThrow().reset()).isEqualTo(START.plusSeconds(35));
        assertThat(script.fiveHour(at(34_000)).orElseThrow().reset()).isEqualTo(START.plusSeconds(35));
        // The fresh window nominally began 40 minutes before the quiet phase ended.
        Instant fresh = START.plusSeconds(47).minus(QuotaScript.HEAD_START).plus(Duration.ofHours(5));
        assertThat(script.fiveHour(at(47_000)).orElseThrow().reset()).isEqualTo(fresh);
        assertThat(script.fiveHour(at(300_000)).orElseThrow().reset()).isEqualTo(fresh);
        long cycle = QuotaScript.CYCLE.toMillis();
        assertThat(script.fiveHour(at(cycle)).orElseThrow().reset()).isEqualTo(at(cycle + 35_000));
    }

    @Test
    void utilizationClimbsWithinEachPhaseAndContinuesAcrossTheCycle() {
        List<Double> values = new ArrayList<>();
        for (long ms = 0; ms < QuotaScript.CYCLE.toMillis() * 2; ms += 500) {
            script.fiveHour(at(ms)).ifPresent(f -> values.add(f.utilization()));
        }
        assertThat(script.fiveHour(at(0)).orElseThrow().utilization()).isEqualTo(QuotaScript.CLOSING_FROM);
        assertThat(script.fiveHour(at(47_000)).orElseThrow().utilization()).isEqualTo(QuotaScript.FRESH_FROM);
        long cycle = QuotaScript.CYCLE.toMillis();
        double endOfFresh = script.fiveHour(at(cycle - 1)).orElseThrow().utilization();
        assertThat(endOfFresh).isCloseTo(QuotaScript.CLOSING_FROM, org.assertj.core.data.Offset.offset(0.001));
        assertThat(script.fiveHour(at(cycle)).orElseThrow().utilization()).isGreaterThanOrEqualTo(endOfFresh);
        int drops = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) < values.get(i - 1)) {
                drops++;
            }
        }
        assertThat(drops).as("only at the resets").isEqualTo(2);
        assertThat(values).allMatch(v -> v > 0 && v < 1);
    }

    @Test
    void weeklyWindowsClimbSlowlyAndStopShortOfTheLimit() {
        assertThat(script.week(START)).isEqualTo(QuotaScript.WEEK_FROM);
        assertThat(script.week(START.plusSeconds(60))).isGreaterThan(script.week(START));
        assertThat(script.week(START.plus(Duration.ofDays(1)))).isEqualTo(QuotaScript.WEEK_CAP);
        assertThat(script.sonnetWeek(START.plusSeconds(60))).isGreaterThan(script.sonnetWeek(START));
        assertThat(script.weekReset()).isEqualTo(Instant.parse("2026-11-29T17:00:00Z"));
    }

    @Test
    void headersAreSortedByNameAndCarryTheWarningOnceTheWeekPassesIt() {
        SortedMap<String, String> h = script.headers(START).orElseThrow();
        assertThat(new ArrayList<>(h.keySet())).isSorted();
        String p = "anthropic-ratelimit-unified-";
        assertThat(h).containsEntry(p + "5h-utilization", "0.84")
                .containsEntry(p + "5h-reset", Long.toString(START.plusSeconds(35).getEpochSecond()))
                .containsEntry(p + "5h-status", "allowed")
                .containsEntry(p + "7d-utilization", "0.52")
                .containsEntry(p + "7d-status", "allowed")
                .containsEntry(p + "7d_sonnet-utilization", "0.18")
                .containsEntry(p + "status", "allowed")
                .containsEntry(p + "representative-claim", "five_hour")
                .containsEntry(p + "reset", h.get(p + "5h-reset"))
                .doesNotContainKey(p + "7d-surpassed-threshold");
        Instant later = START.plusSeconds(1250);
        SortedMap<String, String> warned = script.headers(later).orElseThrow();
        assertThat(warned).containsEntry(p + "7d-status", "allowed_warning")
                .containsEntry(p + "7d-surpassed-threshold", "0.75");
    }

    @Test
    void fractionsAreWrittenAsPlainDecimals() {
        assertThat(QuotaScript.fraction(0.84)).isEqualTo("0.84");
        assertThat(QuotaScript.fraction(0.5)).isEqualTo("0.5");
        assertThat(QuotaScript.fraction(1.0)).isEqualTo("1");
        assertThat(QuotaScript.fraction(0.12345)).isEqualTo("0.1235");
        assertThat(QuotaScript.fraction(0.00004)).isEqualTo("0");
        assertThat(QuotaScript.fraction(0.0001)).isEqualTo("0.0001");
    }

    @Test
    void theStartIsTakenAtItsWholeSecond() {
        QuotaScript late = new QuotaScript(START.plusMillis(999));
        assertThat(late.start()).isEqualTo(START);
        assertThat(late.fiveHour(START.plusMillis(999)).orElseThrow().reset()).isEqualTo(START.plusSeconds(35));
    }
}

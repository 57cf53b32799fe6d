package dev.budmon.quotacost;

import dev.budmon.history.HistoryAppender;
import dev.budmon.history.HistoryReader;
import dev.budmon.history.Observation;
import dev.budmon.history.QuotaHistory;
import dev.budmon.history.WindowReading;
import dev.budmon.model.QuotaWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a window's current period begins, for the shares of the session and of the projects in it. */
class PeriodStartTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final Duration FIVE_HOURS = Duration.ofHours(5);

    @TempDir
    Path claude;

    private void observe(long minutes, double fiveHour, Instant reset, String source) throws IOException {
        HistoryAppender.append(claude, new Observation(T0.plus(Duration.ofMinutes(minutes)), source,
                source.equals(Observation.INTERCEPTOR) ? "req_" + minutes : null,
                source.equals(Observation.STATUSLINE) ? "s" : null, "allowed",
                Map.of("5h", new WindowReading(fiveHour, reset, "allowed"))));
    }

    private QuotaHistory history() {
        return HistoryReader.read(claude, null, null).history();
    }

    @Test
    void aPeriodBeginsAtItsResetLessItsLengthWhenThePeriodBeforeEndedInTime() throws IOException {
        Instant firstReset = T0.plus(Duration.ofMinutes(30));
        observe(0, 0.90, firstReset, Observation.INTERCEPTOR); // the period before, which ends at 10:30
        Instant reset = firstReset.plus(Duration.ofMinutes(40)).plus(FIVE_HOURS); // began 11:10
        observe(75, 0.05, reset, Observation.INTERCEPTOR);
        QuotaWindow w = new QuotaWindow("5h", 0.05, reset, "allowed", null, FIVE_HOURS);
        assertThat(HistoryFigures.periodStart(w, history(), T0.plus(Duration.ofMinutes(80))))
                .isEqualTo(reset.minus(FIVE_HOURS));
    }

    @Test
    void aPeriodThatBeganSoonerThanItsLengthAllowsBeginsAfterTheLastObservationOfTheOneBefore() throws IOException {
        // resets 10 minutes apart, as the demo's (or the server's, when it resets a window early)
        Instant first = T0.plus(Duration.ofMinutes(10));
        Instant second = T0.plus(Duration.ofMinutes(20));
        observe(1, 0.40, first, Observation.INTERCEPTOR);
        observe(5, 0.80, first, Observation.INTERCEPTOR);
        observe(11, 0.03, second, Observation.INTERCEPTOR);
        // the status line's copy of the period before, late: it does not move the start again
        observe(12, 0.80, first, Observation.STATUSLINE);
        observe(15, 0.10, second, Observation.INTERCEPTOR);
        QuotaWindow w = new QuotaWindow("5h", 0.10, second, "allowed", null, FIVE_HOURS);
        Instant now = T0.plus(Duration.ofMinutes(16));
        assertThat(HistoryFigures.periodStart(w, history(), now)).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        // without a history, and for a window without a length
        assertThat(HistoryFigures.periodStart(w, QuotaHistory.of(java.util.List.of()), now))
                .isEqualTo(second.minus(FIVE_HOURS));
        assertThat(HistoryFigures.periodStart(new QuotaWindow("x", 0.1, second, "allowed", null, null), history(),
                now)).isNull();
    }
}

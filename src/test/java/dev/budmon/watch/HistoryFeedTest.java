package dev.budmon.watch;

import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.history.HistoryAppender;
import dev.budmon.history.HistoryReader;
import dev.budmon.history.Observation;
import dev.budmon.history.WindowReading;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTimeline;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.source.transcript.TranscriptSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's history figures from history files written as the interceptor writes them. */
class HistoryFeedTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Instant RESET = NOW.plus(Duration.ofHours(3));
    private static final PriceTable PRICES = PriceTable.bundled();

    @TempDir
    Path claude;

    private static UsageState state(double fiveHour, Instant capturedAt) {
        RateLimits limits = new RateLimits(capturedAt, "budmon-interceptor",
                List.of(new QuotaWindow("5h", fiveHour, RESET, "allowed", null, Duration.ofHours(5))),
                new AccountLimits("allowed", null, "five_hour", null, null, null, null));
        return new UsageState(limits, null, null, UsageTimeline.EMPTY, List.of(), capturedAt, List.of());
    }

    private void observe(Instant t, double fiveHour) throws IOException {
        HistoryAppender.append(claude, new Observation(t, Observation.INTERCEPTOR, null, null, "allowed",
                Map.of("5h", new WindowReading(fiveHour, RESET, "allowed"))));
    }

    @Test
    void thePaceFollowsTheLinesAppendedAndIsDueWithAStateOrAfterQuietTime() throws IOException {
        // 30 % an hour over the last half hour
        for (int i = 0; i <= 6; i++) {
            observe(NOW.minus(Duration.ofMinutes(30 - 5L * i)), 0.20 + 0.025 * i);
        }
        HistoryFeed feed = new HistoryFeed(List.of(claude), TranscriptSource.NONE);
        assertThat(feed.computeIfDue(NOW, BudmonConfig.DEFAULTS, PRICES)).as("no state yet").isNull();

        feed.newState(state(0.35, NOW));
        HistoryFigures first = feed.computeIfDue(NOW, BudmonConfig.DEFAULTS, PRICES);
        assertThat(first).isNotNull();
        // 30 %/h in the last half hour, less in the half hour before (20 % spread over the 90 min since the start)
        assertThat(first.paces().get("5h").perHour()).isBetween(25.0, 30.0);
        assertThat(first.binding()).isNotNull();
        assertThat(first.binding().window()).isEqualTo("5h");

        // a burst: 10 points in a minute, computed with its state
        observe(NOW.plusSeconds(60), 0.45);
        feed.newState(state(0.45, NOW.plusSeconds(60)));
        HistoryFigures burst = feed.computeIfDue(NOW.plusSeconds(61), BudmonConfig.DEFAULTS, PRICES);
        assertThat(burst.paces().get("5h").perHour()).isGreaterThan(first.paces().get("5h").perHour());
        assertThat(feed.history().size()).isEqualTo(8);

        // no new state: nothing due until the quiet time has lowered the pace
        assertThat(feed.computeIfDue(NOW.plusSeconds(70), BudmonConfig.DEFAULTS, PRICES)).isNull();
        HistoryFigures quiet = feed.computeIfDue(NOW.plus(Duration.ofMinutes(30)), BudmonConfig.DEFAULTS, PRICES);
        assertThat(quiet.paces().get("5h").perHour()).isLessThan(burst.paces().get("5h").perHour());
    }

    @Test
    void headersNoWriterLoggedGoIntoTheHistoryOnce() {
        HistoryFeed feed = new HistoryFeed(List.of(claude), TranscriptSource.NONE);
        feed.newState(state(0.30, NOW.minusSeconds(5)));
        feed.computeIfDue(NOW, BudmonConfig.DEFAULTS, PRICES);
        assertThat(feed.history().size()).isEqualTo(1);
        assertThat(feed.history().source(0)).isEqualTo(Observation.BUDMON);

        feed.newState(state(0.30, NOW.minusSeconds(5)));
        feed.computeIfDue(NOW.plusSeconds(5), BudmonConfig.DEFAULTS, PRICES);
        assertThat(HistoryReader.read(claude, null, null).history().size()).isEqualTo(1);
    }
}

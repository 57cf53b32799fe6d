package dev.budmon.watch;

import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.history.HistoryAppender;
import dev.budmon.history.HistoryReader;
import dev.budmon.history.Observation;
import dev.budmon.history.WindowReading;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.TokenCounts;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTimeline;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.quotacost.JoinedQuota;
import dev.budmon.source.transcript.ResponseListSource;
import dev.budmon.source.transcript.TranscriptSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    @Test
    void theJoinServesWhileNothingChangesAndIsMadeAgainForANewRequestOrAfterTenMinutes() throws IOException {
        for (int i = 0; i <= 6; i++) {
            observe(NOW.minus(Duration.ofMinutes(30 - 5L * i)), 0.20 + 0.025 * i);
        }
        List<ApiResponse> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            responses.add(new ApiResponse("msg_" + i, "req_" + i, "s1", "claude-opus-4-6",
                    NOW.minus(Duration.ofMinutes(20 - 5L * i)), new TokenCounts(3, 400, 0, 0, 20_000)));
        }
        TranscriptSource source = new ResponseListSource(responses);
        HistoryFeed feed = new HistoryFeed(List.of(claude), source);
        feed.newState(state(0.35, NOW));
        JoinedQuota first = feed.computeIfDue(NOW, BudmonConfig.DEFAULTS, PRICES).joined();
        assertThat(first.responses()).hasSize(3);

        // quiet time: the pace is computed again, the join is the same
        HistoryFigures quiet = feed.computeIfDue(NOW.plus(HistoryFeed.MAX_GAP), BudmonConfig.DEFAULTS, PRICES);
        assertThat(quiet.joined()).isSameAs(first);

        // a new request: joined anew, with it
        responses.add(new ApiResponse("msg_3", "req_3", "s1", "claude-opus-4-6", NOW.plusSeconds(40),
                new TokenCounts(3, 400, 0, 0, 20_000)));
        feed.newState(state(0.35, NOW.plusSeconds(40)));
        JoinedQuota second = feed.computeIfDue(NOW.plusSeconds(41), BudmonConfig.DEFAULTS, PRICES).joined();
        assertThat(second).isNotSameAs(first);
        assertThat(second.responses()).hasSize(4);

        // the same response streaming in further (more output, same message) is a change too
        responses.set(3, new ApiResponse("msg_3", "req_3", "s1", "claude-opus-4-6", NOW.plusSeconds(40),
                new TokenCounts(3, 900, 0, 0, 20_000)));
        feed.newState(state(0.35, NOW.plusSeconds(42)));
        JoinedQuota streamed = feed.computeIfDue(NOW.plusSeconds(43), BudmonConfig.DEFAULTS, PRICES).joined();
        assertThat(streamed).isNotSameAs(second);

        // another config (here the prices of one model for all): joined anew
        BudmonConfig d = BudmonConfig.DEFAULTS;
        BudmonConfig other = new BudmonConfig(d.language(), d.refreshMs(), dev.budmon.config.ModelChoice.OPUS,
                d.customPrices(), d.thresholds(), d.statusline(), d.windowGeometry(), d.alerts(), d.tray());
        JoinedQuota withOther = feed.computeIfDue(NOW.plus(Duration.ofMinutes(2)), other, PRICES).joined();
        assertThat(withOther).isNotSameAs(streamed);

        // ten minutes on, the month has moved: joined anew though nothing changed
        HistoryFigures later = feed.computeIfDue(NOW.plus(Duration.ofMinutes(2)).plus(HistoryFeed.REJOIN_AFTER),
                other, PRICES);
        assertThat(later.joined()).isNotSameAs(withOther);
    }
}

package dev.budmon.watch;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.history.DayTrails;
import dev.budmon.history.LiveHistory;
import dev.budmon.history.QuotaHistory;
import dev.budmon.history.UnloggedLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.RateLimits;
import dev.budmon.model.UsageState;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.quotacost.JoinedQuota;
import dev.budmon.source.UsageLimitsFile;
import dev.budmon.source.transcript.TranscriptSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The history figures of a running window (pace, the binding limit, the shares of the last request and of the
 * session, what one percent is worth), kept up to date on the thread that reads the states: the quota history
 * is read incrementally ({@link LiveHistory}), the requests come from the transcripts already read. New figures
 * are due with every new state, so that they reach the window with it (one layout, not a second one a moment
 * later), and every {@link #MAX_GAP} without one, because quiet time lowers the pace.
 *
 * <p>Confined to the thread of the {@link TranscriptSource} (the watcher's); never the EDT.
 */
public final class HistoryFeed {

    /** The most time between two: the pace fades with quiet time. */
    public static final Duration MAX_GAP = Duration.ofSeconds(30);
    /** The requests the history's spans can reach: its span, and a week before for the first weekly period. */
    private static final Duration REQUESTS_BEFORE = Duration.ofDays(7);
    /**
     * How long a join of unchanged history and requests serves: joining a month of heavy use takes a tenth of a
     * second (BENCHMARKS.md, Quota history), and in quiet time only the pace changes, every {@link #MAX_GAP};
     * the join's month moves on by this much at most before it is made again.
     */
    static final Duration REJOIN_AFTER = Duration.ofMinutes(10);

    private final LiveHistory history;
    private final TranscriptSource transcripts;
    private UsageState state;
    private boolean stateChanged;
    private Instant last;
    private QuotaHistory lastHistory;
    private final Path primary;
    /** When the headers last recorded were captured. */
    private Instant lastRecorded;
    /** The last join, and what it was made of and when. */
    private JoinedQuota joined;
    private QuotaHistory joinedHistory;
    private BudmonConfig joinedConfig;
    private int joinedResponses;
    private ApiResponse joinedNewest;
    private Instant joinedSince;
    private Instant joinedAt;

    /**
     * @param dirs        the Claude directories, BudMon's own first (headers no writer logged go into its history)
     * @param transcripts the source the states are read from; used on its thread only
     */
    public HistoryFeed(List<Path> dirs, TranscriptSource transcripts) {
        this.history = new LiveHistory(dirs, HistoryFigures.FIT_SPAN);
        this.primary = dirs.get(0);
        this.transcripts = transcripts;
    }

    /** Takes note of a new state; the next {@link #computeIfDue} computes with it. */
    public void newState(UsageState s) {
        state = s;
        stateChanged = true;
    }

    /**
     * The figures for the last state at {@code now} when they are due, else {@code null}.
     *
     * @param config the config in use (thresholds, prices)
     */
    public HistoryFigures computeIfDue(Instant now, BudmonConfig config, PriceTable prices) {
        if (state == null || !state.hasData()) {
            return null;
        }
        boolean due = last == null || stateChanged || !now.isBefore(last.plus(MAX_GAP));
        if (!due) {
            return null;
        }
        last = now;
        stateChanged = false;
        return compute(now, config, prices);
    }

    /** The figures for the last state at {@code now}, read and computed now. */
    HistoryFigures compute(Instant now, BudmonConfig config, PriceTable prices) {
        recordUnlogged();
        QuotaHistory h = history.refresh(now);
        lastHistory = h;
        Figures f = Calculator.compute(state, now, config, prices);
        // Within a join's time the requests are asked for from its start, not from now's: the oldest leave the
        // month as time passes, which is no change of what the join holds.
        boolean recent = joined != null && h == joinedHistory && config == joinedConfig && !now.isBefore(joinedAt)
                && now.isBefore(joinedAt.plus(REJOIN_AFTER));
        Instant since = recent ? joinedSince : now.minus(HistoryFigures.FIT_SPAN).minus(REQUESTS_BEFORE);
        List<ApiResponse> responses = transcripts.responses(since);
        ApiResponse newest = responses.isEmpty() ? null : responses.get(responses.size() - 1);
        // the newest changes as a response streams in
        if (!recent || responses.size() != joinedResponses || !Objects.equals(newest, joinedNewest)) {
            joined = HistoryFigures.join(h, responses, new Pricing(prices, config), now);
            joinedHistory = h;
            joinedConfig = config;
            joinedResponses = responses.size();
            joinedNewest = newest;
            if (!recent) {
                joinedSince = since;
                joinedAt = now;
            }
        }
        return HistoryFigures.compute(f, h, joined, transcripts.sessionProjects(), config.thresholds(), now);
    }

    /**
     * Headers of {@code usage-limits.json} that no writer logged (an interceptor that keeps no history) go into
     * the history, as {@code --json} does, so that the pace knows them; once per time they were captured.
     */
    private void recordUnlogged() {
        RateLimits limits = state.rateLimits();
        if (limits == null || limits.capturedAt() == null || limits.capturedAt().equals(lastRecorded)
                || UsageLimitsFile.STATUSLINE_SOURCE.equals(limits.source())) {
            return;
        }
        lastRecorded = limits.capturedAt();
        UnloggedLimits.record(primary, limits, new ArrayList<>());
    }

    /** The history last read; {@code null} before the first computation. Same thread. */
    public QuotaHistory history() {
        return lastHistory;
    }

    /** The last day of the 5-hour and 7-day windows in the history last read, at {@code now}. Same thread. */
    public DayTrails trails(Instant now) {
        return lastHistory == null ? null : DayTrails.of(lastHistory, now);
    }
}

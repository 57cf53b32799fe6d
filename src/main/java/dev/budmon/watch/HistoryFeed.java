package dev.budmon.watch;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.history.LiveHistory;
import dev.budmon.history.QuotaHistory;
import dev.budmon.model.UsageState;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.source.transcript.TranscriptSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The history figures of a running window (pace, the binding limit, the shares of the last request and of the
 * session, what one percent is worth), kept up to date on the thread that reads the states: the quota history
 * is read incrementally ({@link LiveHistory}), the requests come from the transcripts already read. New figures
 * are due after a new state (at most every {@link #MIN_GAP}) and every {@link #MAX_GAP} without one, because
 * quiet time lowers the pace.
 *
 * <p>Confined to the thread of the {@link TranscriptSource} (the watcher's); never the EDT.
 */
public final class HistoryFeed {

    /** The least time between two computations: a burst of states is computed once. */
    public static final Duration MIN_GAP = Duration.ofSeconds(2);
    /** The most time between two: the pace fades with quiet time. */
    public static final Duration MAX_GAP = Duration.ofSeconds(30);
    /** The requests the history's spans can reach: its span, and a week before for the first weekly period. */
    private static final Duration REQUESTS_BEFORE = Duration.ofDays(7);

    private final LiveHistory history;
    private final TranscriptSource transcripts;
    private UsageState state;
    private boolean stateChanged;
    private Instant last;
    private QuotaHistory lastHistory;

    /** @param transcripts the source the states are read from; used on its thread only */
    public HistoryFeed(List<Path> dirs, TranscriptSource transcripts) {
        this.history = new LiveHistory(dirs, HistoryFigures.FIT_SPAN);
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
        boolean due = last == null || (stateChanged && !now.isBefore(last.plus(MIN_GAP)))
                || !now.isBefore(last.plus(MAX_GAP));
        if (!due) {
            return null;
        }
        last = now;
        stateChanged = false;
        return compute(now, config, prices);
    }

    /** The figures for the last state at {@code now}, read and computed now. */
    HistoryFigures compute(Instant now, BudmonConfig config, PriceTable prices) {
        QuotaHistory h = history.refresh(now);
        lastHistory = h;
        Figures f = Calculator.compute(state, now, config, prices);
        return HistoryFigures.compute(f, h, transcripts.responses(now.minus(HistoryFigures.FIT_SPAN)
                        .minus(REQUESTS_BEFORE)), transcripts.sessionProjects(), new Pricing(prices, config),
                config.thresholds(), now);
    }

    /** The history last read; {@code null} before the first computation. Same thread. */
    public QuotaHistory history() {
        return lastHistory;
    }
}

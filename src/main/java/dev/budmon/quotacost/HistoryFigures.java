package dev.budmon.quotacost;

import dev.budmon.calc.BindingLimit;
import dev.budmon.calc.Figures;
import dev.budmon.calc.Pace;
import dev.budmon.calc.PaceForecast;
import dev.budmon.calc.Pricing;
import dev.budmon.calc.WindowForecast;
import dev.budmon.config.Thresholds;
import dev.budmon.history.QuotaHistory;
import dev.budmon.history.WindowSeries;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.QuotaWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the quota history adds to the figures of one moment: each window's pace and the window that binds
 * first, the shares of requests, sessions and projects in each window's current period, and what one percent of
 * each window is worth. Immutable; any thread.
 *
 * @param paces         the pace of each window of the figures, by name
 * @param binding       the window that runs out first before its reset; {@code null} when none does
 * @param joined        the history joined to the requests
 * @param shares        who took each window's current period, by window name (windows with a known start)
 * @param worth         dollars per percent of each window the history names, fitted over {@link #FIT_SPAN}
 * @param lastRequest   the newest request's share of each window in percentage points, {@code null} when unknown
 * @param session       the active session's share of each window's current period in percentage points
 */
public record HistoryFigures(Map<String, PaceForecast> paces, BindingLimit binding, JoinedQuota joined,
                             Map<String, WindowShares> shares, Map<String, DollarsPerPercent> worth,
                             Map<String, Double> lastRequest, Map<String, Double> session) {

    /** The history the dollars per percent are fitted over: long enough for a steady figure, short enough to follow a change of plan. */
    public static final Duration FIT_SPAN = Duration.ofDays(30);

    /**
     * Derives the figures. Pure; any thread.
     *
     * @param history   the history of at least the last {@link #FIT_SPAN}
     * @param responses every counted response of the transcripts
     * @param projects  each session's project (working directory)
     */
    public static HistoryFigures compute(Figures figures, QuotaHistory history, List<ApiResponse> responses,
                                         Map<String, String> projects, Pricing pricing, Thresholds thresholds,
                                         Instant now) {
        return compute(figures, history, join(history, responses, pricing, now), projects, thresholds, now);
    }

    /** The join the figures at {@code now} are derived from: the history of the last {@link #FIT_SPAN} and the requests. */
    public static JoinedQuota join(QuotaHistory history, List<ApiResponse> responses, Pricing pricing, Instant now) {
        return QuotaJoin.join(history, responses, pricing, now.minus(FIT_SPAN), now.plusMillis(1));
    }

    /**
     * Derives the figures from a join made earlier ({@link #join}) of the same history: the pace and the binding
     * limit at {@code now}, the shares and the dollars per percent of the join.
     */
    public static HistoryFigures compute(Figures figures, QuotaHistory history, JoinedQuota joined,
                                         Map<String, String> projects, Thresholds thresholds, Instant now) {
        Map<String, PaceForecast> paces = Pace.ofAll(figures.windows(), history, now, thresholds);
        BindingLimit binding = BindingLimit.of(figures.windows(), paces, now);

        Map<String, WindowShares> shares = new LinkedHashMap<>();
        Map<String, Double> lastRequest = new LinkedHashMap<>();
        Map<String, Double> session = new LinkedHashMap<>();
        ApiResponse last = figures.lastResponse();
        String activeSession = figures.activeSession() == null ? null : figures.activeSession().sessionId();
        for (WindowForecast f : figures.windows()) {
            QuotaWindow w = f.window();
            Double lastShare = last == null ? null : joined.shareOf(w.name(), last.requestId());
            lastRequest.put(w.name(), lastShare == null ? null : lastShare * 100);
            Instant since = periodStart(w, history, now);
            if (since == null || f.resetPassed()) {
                continue;
            }
            List<GroupShare> bySession = joined.byGroup(w.name(), since, new BySession());
            List<GroupShare> byProject = joined.byGroup(w.name(), since, new ByProject(projects));
            shares.put(w.name(), new WindowShares(since, bySession, byProject,
                    joined.unattributed(w.name(), since) * 100));
            for (GroupShare g : bySession) {
                if (g.name().equals(activeSession)) {
                    session.put(w.name(), g.percent());
                }
            }
        }
        Map<String, DollarsPerPercent> worth = new LinkedHashMap<>();
        for (String window : joined.windows()) {
            worth.put(window, DollarsPerPercent.fit(joined.intervals(window)));
        }
        return new HistoryFigures(paces, binding, joined, shares, worth, lastRequest, session);
    }

    /**
     * When the window's current period began: its reset minus its length, or later when the history saw the
     * period before still running after that moment (a window reset sooner than its length, as the server may
     * do and the demo does every few minutes): then the last observation of that period. The shares of a
     * period never add up the growth of the one before. {@code null} when the window's start is unknown.
     */
    static Instant periodStart(QuotaWindow w, QuotaHistory history, Instant now) {
        Instant start = w.start();
        if (start == null) {
            return null;
        }
        long reset = w.reset().getEpochSecond();
        WindowSeries s = history.series(w.name(), start.toEpochMilli(), now.toEpochMilli() + 1);
        long lastBefore = Long.MIN_VALUE;
        for (int k = 0; k < s.size(); k++) {
            long r = s.resetSeconds(k);
            if (r == QuotaHistory.NO_RESET) {
                continue;
            }
            if (WindowSeries.samePeriod(r, reset)) {
                break; // the period's first observation: one of the period before after it lags behind
            }
            lastBefore = s.timeMillis(k);
        }
        return lastBefore == Long.MIN_VALUE ? start : Instant.ofEpochMilli(lastBefore);
    }

    private static final class BySession implements JoinedQuota.GroupOf {
        @Override
        public String of(ApiResponse r) {
            return r.sessionId();
        }
    }

    private static final class ByProject implements JoinedQuota.GroupOf {
        private final Map<String, String> projects;

        ByProject(Map<String, String> projects) {
            this.projects = projects;
        }

        @Override
        public String of(ApiResponse r) {
            String p = r.sessionId() == null ? null : projects.get(r.sessionId());
            return p != null ? p : r.sessionId();
        }
    }
}

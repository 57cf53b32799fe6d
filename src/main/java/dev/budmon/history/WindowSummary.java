package dev.budmon.history;

import java.time.Instant;

/**
 * One window over a span of the history, as {@code budmon history} sums it up. Pure; any thread.
 *
 * @param window        the window's header name
 * @param observations  observations with a utilization (of the source kept per period, see {@link WindowSeries})
 * @param first         the first of them; {@code null} when there is none
 * @param last          the last of them
 * @param periods       window periods seen (runs of one reset)
 * @param peakPercent   the highest utilization, in percent
 * @param latestPercent the last utilization, in percent
 * @param latestReset   the last reset; {@code null} when not given
 */
public record WindowSummary(String window, int observations, Instant first, Instant last, int periods,
                            Double peakPercent, Double latestPercent, Instant latestReset) {

    /** The summary of the window in {@code [fromMillis, toMillis)}. */
    public static WindowSummary of(QuotaHistory history, String window, long fromMillis, long toMillis) {
        WindowSeries s = history.series(window, fromMillis, toMillis);
        int n = s.size();
        if (n == 0) {
            return new WindowSummary(window, 0, null, null, 0, null, null, null);
        }
        int periods = 1;
        double peak = s.utilization(0);
        long periodReset = s.resetSeconds(0);
        for (int k = 1; k < n; k++) {
            peak = Math.max(peak, s.utilization(k));
            if (!WindowSeries.samePeriod(periodReset, s.resetSeconds(k))) {
                periods++;
                periodReset = s.resetSeconds(k);
            } else if (periodReset == QuotaHistory.NO_RESET) {
                periodReset = s.resetSeconds(k);
            }
        }
        long reset = s.resetSeconds(n - 1);
        return new WindowSummary(window, n, Instant.ofEpochMilli(s.timeMillis(0)), Instant.ofEpochMilli(s.timeMillis(n - 1)),
                periods, peak * 100, s.utilization(n - 1) * 100,
                reset == QuotaHistory.NO_RESET ? null : Instant.ofEpochSecond(reset));
    }
}

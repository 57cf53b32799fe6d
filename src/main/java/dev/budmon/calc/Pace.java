package dev.budmon.calc;

import dev.budmon.config.Thresholds;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.UtilizationHistory;
import dev.budmon.model.UtilizationSample;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The burn rate now: how fast a window's utilization grew over the last hour, recent growth weighing most.
 * Pure; any thread.
 *
 * <p>The growth between two observations is spread evenly over the time between them (an observation after a
 * quiet hour does not say when in that hour the quota was used) and weighted by {@code e^(-age / 15 min)};
 * the weighted growth is divided by the weighted time observed. So a burst raises the pace as soon as its
 * first observations arrive, quiet time lowers it (half of a burst's weight is gone after ten minutes), and a
 * steady use gives its own rate. Only the window's current period counts (observations with its reset); the
 * window's start, when its length is known, is an observation of 0 %.
 */
public final class Pace {

    /** How far back the pace looks. */
    public static final Duration SPAN = Duration.ofMinutes(60);
    /** The age at which growth weighs 1/e of new growth. */
    public static final Duration FADE = Duration.ofMinutes(15);
    /** Less observed time than this gives no pace: one observation says nothing about a rate. */
    static final Duration MIN_OBSERVED = Duration.ofMinutes(3);
    /** Two resets less than this apart are one period: the server's reset may move by a second. */
    static final long SAME_RESET_SECONDS = 60;

    private Pace() {
    }

    /**
     * The pace of a window at {@code now}.
     *
     * @param window  the window as last reported (its reset picks the current period, its utilization is where
     *                the expiry starts from)
     * @param samples the window's observations, oldest first, of one source (see {@code history.WindowSeries});
     *                those of other periods or after {@code now} are left out
     */
    public static PaceForecast of(QuotaWindow window, List<UtilizationSample> samples, Instant now, Thresholds t) {
        Double perHour = perHour(window, samples, now);
        int used = count(window, samples, now);
        Instant reset = window.reset();
        if (perHour == null || (reset != null && !reset.isAfter(now))) {
            return new PaceForecast(window.name(), reset != null && !reset.isAfter(now) ? null : perHour, null, null,
                    used, Levels.burn(null, window.length(), t), Level.NONE);
        }
        Double utilization = window.utilization();
        if (utilization == null && !samples.isEmpty()) {
            utilization = samples.get(samples.size() - 1).utilization();
        }
        Instant expiry = null;
        Duration reserve = null;
        if (utilization != null) {
            double percent = utilization * 100;
            if (percent >= 100) {
                expiry = now;
            } else if (perHour >= QuotaForecast.MIN_RATE_PER_HOUR) {
                expiry = now.plusMillis(Math.round((100 - percent) / perHour * 3_600_000.0));
            }
            if (expiry != null && reset != null) {
                reserve = Duration.between(reset, expiry);
            }
        }
        return new PaceForecast(window.name(), perHour, expiry, reserve, used, Levels.burn(perHour, window.length(), t),
                Levels.reserve(reserve, t));
    }

    /**
     * The pace of each window, from the history of its current period (or of the last two hours when its start
     * is unknown).
     *
     * @return by window name, in the order given
     */
    public static Map<String, PaceForecast> ofAll(List<WindowForecast> windows, UtilizationHistory history,
                                                  Instant now, Thresholds t) {
        Map<String, PaceForecast> out = new LinkedHashMap<>();
        for (WindowForecast f : windows) {
            QuotaWindow w = f.window();
            Instant from = w.start() != null && w.start().isBefore(now) ? w.start() : now.minus(SPAN.multipliedBy(2));
            out.put(w.name(), of(w, history.samples(w.name(), from, now.plusMillis(1)), now, t));
        }
        return out;
    }

    /** Percent per hour now, or {@code null} when too little of the current period was observed. */
    static Double perHour(QuotaWindow window, List<UtilizationSample> samples, Instant now) {
        long nowMs = now.toEpochMilli();
        long from = nowMs - SPAN.toMillis();
        double tau = FADE.toMillis();
        Instant start = window.start();
        // the baseline: the last observation of the period at or before the span's start, else the period's start
        long prevT = Long.MIN_VALUE;
        double prevU = 0;
        if (start != null && !start.isAfter(now)) {
            prevT = start.toEpochMilli();
        }
        double weighted = 0;
        boolean any = false;
        for (UtilizationSample s : samples) {
            long ts = s.time().toEpochMilli();
            if (ts > nowMs || !samePeriod(window, s)) {
                continue;
            }
            if (prevT == Long.MIN_VALUE) {
                prevT = ts; // no start known: the first observation is the baseline
                prevU = s.utilization();
                any = true;
                continue;
            }
            any = true;
            double growth = Math.max(0, s.utilization() - prevU);
            if (growth > 0 && ts > from) {
                long a = Math.max(prevT, from);
                if (ts == prevT) {
                    weighted += growth * Math.exp(-(nowMs - ts) / tau);
                } else {
                    // the growth spread over [prevT, ts], its part inside the span, weighted
                    weighted += growth / (ts - prevT) * tau
                            * (Math.exp(-(nowMs - ts) / tau) - Math.exp(-(nowMs - a) / tau));
                }
            }
            prevT = ts;
            prevU = s.utilization();
        }
        if (!any) {
            return null;
        }
        long observedFrom = Math.max(from, firstKnown(window, samples, now));
        if (nowMs - observedFrom < MIN_OBSERVED.toMillis()) {
            return null;
        }
        double observed = tau * (1 - Math.exp(-(nowMs - observedFrom) / tau));
        return weighted / observed * 100 * 3_600_000.0;
    }

    /** When the period's utilization is first known: its start when known, else its first observation. */
    private static long firstKnown(QuotaWindow window, List<UtilizationSample> samples, Instant now) {
        Instant start = window.start();
        if (start != null && !start.isAfter(now)) {
            return start.toEpochMilli();
        }
        for (UtilizationSample s : samples) {
            if (!s.time().isAfter(now) && samePeriod(window, s)) {
                return s.time().toEpochMilli();
            }
        }
        return now.toEpochMilli();
    }

    private static int count(QuotaWindow window, List<UtilizationSample> samples, Instant now) {
        int n = 0;
        long from = now.minus(SPAN).toEpochMilli();
        for (UtilizationSample s : samples) {
            long ts = s.time().toEpochMilli();
            n += ts > from && !s.time().isAfter(now) && samePeriod(window, s) ? 1 : 0;
        }
        return n;
    }

    private static boolean samePeriod(QuotaWindow window, UtilizationSample s) {
        return window.reset() == null || s.reset() == null
                || Math.abs(window.reset().getEpochSecond() - s.reset().getEpochSecond()) < SAME_RESET_SECONDS;
    }
}

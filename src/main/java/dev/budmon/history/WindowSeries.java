package dev.budmon.history;

import dev.budmon.model.UtilizationSample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The observations of one quota window over a span of time, oldest first, of one source per window period:
 * where the rate-limit headers observed a period (the interceptor, or BudMon's copy of its file), only they
 * count, else the status line's payload, else any other writer. Mixing sources would turn their differences
 * (the payload may round, or lag behind) into growth that never happened. Immutable; any thread.
 */
public final class WindowSeries {

    /** Two resets less than this apart are the same period: the server's reset may move by a second. */
    public static final long SAME_RESET_SECONDS = 60;

    /** The kinds of source, best first. */
    public static final byte HEADERS = 0;
    public static final byte STATUSLINE = 1;
    public static final byte OTHER = 2;

    private final String window;
    private final long[] timeMillis;
    private final double[] utilization;
    private final long[] resetSeconds;
    private final long[] requestKeys;
    private final byte[] sourceKinds;

    WindowSeries(String window, long[] timeMillis, double[] utilization, long[] resetSeconds, long[] requestKeys,
                 byte[] sourceKinds) {
        this.window = window;
        this.timeMillis = timeMillis;
        this.utilization = utilization;
        this.resetSeconds = resetSeconds;
        this.requestKeys = requestKeys;
        this.sourceKinds = sourceKinds;
    }

    /** The window's header name. */
    public String window() {
        return window;
    }

    public int size() {
        return timeMillis.length;
    }

    public long timeMillis(int i) {
        return timeMillis[i];
    }

    /** Fraction used. */
    public double utilization(int i) {
        return utilization[i];
    }

    /** The reset in epoch seconds, or {@link QuotaHistory#NO_RESET}. */
    public long resetSeconds(int i) {
        return resetSeconds[i];
    }

    /** {@link QuotaHistory#requestKey} of the response that carried it; 0 when unknown. */
    public long requestKey(int i) {
        return requestKeys[i];
    }

    /** {@link #HEADERS}, {@link #STATUSLINE} or {@link #OTHER}. */
    public byte sourceKind(int i) {
        return sourceKinds[i];
    }

    /** Whether two resets belong to the same window period; an unknown reset belongs to any. */
    public static boolean samePeriod(long resetA, long resetB) {
        return resetA == QuotaHistory.NO_RESET || resetB == QuotaHistory.NO_RESET
                || Math.abs(resetA - resetB) < SAME_RESET_SECONDS;
    }

    /** The observations as samples, for the pace. */
    public List<UtilizationSample> samples() {
        List<UtilizationSample> out = new ArrayList<>(timeMillis.length);
        for (int i = 0; i < timeMillis.length; i++) {
            out.add(new UtilizationSample(Instant.ofEpochMilli(timeMillis[i]), utilization[i],
                    resetSeconds[i] == QuotaHistory.NO_RESET ? null : Instant.ofEpochSecond(resetSeconds[i])));
        }
        return out;
    }

    /**
     * The series of these observations (in time order) that keeps, per window period (a run of equal
     * resets), only the best kind of source present in it.
     */
    static WindowSeries bestSources(String window, long[] t, double[] u, long[] r, long[] req, byte[] kind) {
        int n = t.length;
        boolean[] keep = new boolean[n];
        int kept = 0;
        int start = 0;
        while (start < n) {
            long periodReset = r[start];
            byte best = kind[start];
            int stop = start + 1;
            while (stop < n && samePeriod(periodReset, r[stop])) {
                if (periodReset == QuotaHistory.NO_RESET) {
                    periodReset = r[stop];
                }
                best = (byte) Math.min(best, kind[stop]);
                stop++;
            }
            for (int k = start; k < stop; k++) {
                keep[k] = kind[k] == best;
                kept += keep[k] ? 1 : 0;
            }
            start = stop;
        }
        if (kept == n) {
            return new WindowSeries(window, t, u, r, req, kind);
        }
        long[] t2 = new long[kept];
        double[] u2 = new double[kept];
        long[] r2 = new long[kept];
        long[] req2 = new long[kept];
        byte[] kind2 = new byte[kept];
        int j = 0;
        for (int k = 0; k < n; k++) {
            if (keep[k]) {
                t2[j] = t[k];
                u2[j] = u[k];
                r2[j] = r[k];
                req2[j] = req[k];
                kind2[j] = kind[k];
                j++;
            }
        }
        return new WindowSeries(window, t2, u2, r2, req2, kind2);
    }

    /** The kind of a source name. */
    static byte kindOf(String source) {
        if (Observation.fromHeaders(source)) {
            return HEADERS;
        }
        return Observation.STATUSLINE.equals(source) ? STATUSLINE : OTHER;
    }
}

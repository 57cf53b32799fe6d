package dev.budmon.source.transcript;

import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageTimeline;
import dev.budmon.model.UsageTotals;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Usage of all sessions in one-minute buckets, grouped into hours: an immutable snapshot.
 *
 * <p>Resolution is one minute: a response belongs to the minute its first line was written in, and
 * {@link #between} rounds both ends down to the minute, so {@code [from, to)} holds every response whose
 * minute lies in {@code [minute(from), minute(to))}. Quota windows start and reset on whole minutes, so
 * for them this is exact.
 *
 * <p>Hours are immutable and shared between snapshots: a new snapshot copies only the hours that changed
 * and the array of references to hours, never the minute data of the whole history. Each hour also keeps
 * its totals, so a 7-day window is summed from about 170 hour totals plus the two partial hours at its
 * edges.
 *
 * <p>Immutable; any thread.
 */
final class MinuteTimeline implements UsageTimeline {

    static final int REQUESTS = 0;
    static final int INPUT = 1;
    static final int OUTPUT = 2;
    static final int WRITE_5M = 3;
    static final int WRITE_1H = 4;
    static final int READ = 5;
    /** Values per minute and model: requests and the five token kinds. */
    static final int FIELDS = 6;
    /** Offset of an hour's totals behind its 60 minutes. */
    static final int TOTALS = 60 * FIELDS;

    /** A timeline without any usage. */
    static final MinuteTimeline EMPTY = new MinuteTimeline(new long[0], new Hour[0]);

    private final long[] hourKeys;
    private final Hour[] hours;

    MinuteTimeline(long[] hourKeys, Hour[] hours) {
        this.hourKeys = hourKeys;
        this.hours = hours;
    }

    long[] hourKeys() {
        return hourKeys;
    }

    Hour[] hours() {
        return hours;
    }

    @Override
    public UsageTotals between(Instant from, Instant to) {
        long fromMinute = Math.floorDiv(from.getEpochSecond(), 60);
        long toMinute = Math.floorDiv(to.getEpochSecond(), 60);
        if (toMinute <= fromMinute || hours.length == 0) {
            return UsageTotals.EMPTY;
        }
        long lastHour = Math.floorDiv(toMinute - 1, 60);
        Map<String, long[]> sums = new HashMap<>();
        for (int i = firstAtOrAfter(Math.floorDiv(fromMinute, 60)); i < hours.length && hourKeys[i] <= lastHour; i++) {
            Hour h = hours[i];
            long start = h.key * 60;
            int a = (int) Math.max(0, fromMinute - start);
            int b = (int) Math.min(60, toMinute - start);
            for (int m = 0; m < h.models.length; m++) {
                long[] d = h.data[m];
                long[] sum = sums.get(h.models[m]);
                if (sum == null) {
                    sum = new long[FIELDS];
                    sums.put(h.models[m], sum);
                }
                if (a == 0 && b == 60) {
                    for (int f = 0; f < FIELDS; f++) {
                        sum[f] += d[TOTALS + f];
                    }
                } else {
                    for (int minute = a; minute < b; minute++) {
                        for (int f = 0; f < FIELDS; f++) {
                            sum[f] += d[minute * FIELDS + f];
                        }
                    }
                }
            }
        }
        long requests = 0;
        Map<String, TokenCounts> byModel = new HashMap<>();
        for (Map.Entry<String, long[]> e : sums.entrySet()) {
            long[] s = e.getValue();
            TokenCounts t = new TokenCounts(s[INPUT], s[OUTPUT], s[WRITE_5M], s[WRITE_1H], s[READ]);
            if (s[REQUESTS] != 0 || !t.isZero()) {
                byModel.put(e.getKey(), t);
                requests += s[REQUESTS];
            }
        }
        return byModel.isEmpty() ? UsageTotals.EMPTY
                : new UsageTotals((int) Math.min(Integer.MAX_VALUE, requests), byModel);
    }

    private int firstAtOrAfter(long hourKey) {
        int lo = 0;
        int hi = hourKeys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hourKeys[mid] < hourKey) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * One hour of usage: per model, 60 minutes of {@link #FIELDS} values followed by the hour's totals.
     * Never changed once a snapshot holds it.
     */
    static final class Hour {
        final long key;
        final String[] models;
        final long[][] data;

        Hour(long key, String[] models, long[][] data) {
            this.key = key;
            this.models = models;
            this.data = data;
        }
    }
}

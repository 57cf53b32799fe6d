package dev.budmon.history;

import dev.budmon.model.UtilizationHistory;
import dev.budmon.model.UtilizationSample;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quota history in memory, compact enough for a year of heavy use (half a million observations of four
 * windows in about 46 bytes each): columns in chunks instead of an object per observation, names as codes,
 * utilization in millionths, resets and statuses as runs (they change a few times a day), request ids as a
 * 64-bit key ({@link #requestKey}), which is all the join with the transcripts needs. The lines themselves,
 * ids included, are printed from the files by {@link HistoryReader#forEach}.
 *
 * <p>Observations are numbered in the order read; {@link #inTimeOrder} gives them by time (writers of several
 * processes append in the order their writes land, which may differ a little from the order of their times).
 * Immutable once read: any thread, after a safe hand-over (an executor, {@code invokeLater}).
 */
public final class QuotaHistory implements UtilizationHistory {

    /** A reset that was not given. */
    public static final long NO_RESET = LineScanner.NO_RESET;

    private final HistorySegment[] segments;
    /** Index of each segment's first observation. */
    private final int[] starts;
    private final int size;
    /** Indices in time order, or {@code null} when they are in it already. */
    private final int[] order;
    private final List<String> windowNames;

    QuotaHistory(List<HistorySegment> parts) {
        segments = parts.toArray(new HistorySegment[0]);
        starts = new int[segments.length];
        int n = 0;
        List<String> names = new ArrayList<>();
        boolean sorted = true;
        long last = Long.MIN_VALUE;
        for (int s = 0; s < segments.length; s++) {
            starts[s] = n;
            HistorySegment seg = segments[s];
            n += seg.size();
            for (String name : seg.windowNames.names) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
            sorted &= seg.inOrder && (seg.size() == 0 || seg.timeMillis(0) >= last);
            if (seg.size() > 0) {
                last = Math.max(last, seg.timeMillis(seg.size() - 1));
            }
        }
        size = n;
        windowNames = Collections.unmodifiableList(names);
        order = sorted ? null : timeOrder();
    }

    /** A history of these observations, in any order. Observations with too many distinct names are left out. */
    public static QuotaHistory of(Iterable<Observation> observations) {
        HistorySegment s = new HistorySegment();
        for (Observation o : observations) {
            s.add(o);
        }
        return new QuotaHistory(List.of(s));
    }

    /**
     * The key a request id has in the history: a 64-bit hash of its UTF-8 bytes (never 0). Two different ids
     * share a key with a probability of about one in 10⁸ over a year of requests; the join then gives the
     * observation to either.
     */
    public static long requestKey(String requestId) {
        byte[] b = requestId.getBytes(StandardCharsets.UTF_8);
        return LineScanner.hash(b, 0, b.length);
    }

    /** Observations held. */
    public int size() {
        return size;
    }

    /** The index of the {@code k}-th observation in time order (ties in the order read). */
    public int inTimeOrder(int k) {
        return order == null ? k : order[k];
    }

    private int segmentOf(int i) {
        return HistorySegment.lastAtOrBefore(starts, starts.length, i);
    }

    public long timeMillis(int i) {
        int s = segmentOf(i);
        return segments[s].timeMillis(i - starts[s]);
    }

    public String source(int i) {
        int s = segmentOf(i);
        return segments[s].source(i - starts[s]);
    }

    /** The account status; {@code null} when not given. */
    public String status(int i) {
        int s = segmentOf(i);
        return segments[s].status(i - starts[s]);
    }

    /** {@link #requestKey} of the request id; 0 when not given. */
    public long requestKeyOf(int i) {
        int s = segmentOf(i);
        return segments[s].requestKey(i - starts[s]);
    }

    /** The session id; {@code null} when not given. */
    public String sessionId(int i) {
        int s = segmentOf(i);
        return segments[s].sessionId(i - starts[s]);
    }

    /** Every window name seen, in the order first seen. */
    public List<String> windowNames() {
        return windowNames;
    }

    /** The window's figures in observation {@code i}, or {@code null} when it did not give the window. */
    public WindowReading reading(String name, int i) {
        int s = segmentOf(i);
        HistorySegment seg = segments[s];
        HistorySegment.Column c = seg.column(name);
        int local = i - starts[s];
        int m = c == null ? HistorySegment.ABSENT : c.micros(local);
        if (m == HistorySegment.ABSENT) {
            return null;
        }
        long r = c.reset(local);
        return new WindowReading(m < 0 ? null : m / 1e6, r == NO_RESET ? null : Instant.ofEpochSecond(r),
                seg.statuses.name(c.status(local)));
    }

    /** The observation {@code i}; its request id is unknown (the history keeps only its key). */
    public Observation observation(int i) {
        Map<String, WindowReading> w = new LinkedHashMap<>();
        for (String name : windowNames) {
            WindowReading r = reading(name, i);
            if (r != null) {
                w.put(name, r);
            }
        }
        return new Observation(Instant.ofEpochMilli(timeMillis(i)), source(i), null, sessionId(i), status(i), w);
    }

    /**
     * The observations of one window with a known utilization in {@code [fromMillis, toMillis)}, in time
     * order, of the best source of each window period (see {@link WindowSeries}).
     */
    public WindowSeries series(String name, long fromMillis, long toMillis) {
        HistorySegment.Column[] columns = new HistorySegment.Column[segments.length];
        for (int s = 0; s < segments.length; s++) {
            columns[s] = segments[s].column(name);
        }
        int n = 0;
        int[] picked = new int[64];
        int[] segOf = new int[64];
        for (int k = firstAtOrAfter(fromMillis); k < size; k++) {
            int i = inTimeOrder(k);
            int s = segmentOf(i);
            int local = i - starts[s];
            if (segments[s].timeMillis(local) >= toMillis) {
                break;
            }
            if (columns[s] != null && columns[s].micros(local) >= 0) {
                if (n == picked.length) {
                    picked = Arrays.copyOf(picked, n * 2);
                    segOf = Arrays.copyOf(segOf, n * 2);
                }
                picked[n] = local;
                segOf[n++] = s;
            }
        }
        long[] t = new long[n];
        double[] u = new double[n];
        long[] r = new long[n];
        long[] req = new long[n];
        byte[] kind = new byte[n];
        for (int k = 0; k < n; k++) {
            HistorySegment seg = segments[segOf[k]];
            int local = picked[k];
            t[k] = seg.timeMillis(local);
            u[k] = columns[segOf[k]].micros(local) / 1e6;
            r[k] = columns[segOf[k]].reset(local);
            req[k] = seg.requestKey(local);
            kind[k] = WindowSeries.kindOf(seg.source(local));
        }
        return WindowSeries.bestSources(name, t, u, r, req, kind);
    }

    @Override
    public List<UtilizationSample> samples(String window, Instant from, Instant to) {
        return series(window, from.toEpochMilli(), to.toEpochMilli()).samples();
    }

    /** The position in time order of the first observation at or after {@code millis}. */
    private int firstAtOrAfter(long millis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeMillis(inTimeOrder(mid)) < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Indices sorted by time, ties by index. */
    private int[] timeOrder() {
        long base = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            base = Math.min(base, timeMillis(i));
        }
        // (time − earliest) in the upper 42 bits (139 years of milliseconds), the index in the lower 21 bits
        // (2 million observations): one primitive sort, stable by index.
        boolean fits = size < (1 << 21);
        long[] keys = new long[size];
        for (int i = 0; i < size && fits; i++) {
            long d = timeMillis(i) - base;
            fits = d < (1L << 42);
            keys[i] = d << 21 | i;
        }
        int[] sorted = new int[size];
        if (fits) {
            Arrays.sort(keys);
            for (int k = 0; k < size; k++) {
                sorted[k] = (int) (keys[k] & ((1 << 21) - 1));
            }
            return sorted;
        }
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, new ByTime());
        for (int k = 0; k < size; k++) {
            sorted[k] = boxed[k];
        }
        return sorted;
    }

    /** For histories too large or too long for the packed sort: by time, then by index. */
    private final class ByTime implements java.util.Comparator<Integer> {
        @Override
        public int compare(Integer a, Integer b) {
            int c = Long.compare(timeMillis(a), timeMillis(b));
            return c != 0 ? c : Integer.compare(a, b);
        }
    }
}

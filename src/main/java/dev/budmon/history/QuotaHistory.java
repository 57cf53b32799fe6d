package dev.budmon.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quota history in memory, compact enough for a year of heavy use (half a million observations in
 * about 40 bytes each with four windows): columns in chunks of 8192 instead of an object per observation,
 * sources, statuses, window names and sessions as codes, utilization in millionths, each window's reset and
 * status as runs (they change a few times a day), and request ids as a 64-bit hash ({@link #requestKey}),
 * which is what the join with the transcripts needs. The lines themselves, ids included, are printed from
 * the files by {@link HistoryReader#forEach}.
 *
 * <p>Filled by one thread ({@link HistoryReader}, or {@link #of}), then read-only: hand it over to another
 * thread through a safe publication (an executor, {@code invokeLater}).
 */
public final class QuotaHistory {

    /** A reset that was not given. */
    public static final long NO_RESET = LineScanner.NO_RESET;

    private static final int SHIFT = 13;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    /**
     * Sources, statuses and window names are small codes; a line with more distinct ones than this is refused
     * as bad (no writer has more than a handful).
     */
    private static final int MAX_CODES = 120;
    /** Utilization of a window absent from an observation, in {@link WindowColumn#micros}. */
    private static final int ABSENT = -2;

    private long[][] time = new long[4][];
    private byte[][] source = new byte[4][];
    private byte[][] status = new byte[4][];
    private long[][] request = new long[4][];
    private int[][] session = new int[4][];
    private int size;
    /** Indices in time order, or {@code null} when the observations were added in time order. */
    private int[] order;
    private long lastTime = Long.MIN_VALUE;
    private boolean unsorted;

    private final Codes sources = new Codes(false, MAX_CODES);
    private final Codes statuses = new Codes(true, MAX_CODES);
    private final Codes windowNames = new Codes(false, MAX_CODES);
    private final Codes sessions = new Codes(true, Integer.MAX_VALUE);
    private WindowColumn[] columns = new WindowColumn[4];

    QuotaHistory() {
    }

    /** A history of these observations, in any order. */
    public static QuotaHistory of(Iterable<Observation> observations) {
        QuotaHistory h = new QuotaHistory();
        for (Observation o : observations) {
            h.add(o);
        }
        h.finish();
        return h;
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

    public long timeMillis(int i) {
        return time[i >>> SHIFT][i & MASK];
    }

    public String source(int i) {
        return sources.name(source[i >>> SHIFT][i & MASK]);
    }

    /** The account status; {@code null} when not given. */
    public String status(int i) {
        return statuses.name(status[i >>> SHIFT][i & MASK]);
    }

    /** {@link #requestKey} of the request id; 0 when not given. */
    public long requestKeyOf(int i) {
        return request[i >>> SHIFT][i & MASK];
    }

    /** The session id; {@code null} when not given. */
    public String sessionId(int i) {
        return sessions.name(session[i >>> SHIFT][i & MASK]);
    }

    /** Every window name seen, in the order first seen. */
    public List<String> windowNames() {
        return Collections.unmodifiableList(windowNames.names);
    }

    /** Whether observation {@code i} gave window {@code name}. */
    public boolean has(String name, int i) {
        WindowColumn c = column(name);
        return c != null && c.micros(i) != ABSENT;
    }

    /** The window's utilization in observation {@code i}; {@code NaN} when absent or not given. */
    public double utilization(String name, int i) {
        WindowColumn c = column(name);
        int m = c == null ? ABSENT : c.micros(i);
        return m < 0 ? Double.NaN : m / 1e6;
    }

    /** The window's reset in epoch seconds in observation {@code i}; {@link #NO_RESET} when absent or not given. */
    public long resetSeconds(String name, int i) {
        WindowColumn c = column(name);
        return c == null || c.micros(i) == ABSENT ? NO_RESET : c.reset(i);
    }

    /** The window's own status in observation {@code i}; {@code null} when absent or not given. */
    public String windowStatus(String name, int i) {
        WindowColumn c = column(name);
        return c == null || c.micros(i) == ABSENT ? null : statuses.name(c.status(i));
    }

    /** The observation {@code i} with its request id unknown (the history keeps only its key). */
    public Observation observation(int i) {
        Map<String, WindowReading> w = new java.util.LinkedHashMap<>();
        for (String name : windowNames.names) {
            if (has(name, i)) {
                double u = utilization(name, i);
                long r = resetSeconds(name, i);
                w.put(name, new WindowReading(Double.isNaN(u) ? null : u, r == NO_RESET ? null : Instant.ofEpochSecond(r),
                        windowStatus(name, i)));
            }
        }
        return new Observation(Instant.ofEpochMilli(timeMillis(i)), source(i), null, sessionId(i), status(i), w);
    }

    /**
     * The observations of one window with a known utilization in {@code [fromMillis, toMillis)}, in time
     * order, of the best source of each window period (see {@link WindowSeries}).
     */
    public WindowSeries series(String name, long fromMillis, long toMillis) {
        WindowColumn c = column(name);
        int n = 0;
        int[] picked = new int[64];
        if (c != null) {
            for (int k = firstAtOrAfter(fromMillis); k < size; k++) {
                int i = inTimeOrder(k);
                if (timeMillis(i) >= toMillis) {
                    break;
                }
                if (c.micros(i) >= 0) {
                    if (n == picked.length) {
                        picked = Arrays.copyOf(picked, n * 2);
                    }
                    picked[n++] = i;
                }
            }
        }
        // Per period (a run of equal resets), the best kind of source present.
        byte[] kind = new byte[n];
        boolean[] keep = new boolean[n];
        int start = 0;
        while (start < n) {
            long periodReset = c.reset(picked[start]);
            int stop = start + 1;
            byte best = WindowSeries.kindOf(source(picked[start]));
            kind[start] = best;
            while (stop < n) {
                long r = c.reset(picked[stop]);
                if (!WindowSeries.samePeriod(periodReset, r)) {
                    break;
                }
                if (periodReset == NO_RESET) {
                    periodReset = r;
                }
                kind[stop] = WindowSeries.kindOf(source(picked[stop]));
                best = (byte) Math.min(best, kind[stop]);
                stop++;
            }
            for (int k = start; k < stop; k++) {
                keep[k] = kind[k] == best;
            }
            start = stop;
        }
        int m = 0;
        for (boolean b : keep) {
            m += b ? 1 : 0;
        }
        long[] t = new long[m];
        double[] u = new double[m];
        long[] r = new long[m];
        long[] req = new long[m];
        byte[] kinds = new byte[m];
        int j = 0;
        for (int k = 0; k < n; k++) {
            if (keep[k]) {
                int i = picked[k];
                t[j] = timeMillis(i);
                u[j] = c.micros(i) / 1e6;
                r[j] = c.reset(i);
                req[j] = requestKeyOf(i);
                kinds[j] = kind[k];
                j++;
            }
        }
        return new WindowSeries(name, t, u, r, req, kinds);
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

    private WindowColumn column(String name) {
        int code = windowNames.find(name);
        return code < 0 ? null : columns[code];
    }

    // ---- filling, by one thread ----

    private final int[] windowCode = new int[LineScanner.MAX_WINDOWS];
    private final int[] windowStatus = new int[LineScanner.MAX_WINDOWS];

    /** Adds a scanned line; false when it has more distinct sources, statuses or windows than the history keeps. */
    boolean add(LineScanner s) {
        int src = sources.code(s, LineScanner.SRC);
        int st = statuses.code(s, LineScanner.STATUS);
        if (src < 0 || st < 0) {
            return false;
        }
        for (int w = 0; w < s.windows; w++) {
            windowCode[w] = windowNames.code(s, LineScanner.nameSlot(w));
            windowStatus[w] = statuses.code(s, LineScanner.statusSlot(w));
            if (windowCode[w] < 0 || windowStatus[w] < 0) {
                return false;
            }
        }
        int i = append(s.timeMillis, (byte) src, (byte) st, s.hash(LineScanner.REQ), sessions.code(s, LineScanner.SID));
        for (int w = 0; w < s.windows; w++) {
            columnFor(windowCode[w]).set(i, s.micros[w], s.reset[w], (byte) windowStatus[w]);
        }
        return true;
    }

    /** Adds an observation; false when it has more distinct sources, statuses or windows than the history keeps. */
    boolean add(Observation o) {
        int src = sources.code(o.source());
        int st = statuses.code(o.status());
        if (src < 0 || st < 0 || o.windows().size() > LineScanner.MAX_WINDOWS) {
            return false;
        }
        int w = 0;
        for (Map.Entry<String, WindowReading> e : o.windows().entrySet()) {
            windowCode[w] = windowNames.code(e.getKey());
            windowStatus[w] = statuses.code(e.getValue().status());
            if (windowCode[w] < 0 || windowStatus[w] < 0) {
                return false;
            }
            w++;
        }
        int i = append(o.time().toEpochMilli(), (byte) src, (byte) st,
                o.requestId() == null ? 0 : requestKey(o.requestId()), sessions.code(o.sessionId()));
        w = 0;
        for (WindowReading r : o.windows().values()) {
            columnFor(windowCode[w]).set(i,
                    r.utilization() == null ? LineScanner.NO_UTILIZATION : (int) Math.round(r.utilization() * 1e6),
                    r.reset() == null ? NO_RESET : r.reset().getEpochSecond(), (byte) windowStatus[w]);
            w++;
        }
        return true;
    }

    private int append(long t, byte src, byte st, long req, int sid) {
        int i = size;
        int chunk = i >>> SHIFT;
        if (chunk == time.length) {
            int n = chunk * 2;
            time = Arrays.copyOf(time, n);
            source = Arrays.copyOf(source, n);
            status = Arrays.copyOf(status, n);
            request = Arrays.copyOf(request, n);
            session = Arrays.copyOf(session, n);
        }
        if (time[chunk] == null) {
            time[chunk] = new long[CHUNK];
            source[chunk] = new byte[CHUNK];
            status[chunk] = new byte[CHUNK];
            request[chunk] = new long[CHUNK];
            session[chunk] = new int[CHUNK];
        }
        int k = i & MASK;
        time[chunk][k] = t;
        source[chunk][k] = src;
        status[chunk][k] = st;
        request[chunk][k] = req;
        session[chunk][k] = sid;
        unsorted |= t < lastTime;
        lastTime = Math.max(lastTime, t);
        size++;
        return i;
    }

    private WindowColumn columnFor(int code) {
        if (code >= columns.length) {
            columns = Arrays.copyOf(columns, Math.max(code + 1, columns.length * 2));
        }
        if (columns[code] == null) {
            columns[code] = new WindowColumn();
        }
        return columns[code];
    }

    /**
     * Ends the filling: the order by time, when the observations were not added in it (writers of several
     * processes append in the order their writes land, which may differ a little from the order of their times).
     */
    void finish() {
        if (!unsorted) {
            order = null;
            return;
        }
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
        order = new int[size];
        if (fits) {
            Arrays.sort(keys);
            for (int k = 0; k < size; k++) {
                order[k] = (int) (keys[k] & ((1 << 21) - 1));
            }
            return;
        }
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, new ByTime());
        for (int k = 0; k < size; k++) {
            order[k] = boxed[k];
        }
    }

    /** For histories too large or too long for the packed sort: by time, then by index. */
    private final class ByTime implements java.util.Comparator<Integer> {
        @Override
        public int compare(Integer a, Integer b) {
            int c = Long.compare(timeMillis(a), timeMillis(b));
            return c != 0 ? c : Integer.compare(a, b);
        }
    }

    /** One window's figures: utilization per observation, reset and status as runs. */
    private static final class WindowColumn {
        private int[][] micros = new int[4][];
        private int[] runStart = new int[8];
        private long[] runReset = new long[8];
        private byte[] runStatus = new byte[8];
        private int runs;

        int micros(int i) {
            int chunk = i >>> SHIFT;
            return chunk >= micros.length || micros[chunk] == null ? ABSENT : micros[chunk][i & MASK];
        }

        void set(int i, int u, long reset, byte status) {
            int chunk = i >>> SHIFT;
            if (chunk >= micros.length) {
                micros = Arrays.copyOf(micros, Math.max(chunk + 1, micros.length * 2));
            }
            if (micros[chunk] == null) {
                micros[chunk] = new int[CHUNK];
                Arrays.fill(micros[chunk], ABSENT);
            }
            micros[chunk][i & MASK] = u;
            if (runs == 0 || runReset[runs - 1] != reset || runStatus[runs - 1] != status) {
                if (runs == runStart.length) {
                    runStart = Arrays.copyOf(runStart, runs * 2);
                    runReset = Arrays.copyOf(runReset, runs * 2);
                    runStatus = Arrays.copyOf(runStatus, runs * 2);
                }
                runStart[runs] = i;
                runReset[runs] = reset;
                runStatus[runs] = status;
                runs++;
            }
        }

        private int run(int i) {
            int lo = 0;
            int hi = runs - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (runStart[mid] <= i) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

        long reset(int i) {
            return runs == 0 ? NO_RESET : runReset[run(i)];
        }

        byte status(int i) {
            return runs == 0 ? 0 : runStatus[run(i)];
        }
    }

    /**
     * Names as small codes. The names read most often are compared with the line's bytes, so that a line of
     * a known source, status or window builds no string.
     */
    private static final class Codes {
        final List<String> names = new ArrayList<>();
        private final List<byte[]> bytes = new ArrayList<>();
        private final Map<String, Integer> byName = new HashMap<>();
        /** Code 0 is "not given". */
        private final boolean nullable;
        private final int limit;
        private int last = -1;

        Codes(boolean nullable, int limit) {
            this.nullable = nullable;
            this.limit = limit;
            if (nullable) {
                names.add(null);
                bytes.add(new byte[0]);
            }
        }

        String name(int code) {
            return names.get(code);
        }

        int find(String name) {
            Integer c = byName.get(name);
            return c == null ? -1 : c;
        }

        /** The code of the slot's text, added when new; -1 when full. */
        int code(LineScanner s, int slot) {
            if (!s.present(slot)) {
                return nullable ? 0 : -1;
            }
            if (last >= 0 && s.textIs(slot, bytes.get(last))) {
                return last;
            }
            if (names.size() <= 8) {
                for (int c = nullable ? 1 : 0; c < names.size(); c++) {
                    if (s.textIs(slot, bytes.get(c))) {
                        last = c;
                        return c;
                    }
                }
            }
            return code(s.text(slot));
        }

        /** The code of a name, added when new; -1 when full. */
        int code(String name) {
            if (name == null) {
                return nullable ? 0 : -1;
            }
            Integer c = byName.get(name);
            if (c == null) {
                if (names.size() >= limit) {
                    return -1;
                }
                c = names.size();
                names.add(name);
                bytes.add(name.getBytes(StandardCharsets.UTF_8));
                byName.put(name, c);
            }
            last = c;
            return c;
        }
    }
}

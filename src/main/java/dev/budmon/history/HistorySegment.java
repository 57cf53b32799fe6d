package dev.budmon.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The observations of one month file (or of one list) in columns, the part of a {@link QuotaHistory} one
 * reading thread fills: times, sources, statuses and sessions as codes, request ids as their key,
 * utilization in millionths per window, each window's reset and status as runs. Chunks of 8192, so that
 * nothing is copied while it grows. Filled by one thread, then read-only.
 */
final class HistorySegment {

    private static final int SHIFT = 13;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    /**
     * Sources, statuses and window names are small codes; a line with more distinct ones than this is refused
     * as bad (no writer has more than a handful).
     */
    private static final int MAX_CODES = 120;
    /** Capacity of the first chunk at first. */
    private static final int FIRST_CAPACITY = 128;
    /** Utilization of a window absent from an observation. */
    static final int ABSENT = -2;

    private long[][] time = new long[4][];
    private byte[][] source = new byte[4][];
    private byte[][] status = new byte[4][];
    private long[][] request = new long[4][];
    private int[][] session = new int[4][];
    private int size;
    private long lastTime = Long.MIN_VALUE;
    /** Whether the observations came in the order of their times. */
    boolean inOrder = true;

    final Codes sources = new Codes(false, MAX_CODES);
    final Codes statuses = new Codes(true, MAX_CODES);
    final Codes windowNames = new Codes(false, MAX_CODES);
    private final Codes sessions = new Codes(true, Integer.MAX_VALUE);
    private Column[] columns = new Column[4];

    /** The codes of the previous line's windows and their statuses, by position: the next line's likely ones. */
    private final int[] windowCode = new int[LineScanner.MAX_WINDOWS];
    private final int[] windowStatus = new int[LineScanner.MAX_WINDOWS];

    int size() {
        return size;
    }

    long timeMillis(int i) {
        return time[i >>> SHIFT][i & MASK];
    }

    String source(int i) {
        return sources.name(source[i >>> SHIFT][i & MASK]);
    }

    String status(int i) {
        return statuses.name(status[i >>> SHIFT][i & MASK]);
    }

    long requestKey(int i) {
        return request[i >>> SHIFT][i & MASK];
    }

    String sessionId(int i) {
        return sessions.name(session[i >>> SHIFT][i & MASK]);
    }

    /** The window's column, or {@code null} when no observation here gave it. */
    Column column(String name) {
        int code = windowNames.find(name);
        return code < 0 ? null : columns[code];
    }

    /** Adds a read line; false when it has more distinct sources, statuses or windows than a segment keeps. */
    boolean add(LineScanner s) {
        int src = sources.code(s, LineScanner.SRC, -1);
        int st = statuses.code(s, LineScanner.STATUS, -1);
        if (src < 0 || st < 0) {
            return false;
        }
        for (int w = 0; w < s.windows; w++) {
            windowCode[w] = windowNames.code(s, LineScanner.nameSlot(w), windowCode[w]);
            windowStatus[w] = statuses.code(s, LineScanner.statusSlot(w), windowStatus[w]);
            if (windowCode[w] < 0 || windowStatus[w] < 0) {
                return false;
            }
        }
        int i = append(s.timeMillis, (byte) src, (byte) st, s.hash(LineScanner.REQ),
                sessions.code(s, LineScanner.SID, -1));
        for (int w = 0; w < s.windows; w++) {
            columnFor(windowCode[w]).set(i, s.micros[w], s.reset[w], (byte) windowStatus[w]);
        }
        return true;
    }

    /** Adds an observation; false when it has more distinct sources, statuses or windows than a segment keeps. */
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
                o.requestId() == null ? 0 : QuotaHistory.requestKey(o.requestId()), sessions.code(o.sessionId()));
        w = 0;
        for (WindowReading r : o.windows().values()) {
            columnFor(windowCode[w]).set(i,
                    r.utilization() == null ? LineScanner.NO_UTILIZATION : (int) Math.round(r.utilization() * 1e6),
                    r.reset() == null ? LineScanner.NO_RESET : r.reset().getEpochSecond(), (byte) windowStatus[w]);
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
        int k = i & MASK;
        if (time[chunk] == null || time[chunk].length == k) {
            // the first chunk grows from a small start: the status line keeps an hour, a reader a month
            int n = chunk > 0 ? CHUNK : time[0] == null ? FIRST_CAPACITY : Math.min(CHUNK, 4 * k);
            time[chunk] = time[chunk] == null ? new long[n] : Arrays.copyOf(time[chunk], n);
            source[chunk] = source[chunk] == null ? new byte[n] : Arrays.copyOf(source[chunk], n);
            status[chunk] = status[chunk] == null ? new byte[n] : Arrays.copyOf(status[chunk], n);
            request[chunk] = request[chunk] == null ? new long[n] : Arrays.copyOf(request[chunk], n);
            session[chunk] = session[chunk] == null ? new int[n] : Arrays.copyOf(session[chunk], n);
        }
        time[chunk][k] = t;
        source[chunk][k] = src;
        status[chunk][k] = st;
        request[chunk][k] = req;
        session[chunk][k] = sid;
        inOrder &= t >= lastTime;
        lastTime = Math.max(lastTime, t);
        size++;
        return i;
    }

    private Column columnFor(int code) {
        if (code >= columns.length) {
            columns = Arrays.copyOf(columns, Math.max(code + 1, columns.length * 2));
        }
        if (columns[code] == null) {
            columns[code] = new Column();
        }
        return columns[code];
    }

    /** The index of the last of the first {@code count} ascending values that is at most {@code value} (0 when none is). */
    static int lastAtOrBefore(int[] ascending, int count, int value) {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ascending[mid] <= value) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Gives back what the last chunk does not use: a history has one segment per month. */
    void trim() {
        int chunk = size >>> SHIFT;
        int used = size & MASK;
        if (used == 0 || chunk >= time.length || time[chunk] == null || time[chunk].length == used) {
            return;
        }
        time[chunk] = Arrays.copyOf(time[chunk], used);
        source[chunk] = Arrays.copyOf(source[chunk], used);
        status[chunk] = Arrays.copyOf(status[chunk], used);
        request[chunk] = Arrays.copyOf(request[chunk], used);
        session[chunk] = Arrays.copyOf(session[chunk], used);
        for (Column c : columns) {
            if (c != null && chunk < c.micros.length && c.micros[chunk] != null && c.micros[chunk].length > used) {
                c.micros[chunk] = Arrays.copyOf(c.micros[chunk], used);
            }
        }
    }

    /** One window's figures: utilization per observation, reset and status as runs. */
    static final class Column {
        private int[][] micros = new int[4][];
        private int[] runStart = new int[8];
        private long[] runReset = new long[8];
        private byte[] runStatus = new byte[8];
        private int runs;

        /** Utilization in millionths, {@link LineScanner#NO_UTILIZATION} when not given, {@link #ABSENT}. */
        int micros(int i) {
            int chunk = i >>> SHIFT;
            int k = i & MASK;
            return chunk >= micros.length || micros[chunk] == null || micros[chunk].length <= k ? ABSENT
                    : micros[chunk][k];
        }

        void set(int i, int u, long reset, byte status) {
            int chunk = i >>> SHIFT;
            if (chunk >= micros.length) {
                micros = Arrays.copyOf(micros, Math.max(chunk + 1, micros.length * 2));
            }
            int k = i & MASK;
            int[] m = micros[chunk];
            if (m == null || m.length <= k) {
                int n = chunk > 0 ? CHUNK : Math.min(CHUNK, Math.max(FIRST_CAPACITY, 4 * k));
                int old = m == null ? 0 : m.length;
                m = m == null ? new int[n] : Arrays.copyOf(m, n);
                Arrays.fill(m, old, n, ABSENT);
                micros[chunk] = m;
            }
            m[k] = u;
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
            return lastAtOrBefore(runStart, runs, i);
        }

        /** The reset in epoch seconds (meaningful where the window is present). */
        long reset(int i) {
            return runs == 0 ? LineScanner.NO_RESET : runReset[run(i)];
        }

        /** The status's code (meaningful where the window is present). */
        byte status(int i) {
            return runs == 0 ? 0 : runStatus[run(i)];
        }
    }

    /**
     * Names as small codes. A line's names are compared with its bytes, so that a line of a known source,
     * status or window builds no string.
     */
    static final class Codes {
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

        /**
         * The code of the slot's text, added when new; -1 when full.
         *
         * @param hint the likely code (the one at this place in the previous line), or -1
         */
        int code(LineScanner s, int slot, int hint) {
            if (!s.present(slot)) {
                return nullable ? 0 : -1;
            }
            if (hint > 0 && hint < bytes.size() && s.textIs(slot, bytes.get(hint))) {
                return hint;
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

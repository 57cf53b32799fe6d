package dev.budmon.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.budmon.json.IsoTime;
import dev.budmon.json.JsonStreams;
import dev.budmon.json.JsonValues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one history line (UTF-8 bytes, without its newline) into its fields, without building strings for
 * what the compact store keeps as codes (source, statuses, window names) or hashes (request ids).
 *
 * <p>Two readers: a year of history is half a million lines, and Jackson's parser, created per line so that
 * a bad line stays one bad line, reads them several times slower than the budget allows. So a line in the
 * form the writers write ({@link #scanWritten}: their key order, no spaces, the time with milliseconds,
 * strings without escapes) is read in one pass over its bytes; any other line goes to Jackson
 * ({@link #scan}), which accepts any key order, spaces, escapes and unknown keys. Both refuse a line that is
 * not one JSON object, has a known key with a value of the wrong type, or a value out of range (times and
 * resets by {@link JsonValues}, utilization 0..{@link Observation#MAX_UTILIZATION}).
 *
 * <p>Not thread-safe: one instance per reading thread.
 */
final class LineScanner {

    /** More windows in one line than any account has: the line is refused. */
    static final int MAX_WINDOWS = 32;

    static final int SRC = 0;
    static final int REQ = 1;
    static final int SID = 2;
    static final int STATUS = 3;
    private static final int FIRST_WINDOW_SLOT = 4;

    /** Utilization in millionths when absent. */
    static final int NO_UTILIZATION = -1;
    /** A reset when absent. */
    static final long NO_RESET = Long.MIN_VALUE;

    private static final long MAX_MICROS = (long) (Observation.MAX_UTILIZATION * 1_000_000);

    /** The observation's time in epoch milliseconds. */
    long timeMillis;
    /** Windows read. */
    int windows;
    /** Per window: utilization in millionths, or {@link #NO_UTILIZATION}. */
    final int[] micros = new int[MAX_WINDOWS];
    /** Per window: reset in epoch seconds, or {@link #NO_RESET}. */
    final long[] reset = new long[MAX_WINDOWS];

    // String slots: the four top-level strings, then name and status of each window. A slot is a byte range
    // of the line (the fast reader) or a string (Jackson); from == -1 and no string when absent or null.
    private final int[] slotFrom = new int[FIRST_WINDOW_SLOT + 2 * MAX_WINDOWS];
    private final int[] slotTo = new int[slotFrom.length];
    private final String[] slotText = new String[slotFrom.length];
    private byte[] a;

    static int nameSlot(int window) {
        return FIRST_WINDOW_SLOT + 2 * window;
    }

    static int statusSlot(int window) {
        return FIRST_WINDOW_SLOT + 2 * window + 1;
    }

    /** The slot's text, or {@code null} when absent. */
    String text(int slot) {
        if (slotText[slot] != null) {
            return slotText[slot];
        }
        int f = slotFrom[slot];
        return f < 0 ? null : new String(a, f, slotTo[slot] - f, StandardCharsets.UTF_8);
    }

    boolean present(int slot) {
        return slotFrom[slot] >= 0 || slotText[slot] != null;
    }

    /** Whether the slot holds exactly {@code word} (UTF-8). */
    boolean textIs(int slot, byte[] word) {
        if (slotText[slot] != null) {
            return slotText[slot].equals(new String(word, StandardCharsets.UTF_8));
        }
        int f = slotFrom[slot];
        if (f < 0 || slotTo[slot] - f != word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (a[f + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    /** {@link #hash(byte[], int, int)} of the slot's UTF-8 bytes; 0 when absent. */
    long hash(int slot) {
        if (slotText[slot] != null) {
            byte[] b = slotText[slot].getBytes(StandardCharsets.UTF_8);
            return hash(b, 0, b.length);
        }
        int f = slotFrom[slot];
        return f < 0 ? 0 : hash(a, f, slotTo[slot]);
    }

    /**
     * A 64-bit hash of bytes (FNV-1a, then MurmurHash3's finalizer so that similar ids spread), never 0. The
     * compact store keeps request ids as this hash: two of half a million ids collide with a probability
     * around 10⁻⁸.
     */
    static long hash(byte[] b, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= b[i] & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** The line as an {@link Observation}, after a successful read. */
    Observation toObservation() {
        Map<String, WindowReading> w = new LinkedHashMap<>();
        for (int i = 0; i < windows; i++) {
            w.put(text(nameSlot(i)), new WindowReading(micros[i] == NO_UTILIZATION ? null : micros[i] / 1e6,
                    reset[i] == NO_RESET ? null : Instant.ofEpochSecond(reset[i]), text(statusSlot(i))));
        }
        return new Observation(Instant.ofEpochMilli(timeMillis), text(SRC), text(REQ), text(SID), text(STATUS), w);
    }

    private void clear(int slot) {
        slotFrom[slot] = -1;
        slotTo[slot] = -1;
        slotText[slot] = null;
    }

    private void begin(byte[] line) {
        a = line;
        windows = 0;
        for (int k = 0; k < FIRST_WINDOW_SLOT; k++) {
            clear(k);
        }
    }

    // ---- the writers' form ----

    private static final byte[] WRITTEN_START = ascii("{\"t\":\"");
    private static final byte[] WRITTEN_SRC = ascii("\",\"src\":\"");
    private static final byte[] WRITTEN_REQ = ascii(",\"req\":");
    private static final byte[] WRITTEN_SID = ascii(",\"sid\":");
    private static final byte[] WRITTEN_STATUS = ascii(",\"status\":");
    private static final byte[] WRITTEN_W = ascii(",\"w\":{");
    private static final byte[] WRITTEN_U = ascii("\"u\":");
    private static final byte[] WRITTEN_R = ascii("\"r\":");
    private static final byte[] WRITTEN_S = ascii("\"s\":");
    private static final byte[] NULL = ascii("null");
    /** {@code 2026-12-06T03:30:00.123Z} and its closing quote. */
    private static final int TIME_LENGTH = 24;

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads a line in the writers' form that starts at {@code a[from]} and ends with a newline before
     * {@code limit}, in one pass, without looking for its end first.
     *
     * @return the index of the line's newline, or -1 when the line has any other form or is cut off at
     *         {@code limit}: then the caller finds its end and reads it with {@link #scan}
     */
    int scanWritten(byte[] a, int from, int limit) {
        begin(a);
        int i = from;
        if (!at(a, i, limit, WRITTEN_START) || i + WRITTEN_START.length + TIME_LENGTH + 1 > limit) {
            return -1;
        }
        i += WRITTEN_START.length;
        long millis = writtenTime(a, i);
        if (millis == IsoTime.INVALID) {
            return -1;
        }
        if (millis <= 0 || millis > JsonValues.MAX_EPOCH_MILLI || !at(a, i + TIME_LENGTH, limit, WRITTEN_SRC)) {
            return -1;
        }
        i = writtenString(a, i + TIME_LENGTH + WRITTEN_SRC.length, limit, SRC);
        if (i >= 0 && at(a, i, limit, WRITTEN_REQ)) {
            i = writtenNullable(a, i + WRITTEN_REQ.length, limit, REQ);
        }
        if (i >= 0 && at(a, i, limit, WRITTEN_SID)) {
            i = writtenNullable(a, i + WRITTEN_SID.length, limit, SID);
        }
        if (i >= 0 && at(a, i, limit, WRITTEN_STATUS)) {
            i = writtenNullable(a, i + WRITTEN_STATUS.length, limit, STATUS);
        }
        if (i < 0 || !at(a, i, limit, WRITTEN_W)) {
            return -1;
        }
        i += WRITTEN_W.length;
        while (i < limit && a[i] == '"') {
            if (windows == MAX_WINDOWS) {
                return -1;
            }
            i = writtenWindow(a, i, limit, windows);
            if (i < 0) {
                return -1;
            }
            windows++;
            if (i < limit && a[i] == ',') {
                i++;
            } else {
                break;
            }
        }
        // two windows of one name need no check: the store and toObservation keep the later, as JSON does
        if (i + 2 >= limit || a[i] != '}' || a[i + 1] != '}' || a[i + 2] != '\n') {
            return -1;
        }
        timeMillis = millis;
        return i + 2;
    }

    /** One {@code "name":{"u":…,"r":…,"s":"…"}} at {@code a[i]}: the index after it, or -1. */
    private int writtenWindow(byte[] a, int i, int limit, int w) {
        i = writtenString(a, i + 1, limit, nameSlot(w));
        if (i < 0 || i + 1 >= limit || a[i] != ':' || a[i + 1] != '{') {
            return -1;
        }
        i += 2;
        micros[w] = NO_UTILIZATION;
        reset[w] = NO_RESET;
        clear(statusSlot(w));
        boolean first = true;
        if (at(a, i, limit, WRITTEN_U)) {
            i += WRITTEN_U.length;
            int stop = i;
            while (stop < limit && (a[stop] >= '0' && a[stop] <= '9' || a[stop] == '.')) {
                stop++;
            }
            // JSON has no leading zeros: 00.4 is left to Jackson, which refuses it
            long m = stop > i && !(a[i] == '0' && stop > i + 1 && a[i + 1] != '.') ? plainMicros(a, i, stop) : -1;
            if (m < 0 || m > MAX_MICROS) {
                return -1;
            }
            micros[w] = (int) m;
            i = stop;
            first = false;
        }
        if (nextKey(a, i, limit, first, WRITTEN_R)) {
            i += (first ? 0 : 1) + WRITTEN_R.length;
            long v = 0;
            int digits = 0;
            while (i < limit && a[i] >= '0' && a[i] <= '9' && digits <= 12) {
                v = v * 10 + (a[i++] - '0');
                digits++;
            }
            if (v <= 0 || v > JsonValues.MAX_EPOCH_SECOND || a[i - digits] == '0'
                    || i >= limit || a[i] != ',' && a[i] != '}') {
                return -1; // milliseconds, a fraction or an exponent: Jackson and JsonValues read those
            }
            reset[w] = v;
            first = false;
        }
        if (nextKey(a, i, limit, first, WRITTEN_S)) {
            i += (first ? 0 : 1) + WRITTEN_S.length;
            if (i >= limit || a[i] != '"') {
                return -1;
            }
            i = writtenString(a, i + 1, limit, statusSlot(w));
        }
        return i < 0 || i >= limit || a[i] != '}' ? -1 : i + 1;
    }

    private static boolean nextKey(byte[] a, int i, int limit, boolean first, byte[] key) {
        return first ? at(a, i, limit, key) : i < limit && a[i] == ',' && at(a, i + 1, limit, key);
    }

    private static boolean at(byte[] a, int i, int limit, byte[] word) {
        if (i + word.length > limit) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (a[i + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    /** A string whose opening quote is just before {@code i}: the index after its closing quote, or -1. */
    private int writtenString(byte[] a, int i, int limit, int slot) {
        int start = i;
        while (i < limit) {
            byte b = a[i];
            if (b == '"') {
                slotFrom[slot] = start;
                slotTo[slot] = i;
                slotText[slot] = null;
                return i + 1;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                return -1; // an escape, or a control character that JSON wants escaped
            }
            i++;
        }
        return -1;
    }

    private int writtenNullable(byte[] a, int i, int limit, int slot) {
        if (i < limit && a[i] == '"') {
            return writtenString(a, i + 1, limit, slot);
        }
        return at(a, i, limit, NULL) ? i + NULL.length : -1;
    }

    /** The date of the previous line ({@code 2026-12-06}) and its midnight: lines of one day share it. */
    private final byte[] lastDate = new byte[10];
    private long lastMidnight = IsoTime.INVALID;

    /** {@code 2026-12-06T03:30:00.123Z"} at {@code a[i]} in epoch milliseconds; {@link IsoTime#INVALID} otherwise. */
    private long writtenTime(byte[] a, int i) {
        if (a[i + 4] != '-' || a[i + 7] != '-' || a[i + 10] != 'T' || a[i + 13] != ':' || a[i + 16] != ':'
                || a[i + 19] != '.' || a[i + 23] != 'Z') {
            return IsoTime.INVALID;
        }
        int hour = digits(a, i + 11, 2);
        int minute = digits(a, i + 14, 2);
        int second = digits(a, i + 17, 2);
        int milli = digits(a, i + 20, 3);
        if ((hour | minute | second | milli) < 0 || hour > 23 || minute > 59 || second > 59) {
            return IsoTime.INVALID;
        }
        if (lastMidnight == IsoTime.INVALID || !at(a, i, i + 10, lastDate)) {
            int year = digits(a, i, 4);
            int month = digits(a, i + 5, 2);
            int day = digits(a, i + 8, 2);
            if ((year | month | day) < 0) {
                return IsoTime.INVALID;
            }
            long midnight = IsoTime.utcMillis(year, month, day, 0, 0, 0, 0);
            if (midnight == IsoTime.INVALID) {
                return IsoTime.INVALID;
            }
            System.arraycopy(a, i, lastDate, 0, 10);
            lastMidnight = midnight;
        }
        return lastMidnight + ((hour * 60L + minute) * 60 + second) * 1000 + milli;
    }

    private static int digits(byte[] a, int i, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            int d = a[i + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** A plain decimal {@code 0.42} in millionths, rounded half up; -1 for anything else. */
    private static long plainMicros(byte[] a, int from, int to) {
        long v = 0;
        int i = from;
        while (i < to && a[i] >= '0' && a[i] <= '9' && i - from < 3) {
            v = v * 10 + (a[i++] - '0');
        }
        if (i == from || i - from > 2) {
            return -1;
        }
        v *= 1_000_000;
        if (i < to) {
            if (a[i++] != '.' || i == to) {
                return -1;
            }
            long scale = 100_000;
            for (; i < to; i++) {
                int d = a[i] - '0';
                if (d < 0 || d > 9) {
                    return -1;
                }
                if (scale > 0) {
                    v += d * scale;
                    scale /= 10;
                } else if (scale == 0) {
                    v += d >= 5 ? 1 : 0;
                    scale = -1;
                }
            }
        }
        return v;
    }

    /**
     * Reads the line {@code a[from, newline)} whose newline is at {@code a[newline]}: in one pass when it is in
     * the writers' form, else with Jackson. False when it is no observation.
     */
    boolean line(byte[] a, int from, int newline) {
        return scanWritten(a, from, newline + 1) == newline || scan(a, from, newline);
    }

    // ---- any other form ----

    /** Reads {@code a[from, to)} with Jackson; false when it is no observation (the fields are then meaningless). */
    boolean scan(byte[] a, int from, int to) {
        begin(a);
        boolean hasTime = false;
        try (JsonParser p = JsonStreams.FACTORY.createParser(a, from, to - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                boolean ok;
                switch (name) {
                    case "t" -> {
                        Instant time = v == JsonToken.VALUE_STRING ? IsoTime.parse(p.getText()) : null;
                        ok = time != null && time.isAfter(Instant.EPOCH)
                                && time.getEpochSecond() <= JsonValues.MAX_EPOCH_SECOND;
                        if (ok) {
                            timeMillis = time.toEpochMilli();
                            hasTime = true;
                        }
                    }
                    case "src" -> ok = v == JsonToken.VALUE_STRING && text(p, v, SRC);
                    case "req" -> ok = text(p, v, REQ);
                    case "sid" -> ok = text(p, v, SID);
                    case "status" -> ok = text(p, v, STATUS);
                    case "w" -> ok = v == JsonToken.VALUE_NULL || v == JsonToken.START_OBJECT && windows(p);
                    default -> {
                        p.skipChildren();
                        ok = true;
                    }
                }
                if (!ok) {
                    return false;
                }
            }
            return t == JsonToken.END_OBJECT && p.nextToken() == null && hasTime && present(SRC);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A string or null into the slot; false for any other value. */
    private boolean text(JsonParser p, JsonToken v, int slot) throws IOException {
        clear(slot);
        if (v == JsonToken.VALUE_STRING) {
            slotText[slot] = p.getText();
            return true;
        }
        return v == JsonToken.VALUE_NULL;
    }

    private boolean windows(JsonParser p) throws IOException {
        windows = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_NULL) {
                continue; // a window said to be unknown: as if absent
            }
            if (v != JsonToken.START_OBJECT) {
                return false;
            }
            int w = windows;
            for (int k = 0; k < windows; k++) {
                if (name.equals(slotText[nameSlot(k)])) {
                    w = k; // the later of two equal keys wins
                }
            }
            if (w == MAX_WINDOWS) {
                return false;
            }
            clear(nameSlot(w));
            slotText[nameSlot(w)] = name;
            if (!window(p, w)) {
                return false;
            }
            windows = Math.max(windows, w + 1);
        }
        return true;
    }

    private boolean window(JsonParser p, int w) throws IOException {
        micros[w] = NO_UTILIZATION;
        reset[w] = NO_RESET;
        clear(statusSlot(w));
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            boolean number = v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT;
            switch (key) {
                case "u" -> {
                    if (v != JsonToken.VALUE_NULL) {
                        Double d = number ? JsonValues.number(p.getText()) : null;
                        if (d == null || d < 0 || d > Observation.MAX_UTILIZATION) {
                            return false;
                        }
                        micros[w] = (int) Math.round(d * 1_000_000);
                    }
                }
                case "r" -> {
                    if (v != JsonToken.VALUE_NULL) {
                        Instant r = number ? JsonValues.time(p, v) : null;
                        if (r == null) {
                            return false;
                        }
                        reset[w] = r.getEpochSecond();
                    }
                }
                case "s" -> {
                    if (!text(p, v, statusSlot(w))) {
                        return false;
                    }
                }
                default -> p.skipChildren();
            }
        }
        return true;
    }
}

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
 * Reads one history line, raw UTF-8 bytes without the newline, into its fields, without building strings for
 * what the compact store keeps as codes (source, statuses, window names) or hashes (request ids).
 *
 * <p>A year of history is half a million lines; Jackson's parser, created per line so that a bad line stays
 * one bad line, reads them several times slower than the budget allows. So this is a small strict JSON
 * reader of its own: any key order, unknown keys skipped whatever their value, whitespace allowed; strings
 * with escapes are decoded by Jackson, numbers outside the plain decimal form are read by {@link JsonValues}.
 * A line is refused (and counted by the caller) when it is not one JSON object, a known key has a value of
 * the wrong type, or a value is out of range (times and resets by {@link JsonValues#epoch}, utilization
 * 0..{@link Observation#MAX_UTILIZATION}).
 *
 * <p>Not thread-safe: one instance per reading thread.
 */
final class LineScanner {

    /** More windows in one line than any account has: the line is refused. */
    static final int MAX_WINDOWS = 32;
    /** Nested values deeper than this in unknown keys are refused rather than followed. */
    private static final int MAX_DEPTH = 32;

    static final int SRC = 0;
    static final int REQ = 1;
    static final int SID = 2;
    static final int STATUS = 3;
    private static final int FIRST_WINDOW_SLOT = 4;
    /** Scratch slots: the key being read, and the time's text. */
    private static final int KEY = FIRST_WINDOW_SLOT + 2 * MAX_WINDOWS;
    private static final int TEMP = KEY + 1;

    /** Utilization in millionths when absent. */
    static final int NO_UTILIZATION = -1;
    /** A reset when absent. */
    static final long NO_RESET = Long.MIN_VALUE;

    private static final long MAX_MICROS = (long) (Observation.MAX_UTILIZATION * 1_000_000);

    private byte[] a;
    private int pos;
    private int end;

    /** The observation's time in epoch milliseconds. */
    long timeMillis;
    /** Windows read. */
    int windows;
    /** Per window: utilization in millionths, or {@link #NO_UTILIZATION}. */
    final int[] micros = new int[MAX_WINDOWS];
    /** Per window: reset in epoch seconds, or {@link #NO_RESET}. */
    final long[] reset = new long[MAX_WINDOWS];

    // String slots: the four top-level strings, then name and status of each window. A slot is a byte range
    // of the line, or a decoded string when it had escapes; from == -1 when absent or null.
    private final int[] slotFrom = new int[TEMP + 1];
    private final int[] slotTo = new int[slotFrom.length];
    private final String[] slotText = new String[slotFrom.length];

    private char[] chars = new char[40];
    private boolean hasTime;

    /** Reads {@code a[from, to)}; false when it is no observation (the fields are then meaningless). */
    boolean scan(byte[] a, int from, int to) {
        this.a = a;
        this.pos = from;
        this.end = to;
        windows = 0;
        hasTime = false;
        for (int i = 0; i < FIRST_WINDOW_SLOT; i++) {
            clear(i);
        }
        return object() && skipSpaces() == end && hasTime && slotFrom[SRC] >= 0;
    }

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
        return slotFrom[slot] >= 0;
    }

    /** Whether the slot holds exactly {@code word} (UTF-8). */
    boolean textIs(int slot, byte[] word) {
        if (slotText[slot] != null) {
            return slotText[slot].equals(new String(word, StandardCharsets.UTF_8));
        }
        int f = slotFrom[slot];
        return f >= 0 && slotTo[slot] - f == word.length
                && java.util.Arrays.equals(a, f, slotTo[slot], word, 0, word.length);
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

    /** The line as an {@link Observation}, after a successful {@link #scan}. */
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

    private int skipSpaces() {
        while (pos < end) {
            byte b = a[pos];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                break;
            }
            pos++;
        }
        return pos;
    }

    private boolean expect(char c) {
        skipSpaces();
        if (pos < end && a[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private static final byte[] T = {'t'};
    private static final byte[] SRC_KEY = {'s', 'r', 'c'};
    private static final byte[] REQ_KEY = {'r', 'e', 'q'};
    private static final byte[] SID_KEY = {'s', 'i', 'd'};
    private static final byte[] STATUS_KEY = {'s', 't', 'a', 't', 'u', 's'};
    private static final byte[] W = {'w'};
    private static final byte[] U = {'u'};
    private static final byte[] R = {'r'};
    private static final byte[] S = {'s'};

    /** The top-level object. */
    private boolean object() {
        if (!expect('{')) {
            return false;
        }
        if (expect('}')) {
            return true;
        }
        do {
            skipSpaces();
            if (!string(KEY) || !expect(':')) {
                return false;
            }
            skipSpaces();
            boolean ok;
            if (textIs(KEY, T)) {
                ok = time();
            } else if (textIs(KEY, SRC_KEY)) {
                ok = string(SRC);
            } else if (textIs(KEY, REQ_KEY)) {
                ok = nullableString(REQ);
            } else if (textIs(KEY, SID_KEY)) {
                ok = nullableString(SID);
            } else if (textIs(KEY, STATUS_KEY)) {
                ok = nullableString(STATUS);
            } else if (textIs(KEY, W)) {
                ok = windowsObject();
            } else {
                ok = skipValue(0);
            }
            if (!ok) {
                return false;
            }
        } while (expect(','));
        return expect('}');
    }

    private boolean time() {
        int slot = TEMP;
        if (!string(slot)) {
            return false;
        }
        long millis;
        if (slotText[slot] != null) {
            char[] c = slotText[slot].toCharArray();
            millis = IsoTime.parseMillis(c, 0, c.length);
        } else {
            int f = slotFrom[slot];
            int n = slotTo[slot] - f;
            if (chars.length < n) {
                chars = new char[n];
            }
            for (int i = 0; i < n; i++) {
                chars[i] = (char) (a[f + i] & 0xff);
            }
            millis = IsoTime.parseMillis(chars, 0, n);
        }
        if (millis == IsoTime.INVALID || millis <= 0 || millis > JsonValues.MAX_EPOCH_MILLI) {
            return false;
        }
        timeMillis = millis;
        hasTime = true;
        return true;
    }

    private boolean nullableString(int slot) {
        if (literal(NULL)) {
            clear(slot);
            return true;
        }
        return string(slot);
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private boolean literal(byte[] word) {
        if (end - pos >= word.length && java.util.Arrays.equals(a, pos, pos + word.length, word, 0, word.length)) {
            pos += word.length;
            return true;
        }
        return false;
    }

    /** A string at {@code pos} into the slot ({@code slot} -1: skipped). */
    private boolean string(int slot) {
        if (pos >= end || a[pos] != '"') {
            return false;
        }
        int start = ++pos;
        boolean escaped = false;
        while (pos < end) {
            byte b = a[pos];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                escaped = true;
                pos += 2;
                continue;
            }
            if (b >= 0 && b < 0x20) {
                return false; // a control character must be escaped
            }
            pos++;
        }
        if (pos >= end) {
            return false;
        }
        int stop = pos++;
        if (slot < 0) {
            return true;
        }
        if (escaped) {
            String s = decode(start - 1, pos);
            if (s == null) {
                return false;
            }
            slotText[slot] = s;
            slotFrom[slot] = start;
            slotTo[slot] = stop;
        } else {
            slotText[slot] = null;
            slotFrom[slot] = start;
            slotTo[slot] = stop;
        }
        return true;
    }

    /** A quoted string with escapes, {@code a[from, to)} quotes included; {@code null} when it is none. */
    private String decode(int from, int to) {
        try (JsonParser p = JsonStreams.FACTORY.createParser(a, from, to - from)) {
            return p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The {@code w} object: window name to {@code {"u", "r", "s"}}. */
    private boolean windowsObject() {
        windows = 0;
        if (literal(NULL)) {
            return true;
        }
        if (!expect('{')) {
            return false;
        }
        if (expect('}')) {
            return true;
        }
        do {
            if (windows == MAX_WINDOWS) {
                return false;
            }
            int w = windows;
            skipSpaces();
            if (!string(nameSlot(w)) || !expect(':')) {
                return false;
            }
            skipSpaces();
            if (literal(NULL)) {
                continue; // a window said to be unknown: as if absent
            }
            if (!window(w)) {
                return false;
            }
            windows = replaceSameName(w);
        } while (expect(','));
        return expect('}');
    }

    /** Keeps the later of two windows of the same name, as a JSON object keeps the later of two keys. */
    private int replaceSameName(int w) {
        for (int i = 0; i < w; i++) {
            if (sameText(nameSlot(i), nameSlot(w))) {
                micros[i] = micros[w];
                reset[i] = reset[w];
                copySlot(statusSlot(w), statusSlot(i));
                return w;
            }
        }
        return w + 1;
    }

    private boolean sameText(int x, int y) {
        if (slotText[x] != null || slotText[y] != null) {
            String tx = text(x);
            return tx != null && tx.equals(text(y));
        }
        return java.util.Arrays.equals(a, slotFrom[x], slotTo[x], a, slotFrom[y], slotTo[y]);
    }

    private void copySlot(int from, int to) {
        slotFrom[to] = slotFrom[from];
        slotTo[to] = slotTo[from];
        slotText[to] = slotText[from];
    }

    private boolean window(int w) {
        micros[w] = NO_UTILIZATION;
        reset[w] = NO_RESET;
        clear(statusSlot(w));
        if (!expect('{')) {
            return false;
        }
        if (expect('}')) {
            return true;
        }
        do {
            skipSpaces();
            if (!string(KEY) || !expect(':')) {
                return false;
            }
            skipSpaces();
            boolean ok;
            if (textIs(KEY, U)) {
                ok = utilization(w);
            } else if (textIs(KEY, R)) {
                ok = reset(w);
            } else if (textIs(KEY, S)) {
                ok = nullableString(statusSlot(w));
            } else {
                ok = skipValue(0);
            }
            if (!ok) {
                return false;
            }
        } while (expect(','));
        return expect('}');
    }

    /** A JSON number at {@code pos}: its end, or -1. */
    private int number() {
        int i = pos;
        if (i < end && a[i] == '-') {
            i++;
        }
        if (i >= end || a[i] < '0' || a[i] > '9') {
            return -1;
        }
        if (a[i] == '0') {
            i++;
        } else {
            while (i < end && a[i] >= '0' && a[i] <= '9') {
                i++;
            }
        }
        if (i < end && a[i] == '.') {
            i++;
            int digits = i;
            while (i < end && a[i] >= '0' && a[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return -1;
            }
        }
        if (i < end && (a[i] == 'e' || a[i] == 'E')) {
            i++;
            if (i < end && (a[i] == '+' || a[i] == '-')) {
                i++;
            }
            int digits = i;
            while (i < end && a[i] >= '0' && a[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return -1;
            }
        }
        return i;
    }

    private boolean utilization(int w) {
        if (literal(NULL)) {
            return true;
        }
        int stop = number();
        if (stop < 0) {
            return false;
        }
        long m = plainMicros(pos, stop);
        if (m < 0) {
            Double d = JsonValues.number(new String(a, pos, stop - pos, StandardCharsets.ISO_8859_1));
            m = d == null || d < 0 || d > Observation.MAX_UTILIZATION ? -1 : Math.round(d * 1_000_000);
        }
        pos = stop;
        if (m < 0 || m > MAX_MICROS) {
            return false;
        }
        micros[w] = (int) m;
        return true;
    }

    /**
     * A plain decimal {@code 0.42} in millionths, rounded half up; -1 for other forms (sign, exponent, more
     * than two integer digits), which the slow path reads.
     */
    private long plainMicros(int from, int to) {
        long v = 0;
        int i = from;
        int intDigits = 0;
        while (i < to && a[i] >= '0' && a[i] <= '9') {
            v = v * 10 + (a[i++] - '0');
            intDigits++;
        }
        if (intDigits == 0 || intDigits > 2) {
            return -1;
        }
        v *= 1_000_000;
        if (i < to) {
            if (a[i] != '.') {
                return -1;
            }
            i++;
            long scale = 100_000;
            while (i < to && a[i] >= '0' && a[i] <= '9') {
                int d = a[i++] - '0';
                if (scale > 0) {
                    v += d * scale;
                    scale /= 10;
                } else if (scale == 0) {
                    if (d >= 5) {
                        v++;
                    }
                    scale = -1;
                }
            }
            if (i < to) {
                return -1;
            }
        }
        return v;
    }

    private boolean reset(int w) {
        if (literal(NULL)) {
            return true;
        }
        int stop = number();
        if (stop < 0) {
            return false;
        }
        long seconds = NO_RESET;
        if (stop - pos <= 15 && a[pos] != '-') {
            long v = 0;
            boolean plain = true;
            for (int i = pos; i < stop && plain; i++) {
                if (a[i] < '0' || a[i] > '9') {
                    plain = false;
                } else {
                    v = v * 10 + (a[i] - '0');
                }
            }
            if (plain && v > 0) {
                seconds = v <= JsonValues.MAX_EPOCH_SECOND ? v : v <= JsonValues.MAX_EPOCH_MILLI ? v / 1000 : NO_RESET;
                pos = stop;
                if (seconds == NO_RESET) {
                    return false;
                }
                reset[w] = seconds;
                return true;
            }
        }
        Double d = JsonValues.number(new String(a, pos, stop - pos, StandardCharsets.ISO_8859_1));
        Instant t = d == null ? null : JsonValues.epoch(d);
        pos = stop;
        if (t == null) {
            return false;
        }
        reset[w] = t.getEpochSecond();
        return true;
    }

    /** Skips any JSON value at {@code pos}. */
    private boolean skipValue(int depth) {
        if (pos >= end || depth > MAX_DEPTH) {
            return false;
        }
        byte b = a[pos];
        if (b == '"') {
            return string(-1);
        }
        if (b == '{' || b == '[') {
            char close = b == '{' ? '}' : ']';
            pos++;
            if (expect(close)) {
                return true;
            }
            do {
                skipSpaces();
                if (b == '{' && (!string(-1) || !expect(':'))) {
                    return false;
                }
                skipSpaces();
                if (!skipValue(depth + 1)) {
                    return false;
                }
            } while (expect(','));
            return expect(close);
        }
        if (literal(NULL) || literal(TRUE) || literal(FALSE)) {
            return true;
        }
        int stop = number();
        if (stop < 0) {
            return false;
        }
        pos = stop;
        return true;
    }
}

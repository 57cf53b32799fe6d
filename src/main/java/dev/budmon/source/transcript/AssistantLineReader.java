package dev.budmon.source.transcript;

import dev.budmon.json.IsoTime;

import java.nio.charset.StandardCharsets;

/**
 * Reads an assistant line the way Claude Code writes it straight from its bytes, without Jackson: half the
 * lines of a transcript are assistant lines, and the parser's work on them was a third of a full scan.
 *
 * <p>It takes only what it can read exactly as {@link TranscriptLineParser}'s full parse would: a line that
 * is well-formed JSON outside its {@code message.content}, with every key once, plain ASCII text in the
 * keys and fields it needs, and token counts that are plain integers or {@code null}. Everything else
 * (escapes or letters beyond ASCII in a needed field, a duplicate key, a count of another type, a
 * cost-state field, a nesting deeper than 64) is left to the full
 * parse, by returning {@code false}: the answer is then the full parse's, so the two never differ. Other
 * strings outside the content may hold escapes and UTF-8, both checked as Jackson checks them. The
 * content is skipped without being checked, as the full parse cuts it out unchecked too; a short one (which
 * the full parse leaves for Jackson) is checked here as strictly as Jackson would.
 *
 * <p>Not thread-safe: one instance per parser.
 */
final class AssistantLineReader {

    private static final long SPACES = 0x2020202020202020L;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_DIGITS = 18;
    private static final int MAX_NUMBER = 100;
    /** Longer strings outside the content are left to Jackson, which has its own limit. */
    private static final int MAX_STRING = 1_000_000;

    private static final byte[] TYPE = bytes("type");
    private static final byte[] MESSAGE = bytes("message");
    private static final byte[] REQUEST_ID = bytes("requestId");
    private static final byte[] TIMESTAMP = bytes("timestamp");
    private static final byte[] SESSION_ID = bytes("sessionId");
    private static final byte[] CWD = bytes("cwd");
    private static final byte[] IS_SIDECHAIN = bytes("isSidechain");
    private static final byte[] TOTAL_COST = bytes("totalCostUSD");
    private static final byte[] MODEL_USAGE = bytes("modelUsage");
    private static final byte[] ID = bytes("id");
    private static final byte[] MODEL = bytes("model");
    private static final byte[] USAGE = bytes("usage");
    private static final byte[] CONTENT = bytes("content");
    private static final byte[] INPUT = bytes("input_tokens");
    private static final byte[] OUTPUT = bytes("output_tokens");
    private static final byte[] CACHE_READ = bytes("cache_read_input_tokens");
    private static final byte[] CACHE_CREATION_TOTAL = bytes("cache_creation_input_tokens");
    private static final byte[] CACHE_CREATION = bytes("cache_creation");
    private static final byte[] EPHEMERAL_5M = bytes("ephemeral_5m_input_tokens");
    private static final byte[] EPHEMERAL_1H = bytes("ephemeral_1h_input_tokens");
    private static final byte[] ASSISTANT = bytes("assistant");
    /** Content shorter than this the full parse hands to Jackson, which checks it. */
    private static final int CHECKED_CONTENT = 256;
    /** Returned by the readers for what the full parse must decide. */
    private static final int GIVE_UP = -1;
    /** Returned by {@link #open} and {@link #next} at an object's closing brace. */
    private static final int CLOSED = -2;

    private final char[] time = new char[64];
    /** The key {@link #member} read last. */
    private int keyFrom;
    private int keyEnd;
    /** Where the object {@link #open} or {@link #next} found closed has its closing brace. */
    private int closedAt;
    private long ephemeral5m;
    private long ephemeral1h;
    /** The last token count read by {@link #count}. */
    private long number;
    /** The last string read by {@link #nullableText}. */
    private String lastText;
    /** The fields whose last string is kept, and the bytes and strings kept of them. */
    private static final int MESSAGE_ID = 0;
    private static final int REQUEST = 1;
    private static final int SESSION = 2;
    private static final int DIRECTORY = 3;
    private static final int MODEL_ID = 4;
    private final byte[][] keptBytes = new byte[5][];
    private final String[] keptTexts = new String[5];
    private long seen;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads {@code a[from, to)} (trimmed, from its opening to its closing brace) into {@code out}, which the
     * caller has cleared.
     *
     * @return {@code true} when the line was read; {@code false} when the full parse must read it
     */
    boolean read(byte[] a, int from, int to, TranscriptLine out) {
        seen = 0;
        boolean typeAssistant = false;
        boolean hasUsage = false;
        int i;
        for (i = open(a, from, to); i >= 0; i = next(a, i, to)) {
            if ((i = member(a, i, to)) < 0) {
                return false;
            }
            if (key(a, TYPE)) {
                int end = plainEnd(a, i, to);
                if (once(1) || end < 0) {
                    return false;
                }
                typeAssistant = is(a, i + 1, end, ASSISTANT);
                i = end + 1;
            } else if (key(a, MESSAGE)) {
                if (once(2) || a[i] != '{' || (i = message(a, i, to, out)) < 0) {
                    return false;
                }
                hasUsage = true;
            } else if (key(a, REQUEST_ID)) {
                i = once(4) ? GIVE_UP : nullableText(a, i, to, REQUEST);
                out.requestId = lastText;
            } else if (key(a, SESSION_ID)) {
                i = once(8) ? GIVE_UP : nullableText(a, i, to, SESSION);
                out.sessionId = lastText;
            } else if (key(a, CWD)) {
                i = once(16) ? GIVE_UP : nullableText(a, i, to, DIRECTORY);
                out.cwd = lastText;
            } else if (key(a, TIMESTAMP)) {
                int end = plainEnd(a, i, to);
                if (once(32) || end < 0 || end - i - 1 > time.length) {
                    return false;
                }
                int n = end - i - 1;
                for (int k = 0; k < n; k++) {
                    time[k] = (char) a[i + 1 + k];
                }
                out.timeMillis = IsoTime.parseMillis(time, 0, n);
                i = end + 1;
            } else if (key(a, IS_SIDECHAIN)) {
                boolean yes = literal(a, i, to, "true");
                if (once(64) || (!yes && !literal(a, i, to, "false"))) {
                    return false;
                }
                out.sidechain = yes;
                i += yes ? 4 : 5;
            } else if (key(a, TOTAL_COST) || key(a, MODEL_USAGE)) {
                return false;
            } else {
                i = value(a, i, to, 0);
            }
        }
        if (i != CLOSED || closedAt != to - 1 || !typeAssistant || !hasUsage || out.messageId == null
                || out.timeMillis == IsoTime.INVALID) {
            return false;
        }
        if (out.model == null) {
            out.model = "unknown";
        }
        out.kind = TranscriptLine.SYNTHETIC_MODEL.equals(out.model)
                ? TranscriptLine.Kind.SYNTHETIC : TranscriptLine.Kind.USAGE;
        return true;
    }

    /** Marks a key as seen; {@code true} when it was seen before (the full parse decides duplicates). */
    private boolean once(long bit) {
        boolean before = (seen & bit) != 0;
        seen |= bit;
        return before;
    }

    /**
     * Enters the object whose brace is at {@code a[i]}: the index of its first key, {@link #CLOSED} when it
     * is empty, or {@link #GIVE_UP}.
     */
    private int open(byte[] a, int i, int to) {
        i = skipSpaces(a, i + 1, to);
        if (i >= to) {
            return GIVE_UP;
        }
        if (a[i] == '}') {
            closedAt = i;
            return CLOSED;
        }
        return i;
    }

    /**
     * Reads the key at {@code a[i]} (plain ASCII, into {@link #keyFrom} and {@link #keyEnd}) and its colon;
     * returns the index of its value, or {@link #GIVE_UP}.
     */
    private int member(byte[] a, int i, int to) {
        int end = plainEnd(a, i, to);
        if (end < 0) {
            return GIVE_UP;
        }
        keyFrom = i + 1;
        keyEnd = end;
        i = skipSpaces(a, end + 1, to);
        if (i >= to || a[i] != ':') {
            return GIVE_UP;
        }
        i = skipSpaces(a, i + 1, to);
        return i < to ? i : GIVE_UP;
    }

    /**
     * After a member's value, which ended before {@code a[i]}: the index of the next key, {@link #CLOSED}
     * at the object's closing brace (then at {@link #closedAt}), or {@link #GIVE_UP}.
     */
    private int next(byte[] a, int i, int to) {
        if (i < 0) {
            return GIVE_UP;
        }
        i = skipSpaces(a, i, to);
        if (i >= to) {
            return GIVE_UP;
        }
        if (a[i] == '}') {
            closedAt = i;
            return CLOSED;
        }
        return a[i] == ',' ? skipSpaces(a, i + 1, to) : GIVE_UP;
    }

    /** Whether the key just read by {@link #member} is this one. */
    private boolean key(byte[] a, byte[] word) {
        return is(a, keyFrom, keyEnd, word);
    }

    /** The message object at {@code a[i]}; returns the index after it, or {@link #GIVE_UP}. */
    private int message(byte[] a, int i, int to, TranscriptLine out) {
        boolean usage = false;
        for (i = open(a, i, to); i >= 0; i = next(a, i, to)) {
            if ((i = member(a, i, to)) < 0) {
                return GIVE_UP;
            }
            if (key(a, ID)) {
                i = once(128) ? GIVE_UP : nullableText(a, i, to, MESSAGE_ID);
                out.messageId = lastText;
            } else if (key(a, MODEL)) {
                i = once(256) ? GIVE_UP : nullableText(a, i, to, MODEL_ID);
                out.model = lastText;
            } else if (key(a, USAGE)) {
                i = once(512) || a[i] != '{' ? GIVE_UP : usage(a, i, to, out);
                usage = true;
            } else if (key(a, CONTENT)) {
                int end = TranscriptLineParser.endOfValue(a, i, to);
                // Long content is cut out unchecked by the full parse too; short content Jackson checks.
                i = once(1024) || end < 0 ? GIVE_UP : end - i >= CHECKED_CONTENT ? end : value(a, i, to, 2);
            } else {
                i = value(a, i, to, 2);
            }
        }
        return i == CLOSED && usage ? closedAt + 1 : GIVE_UP;
    }

    /** The usage object at {@code a[i]}; returns the index after it, or {@link #GIVE_UP}. */
    private int usage(byte[] a, int i, int to, TranscriptLine out) {
        long creation = 0;
        ephemeral5m = 0;
        ephemeral1h = 0;
        for (i = open(a, i, to); i >= 0; i = next(a, i, to)) {
            if ((i = member(a, i, to)) < 0) {
                return GIVE_UP;
            }
            if (key(a, INPUT)) {
                i = once(2048) ? GIVE_UP : count(a, i, to);
                out.input = number;
            } else if (key(a, OUTPUT)) {
                i = once(4096) ? GIVE_UP : count(a, i, to);
                out.output = number;
            } else if (key(a, CACHE_READ)) {
                i = once(8192) ? GIVE_UP : count(a, i, to);
                out.cacheRead = number;
            } else if (key(a, CACHE_CREATION_TOTAL)) {
                i = once(16384) ? GIVE_UP : count(a, i, to);
                creation = number;
            } else if (key(a, CACHE_CREATION)) {
                // any other value than an object is passed over, as the full parse does
                i = once(32768) ? GIVE_UP : a[i] == '{' ? cacheCreation(a, i, to) : value(a, i, to, 3);
            } else {
                i = value(a, i, to, 3);
            }
        }
        if (i != CLOSED) {
            return GIVE_UP;
        }
        // as the full parse: the split by lifetime wins, and any unexplained rest counts as 5 minutes
        out.cacheWrite1h = ephemeral1h;
        out.cacheWrite5m = Math.max(ephemeral5m, creation - ephemeral1h);
        return closedAt + 1;
    }

    /** The {@code cache_creation} object: the writes by lifetime; returns the index after it. */
    private int cacheCreation(byte[] a, int i, int to) {
        for (i = open(a, i, to); i >= 0; i = next(a, i, to)) {
            if ((i = member(a, i, to)) < 0) {
                return GIVE_UP;
            }
            if (key(a, EPHEMERAL_5M)) {
                i = once(65536) ? GIVE_UP : count(a, i, to);
                ephemeral5m = number;
            } else if (key(a, EPHEMERAL_1H)) {
                i = once(131072) ? GIVE_UP : count(a, i, to);
                ephemeral1h = number;
            } else {
                i = value(a, i, to, 4);
            }
        }
        return i == CLOSED ? closedAt + 1 : GIVE_UP;
    }

    /**
     * A token count at {@code a[i]}: a plain non-negative integer of at most 18 digits into {@link #number},
     * or {@code null} (0). Returns the index after it, or {@link #GIVE_UP} for anything else.
     */
    private int count(byte[] a, int i, int to) {
        number = 0;
        if (literal(a, i, to, "null")) {
            return i + 4;
        }
        int start = i;
        long n = 0;
        while (i < to && a[i] >= '0' && a[i] <= '9') {
            n = n * 10 + (a[i] - '0');
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && a[start] == '0') || !endsValue(a, i, to)) {
            return GIVE_UP;
        }
        number = n;
        return i;
    }

    /**
     * A string of plain ASCII (into {@link #lastText}) or {@code null}; returns the index after it. The
     * string of the same field of the line before is reused when the bytes are the same: a response's lines
     * repeat its ids, and a file's lines their session, directory and model, so a scan makes a few strings
     * per response instead of five per line (and the collector has that much less to copy).
     *
     * @param field which field it is, for the string kept of it
     */
    private int nullableText(byte[] a, int i, int to, int field) {
        if (literal(a, i, to, "null")) {
            lastText = null;
            return i + 4;
        }
        int end = plainEnd(a, i, to);
        if (end < 0) {
            return GIVE_UP;
        }
        byte[] before = keptBytes[field];
        if (before != null && java.util.Arrays.equals(a, i + 1, end, before, 0, before.length)) {
            lastText = keptTexts[field];
        } else {
            keptBytes[field] = java.util.Arrays.copyOfRange(a, i + 1, end);
            lastText = keptTexts[field] = new String(a, i + 1, end - i - 1, StandardCharsets.ISO_8859_1);
        }
        return end + 1;
    }

    /**
     * The closing quote of a string of plain ASCII starting with the quote at {@code a[i]}, or
     * {@link #GIVE_UP} when it holds an escape, a control character or a byte above 127 (or is no string).
     */
    private static int plainEnd(byte[] a, int i, int to) {
        if (i >= to || a[i] != '"') {
            return GIVE_UP;
        }
        int stop = special(a, i + 1, to);
        return stop >= 0 && a[stop] == '"' ? stop : GIVE_UP;
    }

    /**
     * Index of the first quote, backslash, control character or byte above 127 within {@code a[j, to)}, or
     * {@link #GIVE_UP}; eight bytes at a time.
     */
    private static int special(byte[] a, int j, int to) {
        for (; j + 8 <= to; j += 8) {
            long w = (long) BytePattern.LONGS.get(a, j);
            long q = w ^ BytePattern.QUOTES;
            long b = w ^ BytePattern.BACKSLASHES;
            // the lowest flagged byte of each mask is a real match, so it is of their union too
            long found = (((q - BytePattern.ONES) & ~q) | ((b - BytePattern.ONES) & ~b) | ((w - SPACES) & ~w) | w)
                    & BytePattern.HIGHS;
            if (found != 0) {
                return j + BytePattern.lowestByte(found);
            }
        }
        for (; j < to; j++) {
            byte c = a[j];
            if (c == '"' || c == '\\' || c < 0x20) { // a byte above 127 is negative
                return j;
            }
        }
        return GIVE_UP;
    }

    /**
     * Passes over the JSON value at {@code a[i]}, checking it as strictly as Jackson would outside the
     * content; returns the index after it, or {@link #GIVE_UP} for anything Jackson might read otherwise.
     */
    private int value(byte[] a, int i, int to, int depth) {
        if (i >= to || depth > MAX_DEPTH) {
            return GIVE_UP;
        }
        byte c = a[i];
        if (c == '"') {
            return string(a, i, to);
        }
        if (c == '{' || c == '[') {
            byte close = c == '{' ? (byte) '}' : (byte) ']';
            i = skipSpaces(a, i + 1, to);
            if (i < to && a[i] == close) {
                return i + 1;
            }
            while (true) {
                if (c == '{') {
                    i = string(a, i, to);
                    if (i < 0) {
                        return GIVE_UP;
                    }
                    i = skipSpaces(a, i, to);
                    if (i >= to || a[i] != ':') {
                        return GIVE_UP;
                    }
                    i = skipSpaces(a, i + 1, to);
                }
                i = value(a, i, to, depth + 1);
                if (i < 0) {
                    return GIVE_UP;
                }
                i = skipSpaces(a, i, to);
                if (i >= to) {
                    return GIVE_UP;
                }
                if (a[i] == close) {
                    return i + 1;
                }
                if (a[i] != ',') {
                    return GIVE_UP;
                }
                i = skipSpaces(a, i + 1, to);
            }
        }
        if (literal(a, i, to, "true")) {
            return endsValue(a, i + 4, to) ? i + 4 : GIVE_UP;
        }
        if (literal(a, i, to, "false")) {
            return endsValue(a, i + 5, to) ? i + 5 : GIVE_UP;
        }
        if (literal(a, i, to, "null")) {
            return endsValue(a, i + 4, to) ? i + 4 : GIVE_UP;
        }
        return numberValue(a, i, to);
    }

    /** A JSON number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private static int numberValue(byte[] a, int i, int to) {
        int start = i;
        if (i < to && a[i] == '-') {
            i++;
        }
        int intStart = i;
        i = digits(a, i, to);
        if (i == intStart || (i - intStart > 1 && a[intStart] == '0')) {
            return GIVE_UP;
        }
        if (i < to && a[i] == '.') {
            int f = ++i;
            i = digits(a, i, to);
            if (i == f) {
                return GIVE_UP;
            }
        }
        if (i < to && (a[i] == 'e' || a[i] == 'E')) {
            i++;
            if (i < to && (a[i] == '+' || a[i] == '-')) {
                i++;
            }
            int e = i;
            i = digits(a, i, to);
            if (i == e) {
                return GIVE_UP;
            }
        }
        return i - start <= MAX_NUMBER && endsValue(a, i, to) ? i : GIVE_UP;
    }

    private static int digits(byte[] a, int i, int to) {
        while (i < to && a[i] >= '0' && a[i] <= '9') {
            i++;
        }
        return i;
    }

    /** A string outside the content, its escapes and UTF-8 checked; returns the index after it. */
    private static int string(byte[] a, int i, int to) {
        if (i >= to || a[i] != '"') {
            return GIVE_UP;
        }
        int start = i;
        int j = i + 1;
        while (true) {
            int stop = special(a, j, to);
            if (stop < 0) {
                return GIVE_UP;
            }
            byte c = a[stop];
            if (c == '"') {
                return stop - start > MAX_STRING ? GIVE_UP : stop + 1;
            }
            if (c < 0) {
                // UTF-8, checked as Jackson checks what it skips: a lead byte and its continuation bytes
                int lead = c & 0xFF;
                int more = lead >= 0xF8 ? -1 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
                if (more < 0 || stop + more >= to) {
                    return GIVE_UP;
                }
                for (int k = 1; k <= more; k++) {
                    if ((a[stop + k] & 0xC0) != 0x80) {
                        return GIVE_UP;
                    }
                }
                j = stop + 1 + more;
                continue;
            }
            if (c != '\\' || stop + 1 >= to) {
                return GIVE_UP; // a control character: Jackson decides
            }
            byte e = a[stop + 1];
            if (e == 'u') {
                if (stop + 6 > to || !hex(a[stop + 2]) || !hex(a[stop + 3]) || !hex(a[stop + 4]) || !hex(a[stop + 5])) {
                    return GIVE_UP;
                }
                j = stop + 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                j = stop + 2;
            } else {
                return GIVE_UP;
            }
        }
    }

    private static boolean hex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static boolean literal(byte[] a, int i, int to, String word) {
        int n = word.length();
        if (to - i < n || a[i] != word.charAt(0)) {
            return false; // most values are no literal: one comparison
        }
        for (int k = 1; k < n; k++) {
            if (a[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a value may end before {@code a[i]}: a delimiter or space follows. */
    private static boolean endsValue(byte[] a, int i, int to) {
        if (i >= to) {
            return true;
        }
        byte c = a[i];
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean is(byte[] a, int from, int to, byte[] word) {
        return to - from == word.length && java.util.Arrays.equals(a, from, to, word, 0, word.length);
    }

    private static int skipSpaces(byte[] a, int i, int to) {
        while (i < to && (a[i] == ' ' || a[i] == '\t' || a[i] == '\r' || a[i] == '\n')) {
            i++;
        }
        return i;
    }
}

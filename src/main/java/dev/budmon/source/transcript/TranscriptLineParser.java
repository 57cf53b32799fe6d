package dev.budmon.source.transcript;

import dev.budmon.json.IsoTime;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.budmon.model.TokenCounts;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns one transcript line (raw UTF-8 bytes, without its newline) into a {@link TranscriptLine}.
 *
 * <p>Two stages, because real transcripts are mostly content BudMon never needs:
 * <ol>
 * <li>a byte pre-filter: every line is checked to look like one JSON object ({@code {…}}), so garbage is
 *     counted without parsing; then the top-level keys before the first nested value are read, which
 *     settles most lines by their {@code type}; the rest go on to the parser only when they contain the
 *     key {@code "usage"} or, if short, {@code "cost-state"}. An assistant line's {@code message.content}
 *     (most of its bytes) is cut out before parsing, found by a word-at-a-time string skip;</li>
 * <li>Jackson's streaming parser reads the few top-level fields needed and skips everything else
 *     ({@code content} arrays and the like) without building strings or trees; an assistant line in the
 *     form Claude Code writes is read without it, by {@link AssistantLineReader}, which gives the same
 *     result or leaves the line to Jackson.</li>
 * </ol>
 *
 * <p>Not thread-safe: one instance per scanning thread.
 */
final class TranscriptLineParser {

    /**
     * Cost-state lines are small metadata (about 600 bytes with one model, some 250 more per model); longer
     * lines are not searched for them, which spares a second pass over most tool results.
     */
    static final int COST_STATE_MAX_LINE = 8 * 1024;

    private static final BytePattern USAGE_KEY = new BytePattern("\"usage\"", 3);      // "ag"
    private static final BytePattern COST_STATE = new BytePattern("\"cost-state\"", 5); // "-s"
    private static final JsonFactory JSON = new JsonFactory();

    /** Set while reading a line whose JSON has a field of the wrong type. */
    private boolean wrongShape;
    /** Where the prefix found the message object, or -1. */
    private int messageAt;
    private int contentFrom;
    private int contentTo;
    /** The line without its message content, for the parser. */
    private byte[] cut = new byte[8192];
    /** {@code null} in tests that compare it with Jackson's reading. */
    private final AssistantLineReader assistantLines;

    TranscriptLineParser() {
        this(true);
    }

    /** @param readAssistantLinesWithoutJackson {@code false} for the tests that compare both readings */
    TranscriptLineParser(boolean readAssistantLinesWithoutJackson) {
        assistantLines = readAssistantLinesWithoutJackson ? new AssistantLineReader() : null;
    }

    /** Classifies {@code a[from, to)} and fills {@code out}. Never throws. */
    void parse(byte[] a, int from, int to, TranscriptLine out) {
        out.clear();
        while (from < to && isSpace(a[from])) {
            from++;
        }
        while (to > from && isSpace(a[to - 1])) {
            to--;
        }
        if (from == to) {
            out.kind = TranscriptLine.Kind.OTHER;
            return;
        }
        if (a[from] != '{' || a[to - 1] != '}') {
            out.kind = TranscriptLine.Kind.BAD;
            return;
        }
        int verdict = typeFromPrefix(a, from, to);
        if (verdict == SKIP || (verdict == UNKNOWN && !USAGE_KEY.occursIn(a, from, to)
                && (to - from > COST_STATE_MAX_LINE || !COST_STATE.occursIn(a, from, to)))) {
            out.kind = TranscriptLine.Kind.OTHER;
            return;
        }
        if (messageAt >= 0 && assistantLines != null) {
            if (assistantLines.read(a, from, to, out)) {
                return; // an assistant line as Claude Code writes it, read without Jackson
            }
            out.clear();
        }
        byte[] input = a;
        int inputFrom = from;
        int inputTo = to;
        if (messageAt >= 0 && findContent(a, messageAt, to) && contentTo - contentFrom >= CUT_CONTENT_FROM) {
            // The content (thinking, text, tool input) is most of an assistant line and nothing of it is
            // needed; skipping it here, a word at a time, is several times faster than the parser's skip.
            int length = (contentFrom - from) + EMPTY_ARRAY.length + (to - contentTo);
            if (cut.length < length) {
                cut = new byte[Math.max(length, cut.length * 2)];
            }
            System.arraycopy(a, from, cut, 0, contentFrom - from);
            System.arraycopy(EMPTY_ARRAY, 0, cut, contentFrom - from, EMPTY_ARRAY.length);
            System.arraycopy(a, contentTo, cut, contentFrom - from + EMPTY_ARRAY.length, to - contentTo);
            input = cut;
            inputFrom = 0;
            inputTo = length;
        }
        try (JsonParser p = JSON.createParser(input, inputFrom, inputTo - inputFrom)) {
            out.kind = parseObject(p, out);
            if (out.kind != TranscriptLine.Kind.BAD && p.nextToken() != null) {
                out.kind = TranscriptLine.Kind.BAD;
            }
        } catch (IOException | RuntimeException e) {
            // JsonParseException, a stream constraint, a number too big: all mean the line is not what we read.
            out.kind = TranscriptLine.Kind.BAD;
        }
    }

    private static final int UNKNOWN = 0;
    private static final int SKIP = 1;
    private static final int PARSE = 2;
    private static final int PREFIX_LIMIT = 4096;
    private static final byte[] TYPE = {'t', 'y', 'p', 'e'};
    private static final byte[] MESSAGE = {'m', 'e', 's', 's', 'a', 'g', 'e'};
    private static final byte[] CONTENT = {'c', 'o', 'n', 't', 'e', 'n', 't'};
    /** Content shorter than this is left for the parser to skip: cutting it out would cost more. */
    private static final int CUT_CONTENT_FROM = 256;
    private static final byte[] EMPTY_ARRAY = {'[', ']'};
    private static final byte[] ASSISTANT = {'a', 's', 's', 'i', 's', 't', 'a', 'n', 't'};
    private static final byte[] COST_STATE_TYPE = {'c', 'o', 's', 't', '-', 's', 't', 'a', 't', 'e'};

    /**
     * Reads the top-level keys of the object starting at {@code a[from]} up to the first nested value.
     * Claude Code writes {@code type} before the content of most lines (user prompts, tool results, API
     * request records), which settles them without looking at the rest; an assistant line has its
     * {@code message} object first, which goes straight to the parser. Anything else (a nested value
     * before {@code type}, an odd prefix) is {@link #UNKNOWN}, for the byte search to decide.
     */
    private int typeFromPrefix(byte[] a, int from, int to) {
        messageAt = -1;
        int limit = Math.min(to, from + PREFIX_LIMIT);
        int i = from + 1;
        while (true) {
            i = skipSpaces(a, i, limit);
            if (i >= limit || a[i] != '"') {
                return UNKNOWN;
            }
            int keyStart = i + 1;
            int keyEnd = endOfString(a, keyStart, limit);
            i = keyEnd < 0 ? limit : skipSpaces(a, keyEnd + 1, limit);
            if (i >= limit || a[i] != ':') {
                return UNKNOWN;
            }
            i = skipSpaces(a, i + 1, limit);
            if (i >= limit) {
                return UNKNOWN;
            }
            byte b = a[i];
            if (b == '"') {
                int valueStart = i + 1;
                int valueEnd = endOfString(a, valueStart, limit);
                if (valueEnd < 0) {
                    return UNKNOWN;
                }
                if (equal(a, keyStart, keyEnd, TYPE)) {
                    return equal(a, valueStart, valueEnd, ASSISTANT) || equal(a, valueStart, valueEnd, COST_STATE_TYPE)
                            ? PARSE : SKIP;
                }
                i = valueEnd + 1;
            } else if (b == '{' || b == '[') {
                if (b == '{' && equal(a, keyStart, keyEnd, MESSAGE)) {
                    messageAt = i;
                    return PARSE;
                }
                return UNKNOWN;
            } else {
                while (i < limit && a[i] != ',' && a[i] != '}' && !isSpace(a[i])) {
                    i++; // true, false, null or a number
                }
            }
            i = skipSpaces(a, i, limit);
            if (i >= limit || a[i] != ',') {
                return UNKNOWN;
            }
            i++;
        }
    }

    /** Index of the quote that ends the string whose first character is at {@code i}, or -1. */
    private static int endOfString(byte[] a, int i, int limit) {
        while (i < limit) {
            int j = BytePattern.indexOfQuoteOrBackslash(a, i, limit);
            if (j < 0 || a[j] == '"') {
                return j;
            }
            i = j + 2; // an escaped character
        }
        return -1;
    }

    /** Index just after the JSON value starting at {@code a[i]}, or -1 when it does not end before {@code limit}. */
    static int endOfValue(byte[] a, int i, int limit) {
        if (i >= limit) {
            return -1;
        }
        byte first = a[i];
        if (first == '"') {
            int end = endOfString(a, i + 1, limit);
            return end < 0 ? -1 : end + 1;
        }
        if (first != '{' && first != '[') {
            while (i < limit && a[i] != ',' && a[i] != '}' && a[i] != ']' && !isSpace(a[i])) {
                i++;
            }
            return i;
        }
        int depth = 0;
        while (i < limit) {
            byte b = a[i];
            if (b == '"') {
                int end = endOfString(a, i + 1, limit);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }

    /**
     * Finds the value of {@code content} in the message object starting at {@code a[messageAt]}, leaving
     * its span in {@link #contentFrom} and {@link #contentTo}; false when the object does not read as
     * expected before it.
     */
    private boolean findContent(byte[] a, int messageAt, int limit) {
        int i = messageAt + 1;
        while (true) {
            i = skipSpaces(a, i, limit);
            if (i >= limit || a[i] != '"') {
                return false;
            }
            int keyStart = i + 1;
            int keyEnd = endOfString(a, keyStart, limit);
            i = keyEnd < 0 ? limit : skipSpaces(a, keyEnd + 1, limit);
            if (i >= limit || a[i] != ':') {
                return false;
            }
            int valueAt = skipSpaces(a, i + 1, limit);
            int end = endOfValue(a, valueAt, limit);
            if (end < 0) {
                return false;
            }
            if (equal(a, keyStart, keyEnd, CONTENT)) {
                contentFrom = valueAt;
                contentTo = end;
                return true;
            }
            i = skipSpaces(a, end, limit);
            if (i >= limit || a[i] != ',') {
                return false;
            }
            i++;
        }
    }

    private static int skipSpaces(byte[] a, int i, int limit) {
        while (i < limit && isSpace(a[i])) {
            i++;
        }
        return i;
    }

    private static boolean equal(byte[] a, int from, int to, byte[] word) {
        return to - from == word.length && java.util.Arrays.equals(a, from, to, word, 0, word.length);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private TranscriptLine.Kind parseObject(JsonParser p, TranscriptLine out) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return TranscriptLine.Kind.BAD;
        }
        wrongShape = false;
        String type = null;
        boolean messageIsObject = false;
        boolean hasMessage = false;
        boolean hasUsage = false;
        boolean hasCost = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "type" -> type = string(p, v);
                case "message" -> {
                    hasMessage = true;
                    if (v == JsonToken.START_OBJECT) {
                        messageIsObject = true;
                        hasUsage |= parseMessage(p, out);
                    } else {
                        p.skipChildren();
                    }
                }
                case "requestId" -> out.requestId = string(p, v);
                case "timestamp" -> {
                    if (v == JsonToken.VALUE_STRING) {
                        out.timeMillis = IsoTime.parseMillis(p.getTextCharacters(), p.getTextOffset(),
                                p.getTextLength());
                    } else {
                        p.skipChildren();
                    }
                }
                case "sessionId" -> out.sessionId = string(p, v);
                case "cwd" -> out.cwd = string(p, v);
                case "isSidechain" -> out.sidechain = v == JsonToken.VALUE_TRUE;
                case "totalCostUSD" -> {
                    if (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT) {
                        out.totalCostUsd = p.getDoubleValue();
                        hasCost = true;
                    } else {
                        p.skipChildren();
                    }
                }
                case "modelUsage" -> {
                    if (v == JsonToken.START_OBJECT) {
                        out.modelUsage = parseModelUsage(p);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT || type == null) {
            return TranscriptLine.Kind.BAD;
        }
        switch (type) {
            case "assistant" -> {
                if (hasMessage && !messageIsObject) {
                    return TranscriptLine.Kind.BAD;
                }
                if (!hasUsage) {
                    return TranscriptLine.Kind.OTHER;
                }
                if (wrongShape || out.messageId == null || out.timeMillis == IsoTime.INVALID) {
                    return TranscriptLine.Kind.BAD;
                }
                if (out.model == null) {
                    out.model = "unknown";
                }
                return TranscriptLine.SYNTHETIC_MODEL.equals(out.model)
                        ? TranscriptLine.Kind.SYNTHETIC : TranscriptLine.Kind.USAGE;
            }
            case "cost-state" -> {
                return hasCost && out.totalCostUsd >= 0 ? TranscriptLine.Kind.COST_STATE : TranscriptLine.Kind.BAD;
            }
            default -> {
                return TranscriptLine.Kind.OTHER;
            }
        }
    }

    /** Reads {@code message}; returns whether it had a {@code usage} object. */
    private boolean parseMessage(JsonParser p, TranscriptLine out) throws IOException {
        boolean usage = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> out.messageId = string(p, v);
                case "model" -> out.model = string(p, v);
                case "usage" -> {
                    if (v == JsonToken.START_OBJECT) {
                        usage = true;
                        parseUsage(p, out);
                    } else if (v != JsonToken.VALUE_NULL) {
                        usage = true;
                        wrongShape = true;
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return usage;
    }

    private void parseUsage(JsonParser p, TranscriptLine out) throws IOException {
        long cacheCreation = 0;
        long ephemeral5m = 0;
        long ephemeral1h = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "input_tokens" -> out.input = tokens(p, v);
                case "output_tokens" -> out.output = tokens(p, v);
                case "cache_read_input_tokens" -> out.cacheRead = tokens(p, v);
                case "cache_creation_input_tokens" -> cacheCreation = tokens(p, v);
                case "cache_creation" -> {
                    if (v == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String kind = p.currentName();
                            JsonToken kv = p.nextToken();
                            if (kind.equals("ephemeral_5m_input_tokens")) {
                                ephemeral5m = tokens(p, kv);
                            } else if (kind.equals("ephemeral_1h_input_tokens")) {
                                ephemeral1h = tokens(p, kv);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        // The split by lifetime is newer than the total; without it every write is a 5-minute write (the
        // API's default lifetime). When both exist, the split wins and any unexplained rest counts as 5m.
        out.cacheWrite1h = ephemeral1h;
        out.cacheWrite5m = Math.max(ephemeral5m, cacheCreation - ephemeral1h);
    }

    private Map<String, ClaudeModelUsage> parseModelUsage(JsonParser p) throws IOException {
        Map<String, ClaudeModelUsage> result = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String model = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            long in = 0;
            long out = 0;
            long read = 0;
            long write = 0;
            long write5m = 0;
            long write1h = 0;
            Double cost = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "inputTokens" -> in = lenientCount(p, v);
                    case "outputTokens" -> out = lenientCount(p, v);
                    case "cacheReadInputTokens" -> read = lenientCount(p, v);
                    case "cacheCreationInputTokens" -> write = lenientCount(p, v);
                    case "cacheCreationEphemeral5mInputTokens" -> write5m = lenientCount(p, v);
                    case "cacheCreationEphemeral1hInputTokens" -> write1h = lenientCount(p, v);
                    case "costUSD" -> {
                        if (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT) {
                            cost = p.getDoubleValue();
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            result.put(model, new ClaudeModelUsage(
                    new TokenCounts(in, out, Math.max(write5m, write - write1h), write1h, read), cost));
        }
        return result;
    }

    private String string(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (v != JsonToken.VALUE_NULL) {
            wrongShape = true;
            p.skipChildren();
        }
        return null;
    }

    /** A token count: a non-negative integer; {@code null} means none. Anything else is the wrong shape. */
    private long tokens(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                wrongShape = true;
                return 0;
            }
            long n = p.getLongValue();
            if (n < 0) {
                wrongShape = true;
                return 0;
            }
            return n;
        }
        if (v != JsonToken.VALUE_NULL) {
            wrongShape = true;
            p.skipChildren();
        }
        return 0;
    }

    /** Claude Code's own figures are only shown beside ours, so an odd value there is read as zero. */
    private static long lenientCount(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            return Math.max(0, p.getValueAsLong());
        }
        p.skipChildren();
        return 0;
    }
}

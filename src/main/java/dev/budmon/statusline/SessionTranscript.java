package dev.budmon.statusline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.budmon.model.TokenCounts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Totals of one session from its transcript: the file Claude Code names in the payload's
 * {@code transcript_path}, plus its subagents' files in {@code <session>/subagents/}. Only this session is
 * read, never the whole {@code projects/} tree, because the status line runs after every message.
 *
 * <p>The counting rules are the foundation's: Claude Code writes one line per content block and repeats the
 * usage on each, so a response is counted once per {@code message.id} + {@code requestId}, with the largest
 * counts seen; a sidechain line that repeats a {@code message.id} under another {@code requestId} is a
 * replay; {@code <synthetic>} lines are no requests. Lines are scanned as bytes and only those that mention
 * {@code "usage"} are parsed, with the streaming parser; a last line without its line break is still being
 * written and is left for the next call.
 *
 * <p>A long session's transcript runs to tens of megabytes, so the counts and the read offset of each file
 * are kept in a small cache file between calls: each call reads only what was appended since. A file that
 * shrank or was replaced (another inode) invalidates the cache and the session is read again from the
 * start. I/O; any thread, but one call per cache file at a time (a lost race only costs a full read).
 */
public final class SessionTranscript {

    /** Transcripts larger than this are not read; their figures stay unknown. */
    static final long MAX_BYTES = 512L * 1024 * 1024;
    /** A single line longer than this is skipped (no usage line is anywhere near it). */
    static final int MAX_LINE = 64 * 1024 * 1024;
    /** Cache files of sessions untouched this long are removed when a new one is written. */
    static final long CACHE_DAYS = 14;

    private static final byte[] USAGE = "\"usage\"".getBytes(StandardCharsets.US_ASCII);
    private static final String SYNTHETIC = "<synthetic>";
    private static final int CACHE_VERSION = 1;

    private SessionTranscript() {
    }

    /**
     * The session's totals.
     *
     * @param requests       API responses counted
     * @param tokens         all of them together, by kind
     * @param lastCacheRatio cache-hit ratio of the newest response; {@code null} when none had prompt tokens
     */
    public record Totals(int requests, TokenCounts tokens, Double lastCacheRatio) {
    }

    /** Reads the whole transcript and its subagents, without a cache. */
    public static Totals read(Path transcript, List<String> warnings) {
        return read(transcript, null, warnings);
    }

    /**
     * Reads what was appended to the transcript and its subagents since the cache was written.
     *
     * @param cacheDir where the per-session cache file lives; {@code null} to read everything every time
     * @param warnings receives one line per problem
     * @return the totals; {@code null} when the transcript is missing, too large or unreadable
     */
    public static Totals read(Path transcript, Path cacheDir, List<String> warnings) {
        try {
            long size = Files.size(transcript);
            if (size > MAX_BYTES) {
                warnings.add(transcript + " is larger than " + MAX_BYTES / 1024 / 1024 + " MB; session figures left out");
                return null;
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            warnings.add(transcript + " cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        Path cacheFile = cacheDir == null ? null : cacheDir.resolve(cacheName(transcript));
        Counter c = cacheFile == null ? null : Counter.load(cacheFile, transcript.toString());
        if (c == null) {
            c = new Counter();
        }
        List<Path> files = new ArrayList<>();
        files.add(transcript);
        String name = transcript.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            Path subagents = transcript.resolveSibling(name.substring(0, name.length() - 6)).resolve("subagents");
            if (Files.isDirectory(subagents)) {
                try (DirectoryStream<Path> list = Files.newDirectoryStream(subagents, "*.jsonl")) {
                    List<Path> sorted = new ArrayList<>();
                    for (Path f : list) {
                        sorted.add(f);
                    }
                    sorted.sort(null);
                    files.addAll(sorted);
                } catch (IOException | RuntimeException e) {
                    warnings.add(subagents + " cannot be read (" + e.getClass().getSimpleName() + ")");
                }
            }
        }
        boolean changed;
        try {
            changed = c.readAll(files);
            if (c.invalid) {
                c = new Counter(); // a file shrank or was replaced: everything again, from the start
                changed = c.readAll(files);
            }
        } catch (IOException | RuntimeException e) {
            warnings.add(transcript + " cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        if (cacheFile != null && changed) {
            c.save(cacheFile, transcript.toString(), warnings);
        }
        return c.totals();
    }

    /** The cache file's name: the transcript's own name (Claude Code names it after the session id). */
    static String cacheName(Path transcript) {
        StringBuilder n = new StringBuilder();
        for (char ch : transcript.getFileName().toString().toCharArray()) {
            n.append(Character.isLetterOrDigit(ch) || ch == '.' || ch == '-' || ch == '_' ? ch : '_');
        }
        return "transcript-" + Integer.toHexString(transcript.toAbsolutePath().toString().hashCode()) + "-" + n + ".json";
    }

    /**
     * Feeds every complete line of the file that mentions usage to the counter. Most of a transcript is
     * prompts, tool results and request records; instead of walking it line by line, the bytes are searched
     * for {@code "usage"} (Horspool, skipping up to seven bytes a step) and only the lines around a hit are
     * delimited and parsed.
     */
    private static long scan(Path file, long offset, Counter c) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            long consumed = offset;
            byte[] buf = new byte[1 << 20];
            int end = 0;
            boolean skipping = false; // inside a line longer than MAX_LINE, dropped up to its line break
            while (true) {
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    return consumed; // what is left has no line break yet: a line still being written
                }
                end += n;
                int lastBreak = lastIndexOf(buf, (byte) '\n', 0, end);
                if (lastBreak < 0) {
                    if (end < buf.length) {
                        continue;
                    }
                    if (buf.length < MAX_LINE) {
                        buf = Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
                    } else {
                        skipping = true;
                        consumed += end;
                        end = 0;
                    }
                    continue;
                }
                int from = 0;
                if (skipping) {
                    from = indexOf(buf, (byte) '\n', 0, end) + 1;
                    skipping = false;
                }
                lines(buf, from, lastBreak, c);
                int rest = end - (lastBreak + 1);
                consumed += lastBreak + 1;
                System.arraycopy(buf, lastBreak + 1, buf, 0, rest);
                end = rest;
            }
        }
    }

    /** Parses each line within {@code [from, to)} (complete lines, {@code to} at a line break) that holds the needle. */
    private static void lines(byte[] b, int from, int to, Counter c) {
        int at = from;
        while (true) {
            int hit = find(b, at, to);
            if (hit < 0) {
                return;
            }
            int lineStart = lastIndexOf(b, (byte) '\n', at, hit) + 1;
            if (lineStart == 0) {
                lineStart = at;
            }
            int lineEnd = indexOf(b, (byte) '\n', hit, to);
            if (lineEnd < 0) {
                lineEnd = to;
            }
            c.line(b, lineStart, lineEnd - lineStart);
            at = lineEnd + 1;
            if (at >= to) {
                return;
            }
        }
    }

    /** Horspool search for {@link #USAGE} in {@code [from, to)}; -1 when absent. */
    private static int find(byte[] b, int from, int to) {
        int m = USAGE.length;
        int i = from + m - 1;
        while (i < to) {
            int k = 0;
            while (k < m && b[i - k] == USAGE[m - 1 - k]) {
                k++;
            }
            if (k == m) {
                return i - m + 1;
            }
            i += SKIP[b[i] & 0xff];
        }
        return -1;
    }

    private static final int[] SKIP = skipTable();

    private static int[] skipTable() {
        int[] t = new int[256];
        Arrays.fill(t, USAGE.length);
        for (int k = 0; k < USAGE.length - 1; k++) {
            t[USAGE[k] & 0xff] = USAGE.length - 1 - k;
        }
        return t;
    }

    private static int indexOf(byte[] b, byte x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, byte x, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** One response's figures as the counter keeps them. */
    private static final class Response {
        final String messageId;
        final String requestId;
        TokenCounts tokens;
        String time;

        Response(String messageId, String requestId, TokenCounts tokens, String time) {
            this.messageId = messageId;
            this.requestId = requestId;
            this.tokens = tokens;
            this.time = time;
        }
    }

    /** How far a file was read, and which file it was. */
    private record FileMark(String key, long offset) {
    }

    /** Counts responses once, by message id and request id. */
    private static final class Counter {
        private final Map<String, Response> byKey = new LinkedHashMap<>();
        private final Map<String, String> requestOfMessage = new HashMap<>();
        private final Map<String, FileMark> marks = new LinkedHashMap<>();
        private Response newest;
        /** A file shrank or was replaced since the cache was written. */
        boolean invalid;

        /** Reads what each file gained since its mark. @return whether anything was read */
        boolean readAll(List<Path> files) throws IOException {
            boolean changed = false;
            for (Path f : files) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(f, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue;
                }
                String key = String.valueOf(a.fileKey());
                FileMark mark = marks.get(f.toString());
                if (mark != null && (!mark.key().equals(key) || a.size() < mark.offset())) {
                    invalid = true;
                    return changed;
                }
                long offset = mark == null ? 0 : mark.offset();
                if (mark != null && a.size() == offset) {
                    continue;
                }
                long next = scan(f, offset, this);
                marks.put(f.toString(), new FileMark(key, next));
                changed |= mark == null || next != offset;
            }
            return changed;
        }

        /** The cached counts of this transcript; {@code null} when there are none or they are unusable. */
        static Counter load(Path cacheFile, String transcript) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(cacheFile);
            } catch (IOException | RuntimeException e) {
                return null;
            }
            Counter c = new Counter();
            String newestKey = null;
            boolean sameTranscript = false;
            int version = 0;
            try (JsonParser p = PayloadParser.JSON.createParser(bytes)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (field) {
                        case "version" -> version = (int) PayloadParser.parseLong(p.getText(), 0);
                        case "transcript" -> sameTranscript = transcript.equals(p.getValueAsString());
                        case "newest" -> newestKey = p.getValueAsString();
                        case "files" -> {
                            if (v != JsonToken.START_ARRAY) {
                                return null;
                            }
                            while (v == JsonToken.START_ARRAY && p.nextToken() == JsonToken.START_ARRAY) {
                                p.nextToken();
                                String path = p.getValueAsString();
                                p.nextToken();
                                String key = p.getValueAsString();
                                p.nextToken();
                                long offset = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? PayloadParser.parseLong(p.getText(), -1) : -1;
                                if (p.nextToken() != JsonToken.END_ARRAY || path == null || key == null || offset < 0) {
                                    return null;
                                }
                                c.marks.put(path, new FileMark(key, offset));
                            }
                        }
                        case "responses" -> {
                            if (v != JsonToken.START_ARRAY) {
                                return null;
                            }
                            while (v == JsonToken.START_ARRAY && p.nextToken() == JsonToken.START_ARRAY) {
                                String[] text = new String[3];
                                long[] n = new long[5];
                                for (int i = 0; i < 3; i++) {
                                    p.nextToken();
                                    text[i] = p.getValueAsString();
                                }
                                for (int i = 0; i < 5; i++) {
                                    p.nextToken();
                                    n[i] = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? PayloadParser.parseLong(p.getText(), -1) : -1;
                                }
                                if (p.nextToken() != JsonToken.END_ARRAY || text[0] == null || n[4] < 0) {
                                    return null;
                                }
                                Response r = new Response(text[0], text[1], new TokenCounts(n[0], n[1], n[2], n[3], n[4]),
                                        text[2]);
                                c.byKey.put(r.messageId + '\u0000' + r.requestId, r);
                                c.requestOfMessage.putIfAbsent(r.messageId, String.valueOf(r.requestId));
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
            if (version != CACHE_VERSION || !sameTranscript) {
                return null;
            }
            c.newest = newestKey == null ? null : c.byKey.get(newestKey);
            return c;
        }

        /** Writes the counts atomically; a failure only costs the next call a full read. */
        void save(Path cacheFile, String transcript, List<String> warnings) {
            try {
                Path dir = cacheFile.getParent();
                boolean fresh = !Files.exists(cacheFile);
                Files.createDirectories(dir);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 + byKey.size() * 120);
                try (com.fasterxml.jackson.core.JsonGenerator g = PayloadParser.JSON.createGenerator(out)) {
                    g.writeStartObject();
                    g.writeNumberField("version", CACHE_VERSION);
                    g.writeStringField("transcript", transcript);
                    g.writeStringField("newest", newest == null ? null : newest.messageId + '\u0000' + newest.requestId);
                    g.writeArrayFieldStart("files");
                    for (Map.Entry<String, FileMark> e : marks.entrySet()) {
                        g.writeStartArray();
                        g.writeString(e.getKey());
                        g.writeString(e.getValue().key());
                        g.writeNumber(e.getValue().offset());
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("responses");
                    for (Response r : byKey.values()) {
                        g.writeStartArray();
                        g.writeString(r.messageId);
                        g.writeString(r.requestId);
                        g.writeString(r.time);
                        TokenCounts t = r.tokens;
                        g.writeNumber(t.input());
                        g.writeNumber(t.output());
                        g.writeNumber(t.cacheWrite5m());
                        g.writeNumber(t.cacheWrite1h());
                        g.writeNumber(t.cacheRead());
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                JsonFiles.replaceAtomically(cacheFile, out.toByteArray());
                if (fresh) {
                    pruneOld(dir);
                }
            } catch (IOException | RuntimeException e) {
                warnings.add(cacheFile + " cannot be written (" + e.getClass().getSimpleName() + ")");
            }
        }

        /** Removes the cache files of sessions nobody has looked at for {@link #CACHE_DAYS} days. */
        private static void pruneOld(Path dir) {
            long cutoff = System.currentTimeMillis() - CACHE_DAYS * 24 * 3600 * 1000;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "transcript-*.json")) {
                for (Path f : files) {
                    if (Files.getLastModifiedTime(f).toMillis() < cutoff) {
                        Files.deleteIfExists(f);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // an old cache file left behind is harmless
            }
        }

        void line(byte[] b, int off, int len) {
            String type = null;
            String requestId = null;
            String time = null;
            boolean sidechain = false;
            String messageId = null;
            String model = null;
            TokenCounts usage = null;
            try (JsonParser p = PayloadParser.JSON.createParser(b, off, len)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (name) {
                        case "type" -> type = v == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "requestId" -> requestId = v == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "timestamp" -> time = v == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "isSidechain" -> sidechain = v == JsonToken.VALUE_TRUE;
                        case "message" -> {
                            if (v != JsonToken.START_OBJECT) {
                                p.skipChildren();
                                break;
                            }
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String m = p.currentName();
                                JsonToken mv = p.nextToken();
                                if (m.equals("id") && mv == JsonToken.VALUE_STRING) {
                                    messageId = p.getText();
                                } else if (m.equals("model") && mv == JsonToken.VALUE_STRING) {
                                    model = p.getText();
                                } else if (m.equals("usage") && mv == JsonToken.START_OBJECT) {
                                    usage = usage(p);
                                } else {
                                    p.skipChildren();
                                }
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            } catch (IOException | RuntimeException e) {
                return; // not JSON, or not the shape of a usage line: skipped like the foundation does
            }
            if (!"assistant".equals(type) || messageId == null || usage == null || SYNTHETIC.equals(model)) {
                return;
            }
            String seenRequest = requestOfMessage.get(messageId);
            if (sidechain && seenRequest != null && !seenRequest.equals(String.valueOf(requestId))) {
                return; // a replay of a parent's response, not new usage
            }
            requestOfMessage.putIfAbsent(messageId, String.valueOf(requestId));
            String key = messageId + '\u0000' + requestId;
            Response r = byKey.get(key);
            if (r == null) {
                r = new Response(messageId, requestId, usage, time);
                byKey.put(key, r);
            } else {
                r.tokens = r.tokens.max(usage);
                if (time != null && (r.time == null || time.compareTo(r.time) > 0)) {
                    r.time = time;
                }
            }
            if (newest == null || newest == r || (r.time != null && (newest.time == null || r.time.compareTo(newest.time) >= 0))) {
                newest = r;
            }
        }

        private static TokenCounts usage(JsonParser p) throws IOException {
            long input = 0;
            long output = 0;
            long writeAll = 0;
            long write5m = -1;
            long write1h = -1;
            long read = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "input_tokens" -> input = count(p, v);
                    case "output_tokens" -> output = count(p, v);
                    case "cache_creation_input_tokens" -> writeAll = count(p, v);
                    case "cache_read_input_tokens" -> read = count(p, v);
                    case "cache_creation" -> {
                        if (v != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            break;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            JsonToken kv = p.nextToken();
                            if (k.equals("ephemeral_5m_input_tokens")) {
                                write5m = count(p, kv);
                            } else if (k.equals("ephemeral_1h_input_tokens")) {
                                write1h = count(p, kv);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (write5m < 0 && write1h < 0) {
                // Without the split a cache write is the default 5-minute kind.
                return new TokenCounts(input, output, writeAll, 0, read);
            }
            return new TokenCounts(input, output, Math.max(0, write5m), Math.max(0, write1h), read);
        }

        private static long count(JsonParser p, JsonToken v) throws IOException {
            if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                return Math.max(0, PayloadParser.parseLong(p.getText(), 0));
            }
            p.skipChildren();
            return 0;
        }

        Totals totals() {
            TokenCounts sum = TokenCounts.ZERO;
            for (Response r : byKey.values()) {
                sum = sum.plus(r.tokens);
            }
            Double ratio = null;
            if (newest != null) {
                double d = newest.tokens.cacheHitRatio();
                ratio = Double.isNaN(d) ? null : d;
            }
            return new Totals(byKey.size(), sum, ratio);
        }
    }
}

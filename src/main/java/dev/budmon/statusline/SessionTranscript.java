package dev.budmon.statusline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.budmon.model.TokenCounts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * written and is left for the next call. I/O; any thread.
 */
public final class SessionTranscript {

    /** Transcripts larger than this are not read; their figures stay unknown. */
    static final long MAX_BYTES = 512L * 1024 * 1024;
    /** A single line longer than this is skipped (no usage line is anywhere near it). */
    static final int MAX_LINE = 64 * 1024 * 1024;

    private static final byte[] USAGE = "\"usage\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final String SYNTHETIC = "<synthetic>";

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

    /**
     * Reads the transcript and its subagents.
     *
     * @param warnings receives one line per problem
     * @return the totals; {@code null} when the transcript is missing, too large or unreadable
     */
    public static Totals read(Path transcript, List<String> warnings) {
        Counter c = new Counter();
        try {
            long size = Files.size(transcript);
            if (size > MAX_BYTES) {
                warnings.add(transcript + " is larger than " + MAX_BYTES / 1024 / 1024 + " MB; session figures left out");
                return null;
            }
            scan(transcript, c);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            warnings.add(transcript + " cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        String name = transcript.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            Path subagents = transcript.resolveSibling(name.substring(0, name.length() - 6)).resolve("subagents");
            if (Files.isDirectory(subagents)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(subagents, "*.jsonl")) {
                    List<Path> sorted = new ArrayList<>();
                    files.forEach(sorted::add);
                    sorted.sort(null);
                    for (Path f : sorted) {
                        scan(f, c);
                    }
                } catch (IOException | RuntimeException e) {
                    warnings.add(subagents + " cannot be read (" + e.getClass().getSimpleName() + ")");
                }
            }
        }
        return c.totals();
    }

    /** Feeds every complete line of the file that mentions usage to the counter. */
    private static void scan(Path file, Counter c) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            int start = 0;
            int end = 0;
            boolean skipping = false;
            while (true) {
                if (end == buf.length) {
                    if (start > 0) {
                        System.arraycopy(buf, start, buf, 0, end - start);
                        end -= start;
                        start = 0;
                    } else if (buf.length < MAX_LINE) {
                        buf = java.util.Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
                    } else {
                        skipping = true; // a monster line: drop it up to its line break
                        end = 0;
                    }
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    return; // what is left has no line break yet
                }
                int scanFrom = end;
                end += n;
                for (int i = scanFrom; i < end; i++) {
                    if (buf[i] == '\n') {
                        if (!skipping && contains(buf, start, i, USAGE)) {
                            c.line(buf, start, i - start);
                        }
                        skipping = false;
                        start = i + 1;
                    }
                }
                if (start == end) {
                    start = 0;
                    end = 0;
                }
            }
        }
    }

    private static boolean contains(byte[] b, int from, int to, byte[] needle) {
        byte first = needle[0];
        int last = to - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (b[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** One response's figures as the counter keeps them. */
    private static final class Response {
        TokenCounts tokens;
        String time;

        Response(TokenCounts tokens, String time) {
            this.tokens = tokens;
            this.time = time;
        }
    }

    /** Counts responses once, by message id and request id. */
    private static final class Counter {
        private final Map<String, Response> byKey = new HashMap<>();
        private final Map<String, String> requestOfMessage = new HashMap<>();
        private Response newest;

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
                r = new Response(usage, time);
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
                long n = p.getValueAsLong();
                return Math.max(0, n);
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

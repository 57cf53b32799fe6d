package dev.budmon.statusline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.budmon.model.TokenCounts;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;

/**
 * Reads Claude Code's status-line payload with Jackson's streaming parser: no data binding and no
 * {@code ObjectMapper}, which would cost the status line tens of milliseconds at start. Every field is
 * optional; a field of the wrong type counts as absent. Pure; any thread.
 */
public final class PayloadParser {

    /** Shared, thread-safe, without a codec: the streaming API only. */
    static final JsonFactory JSON = new JsonFactory();

    private PayloadParser() {
    }

    /**
     * Parses the payload.
     *
     * @return {@link Payload#NONE} for empty or blank input; {@link Payload#broken} for input that is not one
     *         JSON object; else the payload
     */
    public static Payload parse(byte[] bytes) {
        try (JsonParser p = JSON.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return Payload.NONE;
            }
            if (first != JsonToken.START_OBJECT) {
                return Payload.broken("is not a JSON object");
            }
            Fields f = new Fields();
            readObject(p, "", f);
            return f.toPayload();
        } catch (JsonProcessingException e) {
            return Payload.broken("is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException | RuntimeException e) {
            return Payload.broken("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The 5-hour and 7-day windows of a {@code rate_limits} object, as JSON text; empty windows when unusable. */
    static PayloadWindow[] windows(String rateLimitsJson) {
        PayloadWindow[] out = {new PayloadWindow(null, null), new PayloadWindow(null, null)};
        try (JsonParser p = JSON.createParser(rateLimitsJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                int slot = name.equals("five_hour") ? 0 : name.equals("seven_day") ? 1 : -1;
                if (slot >= 0 && v == JsonToken.START_OBJECT) {
                    out[slot] = window(p);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return new PayloadWindow[] {new PayloadWindow(null, null), new PayloadWindow(null, null)};
        }
        return out;
    }

    private static PayloadWindow window(JsonParser p) throws IOException {
        Double percent = null;
        Instant reset = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("used_percentage")) {
                Double d = number(p, v);
                percent = d != null && d >= 0 ? d : null;
            } else if (name.equals("resets_at")) {
                reset = time(p, v);
            } else {
                p.skipChildren();
            }
        }
        return new PayloadWindow(percent, reset);
    }

    /** Walks one object; {@code path} is the dotted path of the object, empty for the root. */
    private static void readObject(JsonParser p, String path, Fields f) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String full = path.isEmpty() ? name : path + "." + name;
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
                if (full.equals("rate_limits")) {
                    f.rateLimits = copy(p);
                } else if (full.equals("model") || full.equals("cost") || full.equals("workspace")
                        || full.equals("context_window") || full.equals("context_window.current_usage")) {
                    readObject(p, full, f);
                } else {
                    p.skipChildren();
                }
            } else if (v == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else {
                f.scalar(full, p, v);
            }
        }
    }

    /** The current object as compact JSON text, numbers exactly as written. */
    static String copy(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            copyStructure(p, g);
        }
        return w.toString();
    }

    /**
     * Copies the value the parser is at (a whole object or array, or a scalar) to the generator, numbers as
     * their text. Jackson's own {@code copyCurrentStructure} converts numbers, and its number parsing
     * compiles regular expressions on first use, which costs the status line milliseconds at every start.
     */
    static void copyStructure(JsonParser p, JsonGenerator g) throws IOException {
        int depth = 0;
        JsonToken t = p.currentToken();
        while (t != null) {
            switch (t) {
                case START_OBJECT -> {
                    g.writeStartObject();
                    depth++;
                }
                case START_ARRAY -> {
                    g.writeStartArray();
                    depth++;
                }
                case END_OBJECT -> {
                    g.writeEndObject();
                    depth--;
                }
                case END_ARRAY -> {
                    g.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> g.writeFieldName(p.currentName());
                case VALUE_STRING -> g.writeString(p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                case VALUE_TRUE -> g.writeBoolean(true);
                case VALUE_FALSE -> g.writeBoolean(false);
                case VALUE_NULL -> g.writeNull();
                default -> throw new IOException("unexpected " + t);
            }
            if (depth == 0) {
                return;
            }
            t = p.nextToken();
        }
    }

    /** The scalar fields found so far. */
    private static final class Fields {
        String cwd;
        String workspaceDir;
        String modelName;
        String modelId;
        String sessionId;
        String transcriptPath;
        Double cost;
        Long inputTokens;
        Long outputTokens;
        Long usageInput;
        Long usageOutput;
        Long usageCacheWrite;
        Long usageCacheRead;
        String rateLimits;

        void scalar(String path, JsonParser p, JsonToken v) throws IOException {
            switch (path) {
                case "cwd" -> cwd = text(p, v);
                case "workspace.current_dir" -> workspaceDir = text(p, v);
                case "model.display_name" -> modelName = text(p, v);
                case "model.id" -> modelId = text(p, v);
                case "session_id" -> sessionId = text(p, v);
                case "transcript_path" -> transcriptPath = text(p, v);
                case "cost.total_cost_usd" -> {
                    Double d = number(p, v);
                    cost = d != null && d >= 0 ? d : null;
                }
                case "context_window.total_input_tokens" -> inputTokens = count(p, v);
                case "context_window.total_output_tokens" -> outputTokens = count(p, v);
                case "context_window.current_usage.input_tokens" -> usageInput = count(p, v);
                case "context_window.current_usage.output_tokens" -> usageOutput = count(p, v);
                case "context_window.current_usage.cache_creation_input_tokens" -> usageCacheWrite = count(p, v);
                case "context_window.current_usage.cache_read_input_tokens" -> usageCacheRead = count(p, v);
                default -> {
                    // a field the status line does not show
                }
            }
        }

        Payload toPayload() {
            TokenCounts usage = null;
            if (usageInput != null || usageOutput != null || usageCacheWrite != null || usageCacheRead != null) {
                usage = new TokenCounts(orZero(usageInput), orZero(usageOutput), orZero(usageCacheWrite), 0,
                        orZero(usageCacheRead));
            }
            PayloadWindow five = null;
            PayloadWindow seven = null;
            String raw = null;
            if (rateLimits != null) {
                PayloadWindow[] w = windows(rateLimits);
                if (!w[0].isEmpty() || !w[1].isEmpty()) {
                    five = w[0].isEmpty() ? null : w[0];
                    seven = w[1].isEmpty() ? null : w[1];
                    raw = rateLimits;
                }
            }
            return new Payload(cwd != null ? cwd : workspaceDir, modelName, modelId, sessionId, transcriptPath,
                    cost, inputTokens, outputTokens, usage, five, seven, raw, null);
        }

        private static long orZero(Long l) {
            return l == null ? 0 : l;
        }
    }

    private static String text(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            return null;
        }
        String s = p.getText();
        return s.isBlank() ? null : s;
    }

    /** A number, or numeric text; {@code null} for anything else. */
    static Double number(JsonParser p, JsonToken v) throws IOException {
        // Numbers are read from their text: Jackson's number parsing compiles regular expressions on first use.
        if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_STRING) {
            return parseNumber(p.getText());
        }
        return null;
    }

    /** A whole number's text as a long (a fraction is cut); {@code fallback} when it is none. */
    static long parseLong(String s, long fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            Double d = parseNumber(s);
            return d == null || d > Long.MAX_VALUE || d < Long.MIN_VALUE ? fallback : (long) d.doubleValue();
        }
    }

    private static Long count(JsonParser p, JsonToken v) throws IOException {
        Double d = number(p, v);
        return d == null || d < 0 || d > Long.MAX_VALUE ? null : (long) d.doubleValue();
    }

    /**
     * {@code resets_at}: epoch seconds (milliseconds when it is that large) as a number or numeric text, or an
     * ISO-8601 time.
     */
    static Instant time(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            Double d = parseNumber(p.getText());
            return d == null ? null : epoch(d);
        }
        if (v != JsonToken.VALUE_STRING) {
            return null;
        }
        String s = p.getText().trim();
        Double d = parseNumber(s);
        if (d != null) {
            return epoch(d);
        }
        return IsoTime.parse(s);
    }

    private static Instant epoch(double d) {
        if (!Double.isFinite(d) || d <= 0 || d > 1e14) {
            return null;
        }
        return d > 1e11 ? Instant.ofEpochMilli((long) d) : Instant.ofEpochSecond((long) d);
    }

    /** A number's text as a double; {@code null} when it is not a finite number. */
    static Double parseNumber(String s) {
        String t = s.trim();
        if (t.isEmpty() || !(Character.isDigit(t.charAt(t.length() - 1)))) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

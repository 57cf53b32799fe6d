package dev.budmon.statusline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.budmon.json.JsonStreams;
import dev.budmon.json.JsonValues;
import dev.budmon.model.TokenCounts;
import dev.budmon.source.UnifiedHeaders;

import java.io.IOException;
import java.time.Instant;

/**
 * Reads Claude Code's status-line payload with Jackson's streaming parser: no data binding and no
 * {@code ObjectMapper}, which would cost the status line tens of milliseconds at start. Every field is
 * optional; a field of the wrong type counts as absent. Pure; any thread.
 */
public final class PayloadParser {

    private PayloadParser() {
    }

    /**
     * Parses the payload.
     *
     * @return {@link Payload#NONE} for empty or blank input; {@link Payload#broken} for input that is not one
     *         JSON object; else the payload
     */
    public static Payload parse(byte[] bytes) {
        try (JsonParser p = JsonStreams.FACTORY.createParser(bytes)) {
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
            return Payload.broken("is not valid JSON (" + JsonStreams.firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException | RuntimeException e) {
            return Payload.broken("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The 5-hour and 7-day windows of a {@code rate_limits} object, as JSON text; empty windows when unusable. */
    static PayloadWindow[] windows(String rateLimitsJson) {
        PayloadWindow[] out = {new PayloadWindow(null, null), new PayloadWindow(null, null)};
        try (JsonParser p = JsonStreams.FACTORY.createParser(rateLimitsJson)) {
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
                Double d = JsonValues.number(p, v);
                percent = d != null && d >= 0 && d <= UnifiedHeaders.MAX_UTILIZATION * 100 ? d : null;
            } else if (name.equals("resets_at")) {
                reset = JsonValues.time(p, v);
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
                    f.rateLimits = JsonStreams.copy(p);
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

    /** The scalar fields found so far. */
    private static final class Fields {
        String cwd;
        String workspaceDir;
        String modelName;
        String modelId;
        String sessionId;
        String transcriptPath;
        Double claudeCodeCostUsd;
        Long inputTokens;
        Long outputTokens;
        Long usageInput;
        Long usageOutput;
        Long usageCacheWrite;
        Long usageCacheRead;
        String rateLimits;

        void scalar(String path, JsonParser p, JsonToken v) throws IOException {
            switch (path) {
                case "cwd" -> cwd = JsonValues.text(p, v);
                case "workspace.current_dir" -> workspaceDir = JsonValues.text(p, v);
                case "model.display_name" -> modelName = JsonValues.text(p, v);
                case "model.id" -> modelId = JsonValues.text(p, v);
                case "session_id" -> sessionId = JsonValues.text(p, v);
                case "transcript_path" -> transcriptPath = JsonValues.text(p, v);
                case "cost.total_cost_usd" -> {
                    Double d = JsonValues.number(p, v);
                    claudeCodeCostUsd = d != null && d >= 0 ? d : null;
                }
                case "context_window.total_input_tokens" -> inputTokens = JsonValues.count(p, v);
                case "context_window.total_output_tokens" -> outputTokens = JsonValues.count(p, v);
                case "context_window.current_usage.input_tokens" -> usageInput = JsonValues.count(p, v);
                case "context_window.current_usage.output_tokens" -> usageOutput = JsonValues.count(p, v);
                case "context_window.current_usage.cache_creation_input_tokens" -> usageCacheWrite = JsonValues.count(p, v);
                case "context_window.current_usage.cache_read_input_tokens" -> usageCacheRead = JsonValues.count(p, v);
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
                    claudeCodeCostUsd, inputTokens, outputTokens, usage, five, seven, raw, null);
        }

        private static long orZero(Long l) {
            return l == null ? 0 : l;
        }
    }
}

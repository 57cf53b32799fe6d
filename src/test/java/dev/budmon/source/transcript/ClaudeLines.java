package dev.budmon.source.transcript;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes transcript lines the way Claude Code 2.1.332 does (see the real transcripts under
 * {@code src/test/resources/transcripts/real/}): one compact JSON object per line, the same keys in the same
 * order, one assistant line per content block with the response's usage repeated on each.
 */
final class ClaudeLines {

    static final ObjectMapper JSON = new ObjectMapper();

    private ClaudeLines() {
    }

    /** Token usage of one line. */
    record Usage(long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead) {
        static Usage of(long input, long output, long cacheRead) {
            return new Usage(input, output, 0, 0, cacheRead);
        }
    }

    /** Keys Claude Code 2.1.332 writes after {@code timestamp} on every conversation line. */
    private static void trailer(ObjectNode n, String sessionId, String cwd) {
        n.put("userType", "external");
        n.put("entrypoint", "cli");
        n.put("cwd", cwd);
        n.put("sessionId", sessionId);
        n.put("version", "2.1.332");
        n.put("gitBranch", "main");
    }

    /** One content-block line of an assistant response. */
    static String assistant(String sessionId, String messageId, String requestId, String model, Instant time,
                            Usage usage) {
        return assistant(sessionId, "/home/dev/project", messageId, requestId, model, time, usage, false, null);
    }

    /** One content-block line of an assistant response, with every variable part given. */
    static String assistant(String sessionId, String cwd, String messageId, String requestId, String model,
                            Instant time, Usage usage, boolean sidechain, String agentId) {
        ObjectNode n = JSON.createObjectNode();
        n.put("parentUuid", UUID.randomUUID().toString());
        n.put("isSidechain", sidechain);
        if (agentId != null) {
            n.put("agentId", agentId);
        }
        ObjectNode m = n.putObject("message");
        m.put("id", messageId);
        m.put("type", "message");
        m.put("role", "assistant");
        m.put("model", model);
        ArrayNode content = m.putArray("content");
        ObjectNode text = content.addObject();
        text.put("type", "text");
        text.put("text", "Looking at the \"usage\": field and the cost-state of " + messageId + ".");
        m.put("stop_reason", "end_turn");
        m.putNull("stop_sequence");
        ObjectNode u = m.putObject("usage");
        u.put("input_tokens", usage.input());
        u.put("cache_creation_input_tokens", usage.cacheWrite5m() + usage.cacheWrite1h());
        u.put("cache_read_input_tokens", usage.cacheRead());
        u.put("output_tokens", usage.output());
        u.putObject("output_tokens_details").put("thinking_tokens", 0);
        ObjectNode server = u.putObject("server_tool_use");
        server.put("web_search_requests", 0);
        server.put("web_fetch_requests", 0);
        u.put("service_tier", "standard");
        ObjectNode cc = u.putObject("cache_creation");
        cc.put("ephemeral_1h_input_tokens", usage.cacheWrite1h());
        cc.put("ephemeral_5m_input_tokens", usage.cacheWrite5m());
        u.put("inference_geo", "");
        u.putArray("iterations");
        u.put("speed", "standard");
        u.putNull("fallback_credit");
        m.putNull("stop_details");
        n.put("apiBlockIndex", 0);
        if (requestId != null) {
            n.put("requestId", requestId);
        }
        n.put("requestRef", UUID.randomUUID().toString());
        n.put("requestedModel", model);
        n.put("promptCacheRequested", "5m");
        n.put("type", "assistant");
        n.put("uuid", UUID.randomUUID().toString());
        n.put("timestamp", time.toString());
        n.put("effort", "medium");
        n.put("perTurnEffort", "medium");
        n.put("madeBy", "model");
        trailer(n, sessionId, cwd);
        return write(n);
    }

    /** A prompt the user typed. */
    static String user(String sessionId, String text, Instant time) {
        ObjectNode n = JSON.createObjectNode();
        n.putNull("parentUuid");
        n.put("isSidechain", false);
        n.put("promptId", UUID.randomUUID().toString());
        n.put("type", "user");
        ObjectNode m = n.putObject("message");
        m.put("role", "user");
        m.put("content", text);
        n.put("uuid", UUID.randomUUID().toString());
        n.put("timestamp", time.toString());
        trailer(n, sessionId, "/home/dev/project");
        return write(n);
    }

    /** A tool result, as big as given; Claude Code repeats it in {@code toolUseResult}. */
    static String toolResult(String sessionId, String output, Instant time) {
        ObjectNode n = JSON.createObjectNode();
        n.put("parentUuid", UUID.randomUUID().toString());
        n.put("isSidechain", false);
        n.put("promptId", UUID.randomUUID().toString());
        n.put("type", "user");
        ObjectNode m = n.putObject("message");
        m.put("role", "user");
        ObjectNode block = m.putArray("content").addObject();
        block.put("tool_use_id", "toolu_01" + UUID.randomUUID().toString().replace("-", ""));
        block.put("type", "tool_result");
        block.put("content", output);
        block.put("is_error", false);
        n.put("uuid", UUID.randomUUID().toString());
        n.put("timestamp", time.toString());
        ObjectNode r = n.putObject("toolUseResult");
        r.put("stdout", output);
        r.put("stderr", "");
        r.put("interrupted", false);
        r.put("isImage", false);
        r.put("noOutputExpected", false);
        n.put("sandboxed", false);
        n.put("sourceToolAssistantUUID", UUID.randomUUID().toString());
        trailer(n, sessionId, "/home/dev/project");
        return write(n);
    }

    /** Claude Code's cumulative cost of a session (no timestamp, as Claude Code writes it). */
    static String costState(String sessionId, double totalCostUsd, String model, long input, long output) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "cost-state");
        n.put("sessionId", sessionId);
        n.put("totalCostUSD", totalCostUsd);
        n.put("totalAPIDuration", 7914);
        n.put("totalDuration", 50401);
        n.put("startTime", 1795729448690L);
        ObjectNode mu = n.putObject("modelUsage").putObject(model);
        mu.put("inputTokens", input);
        mu.put("outputTokens", output);
        mu.put("cacheReadInputTokens", 0);
        mu.put("cacheCreationInputTokens", 0);
        mu.put("cacheCreationEphemeral5mInputTokens", 0);
        mu.put("cacheCreationEphemeral1hInputTokens", 0);
        mu.put("webSearchRequests", 0);
        mu.put("costUSD", totalCostUsd);
        n.put("hasUnknownModelCost", false);
        return write(n);
    }

    private static String write(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends the lines, each with its newline, creating the file and its folders when needed. */
    static void append(Path file, String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append('\n');
        }
        appendRaw(file, b.toString());
    }

    /** Appends text exactly as given (to write half a line). */
    static void appendRaw(Path file, String text) {
        appendBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void appendBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.budmon.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.budmon.model.TokenCounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The lines Claude Code 2.1.332 writes to one transcript file for prompts, tool results and API responses:
 * one compact JSON object a line, with the keys, their order and nesting of the transcripts the real Claude
 * Code wrote (the recordings in {@code src/test/resources/transcripts/real/}). The demo writes its session
 * with it, and the tests' fixtures theirs, so that the format lives in one place.
 *
 * <p>An API response is one {@code assistant} line per content block, every one repeating the response's
 * {@code message.id}, {@code requestId} and final {@code usage}. A subagent's file (an agent id given) has
 * {@code isSidechain} true and the agent's id on every line. Each line hangs under the one before it
 * ({@code parentUuid}), as in a conversation without branches.
 *
 * <p>Confined to one thread: it keeps the last line's id and the current prompt's.
 */
public final class SessionLines {

    /** The Claude Code version the format was recorded from. */
    public static final String CLAUDE_CODE_VERSION = "2.1.332";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** JavaScript's {@code Date.toISOString()}: always milliseconds. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * One API response: what each line of its content blocks repeats.
     *
     * @param thinkingTokens the part of the output spent thinking
     * @param stopReason     {@code tool_use} when the response ends in a tool call, else {@code end_turn}
     */
    public record Response(String messageId, String requestId, String model, TokenCounts usage,
                           long thinkingTokens, String stopReason) {
    }

    private final String sessionId;
    private final String cwd;
    private final String agentId;
    private final Supplier<String> uuids;

    private String leafUuid;
    private String promptId;
    private int prompts;
    private String requestRef;

    /**
     * @param cwd     the working directory Claude Code ran in
     * @param agentId the subagent whose file this is, {@code null} for the session's own file
     * @param uuids   where line ids come from ({@link #uuid(Random)} for a seeded session)
     */
    public SessionLines(String sessionId, String cwd, String agentId, Supplier<String> uuids) {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.cwd = Objects.requireNonNull(cwd, "cwd");
        this.agentId = agentId;
        this.uuids = Objects.requireNonNull(uuids, "uuids");
    }

    /** A prompt: the user's own, or in a subagent's file the task the main agent handed over. */
    public String prompt(String text, Instant at) {
        promptId = uuids.get();
        prompts++;
        ObjectNode o = userLine();
        o.putObject("message").put("role", "user").put("content", text);
        if (agentId != null) {
            o.put("rowSource", "recorded");
        }
        String uuid = stamp(o, at);
        if (agentId == null) {
            o.put("permissionMode", "default").put("promptSource", "sdk").put("sentAtMs", at.toEpochMilli() - 70)
                    .put("rowSource", "local").put("turnOrigin", "sdk");
            o.putObject("turnPosition").put("promptIndex", prompts - 1).put("turnIndex", prompts);
        }
        return finish(o, uuid);
    }

    /** The result of the tool call on the line before. */
    public String toolResult(String toolUseId, String output, Instant at) {
        ObjectNode o = userLine();
        o.putObject("message").put("role", "user").putArray("content").addObject()
                .put("tool_use_id", toolUseId).put("type", "tool_result").put("content", output).put("is_error", false);
        String uuid = stamp(o, at);
        // The session's own file keeps a second copy of the output; a subagent's does not.
        if (agentId == null) {
            o.putObject("toolUseResult").put("stdout", output).put("stderr", "").put("interrupted", false)
                    .put("isImage", false).put("noOutputExpected", false);
        }
        o.put("sandboxed", false).put("sourceToolAssistantUUID", leafUuid);
        o.putObject("permissionDecision").put("decision", "accept").put("source", "config").put("reasonType", "rule")
                .put("ruleSource", "cliArg");
        return finish(o, uuid);
    }

    /** The line of one content block of a response; block 0 starts a new request. */
    public String assistant(Response response, int blockIndex, ObjectNode block, Instant at) {
        if (blockIndex == 0 || requestRef == null) {
            requestRef = uuids.get();
        }
        ObjectNode o = line();
        agent(o);
        ObjectNode message = o.putObject("message");
        message.put("id", response.messageId()).put("type", "message").put("role", "assistant")
                .put("model", response.model());
        message.putArray("content").add(block);
        message.put("stop_reason", response.stopReason()).putNull("stop_sequence");
        usage(message.putObject("usage"), response);
        message.putNull("stop_details");
        switch (block.path("type").asText()) {
            case "thinking" -> o.put("thinkingDurationMs", 400 + response.thinkingTokens() * 9)
                    .put("thinkingDisplay", "omitted");
            case "tool_use" -> o.put("toolInputStreamMs", 20 + response.usage().output() % 40);
            default -> {
            }
        }
        o.put("apiBlockIndex", blockIndex).put("requestId", response.requestId()).put("requestRef", requestRef)
                .put("requestedModel", response.model()).put("promptCacheRequested", "5m");
        if (agentId != null) {
            o.put("attributionAgent", "general-purpose");
        }
        o.put("type", "assistant");
        String uuid = stamp(o, at);
        // Haiku has no effort setting: Claude Code writes none.
        if (response.model().startsWith("claude-haiku")) {
            o.putNull("perTurnEffort");
        } else {
            o.put("effort", "medium").put("perTurnEffort", "medium");
        }
        o.put("madeBy", "model");
        return finish(o, uuid);
    }

    private static void usage(ObjectNode n, Response r) {
        TokenCounts u = r.usage();
        n.put("input_tokens", u.input()).put("cache_creation_input_tokens", u.cacheWrite())
                .put("cache_read_input_tokens", u.cacheRead()).put("output_tokens", u.output());
        n.putObject("output_tokens_details").put("thinking_tokens", r.thinkingTokens());
        n.putObject("server_tool_use").put("web_search_requests", 0).put("web_fetch_requests", 0);
        n.put("service_tier", "standard");
        n.putObject("cache_creation").put("ephemeral_1h_input_tokens", u.cacheWrite1h())
                .put("ephemeral_5m_input_tokens", u.cacheWrite5m());
        n.put("inference_geo", "");
        n.putArray("iterations");
        n.put("speed", "standard").putNull("fallback_credit");
    }

    /** A text content block. */
    public static ObjectNode text(String text) {
        return NODES.objectNode().put("type", "text").put("text", text);
    }

    /** A thinking content block. */
    public static ObjectNode thinking(String thinking, String signature) {
        return NODES.objectNode().put("type", "thinking").put("thinking", thinking).put("signature", signature);
    }

    /**
     * A tool call.
     *
     * @param input the tool's input fields: names and string values, alternately
     */
    public static ObjectNode toolUse(String id, String name, String... input) {
        ObjectNode b = NODES.objectNode().put("type", "tool_use").put("id", id).put("name", name);
        ObjectNode fields = b.putObject("input");
        for (int i = 0; i + 1 < input.length; i += 2) {
            fields.put(input[i], input[i + 1]);
        }
        return b;
    }

    /** A time as Claude Code writes it (JavaScript's {@code toISOString()}). */
    public static String timestamp(Instant t) {
        return ISO_MILLIS.format(t);
    }

    /** A version-4 UUID drawn from {@code random}, so that a seed gives the same ids every time. */
    public static String uuid(Random random) {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /** The keys every line starts with. */
    private ObjectNode line() {
        return NODES.objectNode().put("parentUuid", leafUuid).put("isSidechain", agentId != null);
    }

    private void agent(ObjectNode o) {
        if (agentId != null) {
            o.put("agentId", agentId);
        }
    }

    private ObjectNode userLine() {
        ObjectNode o = line();
        if (promptId == null) {
            promptId = uuids.get();
        }
        o.put("promptId", promptId);
        agent(o);
        return o.put("type", "user");
    }

    private String stamp(ObjectNode o, Instant at) {
        String uuid = uuids.get();
        o.put("uuid", uuid).put("timestamp", timestamp(at));
        return uuid;
    }

    /** Adds the keys every conversation line ends with and makes this line the parent of the next. */
    private String finish(ObjectNode o, String uuid) {
        o.put("userType", "external").put("entrypoint", "sdk-cli").put("cwd", cwd).put("sessionId", sessionId)
                .put("version", CLAUDE_CODE_VERSION).put("gitBranch", "main");
        leafUuid = uuid;
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }
}

package dev.budmon.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A made-up Claude Code session, one API round at a time, as the transcript lines Claude Code 2.1.332 writes
 * for it. Deterministic for a seed; confined to one thread (the demo writer's).
 *
 * <p>The lines copy the field order and shape of transcripts the real Claude Code wrote against a loopback
 * mock (the {@code transcripts/real} fixtures of the interceptor work): a {@code user} line for the prompt or
 * the tool result, then one {@code assistant} line per content block, every one repeating the response's
 * {@code message.id}, {@code requestId} and final {@code usage}. Only {@code user} and {@code assistant} lines
 * are written; the other kinds ({@code attachment}, {@code api-request}, {@code cost-state}, …) carry no
 * per-response usage.
 *
 * <p>The token figures follow how a session behaves: the context grows with every round and is read from the
 * cache; a change of model starts a cold cache (ratio 0); now and then a partly expired cache or a large tool
 * output pulls the ratio down; a long context is compacted.
 */
final class ConversationScript {

    /** The Claude Code version the line format was recorded from. */
    static final String CLAUDE_CODE_VERSION = "2.1.332";
    /** The demo project's working directory; its transcript folder is named after it. */
    static final String CWD = "/home/demo/projects/webshop";

    static final String OPUS = "claude-opus-5-5";
    static final String SONNET = "claude-sonnet-5-5";
    static final String HAIKU = "claude-haiku-4-5";
    /** The model of each turn in order, repeating: mostly Opus, with switches that start cold caches. */
    private static final String[] TURN_MODELS = {OPUS, OPUS, OPUS, SONNET, SONNET, OPUS, OPUS, HAIKU, OPUS};

    private static final long COMPACT_ABOVE = 150_000;
    /** What Claude Code keeps in a 1-hour cache: system prompt and tools. */
    private static final long SYSTEM_PREFIX = 9_000;

    private static final String[] PROMPTS = {
        "Run the tests and fix whatever fails",
        "Why is the checkout total off by a cent for three items?",
        "Add a test for the rounding of discounted prices",
        "Rename OrderService to Checkout everywhere",
        "Update the README for the new --currency flag",
        "The cart page is slow with 200 items, find out why",
        "Review the last commit for mistakes",
    };
    private static final String[][] COMMANDS = {
        {"mvn -q test", "Run the tests", "Tests run: 148, Failures: 1, Errors: 0, Skipped: 0"},
        {"git status --short", "Show changed files", " M src/main/java/shop/Checkout.java\n M README.md"},
        {"grep -rn \"setScale\" src/main/java", "Find the roundings", "src/main/java/shop/Money.java:41:        return amount.setScale(2, RoundingMode.HALF_EVEN);"},
        {"ls src/main/java/shop", "List the shop package", "Cart.java\nCheckout.java\nMoney.java\nPrice.java"},
        {"git diff --stat", "Summarize the diff", " src/main/java/shop/Money.java | 6 +++---\n 1 file changed, 3 insertions(+), 3 deletions(-)"},
        {"mvn -q test -Dtest=MoneyTest", "Run the money tests", "Tests run: 12, Failures: 0, Errors: 0, Skipped: 0"},
    };
    private static final String[] STEP_TEXTS = {
        "Let me look at that first.",
        "I'll check how the totals are rounded.",
        "Running the tests to see where it stands.",
        "One more look before changing anything.",
    };
    private static final String[] THOUGHTS = {
        "The total is rounded per item and again at the end; that double rounding explains the cent.",
        "The tests will tell which assertion fails; start there.",
        "A rename touches the tests too; list the package first.",
    };
    private static final String[] ANSWERS = {
        "Done: prices are now rounded once, at the end, and the new test covers three discounted items.",
        "The tests pass again. The failure came from rounding each line item before summing.",
        "Renamed, including the tests and the README; the build is green.",
    };

    private static final String ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;
    private final String sessionId;

    private String leafUuid;
    private int turn = -1;
    private int roundsLeftInTurn;
    private String promptId;
    private String model;
    /** The model whose cache holds the context; another model starts cold. */
    private String cachedModel;
    private long context = 18_000;
    private int responses;
    /** The tool_use the next round answers; {@code null} at the start of a turn. */
    private PendingTool pendingTool;

    private record PendingTool(String toolUseId, String assistantUuid, String stdout) {
    }

    /** Token usage of one response. */
    record Usage(long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead, long thinking) {

        long cacheWrite() {
            return cacheWrite5m + cacheWrite1h;
        }
    }

    ConversationScript(long seed) {
        this.random = new Random(seed);
        this.sessionId = uuid();
    }

    /** The session's id, also the transcript's file name without {@code .jsonl}. */
    String sessionId() {
        return sessionId;
    }

    /** The transcript folder's name under {@code projects/}: the cwd with every other character a dash. */
    static String projectFolder() {
        return CWD.replaceAll("[^A-Za-z0-9]", "-");
    }

    /** How many API responses the script has produced. */
    int responses() {
        return responses;
    }

    /**
     * The lines of the next API round that completes at {@code now}: the user line that led to it (the
     * prompt, or the result of the previous round's tool call), then one assistant line per content block.
     * Each string is one JSON object without a line break.
     */
    List<String> nextRound(Instant now) {
        List<String> lines = new ArrayList<>();
        if (pendingTool == null) {
            startTurn();
            lines.add(promptLine(now.minusMillis(1800)));
        } else {
            lines.add(toolResultLine(now.minusMillis(700)));
        }
        roundsLeftInTurn--;
        boolean last = roundsLeftInTurn == 0;
        Usage usage = nextUsage(last);
        lines.addAll(assistantLines(now, usage, last));
        responses++;
        return lines;
    }

    private void startTurn() {
        turn++;
        promptId = uuid();
        model = TURN_MODELS[turn % TURN_MODELS.length];
        roundsLeftInTurn = 2 + random.nextInt(5);
    }

    /** The tokens of the next response, and the context it leaves behind. */
    Usage nextUsage(boolean last) {
        boolean cold = !model.equals(cachedModel);
        cachedModel = model;
        if (context > COMPACT_ABOVE) {
            // Claude Code compacts a long conversation into a summary; the new prefix is not cached yet.
            context = 20_000 + random.nextInt(6_000);
            cold = true;
        }
        long prefix = context;
        long added = random.nextInt(100) < 15 ? 8_000 + random.nextInt(14_000) : 500 + random.nextInt(2_600);
        long input = 1 + random.nextInt(cold ? 12 : 9);
        boolean thinking = !last && random.nextBoolean();
        long output = (last ? 180 : 60) + random.nextInt(last ? 900 : 400) + (thinking ? 150 + random.nextInt(600) : 0);
        long thinkingTokens = thinking ? Math.min(output - 40, 120 + random.nextInt(300)) : 0;

        long read;
        long write;
        long write1h = 0;
        if (cold) {
            read = 0;
            write = prefix + added;
            write1h = Math.min(write, SYSTEM_PREFIX);
        } else if (responses % 9 == 7) {
            // Half the prefix went out of the 5-minute cache while the user was reading.
            read = prefix * 45 / 100;
            write = prefix - read + added;
        } else {
            read = prefix;
            write = added;
        }
        context = prefix + added + output;
        return new Usage(input, output, write - write1h, write1h, read, thinkingTokens);
    }

    private String promptLine(Instant t) {
        ObjectNode o = NODES.objectNode();
        o.put("parentUuid", leafUuid);
        o.put("isSidechain", false);
        o.put("promptId", promptId);
        o.put("type", "user");
        ObjectNode message = o.putObject("message");
        message.put("role", "user");
        message.put("content", PROMPTS[turn % PROMPTS.length]);
        String uuid = uuid();
        o.put("uuid", uuid);
        o.put("timestamp", timestamp(t));
        o.put("permissionMode", "default");
        o.put("promptSource", "sdk");
        o.put("sentAtMs", t.toEpochMilli() - 70);
        o.put("rowSource", "local");
        o.put("turnOrigin", "sdk");
        ObjectNode position = o.putObject("turnPosition");
        position.put("promptIndex", turn);
        position.put("turnIndex", turn + 1);
        common(o);
        leafUuid = uuid;
        return write(o);
    }

    private String toolResultLine(Instant t) {
        ObjectNode o = NODES.objectNode();
        o.put("parentUuid", leafUuid);
        o.put("isSidechain", false);
        o.put("promptId", promptId);
        o.put("type", "user");
        ObjectNode message = o.putObject("message");
        message.put("role", "user");
        ObjectNode result = message.putArray("content").addObject();
        result.put("tool_use_id", pendingTool.toolUseId());
        result.put("type", "tool_result");
        result.put("content", pendingTool.stdout());
        result.put("is_error", false);
        String uuid = uuid();
        o.put("uuid", uuid);
        o.put("timestamp", timestamp(t));
        ObjectNode toolUseResult = o.putObject("toolUseResult");
        toolUseResult.put("stdout", pendingTool.stdout());
        toolUseResult.put("stderr", "");
        toolUseResult.put("interrupted", false);
        toolUseResult.put("isImage", false);
        toolUseResult.put("noOutputExpected", false);
        o.put("sandboxed", false);
        o.put("sourceToolAssistantUUID", pendingTool.assistantUuid());
        ObjectNode decision = o.putObject("permissionDecision");
        decision.put("decision", "accept");
        decision.put("source", "config");
        decision.put("reasonType", "rule");
        decision.put("ruleSource", "cliArg");
        common(o);
        leafUuid = uuid;
        pendingTool = null;
        return write(o);
    }

    private List<String> assistantLines(Instant t, Usage usage, boolean last) {
        String messageId = "msg_01" + id(22);
        String requestId = "req_011C" + id(20);
        String requestRef = uuid();
        List<ObjectNode> blocks = new ArrayList<>();
        if (usage.thinking() > 0) {
            ObjectNode b = NODES.objectNode();
            b.put("type", "thinking");
            b.put("thinking", THOUGHTS[random.nextInt(THOUGHTS.length)]);
            b.put("signature", signature());
            blocks.add(b);
        }
        String[] command = null;
        String toolUseId = null;
        if (last) {
            blocks.add(text(ANSWERS[turn % ANSWERS.length]));
        } else {
            blocks.add(text(STEP_TEXTS[random.nextInt(STEP_TEXTS.length)]));
            command = COMMANDS[random.nextInt(COMMANDS.length)];
            toolUseId = "toolu_01" + id(22);
            ObjectNode b = NODES.objectNode();
            b.put("type", "tool_use");
            b.put("id", toolUseId);
            b.put("name", "Bash");
            ObjectNode input = b.putObject("input");
            input.put("command", command[0]);
            input.put("description", command[1]);
            blocks.add(b);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            ObjectNode block = blocks.get(i);
            // Blocks stream in one after another; the last one lands at the round's moment.
            Instant at = t.minusMillis(45L * (blocks.size() - 1 - i));
            String uuid = uuid();
            lines.add(assistantLine(block, i, messageId, requestId, requestRef, usage, last, uuid, at));
            leafUuid = uuid;
        }
        if (command != null) {
            pendingTool = new PendingTool(toolUseId, leafUuid, command[2]);
        }
        return lines;
    }

    private String assistantLine(ObjectNode block, int index, String messageId, String requestId,
                                 String requestRef, Usage usage, boolean last, String uuid, Instant t) {
        ObjectNode o = NODES.objectNode();
        o.put("parentUuid", leafUuid);
        o.put("isSidechain", false);
        ObjectNode message = o.putObject("message");
        message.put("id", messageId);
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model);
        message.putArray("content").add(block);
        message.put("stop_reason", last ? "end_turn" : "tool_use");
        message.putNull("stop_sequence");
        message.set("usage", usageNode(usage));
        message.putNull("stop_details");
        String type = block.get("type").asText();
        if (type.equals("thinking")) {
            o.put("thinkingDurationMs", 400 + usage.thinking() * 9);
            o.put("thinkingDisplay", "omitted");
        } else if (type.equals("tool_use")) {
            o.put("toolInputStreamMs", 20 + usage.output() % 40);
        }
        o.put("apiBlockIndex", index);
        o.put("requestId", requestId);
        o.put("requestRef", requestRef);
        o.put("requestedModel", model);
        o.put("promptCacheRequested", "5m");
        o.put("type", "assistant");
        o.put("uuid", uuid);
        o.put("timestamp", timestamp(t));
        // Claude Code writes no effort for Haiku, which has no effort setting.
        if (model.equals(HAIKU)) {
            o.putNull("perTurnEffort");
        } else {
            o.put("effort", "medium");
            o.put("perTurnEffort", "medium");
        }
        o.put("madeBy", "model");
        common(o);
        return write(o);
    }

    private static ObjectNode usageNode(Usage u) {
        ObjectNode n = NODES.objectNode();
        n.put("input_tokens", u.input());
        n.put("cache_creation_input_tokens", u.cacheWrite());
        n.put("cache_read_input_tokens", u.cacheRead());
        n.put("output_tokens", u.output());
        n.putObject("output_tokens_details").put("thinking_tokens", u.thinking());
        ObjectNode server = n.putObject("server_tool_use");
        server.put("web_search_requests", 0);
        server.put("web_fetch_requests", 0);
        n.put("service_tier", "standard");
        ObjectNode creation = n.putObject("cache_creation");
        creation.put("ephemeral_1h_input_tokens", u.cacheWrite1h());
        creation.put("ephemeral_5m_input_tokens", u.cacheWrite5m());
        n.put("inference_geo", "");
        n.putArray("iterations");
        n.put("speed", "standard");
        n.putNull("fallback_credit");
        return n;
    }

    /** The fields every user and assistant line ends with, in Claude Code's order. */
    private void common(ObjectNode o) {
        o.put("userType", "external");
        o.put("entrypoint", "sdk-cli");
        o.put("cwd", CWD);
        o.put("sessionId", sessionId);
        o.put("version", CLAUDE_CODE_VERSION);
        o.put("gitBranch", "main");
    }

    private static ObjectNode text(String text) {
        ObjectNode b = NODES.objectNode();
        b.put("type", "text");
        b.put("text", text);
        return b;
    }

    private String signature() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private String id(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return sb.toString();
    }

    /** A version-4 UUID drawn from the seeded random, so that a seed gives the same session every time. */
    private String uuid() {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    static String timestamp(Instant t) {
        return ISO_MILLIS.format(t);
    }

    private static String write(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }
}

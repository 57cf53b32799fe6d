package dev.budmon.source.transcript;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.budmon.demo.SessionLines;
import dev.budmon.model.TokenCounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * The tests' one builder of Claude Code 2.1.332 transcript lines (the real ones are under
 * {@code src/test/resources/transcripts/real/}), for unit tests and the benchmarks' generated Claude
 * directories.
 *
 * <p>Prompts, tool results and responses come from the demo's {@link SessionLines}, so that the format lives
 * in one place; {@link #session} gives a writer for a whole file, the static methods single lines with fresh
 * ids. Cost-state and request blob lines are built here; the other kinds BudMon does not count (queue
 * operations, attachments, API request records) are the recorded ones with this session's ids and time.
 * {@code ClaudeLinesTest} checks every kind against the recordings.
 */
public final class ClaudeLines {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** The working directory of lines that name none. */
    public static final String CWD = "/home/dev/project";
    /** The agent of sidechain lines that name none: the one in the recorded subagent scenario. */
    static final String AGENT = "addfa0f7dcab0188a";
    private static final String RECORDED = "/transcripts/real/hello/projects/-tmp-budmon-fixture-hello/"
            + "65936c02-71e7-47f8-aff9-4a4bd5c758b2.jsonl";
    /** The recorded hello session: one prompt, one response. */
    private static final List<ObjectNode> HELLO = recorded();
    private static final ObjectNode API_REQUEST = HELLO.stream()
            .filter(n -> n.path("type").asText().equals("api-request")).findFirst().orElseThrow();
    private static final ObjectNode PROMPT_SNAPSHOT = HELLO.stream()
            .filter(n -> n.path("type").asText().equals("attachment"))
            .max(Comparator.comparingInt(n -> n.toString().length())).orElseThrow();

    private ClaudeLines() {
    }

    /** Token usage of one line. */
    public record Usage(long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead) {
        public static Usage of(long input, long output, long cacheRead) {
            return new Usage(input, output, 0, 0, cacheRead);
        }

        TokenCounts tokens() {
            return new TokenCounts(input, output, cacheWrite5m, cacheWrite1h, cacheRead);
        }
    }

    /** A writer of one transcript file with random ids; {@code agentId} {@code null} for the session's own. */
    public static SessionLines session(String sessionId, String cwd, String agentId) {
        return new SessionLines(sessionId, cwd, agentId, () -> UUID.randomUUID().toString());
    }

    /** The same with ids drawn from {@code random}, for files that are the same for the same seed. */
    public static SessionLines session(String sessionId, String cwd, String agentId, Random random) {
        return new SessionLines(sessionId, cwd, agentId, () -> SessionLines.uuid(random));
    }

    /** One content-block line of an assistant response. */
    public static String assistant(String sessionId, String messageId, String requestId, String model, Instant time,
                                   Usage usage) {
        return assistant(sessionId, CWD, messageId, requestId, model, time, usage, false, null);
    }

    /** One content-block line of an assistant response, with every variable part given. */
    public static String assistant(String sessionId, String cwd, String messageId, String requestId, String model,
                                   Instant time, Usage usage, boolean sidechain, String agentId) {
        SessionLines.Response response = new SessionLines.Response(messageId, requestId, model, usage.tokens(), 0,
                "end_turn");
        String line = session(sessionId, cwd, sidechain ? Objects.requireNonNullElse(agentId, AGENT) : null)
                .assistant(response, 0, SessionLines.text("Looking at the \"usage\": field and the cost-state of "
                        + messageId + "."), time);
        if (requestId != null) {
            return line;
        }
        // as Claude Code versions before requestId wrote it
        ObjectNode n = tree(line);
        n.remove("requestId");
        return n.toString();
    }

    /**
     * Response {@code n} of the loopback mock the recordings were made against: its ids, and its usage as the
     * recordings' README says (input 7 + n mod 5, output 20 + 3n, cache read 14000 + 10n, 5-minute cache
     * write 1200 + n, 1-hour cache write 300).
     */
    public static SessionLines.Response mockResponse(int n) {
        String number = String.format("%012d", n);
        return new SessionLines.Response("msg_01pIRYkJrk" + number, "req_011CpIRYkJrk" + number, "claude-opus-5-5",
                new TokenCounts(7 + n % 5, 20 + 3 * n, 1200 + n, 300, 14000 + 10 * n), 0, "end_turn");
    }

    /** The line of response {@code n} of the mock with one content block. */
    public static String mockResponse(String sessionId, int n, ObjectNode block, boolean sidechain, Instant time) {
        return session(sessionId, CWD, sidechain ? AGENT : null).assistant(mockResponse(n), 0, block, time);
    }

    /** A prompt the user typed. */
    public static String user(String sessionId, String text, Instant time) {
        return session(sessionId, CWD, null).prompt(text, time);
    }

    /** A tool result, as big as given; Claude Code repeats it in {@code toolUseResult}. */
    public static String toolResult(String sessionId, String output, Instant time) {
        return session(sessionId, CWD, null).toolResult("toolu_01" + UUID.randomUUID().toString().replace("-", ""),
                output, time);
    }

    /** Claude Code's cumulative cost of a session, for one model. */
    public static String costState(String sessionId, double totalCostUsd, String model, long input, long output) {
        return costState(sessionId, Map.of(model, new ClaudeModelUsage(new TokenCounts(input, output, 0, 0, 0),
                totalCostUsd)));
    }

    /** Claude Code's cumulative cost of a session (no timestamp, as Claude Code writes it), by model. */
    public static String costState(String sessionId, Map<String, ClaudeModelUsage> byModel) {
        ObjectNode n = JSON.createObjectNode().put("type", "cost-state").put("sessionId", sessionId)
                .put("totalCostUSD", byModel.values().stream().mapToDouble(ClaudeModelUsage::costUsd).sum())
                .put("totalAPIDuration", 7914).put("totalAPIDurationWithoutRetries", 7650)
                .put("totalToolDuration", 192).put("totalLinesAdded", 0).put("totalLinesRemoved", 0)
                .put("totalDuration", 50401).put("startTime", 1795729448690L);
        ObjectNode models = n.putObject("modelUsage");
        byModel.forEach((model, m) -> {
            TokenCounts t = m.tokens();
            models.putObject(model).put("inputTokens", t.input()).put("outputTokens", t.output())
                    .put("thinkingTokens", 0).put("cacheReadInputTokens", t.cacheRead())
                    .put("cacheCreationInputTokens", t.cacheWrite())
                    .put("cacheCreationEphemeral5mInputTokens", t.cacheWrite5m())
                    .put("cacheCreationEphemeral1hInputTokens", t.cacheWrite1h()).put("webSearchRequests", 0)
                    .put("costUSD", m.costUsd());
        });
        return n.put("hasUnknownModelCost", false).toString();
    }

    /** A message's content as Claude Code stores it once per session, named by its SHA-256. */
    public static String apiRequestBlob(String sessionId, String text) {
        ObjectNode n = JSON.createObjectNode().put("type", "api-request-blob").put("sessionId", sessionId)
                .put("hash", sha256(text));
        n.putObject("message").put("role", "user").putArray("content").addObject().put("type", "text")
                .put("text", text);
        return n.toString();
    }

    /**
     * What Claude Code writes before a session's first request, apart from the prompt: queue operations,
     * attachments with the environment, skills and system prompt, the request's shape, blobs and record.
     */
    public static List<String> opening(String sessionId, String cwd, Instant time) {
        List<String> lines = new ArrayList<>();
        for (ObjectNode n : HELLO) {
            String type = n.path("type").asText();
            if (type.equals("assistant")) {
                break;
            }
            if (!type.equals("user")) {
                lines.add(restamp(n, sessionId, cwd, time));
            }
        }
        return lines;
    }

    /** The record of one API request (its parameters; no usage). */
    public static String apiRequest(String sessionId, Instant time) {
        return restamp(API_REQUEST, sessionId, null, time);
    }

    /** The attachment with the whole system prompt, the largest line of the recording (57 kB). */
    public static String promptSnapshot(String sessionId, String cwd, Instant time) {
        return restamp(PROMPT_SNAPSHOT, sessionId, cwd, time);
    }

    /** A recorded line with this session's id, cwd and time and new line ids. */
    private static String restamp(ObjectNode recorded, String sessionId, String cwd, Instant time) {
        ObjectNode n = recorded.deepCopy();
        n.put("sessionId", sessionId);
        for (String key : List.of("uuid", "parentUuid")) {
            if (n.hasNonNull(key)) {
                n.put(key, UUID.randomUUID().toString());
            }
        }
        if (n.has("timestamp")) {
            n.put("timestamp", SessionLines.timestamp(time));
        }
        if (n.has("cwd")) {
            n.put("cwd", cwd);
        }
        return n.toString();
    }

    private static List<ObjectNode> recorded() {
        List<ObjectNode> lines = new ArrayList<>();
        try (InputStream in = ClaudeLines.class.getResourceAsStream(RECORDED)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RECORDED);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                lines.add(tree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(lines);
    }

    private static ObjectNode tree(String line) {
        try {
            return (ObjectNode) JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Appends the lines, each with its newline, creating the file and its folders when needed. */
    public static void append(Path file, String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append('\n');
        }
        appendRaw(file, b.toString());
    }

    /** Appends text exactly as given (to write half a line). */
    public static void appendRaw(Path file, String text) {
        appendBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void appendBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

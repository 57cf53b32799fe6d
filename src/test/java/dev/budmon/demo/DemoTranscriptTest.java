package dev.budmon.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.budmon.source.transcript.RecordedShapes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The demo's transcript and {@code usage-limits.json}, checked line by line against the real formats. */
class DemoTranscriptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private static DemoWriter demo;
    private static Path dir;
    private static List<String> lines;
    private static List<JsonNode> nodes;

    /** Ten minutes of demo: more than a cycle, every model, compaction or not. */
    @BeforeAll
    static void runTheDemo() throws IOException {
        ManualClock clock = new ManualClock(DemoWriterTest.T0);
        demo = new DemoWriter(clock, Duration.ZERO, 11);
        dir = demo.start();
        for (int i = 0; i < 600; i++) {
            clock.advance(Duration.ofSeconds(1));
            demo.tick();
        }
        lines = Files.readAllLines(demo.transcript(), StandardCharsets.UTF_8);
        nodes = new ArrayList<>();
        for (String l : lines) {
            nodes.add(JSON.readTree(l));
        }
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    @Test
    void theTranscriptLivesWhereClaudeCodePutsItAndEndsWithALineBreak() throws IOException {
        Path t = demo.transcript();
        assertThat(t.getParent().getFileName().toString()).isEqualTo("-home-demo-projects-webshop");
        assertThat(t.getFileName().toString()).matches(UUID + "\\.jsonl");
        String text = Files.readString(t);
        assertThat(text).endsWith("\n").doesNotContain("\r").doesNotContain("\n\n");
        assertThat(lines).hasSizeGreaterThan(200);
    }

    @Test
    void everyLineIsAUserOrAssistantObjectOfTheSession() {
        String session = demo.transcript().getFileName().toString().replace(".jsonl", "");
        String previousUuid = null;
        Instant previousTime = Instant.MIN;
        for (JsonNode n : nodes) {
            assertThat(n.isObject()).isTrue();
            assertThat(n.path("type").asText()).isIn("user", "assistant");
            assertThat(n.path("sessionId").asText()).isEqualTo(session);
            assertThat(n.path("cwd").asText()).isEqualTo(ConversationScript.CWD);
            assertThat(n.path("isSidechain").isBoolean()).isTrue();
            assertThat(n.path("isSidechain").asBoolean()).isFalse();
            assertThat(n.path("uuid").asText()).matches(UUID);
            assertThat(n.path("timestamp").asText()).matches(ISO_MILLIS);
            assertThat(n.path("version").asText()).isEqualTo("2.1.332");
            assertThat(n.path("userType").asText()).isEqualTo("external");
            assertThat(n.path("gitBranch").asText()).isEqualTo("main");
            // Each line hangs under the one before it, as in a conversation without branches.
            if (previousUuid == null) {
                assertThat(n.get("parentUuid").isNull()).isTrue();
            } else {
                assertThat(n.path("parentUuid").asText()).isEqualTo(previousUuid);
            }
            previousUuid = n.path("uuid").asText();
            Instant t = Instant.parse(n.path("timestamp").asText());
            assertThat(t).isAfterOrEqualTo(previousTime);
            previousTime = t;
        }
        assertThat(nodes.stream().map(n -> n.path("uuid").asText()).distinct().count()).isEqualTo(nodes.size());
    }

    @Test
    void assistantLinesOfOneResponseRepeatItsIdsAndUsage() {
        Map<String, List<JsonNode>> byMessage = responses();
        assertThat(byMessage).hasSizeGreaterThan(100);
        Set<String> requestIds = new TreeSet<>();
        for (List<JsonNode> group : byMessage.values()) {
            JsonNode first = group.get(0);
            assertThat(first.at("/message/id").asText()).matches("msg_01[0-9A-Za-z]{22}");
            assertThat(first.path("requestId").asText()).matches("req_011C[0-9A-Za-z]{20}");
            assertThat(requestIds.add(first.path("requestId").asText())).as("request ids are unique").isTrue();
            for (int i = 0; i < group.size(); i++) {
                JsonNode n = group.get(i);
                assertThat(n.path("apiBlockIndex").asInt()).isEqualTo(i);
                assertThat(n.path("requestId")).isEqualTo(first.path("requestId"));
                assertThat(n.at("/message/model")).isEqualTo(first.at("/message/model"));
                assertThat(n.path("requestedModel")).isEqualTo(first.at("/message/model"));
                assertThat(n.at("/message/usage")).isEqualTo(first.at("/message/usage"));
                assertThat(n.at("/message/content").size()).as("one content block per line").isEqualTo(1);
            }
            JsonNode u = first.at("/message/usage");
            for (String k : List.of("input_tokens", "output_tokens", "cache_creation_input_tokens",
                    "cache_read_input_tokens")) {
                assertThat(u.path(k).isIntegralNumber()).as(k).isTrue();
                assertThat(u.path(k).asLong()).as(k).isNotNegative();
            }
            assertThat(u.path("output_tokens").asLong()).isPositive();
            assertThat(u.path("cache_creation_input_tokens").asLong()).isEqualTo(
                    u.at("/cache_creation/ephemeral_5m_input_tokens").asLong()
                            + u.at("/cache_creation/ephemeral_1h_input_tokens").asLong());
            assertThat(u.path("service_tier").asText()).isEqualTo("standard");
            String stop = first.at("/message/stop_reason").asText();
            String lastBlock = group.get(group.size() - 1).at("/message/content/0/type").asText();
            assertThat(stop).isEqualTo(lastBlock.equals("tool_use") ? "tool_use" : "end_turn");
        }
    }

    @Test
    void severalModelsAndAMovingCacheRatio() {
        Set<String> models = new TreeSet<>();
        List<Double> ratios = new ArrayList<>();
        for (List<JsonNode> group : responses().values()) {
            JsonNode u = group.get(0).at("/message/usage");
            models.add(group.get(0).at("/message/model").asText());
            double read = u.path("cache_read_input_tokens").asDouble();
            double all = u.path("input_tokens").asDouble() + u.path("cache_creation_input_tokens").asDouble() + read;
            ratios.add(read / all);
        }
        assertThat(models).containsExactly("claude-haiku-4-5", "claude-opus-5-5", "claude-sonnet-5-5");
        // A sparkline with cold starts (alarm), partly expired caches (warn) and warm responses (ok).
        assertThat(ratios).anyMatch(r -> r < 0.2).anyMatch(r -> r > 0.2 && r <= 0.5).anyMatch(r -> r > 0.9);
        double average = ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(average).isBetween(0.6, 0.95);
        // The first minute alone already shows a dip.
        assertThat(ratios.subList(0, 20)).anyMatch(r -> r <= 0.5);
    }

    @Test
    void toolResultsAnswerThePrecedingToolUse() {
        int results = 0;
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            if (n.path("type").asText().equals("user") && n.at("/message/content").isArray()) {
                JsonNode previous = nodes.get(i - 1);
                assertThat(previous.at("/message/content/0/type").asText()).isEqualTo("tool_use");
                assertThat(n.at("/message/content/0/tool_use_id")).isEqualTo(previous.at("/message/content/0/id"));
                assertThat(n.path("sourceToolAssistantUUID")).isEqualTo(previous.path("uuid"));
                assertThat(n.at("/toolUseResult/stdout")).isEqualTo(n.at("/message/content/0/content"));
                results++;
            }
        }
        assertThat(results).isGreaterThan(50);
    }

    private static Map<String, List<JsonNode>> responses() {
        Map<String, List<JsonNode>> byMessage = new LinkedHashMap<>();
        for (JsonNode n : nodes) {
            if (n.path("type").asText().equals("assistant")) {
                byMessage.computeIfAbsent(n.at("/message/id").asText(), k -> new ArrayList<>()).add(n);
            }
        }
        return byMessage;
    }

    /**
     * The demo's lines have the field order and nesting of lines the real Claude Code 2.1.332 wrote (the
     * interceptor work's recorded fixtures). Runs where those fixtures are in the tree, or where
     * {@code -Dbudmon.realTranscripts=DIR} points at them.
     */
    @Test
    void everyLineHasTheShapeOfALineTheRealClaudeCodeWrote() throws IOException {
        assumeTrue(Files.isDirectory(RecordedShapes.RECORDINGS),
                "no recorded transcripts at " + RecordedShapes.RECORDINGS);
        Set<String> real = RecordedShapes.recorded();
        assertThat(real).as("recorded shapes").isNotEmpty();
        Set<String> demoShapes = new TreeSet<>();
        for (JsonNode n : nodes) {
            demoShapes.add(RecordedShapes.of(n));
        }
        assertThat(real).containsAll(demoShapes);
    }

    /**
     * The same text comes out of JavaScript's {@code JSON.stringify} (what Claude Code and the interceptor
     * use) for the parsed values: no spacing, escaping or number format of our own. Needs Node.js, which the
     * interceptor's tests need too.
     */
    @Test
    void javaScriptWritesTheSameBytes() throws Exception {
        assumeTrue(nodeAvailable(), "node is not on PATH");
        String script = String.join("\n",
                "const fs = require('fs');",
                "const [limits, transcript] = process.argv.slice(1);",
                "const s = fs.readFileSync(limits, 'utf8');",
                "if (JSON.stringify(JSON.parse(s), null, 2) + '\\n' !== s) { console.log('usage-limits.json differs'); process.exit(1); }",
                "const lines = fs.readFileSync(transcript, 'utf8').split('\\n');",
                "if (lines.pop() !== '') { console.log('no final line break'); process.exit(1); }",
                "for (const l of lines) { if (JSON.stringify(JSON.parse(l)) !== l) { console.log('differs: ' + l); process.exit(1); } }",
                "console.log('same ' + lines.length);");
        Process p = new ProcessBuilder("node", "-e", script, dir.resolve("usage-limits.json").toString(),
                demo.transcript().toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(out).isEqualTo("same " + lines.size());
        assertThat(p.exitValue()).isZero();
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package dev.budmon.source.transcript;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static dev.budmon.source.transcript.ClaudeLines.JSON;
import static org.assertj.core.api.Assertions.assertThat;

class TranscriptLineParserTest {

    private static final Instant T = Instant.parse("2025-11-03T09:15:42.517Z");
    private final TranscriptLineParser parser = new TranscriptLineParser();

    private TranscriptLine parse(String text) {
        byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
        TranscriptLine line = new TranscriptLine();
        parser.parse(bytes, 2, bytes.length - 2, line);
        return line;
    }

    private static ObjectNode tree(String line) throws Exception {
        return (ObjectNode) JSON.readTree(line);
    }

    @Test
    void readsEveryFieldOfAnAssistantLine() {
        TranscriptLine l = parse(ClaudeLines.assistant("sess-1", "/work/x", "msg_01A", "req_011B",
                "claude-opus-4-5-20251101", T, new ClaudeLines.Usage(3, 250, 1200, 800, 45000), true, "a1b2"));
        assertThat(l.kind).isEqualTo(TranscriptLine.Kind.USAGE);
        assertThat(l.messageId).isEqualTo("msg_01A");
        assertThat(l.requestId).isEqualTo("req_011B");
        assertThat(l.model).isEqualTo("claude-opus-4-5-20251101");
        assertThat(l.sessionId).isEqualTo("sess-1");
        assertThat(l.cwd).isEqualTo("/work/x");
        assertThat(l.sidechain).isTrue();
        assertThat(l.timeMillis).isEqualTo(T.toEpochMilli());
        assertThat(new long[]{l.input, l.output, l.cacheWrite5m, l.cacheWrite1h, l.cacheRead})
                .containsExactly(3, 250, 1200, 800, 45000);
    }

    @Test
    void withoutTheLifetimeSplitEveryCacheWriteIsAFiveMinuteWrite() throws Exception {
        ObjectNode n = tree(ClaudeLines.assistant("s", "m", "r", "claude-sonnet-4-5", T,
                new ClaudeLines.Usage(1, 2, 0, 0, 3)));
        ObjectNode usage = (ObjectNode) n.get("message").get("usage");
        usage.remove("cache_creation");
        usage.put("cache_creation_input_tokens", 700);
        TranscriptLine l = parse(JSON.writeValueAsString(n));
        assertThat(l.cacheWrite5m).isEqualTo(700);
        assertThat(l.cacheWrite1h).isZero();
    }

    @Test
    void aSplitThatExplainsLessThanTheTotalCountsTheRestAsFiveMinuteWrites() throws Exception {
        ObjectNode n = tree(ClaudeLines.assistant("s", "m", "r", "claude-sonnet-4-5", T,
                new ClaudeLines.Usage(1, 2, 100, 300, 3)));
        ((ObjectNode) n.get("message").get("usage")).put("cache_creation_input_tokens", 1000);
        TranscriptLine l = parse(JSON.writeValueAsString(n));
        assertThat(l.cacheWrite1h).isEqualTo(300);
        assertThat(l.cacheWrite5m).isEqualTo(700);
    }

    @Test
    void keyOrderDoesNotMatter() throws Exception {
        ObjectNode n = tree(ClaudeLines.assistant("s", "msg_x", "req_y", "claude-haiku-4-5", T,
                ClaudeLines.Usage.of(5, 6, 7)));
        ObjectNode reordered = JSON.createObjectNode();
        reordered.put("type", "assistant");
        reordered.put("timestamp", T.toString());
        reordered.set("message", n.get("message"));
        reordered.put("requestId", "req_y");
        reordered.put("sessionId", "s");
        TranscriptLine l = parse(JSON.writeValueAsString(reordered));
        assertThat(l.kind).isEqualTo(TranscriptLine.Kind.USAGE);
        assertThat(l.output).isEqualTo(6);
    }

    @Test
    void aMissingRequestIdIsAllowed() throws Exception {
        ObjectNode n = tree(ClaudeLines.assistant("s", "msg_x", null, "claude-haiku-4-5", T, ClaudeLines.Usage.of(5, 6, 7)));
        TranscriptLine l = parse(JSON.writeValueAsString(n));
        assertThat(l.kind).isEqualTo(TranscriptLine.Kind.USAGE);
        assertThat(l.requestId).isNull();
    }

    @Test
    void syntheticLinesAreRecognised() {
        TranscriptLine l = parse(ClaudeLines.assistant("s", "m", "r", "<synthetic>", T, ClaudeLines.Usage.of(0, 0, 0)));
        assertThat(l.kind).isEqualTo(TranscriptLine.Kind.SYNTHETIC);
    }

    @Test
    void readsCostState() {
        TranscriptLine l = parse(ClaudeLines.costState("sess-9", 0.0319246, "claude-haiku-4-5-20251001", 368, 516));
        assertThat(l.kind).isEqualTo(TranscriptLine.Kind.COST_STATE);
        assertThat(l.sessionId).isEqualTo("sess-9");
        assertThat(l.totalCostUsd).isEqualTo(0.0319246);
        assertThat(l.modelUsage).containsOnlyKeys("claude-haiku-4-5-20251001");
        assertThat(l.modelUsage.get("claude-haiku-4-5-20251001").tokens().output()).isEqualTo(516);
    }

    @Test
    void userLinesAndOtherKindsAreNeitherCountedNorSkipped() {
        assertThat(parse(ClaudeLines.user("s", "what does \"usage\": mean?", T)).kind)
                .isEqualTo(TranscriptLine.Kind.OTHER);
        assertThat(parse("{\"type\":\"summary\",\"summary\":\"Fix the build\",\"leafUuid\":\"x\"}").kind)
                .isEqualTo(TranscriptLine.Kind.OTHER);
        assertThat(parse("").kind).isEqualTo(TranscriptLine.Kind.OTHER);
        assertThat(parse("   ").kind).isEqualTo(TranscriptLine.Kind.OTHER);
    }

    @Test
    void usageNestedInsideAnotherKindOfLineIsNotCounted() throws Exception {
        // Claude Code's progress lines carry a subagent's assistant message, usage and all, one level down.
        String inner = ClaudeLines.assistant("s", "msg_inner", "req_inner", "claude-haiku-4-5", T,
                ClaudeLines.Usage.of(1, 2, 3));
        ObjectNode progress = JSON.createObjectNode();
        progress.put("type", "progress");
        progress.putObject("data").set("message", JSON.readTree(inner));
        progress.put("timestamp", T.toString());
        assertThat(parse(JSON.writeValueAsString(progress)).kind).isEqualTo(TranscriptLine.Kind.OTHER);
        // and a task's tool result that reports the subagent's usage
        ObjectNode result = tree(ClaudeLines.toolResult("s", "done", T));
        ((ObjectNode) result.get("toolUseResult")).putObject("usage").put("input_tokens", 5);
        assertThat(parse(JSON.writeValueAsString(result)).kind).isEqualTo(TranscriptLine.Kind.OTHER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json at all",
            "{\"type\":\"assistant\",\"message\":{\"usage\":",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":{}},\"timestamp\":\"2025-11-03T09:15:42.517Z\"}{}",
            "[{\"usage\":1}]",
            "{\"usage\":{\"input_tokens\":1}}",
            "{\"type\":7,\"message\":{\"id\":\"m\",\"usage\":{}}}",
            "{\"type\":\"assistant\",\"message\":\"usage\"}",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":\"lots\"},\"timestamp\":\"2025-11-03T09:15:42.517Z\"}",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":\"12\"}},\"timestamp\":\"2025-11-03T09:15:42.517Z\"}",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":-4}},\"timestamp\":\"2025-11-03T09:15:42.517Z\"}",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":1.5}},\"timestamp\":\"2025-11-03T09:15:42.517Z\"}",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":99999999999999999999999}},\"timestamp\":\"2025-11-03T09:15:42.517Z\"}",
            "{\"type\":\"assistant\",\"message\":{\"usage\":{\"input_tokens\":1}},\"timestamp\":\"2025-11-03T09:15:42.517Z\"}",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":1}}}",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":1}},\"timestamp\":\"last tuesday\"}",
            "{\"type\":\"assistant\",\"message\":{\"id\":[1],\"usage\":{\"input_tokens\":1}},\"timestamp\":\"2025-11-03T09:15:42.517Z\"}",
            "{\"type\":\"cost-state\",\"sessionId\":\"s\"}",
            "{\"type\":\"cost-state\",\"sessionId\":\"s\",\"totalCostUSD\":\"1.5\"}",
            "\u0000\u0001binary\uFFFD{",
    })
    void badLinesAreSkipped(String text) {
        assertThat(parse(text).kind).isEqualTo(TranscriptLine.Kind.BAD);
    }

    @Test
    void linesOfGarbageBytesAreSkippedWithoutParsing() {
        byte[] junk = new byte[5000];
        new java.util.Random(1).nextBytes(junk);
        junk[0] = 'x';
        TranscriptLine line = new TranscriptLine();
        parser.parse(junk, 0, junk.length, line);
        assertThat(line.kind).isEqualTo(TranscriptLine.Kind.BAD);
    }

    @Test
    void theTopLevelTypeDecidesWhereverItStands() {
        String usage = "\"message\":{\"id\":\"m\",\"model\":\"claude-opus-4-1\",\"usage\":{\"input_tokens\":1}}";
        String time = "\"timestamp\":\"2025-11-03T09:15:42.517Z\"";
        // type first, spaces around the colon, literals before it
        assertThat(parse("{ \"n\" : 12.5e3, \"ok\":true, \"x\":null , \"type\" : \"assistant\", " + usage + "," + time + "}").kind)
                .isEqualTo(TranscriptLine.Kind.USAGE);
        // type after a nested value that is not the message: found by the byte search
        assertThat(parse("{\"data\":{\"type\":\"user\"}," + usage + ",\"type\":\"assistant\"," + time + "}").kind)
                .isEqualTo(TranscriptLine.Kind.USAGE);
        // the same usage in a line of another type, before or after the type
        assertThat(parse("{\"type\":\"attachment\"," + usage + "," + time + "}").kind).isEqualTo(TranscriptLine.Kind.OTHER);
        assertThat(parse("{\"attachment\":{\"a\":1}," + usage + ",\"type\":\"attachment\"," + time + "}").kind)
                .isEqualTo(TranscriptLine.Kind.OTHER);
        // a key that only looks like type inside a string value, and an escaped quote in a value
        assertThat(parse("{\"note\":\"\\\"type\\\":\\\"user\\\"\",\"type\":\"assistant\"," + usage + "," + time + "}").kind)
                .isEqualTo(TranscriptLine.Kind.USAGE);
        // cost-state decided by its type even when long
        String longCost = "{\"type\":\"cost-state\",\"sessionId\":\"s\",\"totalCostUSD\":2.5,\"pad\":\""
                + "x".repeat(3 * TranscriptLineParser.COST_STATE_MAX_LINE) + "\"}";
        assertThat(parse(longCost).kind).isEqualTo(TranscriptLine.Kind.COST_STATE);
    }

    /** An assistant line with content full of what could confuse a skipper, as Jackson would write it. */
    private static String trickyAssistantLine(java.util.Random random, long output) throws Exception {
        ObjectNode n = tree(ClaudeLines.assistant("s", "msg_" + random.nextInt(1000), "req_1", "claude-opus-4-5", T,
                new ClaudeLines.Usage(1 + random.nextInt(9), output, 3, 4, 5)));
        com.fasterxml.jackson.databind.node.ArrayNode content = ((ObjectNode) n.get("message")).putArray("content");
        String alphabet = "ab \"\\{}[]:,\n\tü→\u0001/";
        int blocks = 1 + random.nextInt(4);
        for (int b = 0; b < blocks; b++) {
            StringBuilder text = new StringBuilder();
            int len = random.nextInt(2000);
            for (int i = 0; i < len; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ObjectNode block = content.addObject();
            if (random.nextBoolean()) {
                block.put("type", "text");
                block.put("text", text.toString());
            } else {
                block.put("type", "tool_use");
                ObjectNode input = block.putObject("input");
                input.put("command", text.toString());
                input.putObject("usage").put("input_tokens", 999_999); // a tool's own field, not the response's
                input.putArray("nested").addArray().add(text.toString()).addObject().put("\"k", "v\\");
            }
        }
        return JSON.writeValueAsString(n);
    }

    @Test
    void contentIsSkippedExactlyWhateverItHolds() throws Exception {
        java.util.Random random = new java.util.Random(17);
        for (int round = 0; round < 500; round++) {
            long output = random.nextInt(100_000);
            String text = trickyAssistantLine(random, output);
            TranscriptLine l = parse(text);
            com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(text);
            assertThat(l.kind).as(text).isEqualTo(TranscriptLine.Kind.USAGE);
            assertThat(l.messageId).isEqualTo(n.at("/message/id").asText());
            assertThat(l.input).isEqualTo(n.at("/message/usage/input_tokens").asLong());
            assertThat(l.output).isEqualTo(output);
            assertThat(l.cacheWrite1h).isEqualTo(4);
            assertThat(l.sessionId).isEqualTo("s");
            assertThat(l.timeMillis).isEqualTo(T.toEpochMilli());
        }
    }

    @Test
    void aDamagedLineIsEitherSkippedOrReadAsJacksonReadsIt() throws Exception {
        java.util.Random random = new java.util.Random(23);
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = trickyAssistantLine(random, 77).getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(3) == 0) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            } else {
                for (int k = 0; k <= random.nextInt(3); k++) {
                    String damage = "\"\\{}[],:x0 ";
                    bytes[random.nextInt(bytes.length)] = (byte) damage.charAt(random.nextInt(damage.length()));
                }
            }
            TranscriptLine line = new TranscriptLine();
            parser.parse(bytes, 0, bytes.length, line);
            if (line.kind == TranscriptLine.Kind.USAGE) {
                // whatever was read must be what the line says where a full parse can still read it
                com.fasterxml.jackson.databind.JsonNode n;
                try {
                    n = JSON.readTree(bytes);
                } catch (java.io.IOException e) {
                    continue; // damage inside the content, which is not needed
                }
                if (n.at("/message/usage/output_tokens").isIntegralNumber()) {
                    assertThat(line.output).isEqualTo(n.at("/message/usage/output_tokens").asLong());
                }
            }
        }
    }

    @Test
    void anAssistantLineWithoutUsageIsNotCounted() {
        String text = "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"role\":\"assistant\",\"content\":[]},"
                + "\"note\":\"\\\"usage\\\"\",\"usage\":null,\"timestamp\":\"2025-11-03T09:15:42.517Z\"}";
        assertThat(parse(text).kind).isEqualTo(TranscriptLine.Kind.OTHER);
    }

    @Test
    void toleratesCarriageReturnsAndSpaces() {
        TranscriptLine l = parse("  " + ClaudeLines.assistant("s", "m", "r", "claude-opus-4-1", T,
                ClaudeLines.Usage.of(1, 2, 3)) + " \r");
        assertThat(l.kind).isEqualTo(TranscriptLine.Kind.USAGE);
    }
}

package dev.budmon.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.budmon.model.TokenCounts;
import dev.budmon.source.transcript.RecordedShapes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The one writer of Claude Code's transcript lines, for the session's own file and a subagent's. */
class SessionLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-11-26T21:44:13Z");

    private static SessionLines.Response response(String model, String stopReason) {
        return new SessionLines.Response("msg_01A", "req_011B", model, new TokenCounts(8, 23, 1201, 300, 14010), 5,
                stopReason);
    }

    /** A prompt, a response of three blocks, its tool result and a final answer; then a Haiku answer. */
    private static List<JsonNode> conversation(String agentId) throws IOException {
        Random random = new Random(3);
        SessionLines lines = new SessionLines("1e5109de-9c52-4b65-96b7-f7239a801119", "/tmp/budmon-fixture/subagent",
                agentId, () -> SessionLines.uuid(random));
        SessionLines.Response first = response("claude-opus-5-5", "tool_use");
        List<String> written = List.of(
                lines.prompt("run echo", T),
                lines.assistant(first, 0, SessionLines.thinking("I will call it.", "bW9jaw=="), T.plusMillis(100)),
                lines.assistant(first, 1, SessionLines.text("Let me run a command."), T.plusMillis(150)),
                lines.assistant(first, 2, SessionLines.toolUse("toolu_1", "Bash", "command", "echo ok",
                        "description", "Print a word"), T.plusMillis(200)),
                lines.toolResult("toolu_1", "ok", T.plusMillis(700)),
                lines.assistant(response("claude-opus-5-5", "end_turn"), 0, SessionLines.text("Done."),
                        T.plusMillis(900)),
                lines.assistant(response("claude-haiku-4-5", "end_turn"), 0, SessionLines.text("Hi."),
                        T.plusMillis(1000)));
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : written) {
            assertThat(l).doesNotContain("\n");
            nodes.add(JSON.readTree(l));
        }
        return nodes;
    }

    @Test
    void everyLineHasTheShapeOfALineTheRealClaudeCodeWrote() throws IOException {
        assumeTrue(Files.isDirectory(RecordedShapes.RECORDINGS), "no recorded transcripts");
        for (String agent : new String[]{null, "addfa0f7dcab0188a"}) {
            for (JsonNode n : conversation(agent)) {
                // The recorded subagent did not think aloud: its thinking line has nothing to compare with.
                if (agent == null || !n.at("/message/content/0/type").asText().equals("thinking")) {
                    assertThat(RecordedShapes.recorded()).as("%s", n).contains(RecordedShapes.of(n));
                }
            }
        }
    }

    @Test
    void eachLineHangsUnderTheOneBeforeAndAToolResultAnswersTheToolCall() throws IOException {
        List<JsonNode> nodes = conversation(null);
        assertThat(nodes.get(0).get("parentUuid").isNull()).isTrue();
        for (int i = 1; i < nodes.size(); i++) {
            assertThat(nodes.get(i).path("parentUuid")).isEqualTo(nodes.get(i - 1).path("uuid"));
        }
        JsonNode result = nodes.get(4);
        assertThat(result.path("sourceToolAssistantUUID")).isEqualTo(nodes.get(3).path("uuid"));
        assertThat(result.at("/message/content/0/tool_use_id").asText()).isEqualTo("toolu_1");
        assertThat(result.at("/toolUseResult/stdout").asText()).isEqualTo("ok");
        assertThat(result.path("promptId")).isEqualTo(nodes.get(0).path("promptId"));
        assertThat(nodes.get(0).at("/turnPosition/promptIndex").asInt()).isZero();
    }

    @Test
    void theBlocksOfAResponseShareItsRequestAndRepeatItsUsage() throws IOException {
        List<JsonNode> nodes = conversation(null);
        for (int i = 1; i <= 3; i++) {
            JsonNode n = nodes.get(i);
            assertThat(n.path("apiBlockIndex").asInt()).isEqualTo(i - 1);
            assertThat(n.path("requestRef")).isEqualTo(nodes.get(1).path("requestRef"));
            assertThat(n.at("/message/usage")).isEqualTo(nodes.get(1).at("/message/usage"));
            assertThat(n.at("/message/stop_reason").asText()).isEqualTo("tool_use");
        }
        assertThat(nodes.get(5).path("requestRef")).isNotEqualTo(nodes.get(1).path("requestRef"));
        JsonNode usage = nodes.get(1).at("/message/usage");
        assertThat(usage.path("cache_creation_input_tokens").asLong()).isEqualTo(1501);
        assertThat(usage.at("/cache_creation/ephemeral_5m_input_tokens").asLong()).isEqualTo(1201);
        assertThat(usage.at("/cache_creation/ephemeral_1h_input_tokens").asLong()).isEqualTo(300);
        assertThat(usage.at("/output_tokens_details/thinking_tokens").asLong()).isEqualTo(5);
    }

    @Test
    void haikuLinesCarryNoEffort() throws IOException {
        List<JsonNode> nodes = conversation(null);
        assertThat(nodes.get(5).path("effort").asText()).isEqualTo("medium");
        JsonNode haiku = nodes.get(6);
        assertThat(haiku.has("effort")).isFalse();
        assertThat(haiku.get("perTurnEffort").isNull()).isTrue();
    }

    @Test
    void aSubagentsLinesAreSidechainLinesOfItsAgentWithoutASecondCopyOfToolOutput() throws IOException {
        for (JsonNode n : conversation("addfa0f7dcab0188a")) {
            assertThat(n.path("isSidechain").asBoolean()).isTrue();
            assertThat(n.path("agentId").asText()).isEqualTo("addfa0f7dcab0188a");
        }
        JsonNode result = conversation("addfa0f7dcab0188a").get(4);
        assertThat(result.has("toolUseResult")).isFalse();
        assertThat(result.at("/message/content/0/content").asText()).isEqualTo("ok");
    }

    @Test
    void timesHaveMillisecondsAndSeededIdsAreVersion4Uuids() {
        assertThat(SessionLines.timestamp(T)).isEqualTo("2026-11-26T21:44:13.000Z");
        Random a = new Random(9);
        Random b = new Random(9);
        String id = SessionLines.uuid(a);
        assertThat(id).isEqualTo(SessionLines.uuid(b))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(SessionLines.uuid(a)).isNotEqualTo(id);
    }
}

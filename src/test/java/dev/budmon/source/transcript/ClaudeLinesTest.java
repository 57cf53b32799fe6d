package dev.budmon.source.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.budmon.demo.SessionLines;
import dev.budmon.model.TokenCounts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The tests' builder of transcript lines writes each kind as the real Claude Code 2.1.332 does. */
class ClaudeLinesTest {

    private static final Instant T = Instant.parse("2026-11-26T21:44:13.063Z");
    private static final String S = "d5882127-0ba0-45c0-bc32-fbaa6aff730b";

    @Test
    void everyKindOfLineHasTheShapeOfARecordedOne() throws IOException {
        assumeTrue(Files.isDirectory(RecordedShapes.RECORDINGS), "no recorded transcripts");
        Map<String, ClaudeModelUsage> cost = new LinkedHashMap<>();
        cost.put("claude-opus-5-5", new ClaudeModelUsage(new TokenCounts(17, 49, 2403, 600, 28030), 0.02));
        cost.put("claude-haiku-4-5", new ClaudeModelUsage(new TokenCounts(8, 23, 1201, 300, 14010), 0.003));
        List<String> lines = new ArrayList<>(ClaudeLines.opening(S, "/w", T));
        lines.addAll(List.of(
                ClaudeLines.user(S, "what does \"usage\": mean?", T),
                ClaudeLines.assistant(S, "msg_1", "req_1", "claude-opus-5-5", T, ClaudeLines.Usage.of(1, 2, 3)),
                ClaudeLines.assistant(S, "/w", "msg_2", "req_2", "claude-opus-5-5", T,
                        new ClaudeLines.Usage(1, 2, 3, 4, 5), true, "a7c1"),
                ClaudeLines.mockResponse(S, 1, SessionLines.toolUse("toolu_1", "Bash", "command", "ls",
                        "description", "List files"), false, T),
                ClaudeLines.toolResult(S, "done", T),
                ClaudeLines.costState(S, 0.5, "claude-opus-5-5", 10, 20),
                ClaudeLines.costState(S, cost),
                ClaudeLines.apiRequest(S, T),
                ClaudeLines.apiRequestBlob(S, "run echo"),
                ClaudeLines.promptSnapshot(S, "/w", T)));
        for (String line : lines) {
            JsonNode n = ClaudeLines.JSON.readTree(line);
            assertThat(RecordedShapes.recorded()).as(line.substring(0, Math.min(200, line.length())))
                    .contains(RecordedShapes.of(n));
            if (n.has("sessionId")) {
                assertThat(n.path("sessionId").asText()).isEqualTo(S);
            }
        }
        assertThat(lines).hasSizeGreaterThan(20);
    }

    @Test
    void theMocksResponseIsTheRecordedOne() throws IOException {
        JsonNode recorded = null;
        for (String l : Files.readAllLines(RecordedShapes.RECORDINGS.resolve(
                "tool/projects/-tmp-budmon-fixture-tool/" + S + ".jsonl"), StandardCharsets.UTF_8)) {
            JsonNode n = ClaudeLines.JSON.readTree(l);
            if (n.path("type").asText().equals("assistant") && recorded == null) {
                recorded = n;
            }
        }
        assumeTrue(recorded != null, "no recorded transcripts");
        JsonNode mock = ClaudeLines.JSON.readTree(ClaudeLines.mockResponse(S, 1, SessionLines.text("a"), false, T));
        assertThat(mock.at("/message/usage")).isEqualTo(recorded.at("/message/usage"));
        assertThat(mock.at("/message/model")).isEqualTo(recorded.at("/message/model"));
    }

    @Test
    void aCostStateSumsItsModelsAndALineWithoutRequestIdHasNone() throws IOException {
        Map<String, ClaudeModelUsage> cost = new LinkedHashMap<>();
        cost.put("a", new ClaudeModelUsage(new TokenCounts(1, 2, 3, 4, 5), 0.25));
        cost.put("b", new ClaudeModelUsage(TokenCounts.ZERO, 0.5));
        JsonNode n = ClaudeLines.JSON.readTree(ClaudeLines.costState(S, cost));
        assertThat(n.path("totalCostUSD").asDouble()).isEqualTo(0.75);
        assertThat(n.at("/modelUsage/a/cacheCreationInputTokens").asLong()).isEqualTo(7);
        assertThat(ClaudeLines.JSON.readTree(ClaudeLines.assistant(S, "m", null, "claude-opus-5-5", T,
                ClaudeLines.Usage.of(1, 2, 3))).has("requestId")).isFalse();
    }
}

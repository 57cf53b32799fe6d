package dev.budmon.source.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageTotals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store on transcripts written by the real Claude Code (2.1.332, and the Node-based 2.1.112) against a
 * loopback mock of the Messages API; see {@code src/test/resources/transcripts/real/}. Expected figures
 * come from two independent sources: a plain databind re-count ({@link ReferenceCount}) and Claude Code's
 * own cumulative {@code cost-state} lines.
 */
class RealTranscriptsTest {

    @TempDir
    Path tmp;

    private static Path scenario(String name) throws URISyntaxException {
        return Path.of(RealTranscriptsTest.class.getResource("/transcripts/real/" + name + "/projects").toURI())
                .getParent();
    }

    /** A copy, so files can be written to and their times set. */
    private Path copyOf(String name) throws Exception {
        Path from = scenario(name);
        Path to = tmp.resolve(name);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /** Claude Code's own per-model token counts from the session's last (largest) cost-state line. */
    private static Map<String, TokenCounts> claudeCodesOwnCount(Path claudeDir) throws IOException {
        Map<String, TokenCounts> result = new HashMap<>();
        double best = -1;
        for (Path f : transcripts(claudeDir)) {
            for (String line : Files.readAllLines(f)) {
                JsonNode n = ClaudeLines.JSON.readTree(line);
                if (!n.path("type").asText().equals("cost-state") || n.path("totalCostUSD").asDouble() < best) {
                    continue;
                }
                best = n.path("totalCostUSD").asDouble();
                result.clear();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.path("modelUsage").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode u = e.getValue();
                    result.put(e.getKey(), new TokenCounts(u.path("inputTokens").asLong(), u.path("outputTokens").asLong(),
                            u.path("cacheCreationEphemeral5mInputTokens").asLong(),
                            u.path("cacheCreationEphemeral1hInputTokens").asLong(), u.path("cacheReadInputTokens").asLong()));
                }
            }
        }
        return result;
    }

    private static List<Path> transcripts(Path claudeDir) throws IOException {
        try (Stream<Path> walk = Files.walk(claudeDir.resolve("projects"))) {
            return walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "tool", "subagent", "resume", "tool-node-2.1.112"})
    void countsWhatThePlainReCountCounts(String name) throws Exception {
        Path dir = scenario(name);
        TranscriptSummary s = new TranscriptStore().refresh(List.of(dir));
        ReferenceCount expected = ReferenceCount.of(dir);
        UsageTotals all = s.timeline().between(Instant.MIN, Instant.MAX);
        assertThat(s.responses()).isEqualTo(expected.responses()).isPositive();
        assertThat(all.requests()).isEqualTo(expected.responses());
        assertThat(all.byModel()).isEqualTo(expected.byModel());
        assertThat(s.skippedLines()).isZero();
        assertThat(s.warnings()).isEmpty();
        assertThat(s.activeSession().requests()).isEqualTo(expected.responses());
        assertThat(s.activeSession().byModel()).isEqualTo(expected.byModel());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "tool", "subagent", "resume"})
    void theSessionsTokensMatchClaudeCodesOwnCostState(String name) throws Exception {
        Path dir = scenario(name);
        TranscriptSummary s = new TranscriptStore().refresh(List.of(dir));
        Map<String, TokenCounts> own = claudeCodesOwnCount(dir);
        assertThat(own).isNotEmpty();
        assertThat(s.activeSession().byModel()).isEqualTo(own);
        Map<String, TokenCounts> kept = new HashMap<>();
        s.activeSessionClaudeUsage().forEach((model, usage) -> kept.put(model, usage.tokens()));
        assertThat(kept).isEqualTo(own);
        assertThat(s.activeSession().claudeCostUsd()).isPositive();
    }

    @Test
    void theOldNodeClientWritesNoCostState() throws Exception {
        TranscriptSummary s = new TranscriptStore().refresh(List.of(scenario("tool-node-2.1.112")));
        assertThat(s.activeSession().claudeCostUsd()).isNull();
        assertThat(s.activeSessionClaudeUsage()).isEmpty();
        assertThat(s.activeSession().byModel()).containsOnlyKeys("claude-sonnet-4-6");
    }

    @Test
    void aContinuedSessionKeepsTheLargerCumulativeCostAndBothModels() throws Exception {
        TranscriptSummary s = new TranscriptStore().refresh(List.of(scenario("resume")));
        assertThat(s.activeSession().byModel()).containsOnlyKeys("claude-opus-5-5", "claude-haiku-4-5");
        assertThat(s.activeSessionClaudeUsage()).containsOnlyKeys("claude-opus-5-5", "claude-haiku-4-5");
        assertThat(s.lastResponse().model()).isEqualTo("claude-haiku-4-5");
    }

    @Test
    void aSubagentsResponsesBelongToItsParentSession() throws Exception {
        Path dir = scenario("subagent");
        TranscriptSummary s = new TranscriptStore().refresh(List.of(dir));
        assertThat(s.files()).isEqualTo(2);
        assertThat(s.activeSession().sessionId()).isEqualTo("1e5109de-9c52-4b65-96b7-f7239a801119");
        assertThat(s.activeSession().transcript().getFileName().toString())
                .isEqualTo("1e5109de-9c52-4b65-96b7-f7239a801119.jsonl");
        assertThat(s.activeSession().cwd()).isEqualTo("/tmp/budmon-fixture/subagent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tool", "subagent", "resume"})
    void readingTheFilesAsTheyGrowGivesWhatOneScanGives(String name) throws Exception {
        Path original = scenario(name);
        Path growing = tmp.resolve("growing");
        List<byte[]> contents = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        for (Path f : transcripts(original)) {
            contents.add(Files.readAllBytes(f));
            Path target = growing.resolve(original.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.createFile(target);
            targets.add(target);
        }
        TranscriptStore store = new TranscriptStore();
        Random random = new Random(name.hashCode());
        int[] written = new int[contents.size()];
        boolean more = true;
        while (more) {
            more = false;
            for (int i = 0; i < contents.size(); i++) {
                int n = Math.min(contents.get(i).length - written[i], random.nextInt(4000));
                ClaudeLines.appendBytes(targets.get(i), java.util.Arrays.copyOfRange(contents.get(i), written[i], written[i] + n));
                written[i] += n;
                more |= written[i] < contents.get(i).length;
            }
            store.refresh(List.of(growing), targets);
        }
        TranscriptSummary grown = store.refresh(List.of(growing));
        TranscriptSummary once = new TranscriptStore().refresh(List.of(original));
        assertThat(grown.timeline().between(Instant.MIN, Instant.MAX))
                .isEqualTo(once.timeline().between(Instant.MIN, Instant.MAX));
        assertThat(grown.responses()).isEqualTo(once.responses());
        assertThat(grown.skippedLines()).isZero();
        assertThat(grown.cacheRatios()).isEqualTo(once.cacheRatios());
        assertThat(grown.lastResponse()).isEqualTo(once.lastResponse());
        assertThat(grown.activeSession().byModel()).isEqualTo(once.activeSession().byModel());
        assertThat(grown.activeSession().claudeCostUsd()).isEqualTo(once.activeSession().claudeCostUsd());
    }

    @Test
    void sessionsOfSeveralProjectsAndTheActiveOne() throws Exception {
        Path all = tmp.resolve("all");
        for (String name : List.of("hello", "tool", "subagent", "resume", "tool-node-2.1.112")) {
            Path copy = copyOf(name);
            for (Path f : transcripts(copy)) {
                Path target = all.resolve(copy.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.move(f, target);
            }
        }
        // the subagent of one session wrote last: that session is the active one
        Instant base = Instant.parse("2026-11-26T22:00:00Z");
        for (Path f : transcripts(all)) {
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(base));
        }
        Path sub = transcripts(all).stream().filter(p -> p.getParent().getFileName().toString().equals("subagents"))
                .findFirst().orElseThrow();
        Files.setLastModifiedTime(sub, java.nio.file.attribute.FileTime.from(base.plusSeconds(60)));
        TranscriptSummary s = new TranscriptStore().refresh(List.of(all));
        assertThat(new TranscriptStore(0).refresh(List.of(all))).usingRecursiveComparison().ignoringFields("timeline")
                .isEqualTo(s);
        ReferenceCount expected = ReferenceCount.of(all);
        assertThat(s.responses()).isEqualTo(expected.responses());
        assertThat(s.timeline().between(Instant.MIN, Instant.MAX).byModel()).isEqualTo(expected.byModel());
        assertThat(s.activeSession().sessionId()).isEqualTo("1e5109de-9c52-4b65-96b7-f7239a801119");
        assertThat(s.activeSession().requests()).isEqualTo(5);
        // the newest response across all sessions is the one with the latest timestamp
        assertThat(s.lastResponse().time()).isEqualTo(s.newestTime());
    }
}

package dev.budmon.source.transcript;

import dev.budmon.model.SourceWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptFeedTest {

    @TempDir
    Path tmp;

    /**
     * The window's first state comes from the quota files alone, and the history figures are computed with it:
     * an indexed feed, whose store the first refresh restores, must answer before that refresh.
     */
    @Test
    void anIndexedFeedHasNoResponsesBeforeItsFirstRefreshAndItsTranscriptsAfter() throws Exception {
        Path claude = tmp.resolve("claude");
        Path project = Files.createDirectories(claude.resolve("projects").resolve("-home-dev-project"));
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        Files.writeString(project.resolve("s1.jsonl"), ClaudeLines.assistant("s1", "msg_1", "req_1",
                "claude-opus-4-5", at, ClaudeLines.Usage.of(10, 20, 30)) + "\n", StandardCharsets.UTF_8);
        TranscriptFeed feed = TranscriptFeed.indexed(new HistoryIndex(tmp.resolve("cache"), List.of(claude)),
                Duration.ofMinutes(5));

        assertThat(feed.responses(at.minusSeconds(60))).isEmpty();
        assertThat(feed.sessionProjects()).isEmpty();

        List<SourceWarning> warnings = new ArrayList<>();
        feed.refresh(List.of(claude), warnings);
        assertThat(warnings).isEmpty();
        assertThat(feed.responses(at.minusSeconds(60))).extracting(r -> r.requestId()).containsExactly("req_1");
        assertThat(feed.sessionProjects()).containsKey("s1");
    }
}

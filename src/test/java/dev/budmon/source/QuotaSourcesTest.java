package dev.budmon.source;

import dev.budmon.setup.InstallPaths;
import dev.budmon.statusline.ClaudeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the window offers setup: whenever nothing records the quota, not only when the Claude directory has no
 * transcripts yet (a user who has worked with Claude Code for months but never ran setup gets the offer too).
 */
class QuotaSourcesTest {

    @TempDir
    Path tmp;

    @Test
    void theNamesAreThoseSetupAndTheStatusLineWrite() {
        assertThat(QuotaSources.INTERCEPTOR_FILE_NAME).isEqualTo(InstallPaths.INTERCEPTOR_NAME);
        assertThat(QuotaSources.SETTINGS_FILE_NAME).isEqualTo(ClaudeSettings.FILE_NAME);
        assertThat(QuotaSources.STATUS_LINE_KEY).isEqualTo(ClaudeSettings.KEY);
    }

    @Test
    void noClaudeDirectoryAtAll() {
        QuotaSources c = QuotaSources.of(List.of(tmp.resolve(".claude")));
        assertThat(c.claudeDirExists()).isFalse();
        assertThat(c.offerSetup()).isTrue();
    }

    @Test
    void transcriptsButNoQuotaSourceOfferSetup() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(".claude/projects/-w"));
        Files.writeString(dir.resolve("s.jsonl"), "{}\n");
        QuotaSources c = QuotaSources.of(List.of(tmp.resolve(".claude")));
        assertThat(c.claudeDirExists()).isTrue();
        assertThat(c.offerSetup()).isTrue();
    }

    @Test
    void anyQuotaSourceEndsTheOffer() throws IOException {
        String[] sources = {"budmon-interceptor.mjs", "usage-limits.json", "budmon/statusline.json"};
        for (String source : sources) {
            Path dir = Files.createDirectories(tmp.resolve(source.replace('/', '_')));
            Files.createDirectories(dir.resolve(source).getParent());
            Files.writeString(dir.resolve(source), "x");
            assertThat(QuotaSources.of(List.of(dir)).offerSetup()).as(source).isFalse();
        }
        Path settings = Files.createDirectories(tmp.resolve("settings"));
        Files.writeString(settings.resolve("settings.json"),
                "{\"statusLine\": {\"type\": \"command\", \"command\": \"/home/u/.local/bin/budmon --statusline\"}}");
        assertThat(QuotaSources.of(List.of(settings)).offerSetup()).as("status line set").isFalse();
        // another status line is none of ours
        Files.writeString(settings.resolve("settings.json"), "{\"statusLine\": {\"command\": \"ccline\"}}");
        assertThat(QuotaSources.of(List.of(settings)).offerSetup()).isTrue();
    }

    @Test
    void anyOfSeveralDirectoriesCounts() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("a"));
        Path withSource = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(withSource.resolve("usage-limits.json"), "{}");
        assertThat(QuotaSources.of(List.of(empty, withSource)).offerSetup()).isFalse();
    }
}

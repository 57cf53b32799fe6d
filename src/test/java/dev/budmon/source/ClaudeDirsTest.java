package dev.budmon.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudeDirsTest {

    @TempDir
    Path home;

    @Test
    void defaultsToDotClaudeInHome() {
        assertThat(ClaudeDirs.resolve(null, Map.of(), home).dirs()).containsExactly(home.resolve(".claude"));
    }

    @Test
    void claudeConfigDirWinsAndMayListSeveral() {
        ClaudeDirs d = ClaudeDirs.resolve(null, Map.of("CLAUDE_CONFIG_DIR", "/a, ~/b ,,/a"), home);
        assertThat(d.dirs()).containsExactly(Path.of("/a"), home.resolve("b"));
        assertThat(d.primary()).isEqualTo(Path.of("/a"));
    }

    @Test
    void xdgFolderIsAddedWhenItHasProjects() throws IOException {
        assertThat(ClaudeDirs.resolve(null, Map.of(), home).dirs()).hasSize(1);
        Files.createDirectories(home.resolve(".config/claude/projects"));
        assertThat(ClaudeDirs.resolve(null, Map.of(), home).dirs())
                .containsExactly(home.resolve(".claude"), home.resolve(".config/claude"));
    }

    @Test
    void overrideReplacesEverything() throws IOException {
        Files.createDirectories(home.resolve(".config/claude/projects"));
        ClaudeDirs d = ClaudeDirs.resolve(Path.of("/x/y/../z"), Map.of("CLAUDE_CONFIG_DIR", "/a"), home);
        assertThat(d.dirs()).containsExactly(Path.of("/x/z"));
    }
}

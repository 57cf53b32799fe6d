package dev.budmon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring of {@code --setup} in {@link Main}. Only the failure before any write is run here: a successful
 * run through Main would act on the real home folder; {@code dev.budmon.setup.SetupTest} covers the rest.
 */
class MainSetupTest {

    @Test
    void setupWithAClaudeDirectoryInAMissingFolderRefusesAndChangesNothing(@TempDir Path tmp) {
        // a missing Claude directory whose folder exists is created (Claude Code has not run yet); one whose
        // folder is missing too is more likely mistyped
        Path missing = tmp.resolve("no such dir").resolve(".claude");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"--setup", "--claude-dir", missing.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("budmon: setup failed: the Claude directory "
                + missing + " does not exist, nor does " + missing.getParent());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(missing).doesNotExist();
    }
}

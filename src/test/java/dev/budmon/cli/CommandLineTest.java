package dev.budmon.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void noArgumentsOpensTheWindow() throws Exception {
        assertThat(CommandLine.parse().command()).isEqualTo(CommandLine.Command.WINDOW);
    }

    @Test
    void backgroundRunsTheTrayAndTheAlertsOnItsOwn() throws Exception {
        CommandLine c = CommandLine.parse("--background", "--claude-dir", "/tmp/c");
        assertThat(c.command()).isEqualTo(CommandLine.Command.BACKGROUND);
        assertThat(c.claudeDir()).isEqualTo(java.nio.file.Path.of("/tmp/c"));
        assertThatThrownBy(() -> CommandLine.parse("--background", "--json")).hasMessageContaining("cannot be combined");
        assertThat(CommandLine.USAGE).contains("--background");
    }

    @Test
    void theWindowRehearsalOfEarlierLaunchersIsGone() {
        assertThatThrownBy(() -> CommandLine.parse("--claude-dir", "/tmp/c", "--window-rehearsal"))
                .isInstanceOf(CommandLine.UsageException.class).hasMessage("unknown option: --window-rehearsal");
    }

    @Test
    void claudeDirInBothSpellingsAndInAnyPosition() throws Exception {
        CommandLine a = CommandLine.parse("--claude-dir", "/tmp/a b", "--json");
        CommandLine b = CommandLine.parse("--json", "--claude-dir=/tmp/a b");
        assertThat(a.claudeDir()).isEqualTo(Path.of("/tmp/a b"));
        assertThat(b).isEqualTo(a);
        assertThat(a.command()).isEqualTo(CommandLine.Command.JSON);
    }

    @Test
    void statuslineTakesOnOffOrNothing() throws Exception {
        assertThat(CommandLine.parse("--statusline").operands()).isEmpty();
        assertThat(CommandLine.parse("--statusline", "on", "--force").operands()).containsExactly("on");
        assertThat(CommandLine.parse("--statusline", "on", "--force").force()).isTrue();
        assertThatThrownBy(() -> CommandLine.parse("--statusline", "maybe"))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("maybe");
    }

    @Test
    void noAutostartGoesWithSetupOnly() throws Exception {
        assertThat(CommandLine.parse("--setup").noAutostart()).isFalse();
        assertThat(CommandLine.parse("--setup", "--no-autostart").noAutostart()).isTrue();
        assertThat(CommandLine.parse("--no-autostart", "--setup", "--force").force()).isTrue();
        assertThatThrownBy(() -> CommandLine.parse("--no-autostart")).hasMessageContaining("goes with --setup");
        assertThatThrownBy(() -> CommandLine.parse("--json", "--no-autostart")).hasMessageContaining("--setup");
    }

    @Test
    void badUsageIsRefusedWithAReason() {
        assertThatThrownBy(() -> CommandLine.parse("--frobnicate")).hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> CommandLine.parse("--claude-dir")).hasMessageContaining("needs a directory");
        assertThatThrownBy(() -> CommandLine.parse("--json", "--setup")).hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> CommandLine.parse("stray")).hasMessageContaining("stray");
    }

    @Test
    void unknownOptionExitsTwoWithUsageOnStderr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--nope"}, new PrintStream(out), new PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option: --nope").contains("Usage: budmon");
    }

    @Test
    void versionAndHelpExitZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {"--version"}, new PrintStream(out), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("budmon ");
        out.reset();
        assertThat(Main.run(new String[] {"--help"}, new PrintStream(out), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--json").contains("--claude-dir");
    }
}

package dev.budmon.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands that need no window must start without Swing, AWT or FlatLaf: fast, and fine without a display. */
class HeadlessCommandsTest {

    @TempDir
    Path claudeDir;

    @ParameterizedTest
    @ValueSource(strings = {"--json", "--version", "--help", "history"})
    void loadsNoWindowingClasses(String command) throws IOException, InterruptedException {
        Files.writeString(claudeDir.resolve("usage-limits.json"), "{\"headers_raw\": "
                + "{\"anthropic-ratelimit-unified-5h-utilization\": \"0.3\"}}");
        Path log = claudeDir.resolve("classes.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--claude-dir", claudeDir.toString(), command))
                .redirectErrorStream(true).redirectOutput(claudeDir.resolve("out.txt").toFile());
        pb.environment().put("XDG_CACHE_HOME", claudeDir.resolve("cache").toString()); // --json keeps its index there
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(claudeDir.resolve("out.txt"))).isZero();
        List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(loaded).as("class-load log").anySatisfy(l -> assertThat(l).contains(Main.class.getName()));
        assertThat(loaded).noneMatch(l -> l.contains(" javax.swing.") || l.contains(" java.awt.")
                || l.contains(" com.formdev."));
    }
}

package dev.budmon.setup;

import dev.budmon.Os;

import dev.budmon.statusline.StatuslineLauncherIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher {@code --setup} installs, run with the real jar and the real {@code java}, away from the source
 * checkout: setup records the class-data archives next to the installed jar, the launcher uses them, and
 * {@code --uninstall} takes them away with the jar. Runs after {@code package} (failsafe).
 */
class InstalledLauncherIT {

    static final Path JAR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("target").resolve("budmon.jar").toAbsolutePath();

    @TempDir
    Path tmp;

    TestHome h;
    SetupContext ctx;
    InstallPaths paths;

    @BeforeEach
    void setUp() throws IOException {
        assertThat(JAR).as("run after mvn package").exists();
        // A plain name: the JVM's class-data sharing ignores a jar whose path has a space or a quote.
        h = TestHome.create(tmp, "home");
        SetupContext c = h.context(Os.LINUX);
        ctx = new SetupContext(c.os(), c.home(), c.claudeDir(), c.pathEntries(), c.javaExecutable(), c.interceptor(),
                JAR, c.icons());
        TestHome.Run run = h.setup(ctx);
        assertThat(run.exit()).as(run.err()).isZero();
        paths = InstallPaths.of(ctx);
    }

    private Map<String, String> env(String javaOpts) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", h.home.toString());
        env.put("PATH", "/usr/bin:/bin");
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        env.put("CLAUDE_CONFIG_DIR", h.claudeDir.toString());
        env.put("XDG_CACHE_HOME", h.home.resolve(".cache").toString());
        // The JVM takes its home from the password database, not from HOME.
        env.put("BUDMON_JAVA_OPTS", "-Duser.home=" + h.home + " " + javaOpts);
        return env;
    }

    private TestHome.ProcResult statusline(String javaOpts) throws Exception {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"model\": {\"display_name\": \"Opus 5.5\"}, \"rate_limits\": {\"five_hour\":"
                + " {\"used_percentage\": 42, \"resets_at\": " + (now + 7200) + "}}}";
        Path in = tmp.resolve("payload.json");
        Files.writeString(in, payload);
        return TestHome.exec(List.of("/bin/sh", "-c", "exec \"$0\" --statusline < \"$1\"",
                paths.budmonLauncher().toString(), in.toString()), env(javaOpts), h.home);
    }

    private List<Path> archiveFiles() throws IOException {
        try (Stream<Path> files = Files.list(paths.installedJar().getParent())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    @Test
    void setupRecordsTheArchivesTheInstalledLauncherUsesAndUninstallRemovesThem() throws Exception {
        assumeTrue(StatuslineLauncherIT.sharingAvailable(), "this JDK has no class-data sharing");
        TestHome.Run archives = TestHome.capture((out, err) -> {
            SetupCommand.recordArchives(ctx, out, err);
            return 0;
        });
        Path jarDir = paths.installedJar().getParent();
        assertThat(archiveFiles()).as(archives.err()).containsExactly(jarDir.resolve("budmon-statusline.jsa"),
                jarDir.resolve("budmon-window.jsa"));
        assertThat(archives.out()).contains("created    " + jarDir.resolve("budmon-statusline.jsa"));
        assertThat(archives.err()).isEmpty();

        TestHome.ProcResult first = statusline("");
        assertThat(first.exit()).isZero();
        assertThat(first.out()).as(first.err()).startsWith("[Opus 5.5] 5h ███░░░░░ 42%");
        Path log = tmp.resolve("classes.log");
        TestHome.ProcResult second = statusline("-Xlog:class+load=info:file=" + log);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.readString(log)).as("%s %s", second.err(), archiveFiles()).contains(
                "dev.budmon.statusline.StatuslineCommand source: shared objects file");
        assertThat(h.home.resolve(".cache").resolve("budmon")).as("nothing recorded at run time").doesNotExist();

        // a second setup keeps the archives the JVM still takes
        TestHome.Run again = TestHome.capture((out, err) -> {
            SetupCommand.recordArchives(ctx, out, err);
            return 0;
        });
        assertThat(again.out()).contains("unchanged  " + jarDir.resolve("budmon-window.jsa"));

        TestHome.Run uninstall = h.uninstall(ctx);
        assertThat(uninstall.exit()).as(uninstall.err()).isZero();
        assertThat(uninstall.out()).contains(jarDir.resolve("budmon-window.jsa").toString())
                .contains("class-data archive");
        assertThat(paths.installedJar().getParent()).doesNotExist();
        assertThat(paths.budmonLauncher()).doesNotExist();
    }
}

package dev.budmon.statusline;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real launcher ({@code ./budmon}) and the real jar, as Claude Code runs them: a payload piped to
 * {@code budmon --statusline}, one line read back. Runs after {@code package} (failsafe).
 */
public class StatuslineLauncherIT {

    static final Path CHECKOUT = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    static final Path LAUNCHER = CHECKOUT.resolve("budmon");
    static final Path TARGET = CHECKOUT.resolve("target");

    @TempDir
    Path root;

    Path home;
    Path claude;
    Path tmp;

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        assertThat(TARGET.resolve("budmon.jar")).as("run after mvn package").exists();
        home = Files.createDirectories(root.resolve("home"));
        claude = Files.createDirectories(home.resolve(".claude"));
        tmp = Files.createDirectories(root.resolve("tmp"));
        Files.writeString(claude.resolve("budmon.ini"), "[statusline]\n"
                + "elements = cwd, model_info, 5h_bar, 7d_bar, countdown_5h, cost\nmax_width = 120\n");
    }

    /** A payload whose 5-hour window resets 2 h 14 min 30 s from now: the countdown reads 2h14m for 30 s. */
    private String payload() {
        long now = Instant.now().getEpochSecond();
        return """
                {"session_id": "s1", "cwd": "%s/work", "model": {"id": "claude-opus-5-5", "display_name": "Opus 5.5"},
                 "cost": {"total_cost_usd": 1.42},
                 "rate_limits": {"five_hour": {"used_percentage": 42, "resets_at": %d},
                                 "seven_day": {"used_percentage": 80, "resets_at": %d}}}
                """.formatted(home, now + 2 * 3600 + 14 * 60 + 30, now + 3 * 86400);
    }

    static final String LINE = "~/work [Opus 5.5] 5h ███░░░░░ 42% " + LineRenderer.YELLOW + "7d ██████░░ 80%"
            + LineRenderer.RESET + " ↓2h14m $1.42\n";

    private Result run(List<String> command, String stdin, Map<String, String> extraEnv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("TMPDIR", tmp.toString());
        // The JVM takes its home from the password database, not from HOME: both are pointed at the
        // temporary home, so that nothing here can touch the real ~/.claude.
        env.put("CLAUDE_CONFIG_DIR", claude.toString());
        env.put("BUDMON_JAVA_OPTS", "-Duser.home=" + home);
        env.remove("BUDMON_CDS");
        env.putAll(extraEnv);
        Path err = Files.createTempFile(root, "stderr", ".txt");
        pb.redirectError(err.toFile());
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        Process p = pb.start();
        Thread writer = new Thread(() -> {
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the status line stops reading a payload over its limit, as it may
            }
        });
        writer.start();
        byte[] out = p.getInputStream().readAllBytes();
        writer.join();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private Result statusline(String stdin) throws Exception {
        return run(List.of(LAUNCHER.toString(), "--statusline"), stdin, Map.of());
    }

    /** The status line's class-data archive, which the build records next to the jar. */
    static final Path ARCHIVE = TARGET.resolve("budmon-statusline.jsa");

    /**
     * Whether the JVM the launcher will run can share classes at all: the build records the archive only
     * with a JDK that can.
     */
    public static boolean sharingAvailable() throws Exception {
        String javaHome = System.getenv("JAVA_HOME");
        String java = javaHome != null && Files.isExecutable(Path.of(javaHome, "bin", "java"))
                ? Path.of(javaHome, "bin", "java").toString() : "java";
        Process p = new ProcessBuilder(java, "-Xshare:on", "-version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    /** Runs {@code test} with the build's archive moved away, and puts it back afterwards. */
    private static void withoutArchive(ThrowingRunnable test) throws Exception {
        Path away = TARGET.resolve("budmon-statusline.jsa.away");
        Files.move(ARCHIVE, away);
        try {
            test.run();
        } finally {
            Files.deleteIfExists(ARCHIVE);
            Files.move(away, ARCHIVE);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aPipedPayloadGivesOneCleanLineWithAndWithoutTheArchive() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(sharingAvailable(), "this JDK has no class-data sharing");
        assertThat(ARCHIVE).as("recorded by mvn package").exists();
        withoutArchive(() -> {
            Result first = statusline(payload());
            assertThat(first.exit()).isZero();
            assertThat(first.out()).isEqualTo(LINE);
            assertThat(first.err()).isEmpty();
            assertThat(claude.resolve("budmon/statusline.json")).content().contains("\"used_percentage\": 42");
            assertThat(ARCHIVE).as("nothing recorded at run time").doesNotExist();
        });

        Result second = statusline(payload());
        assertThat(second.exit()).isZero();
        assertThat(second.out()).isEqualTo(LINE);
        assertThat(second.err()).isEmpty();

        // The archive is really used: BudMon's own classes come from it.
        Path log = root.resolve("classes.log");
        Result logged = run(List.of(LAUNCHER.toString(), "--statusline"), payload(),
                Map.of("BUDMON_JAVA_OPTS", "-Duser.home=" + home + " -Xlog:class+load=info:file=" + log));
        assertThat(logged.out()).isEqualTo(LINE);
        String loaded = Files.readString(log);
        assertThat(loaded).containsPattern("dev\\.budmon\\.statusline\\.StatuslineCommand source: shared objects file");
    }

    @Test
    void aDamagedArchiveNeverReachesTheStatusBar() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(sharingAvailable(), "this JDK has no class-data sharing");
        withoutArchive(() -> {
            byte[] whole = Files.readAllBytes(TARGET.resolve("budmon-statusline.jsa.away"));
            Files.write(ARCHIVE, java.util.Arrays.copyOf(whole, Math.min(whole.length, 100_000)));
            Files.setLastModifiedTime(ARCHIVE, FileTime.from(Instant.now().plusSeconds(5)));

            Result damaged = statusline(payload());
            assertThat(damaged.exit()).isZero();
            // Either the JVM refused the archive quietly (the line) or it crashed (an empty line): never its report.
            assertThat(damaged.out()).isIn(LINE, "\n");
            assertThat(damaged.out()).doesNotContain("#").doesNotContain("fatal error");
            if (damaged.out().equals("\n")) {
                assertThat(ARCHIVE).doesNotExist();
            }
            assertThat(root).isDirectoryNotContaining("glob:**/hs_err_pid*");

            Result after = statusline(payload());
            assertThat(after.out()).isEqualTo(LINE);
        });
    }

    @Test
    void brokenOrMissingInputStillExitsZero() throws Exception {
        Result nothing = statusline(null);
        assertThat(nothing.exit()).isZero();
        assertThat(nothing.out()).isEqualTo("\n");
        assertThat(nothing.err()).isEmpty();

        Result garbage = statusline("garbage{");
        assertThat(garbage.exit()).isZero();
        assertThat(garbage.out()).isEqualTo("\n");
        assertThat(garbage.err()).contains("not valid JSON").doesNotContain("\tat ");

        statusline(payload()); // stores the figures
        Result fallback = statusline("[]");
        assertThat(fallback.out()).isEqualTo("5h ███░░░░░ 42% " + LineRenderer.YELLOW + "7d ██████░░ 80%"
                + LineRenderer.RESET + " ↓2h14m\n");

        Result huge = statusline("{\"cwd\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(huge.exit()).isZero();
        assertThat(huge.out()).isEqualTo(fallback.out());
        assertThat(huge.err()).contains("larger than 1 MB");
    }

    @Test
    void onWritesACommandThatClaudeCodeCanRunAndOffRemovesIt() throws Exception {
        Result on = run(List.of(LAUNCHER.toString(), "--statusline", "on"), null, Map.of());
        assertThat(on.exit()).as(on.err()).isZero();
        assertThat(on.out()).contains("status line is on");
        String settings = Files.readString(claude.resolve("settings.json"));
        String command = LauncherPath.statuslineCommand(LAUNCHER);
        assertThat(settings).contains("\"command\": \"" + command + "\"");

        // Claude Code runs the command through a shell, in the project's directory, with the payload on stdin.
        Result asClaudeCodeRunsIt = run(List.of("/bin/sh", "-c", command), payload(), Map.of());
        assertThat(asClaudeCodeRunsIt.exit()).isZero();
        assertThat(asClaudeCodeRunsIt.out()).isEqualTo(LINE);

        Files.writeString(claude.resolve("settings.json"), "{\n  // mine\n  \"statusLine\": {\"type\": \"command\","
                + " \"command\": \"~/bin/other\"},\n  \"model\": \"opus\",\n}\n");
        Result refused = run(List.of(LAUNCHER.toString(), "--statusline", "on"), null, Map.of());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("~/bin/other").contains("--force");

        Result forced = run(List.of(LAUNCHER.toString(), "--statusline", "on", "--force"), null, Map.of());
        assertThat(forced.exit()).isZero();
        assertThat(forced.out()).contains("had comments");
        Result off = run(List.of(LAUNCHER.toString(), "--statusline", "off"), null, Map.of());
        assertThat(off.exit()).isZero();
        assertThat(Files.readString(claude.resolve("settings.json"))).isEqualTo("{\n  \"model\": \"opus\"\n}\n");
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(claude)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        assertThat(names).contains("settings.json.budmon-backup");
    }
}

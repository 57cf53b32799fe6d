package dev.budmon.setup;

import dev.budmon.Os;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The files setup writes, run for real from a home whose path has a space, both quotes, a dollar and a
 * backquote: {@code claude-budmon} through {@code /bin/sh} with a stub {@code claude}, the alias line through
 * bash, the interceptor loaded by a real Node (and by Bun when one is on PATH), the {@code budmon} launcher with
 * a stub and a real {@code java}, and the desktop entry through GLib's {@code gio launch}.
 */
class LaunchersEndToEndTest {

    /** Arguments that break any careless quoting. */
    static final List<String> ARGS = List.of("-p", "hello world", "it's", "say \"hi\"", "$HOME", "back\\slash",
            "", "*", "--flag=a b");

    @TempDir
    Path tmp;

    TestHome h;
    InstallPaths paths;
    Path record;

    @BeforeEach
    void setUp() throws IOException {
        h = TestHome.create(tmp, TestHome.HOSTILE);
        Files.writeString(h.home.resolve(".bashrc"), "# bashrc\n");
        TestHome.Run run = h.setup(h.context(Os.LINUX));
        assertThat(run.exit()).as(run.err()).isZero();
        paths = h.paths();
        record = tmp.resolve("record 'of' \"stub\"");
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", h.home.toString());
        env.put("PATH", h.stubBin + ":/usr/bin:/bin");
        env.put("STUB_RECORD", record.toString());
        return env;
    }

    private static String expectedImport(Path interceptor) {
        return RuntimeOptions.nodeImport(interceptor.toString(), Os.LINUX);
    }

    @Test
    void claudeBudmonRunsClaudeWithTheInterceptorAndEveryArgumentIntact() throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", paths.claudeBudmon().toString()));
        cmd.addAll(ARGS);
        TestHome.ProcResult r = TestHome.exec(cmd, env(), h.home);
        assertThat(r.exit()).as(r.err()).isZero();

        List<String> rec = TestHome.readRecord(record);
        String interceptor = paths.interceptor().toString();
        assertThat(rec.get(0)).isEqualTo("NODE_OPTIONS=" + expectedImport(paths.interceptor()));
        assertThat(rec.get(1)).isEqualTo("BUN_OPTIONS=--preload " + interceptor
                .replace("\\", "\\\\").replace(" ", "\\ ").replace("'", "\\'").replace("\"", "\\\""));
        assertThat(rec.subList(2, rec.size())).containsExactlyElementsOf(ARGS.stream().map(a -> "ARG=" + a).toList());
        // The file URL names the installed interceptor.
        assertThat(java.nio.file.Path.of(java.net.URI.create(expectedImport(paths.interceptor())
                .substring("--import=".length())))).isEqualTo(paths.interceptor());
    }

    @Test
    void existingOptionsAreKeptAndTheInterceptorIsNotAddedTwice() throws Exception {
        Map<String, String> env = env();
        env.put("NODE_OPTIONS", "--max-old-space-size=4096 --title=\"my title\"");
        env.put("BUN_OPTIONS", "--smol");
        TestHome.ProcResult r = TestHome.exec(List.of("/bin/sh", paths.claudeBudmon().toString(), "x"), env, null);
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> first = TestHome.readRecord(record);
        assertThat(first.get(0)).isEqualTo("NODE_OPTIONS=--max-old-space-size=4096 --title=\"my title\" "
                + expectedImport(paths.interceptor()));
        assertThat(first.get(1)).startsWith("BUN_OPTIONS=--smol --preload ");

        // claude-budmon started from a shell that already has the options (e.g. from inside Claude Code).
        env.put("NODE_OPTIONS", first.get(0).substring("NODE_OPTIONS=".length()));
        env.put("BUN_OPTIONS", first.get(1).substring("BUN_OPTIONS=".length()));
        r = TestHome.exec(List.of("/bin/sh", paths.claudeBudmon().toString(), "x"), env, null);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(TestHome.readRecord(record).subList(0, 2)).isEqualTo(first.subList(0, 2));
    }

    @Test
    void theAliasLineRunsClaudeBudmonFromBash() throws Exception {
        Path bash = findOnPath("bash");
        assumeTrue(bash != null, "bash is not installed");
        Path script = tmp.resolve("use-alias.sh");
        Files.writeString(script, String.join("\n",
                "shopt -s expand_aliases",
                ". \"$HOME/.bashrc\"",
                "claude-budmon 'two words' \"it's\"",
                ""));
        assertAliasRuns(List.of(bash.toString(), script.toString()));
    }

    @Test
    void theAliasLineRunsClaudeBudmonFromZsh() throws Exception {
        Path zsh = findOnPath("zsh");
        assumeTrue(zsh != null, "zsh is not installed");
        Path script = tmp.resolve("use-alias.zsh");
        // The same line goes into .zshrc; zsh expands aliases in scripts by default.
        Files.writeString(script, String.join("\n",
                ". \"$HOME/.bashrc\"",
                "claude-budmon 'two words' \"it's\"",
                ""));
        assertAliasRuns(List.of(zsh.toString(), "-f", script.toString()));
    }

    private void assertAliasRuns(List<String> command) throws Exception {
        TestHome.ProcResult r = TestHome.exec(command, env(), null);
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rec = TestHome.readRecord(record);
        assertThat(rec.get(0)).isEqualTo("NODE_OPTIONS=" + expectedImport(paths.interceptor()));
        assertThat(rec.subList(2, rec.size())).containsExactly("ARG=two words", "ARG=it's");
    }

    @Test
    void nodeReallyLoadsTheInterceptorThroughNodeOptions() throws Exception {
        Path node = findOnPath("node");
        assumeTrue(node != null, "node is not installed");
        Path loaded = tmp.resolve("loaded by node");
        // A claude that is a Node program, as Claude Code up to 2.1.112 is.
        Path nodeClaudeBin = Files.createDirectories(tmp.resolve("node claude"));
        writeScript(nodeClaudeBin.resolve("claude"), "#!/bin/sh\nexec node -e 'console.log(\"claude ran\")'\n");
        Map<String, String> env = env();
        env.put("PATH", nodeClaudeBin + ":" + node.getParent() + ":/usr/bin:/bin");
        env.put("BUDMON_TEST_LOADED", loaded.toString());
        env.put("NODE_OPTIONS", "--title=kept");
        TestHome.ProcResult r = TestHome.exec(List.of("/bin/sh", paths.claudeBudmon().toString()), env, null);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("claude ran");
        assertThat(Files.readString(loaded)).isEqualTo("loaded\n");
    }

    @Test
    void bunReallyLoadsTheInterceptorThroughBunOptions() throws Exception {
        String fromEnv = System.getenv("BUDMON_TEST_BUN");
        Path bun = fromEnv != null ? Path.of(fromEnv) : findOnPath("bun");
        assumeTrue(bun != null && Files.isExecutable(bun), "no bun on PATH and BUDMON_TEST_BUN not set");
        Path loaded = tmp.resolve("loaded by bun");
        Path bunClaudeBin = Files.createDirectories(tmp.resolve("bun claude"));
        Path main = tmp.resolve("main.mjs");
        Files.writeString(main, "console.log('claude ran');\n");
        // A claude that is a Bun program, as the native Claude Code is.
        writeScript(bunClaudeBin.resolve("claude"), "#!/bin/sh\nexec " + PosixShell.quote(bun.toString()) + " "
                + PosixShell.quote(main.toString()) + "\n");
        Map<String, String> env = env();
        env.put("PATH", bunClaudeBin + ":/usr/bin:/bin");
        env.put("BUDMON_TEST_LOADED", loaded.toString());
        env.put("BUN_OPTIONS", "--smol");
        TestHome.ProcResult r = TestHome.exec(List.of("/bin/sh", paths.claudeBudmon().toString()), env, null);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("claude ran");
        assertThat(Files.readString(loaded)).isEqualTo("loaded\n");
    }

    /** The JVM flags the launcher gives the window and every command but the status line. */
    static final List<String> APP_FLAGS = List.of("ARG=-XX:+UseSerialGC", "ARG=-XX:TieredStopAtLevel=1",
            "ARG=-XX:-UsePerfData", "ARG=-Xss512k", "ARG=-Xms16m", "ARG=--add-opens=java.desktop/sun.awt.X11=ALL-UNNAMED");

    private static List<String> concat(List<String> a, String... b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }

    @Test
    void theBudmonLauncherRunsTheInstalledJarWithShortRunFlagsForTheStatusLine() throws Exception {
        Path javaHome = tmp.resolve("stub java home");
        writeScript(Files.createDirectories(javaHome.resolve("bin")).resolve("java"), String.join("\n",
                "#!/bin/sh",
                "for a in \"$@\"; do printf 'ARG=%s\\0' \"$a\"; done > \"$STUB_RECORD\"",
                "echo 'the line'",
                "echo 'a second line never reaches the status bar'",
                ""));
        Map<String, String> env = env();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("BUDMON_CDS", "off");

        TestHome.ProcResult line = TestHome.exec(List.of(paths.budmonLauncher().toString(), "--statusline"), env, null);
        assertThat(line.out()).isEqualTo("the line\n");
        assertThat(TestHome.readRecord(record)).containsExactly("ARG=-XX:TieredStopAtLevel=1", "ARG=-XX:+UseSerialGC",
                "ARG=-XX:-UsePerfData", "ARG=-Xlog:disable", "ARG=-Xlog:all=off", "ARG=-XX:+DisplayVMOutputToStderr",
                "ARG=-XX:ErrorFile=/tmp/budmon-hs_err_%p.log", "ARG=-jar", "ARG=" + paths.installedJar(),
                "ARG=--statusline");

        // With archives on and none recorded by setup, the launcher runs without one and records none itself.
        env.remove("BUDMON_CDS");
        assertThat(TestHome.exec(List.of(paths.budmonLauncher().toString(), "--statusline"), env, null).out())
                .isEqualTo("the line\n");
        try (java.util.stream.Stream<Path> files = Files.list(paths.installedJar().getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("budmon.jar", InstallManifest.FILE_NAME);
        }

        TestHome.exec(List.of(paths.budmonLauncher().toString(), "--json", "a b"), env, null);
        assertThat(TestHome.readRecord(record)).containsExactlyElementsOf(
                concat(APP_FLAGS, "ARG=-jar", "ARG=" + paths.installedJar(), "ARG=--json", "ARG=a b"));
    }

    @Test
    void theInstalledLauncherNeverBuildsAndSaysWhenItsJarIsGone() throws Exception {
        Files.delete(paths.installedJar());
        Map<String, String> env = env();
        env.put("PATH", onlyBash().toString());
        TestHome.ProcResult r = TestHome.exec(List.of(paths.budmonLauncher().toString(), "--version"), env, null);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("budmon: " + paths.installedJar() + " is missing; run budmon --setup again\n");

        TestHome.ProcResult line = TestHome.exec(List.of(paths.budmonLauncher().toString(), "--statusline"), env, null);
        assertThat(line.exit()).isZero();
        assertThat(line.out()).isEqualTo("\n");
    }

    @Test
    void theBudmonLauncherRunsTheRealJarWithRealJava() throws Exception {
        Map<String, String> env = env();
        env.put("PATH", onlyBash().toString());
        // Neither JAVA_HOME nor java on PATH: the launcher falls back to the Java that ran setup.
        TestHome.ProcResult r = TestHome.exec(List.of(paths.budmonLauncher().toString(), "--version"), env, null);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("budmon ");
    }

    @Test
    void theDesktopEntryStartsTheLauncherThroughGio() throws Exception {
        Path gio = findOnPath("gio");
        assumeTrue(gio != null, "gio (libglib2.0-bin) is not installed");
        Path javaHome = tmp.resolve("stub java home");
        writeScript(Files.createDirectories(javaHome.resolve("bin")).resolve("java"), String.join("\n",
                "#!/bin/sh",
                "for a in \"$@\"; do printf 'ARG=%s\\0' \"$a\"; done > \"$STUB_RECORD.tmp\"",
                "mv \"$STUB_RECORD.tmp\" \"$STUB_RECORD\"",
                ""));
        Map<String, String> env = env();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("PATH", "/usr/bin:/bin");
        TestHome.ProcResult r = TestHome.exec(List.of(gio.toString(), "launch", paths.desktopEntry().toString()),
                env, null);
        assertThat(r.exit()).as(r.err()).isZero();
        // gio does not wait for the program it starts.
        for (int i = 0; i < 100 && !Files.exists(record); i++) {
            Thread.sleep(50);
        }
        assertThat(TestHome.readRecord(record)).containsExactlyElementsOf(
                concat(APP_FLAGS, "ARG=-jar", "ARG=" + paths.installedJar()));
    }

    /** A folder for PATH that holds bash (which the launcher's first line looks up there) and nothing else. */
    private Path onlyBash() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("only bash"));
        Path bash = findOnPath("bash");
        assertThat(bash).as("bash on PATH").isNotNull();
        if (!Files.exists(dir.resolve("bash"))) {
            // A copy, not a link: JUnit warns about links that leave the temporary folder.
            Files.copy(bash.toRealPath(), dir.resolve("bash"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        return dir;
    }

    static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static void writeScript(Path p, String content) throws IOException {
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

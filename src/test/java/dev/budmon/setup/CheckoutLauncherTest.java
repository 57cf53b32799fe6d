package dev.budmon.setup;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source checkout's launcher ({@code ./budmon}, the file itself) in a copy of a checkout, with a stub
 * {@code mvn} that prints what Maven prints (colour codes included) and a stub {@code java} that records its
 * arguments: it builds when a source is newer than the jar, saying so with one line per build step and no
 * escape codes, and it passes the class-data archive the build recorded only while it is newer than the jar.
 */
class CheckoutLauncherTest {

    static final Path LAUNCHER = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "budmon");
    static final String ESC = "\u001b";

    @TempDir
    Path tmp;

    Path checkout;
    Path jar;
    Path bin;
    Path record;

    @BeforeEach
    void setUp() throws IOException {
        checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(LAUNCHER, checkout.resolve("budmon"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(checkout.resolve("src/main/java"));
        jar = checkout.resolve("target/budmon.jar");
        bin = Files.createDirectories(tmp.resolve("bin"));
        record = tmp.resolve("record");
        script(bin.resolve("java"), "for a in \"$@\"; do printf 'ARG=%s\\0' \"$a\"; done > \"$STUB_RECORD\"",
                "echo 'the line'");
    }

    private static void script(Path p, String... lines) throws IOException {
        Files.writeString(p, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A stub Maven that prints a build's lines as Maven 3.8 does, stray colour resets included. */
    private void mavenThatBuilds() throws IOException {
        script(bin.resolve("mvn"),
                "printf '\\033[0m\\033[0m[INFO] Scanning for projects...\\n'",
                "printf '[INFO] --- \\033[1mmaven-compiler-plugin:3.14.0:compile\\033[m (default-compile) @ budmon ---\\n'",
                "printf '[INFO] --- maven-shade-plugin:3.6.0:shade (default) @ budmon ---\\n'",
                "mkdir -p target && echo jar > target/budmon.jar",
                "printf '[INFO] --- exec-maven-plugin:3.5.0:java (class-data-archives) @ budmon ---\\n'",
                "sleep 0.05; echo archive > target/budmon-window.jsa; echo archive > target/budmon-statusline.jsa",
                "printf '[INFO] BUILD SUCCESS\\n\\033[0m\\033[0m'");
    }

    private TestHome.ProcResult run(Map<String, String> extra, String... args) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", tmp.toString());
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("STUB_RECORD", record.toString());
        env.putAll(extra);
        List<String> command = new java.util.ArrayList<>(List.of(checkout.resolve("budmon").toString()));
        command.addAll(List.of(args));
        return TestHome.exec(command, env, checkout);
    }

    @Test
    void aFirstStartSaysItIsBuildingStepByStepWithoutEscapeCodes() throws Exception {
        mavenThatBuilds();
        TestHome.ProcResult r = run(Map.of(), "--version");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("budmon: building " + jar + " with Maven (the first build downloads what it"
                + " needs) ...\n"
                + "budmon:   maven-compiler-plugin:3.14.0:compile (default-compile)\n"
                + "budmon:   maven-shade-plugin:3.6.0:shade (default)\n"
                + "budmon:   exec-maven-plugin:3.5.0:java (class-data-archives)\n");
        assertThat(checkout.resolve("target/build.log")).content().contains("BUILD SUCCESS").doesNotContain(ESC);
        assertThat(TestHome.readRecord(record)).contains("ARG=-XX:SharedArchiveFile=" + checkout.resolve(
                "target/budmon-window.jsa"), "ARG=--version");

        // built: the next start does not build again
        TestHome.ProcResult again = run(Map.of(), "--version");
        assertThat(again.err()).isEmpty();
    }

    @Test
    void aFailedBuildShowsMavensLastLinesAndStops() throws Exception {
        script(bin.resolve("mvn"), "printf '[INFO] --- maven-compiler-plugin:3.14.0:compile (default-compile) @ budmon ---\\n'",
                "printf '\\033[1;31m[ERROR] Foo.java:[3,1] class, interface, enum, or record expected\\033[m\\n'",
                "exit 1");
        TestHome.ProcResult r = run(Map.of(), "--version");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("[ERROR] Foo.java:[3,1] class, interface, enum, or record expected")
                .contains("budmon: the build failed; Maven's output is in " + checkout.resolve("target/build.log"))
                .doesNotContain(ESC);
        assertThat(record).doesNotExist();
    }

    @Test
    void anArchiveIsPassedOnlyWhileItIsNewerThanTheJarAndNotWhenSwitchedOff() throws Exception {
        mavenThatBuilds();
        run(Map.of(), "--version");
        Path statusline = checkout.resolve("target/budmon-statusline.jsa");

        assertThat(run(Map.of(), "--statusline").out()).isEqualTo("the line\n");
        assertThat(TestHome.readRecord(record)).contains("ARG=-XX:SharedArchiveFile=" + statusline);

        assertThat(run(Map.of("BUDMON_CDS", "off"), "--statusline").out()).isEqualTo("the line\n");
        assertThat(TestHome.readRecord(record)).noneMatch(a -> a.contains("SharedArchiveFile"));

        // the background mode runs all day: no archive, which would cost it resident memory
        run(Map.of(), "--background");
        assertThat(TestHome.readRecord(record)).contains("ARG=--background")
                .noneMatch(a -> a.contains("SharedArchiveFile"));

        // a jar built after the archive (mvn package run by hand while the archive could not be recorded)
        Files.setLastModifiedTime(statusline, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(run(Map.of(), "--statusline").out()).isEqualTo("the line\n");
        assertThat(TestHome.readRecord(record)).noneMatch(a -> a.contains("SharedArchiveFile"));
    }
}

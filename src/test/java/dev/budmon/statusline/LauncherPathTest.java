package dev.budmon.statusline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherPathTest {

    @TempDir
    Path root;

    @Test
    void theInstalledLauncherComesFirst() throws IOException {
        Path home = Files.createDirectories(root.resolve("home"));
        Path checkout = checkout("src/budmon-java");
        Path installed = Files.createDirectories(home.resolve(".local/bin")).resolve("budmon");
        assertThat(LauncherPath.resolve(home, checkout.resolve("target/budmon.jar"))).isEqualTo(checkout.resolve("budmon"));
        Files.writeString(installed, "#!/bin/sh\n");
        assertThat(LauncherPath.resolve(home, checkout.resolve("target/budmon.jar"))).isEqualTo(installed);
    }

    @Test
    void theCheckoutsLauncherIsFoundFromTheJarOrTheClasses() throws IOException {
        Path home = Files.createDirectories(root.resolve("home"));
        Path checkout = checkout("work/budmon");
        assertThat(LauncherPath.resolve(home, checkout.resolve("target/budmon.jar"))).isEqualTo(checkout.resolve("budmon"));
        assertThat(LauncherPath.resolve(home, checkout.resolve("target/classes"))).isEqualTo(checkout.resolve("budmon"));
    }

    @Test
    void aJarOutsideACheckoutHasNoLauncher() throws IOException {
        Path home = Files.createDirectories(root.resolve("home"));
        assertThat(LauncherPath.resolve(home, root.resolve("opt/budmon.jar"))).isNull();
        Path noScript = Files.createDirectories(root.resolve("other/target"));
        assertThat(LauncherPath.resolve(home, noScript.resolve("budmon.jar"))).isNull();
        assertThat(LauncherPath.resolve(home, null)).isNull();
    }

    @Test
    void theRunningTestsFindThisCheckout() {
        Path found = LauncherPath.resolve(root, LauncherPath.codeLocation());
        assertThat(found).isNotNull();
        assertThat(found.getFileName().toString()).isEqualTo("budmon");
        assertThat(found.resolveSibling("pom.xml")).exists();
    }

    @Test
    void commandsQuoteOnlyWhatNeedsIt() {
        assertThat(LauncherPath.statuslineCommand(Path.of("/home/ann/.local/bin/budmon")))
                .isEqualTo("/home/ann/.local/bin/budmon --statusline");
        assertThat(LauncherPath.statuslineCommand(Path.of("/home/ann/my projects/it's/budmon")))
                .isEqualTo("'/home/ann/my projects/it'\\''s/budmon' --statusline");
        assertThat(ClaudeSettings.shellWords(LauncherPath.statuslineCommand(Path.of("/home/ann/my projects/it's/budmon"))))
                .containsExactly("/home/ann/my projects/it's/budmon", "--statusline");
        assertThat(ClaudeSettings.isBudmonCommand(LauncherPath.statuslineCommand(Path.of("/a b/budmon")))).isTrue();
    }

    private Path checkout(String at) throws IOException {
        Path c = Files.createDirectories(root.resolve(at));
        Files.createDirectories(c.resolve("target/classes"));
        Files.writeString(c.resolve("budmon"), "#!/usr/bin/env bash\n");
        return c;
    }
}

package dev.budmon.setup;

import dev.budmon.Os;

import dev.budmon.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setup and uninstall take nothing of the user's: a launcher the user edited, their own alias, folders that
 * existed before. And they work in the home that {@code $HOME} names, as Claude Code and the shells do.
 */
class SetupOwnershipTest {

    @TempDir
    Path tmp;

    private TestHome home() throws IOException {
        return TestHome.create(tmp, "home");
    }

    @Test
    void anEditedLauncherIsKeptBySetupAndByUninstall() throws IOException {
        TestHome h = home();
        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        Path claudeBudmon = h.paths().claudeBudmon();
        String edited = Files.readString(claudeBudmon) + "# my own tweak\nexport FOO=1\n";
        Files.writeString(claudeBudmon, edited);

        TestHome.Run again = h.setup(h.context(Os.LINUX));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.readString(claudeBudmon)).isEqualTo(edited);
        assertThat(again.out()).contains("kept").contains("changed since budmon --setup wrote it");
        assertThat(again.err()).contains(claudeBudmon + " was changed since budmon --setup wrote it");

        TestHome.Run uninstall = h.uninstall(h.context(Os.LINUX));
        assertThat(uninstall.exit()).as(uninstall.err()).isZero();
        assertThat(Files.readString(claudeBudmon)).isEqualTo(edited);
        assertThat(uninstall.out()).contains("kept").contains("changed since budmon --setup wrote it");
        // the untouched launcher next to it is removed
        assertThat(h.paths().budmonLauncher()).doesNotExist();
    }

    @Test
    void theUsersOwnAliasIsNeitherShadowedNorRemoved() throws IOException {
        TestHome h = home();
        String bashrc = "# mine\nalias claude-budmon='claude --model opus'\n";
        Files.writeString(h.home.resolve(".bashrc"), bashrc);
        TestHome.Run setup = h.setup(h.context(Os.LINUX));
        assertThat(setup.exit()).as(setup.err()).isZero();
        assertThat(Files.readString(h.home.resolve(".bashrc"))).isEqualTo(bashrc);
        assertThat(setup.out()).contains("your own alias claude-budmon is kept");

        // a BudMon line from an older setup is taken out again, the user's stays
        Files.writeString(h.home.resolve(".bashrc"), bashrc + "alias claude-budmon=/x " + RcFile.MARKER + "\n");
        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        assertThat(Files.readString(h.home.resolve(".bashrc"))).isEqualTo(bashrc);

        assertThat(h.uninstall(h.context(Os.LINUX)).exit()).isZero();
        assertThat(Files.readString(h.home.resolve(".bashrc"))).isEqualTo(bashrc);
    }

    @Test
    void uninstallRemovesTheFoldersSetupCreatedAndNoOthers() throws IOException {
        TestHome h = home();
        // The user had ~/.local/bin (with a file) and an empty ~/.local/share/applications before.
        Files.createDirectories(h.home.resolve(".local/bin"));
        Files.writeString(h.home.resolve(".local/bin/mine"), "x");
        Files.createDirectories(h.home.resolve(".local/share/applications"));
        Map<String, String> before = new TreeMap<>(TestHome.tree(h.home));

        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        assertThat(h.home.resolve(".local/share/icons/hicolor/48x48/apps")).isDirectory();
        TestHome.Run uninstall = h.uninstall(h.context(Os.LINUX));
        assertThat(uninstall.exit()).as(uninstall.err()).isZero();

        Map<String, String> after = new TreeMap<>(TestHome.tree(h.home));
        // Claude Code's own directory keeps BudMon's data folder only if something is in it; the rest is as before.
        assertThat(after).isEqualTo(before);
        assertThat(h.home.resolve(".local/share/applications")).isDirectory();
    }

    @Test
    void setupWritesIntoTheHomeThatHomeNamesNotThePasswdHome() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("other home"));
        Path claude = Files.createDirectories(home.resolve(".claude"));
        Files.writeString(home.resolve(".bashrc"), "# theirs\n");
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/bin:/bin");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // No -Duser.home: Java's own idea of the home is the passwd entry, which must not be touched.
        TestHome.ProcResult r = TestHome.exec(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--setup"), env, tmp);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(claude.resolve(InstallPaths.INTERCEPTOR_NAME)).isRegularFile();
        assertThat(home.resolve(".local/bin/claude-budmon")).isRegularFile();
        assertThat(Files.readString(home.resolve(".bashrc"), StandardCharsets.UTF_8)).contains("alias claude-budmon=");
        assertThat(r.out()).doesNotContain(System.getProperty("user.home") + "/.local");

        TestHome.ProcResult u = TestHome.exec(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--uninstall"), env, tmp);
        assertThat(u.exit()).as(u.err()).isZero();
        assertThat(home.resolve(".local/bin/claude-budmon")).doesNotExist();
        assertThat(Files.readString(home.resolve(".bashrc"))).isEqualTo("# theirs\n");
    }
}

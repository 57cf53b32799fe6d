package dev.budmon.setup;

import dev.budmon.Os;

import dev.budmon.setup.FileAction.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code budmon --setup} and {@code --uninstall} against a temporary home (issue 3 §4-6). */
class SetupTest {

    @TempDir
    Path tmp;

    /** A .bashrc with CRLF line ends and no final line break; a .zshrc with a non-UTF-8 byte. */
    private static final byte[] BASHRC = "# my bashrc\r\nexport A=1\r\nalias ll='ls -l'".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ZSHRC = "setopt autocd\nPROMPT='%n \u00e4 '\nexport B=\"\\x\"\n\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private TestHome home() throws IOException {
        return TestHome.create(tmp, TestHome.HOSTILE);
    }

    private static void writeDataFiles(TestHome h) throws IOException {
        Files.writeString(h.claudeDir.resolve("usage-limits.json"), "{\"five_hour\":{\"utilization\":0.4}}");
        Files.writeString(h.claudeDir.resolve("budmon.ini"), "[statusline]\nmax_width = 60\n");
    }

    @Test
    void setupThenUninstallLeavesRcFilesAndDataByteIdentical() throws IOException {
        TestHome h = home();
        Files.write(h.home.resolve(".bashrc"), BASHRC);
        Files.write(h.home.resolve(".zshrc"), ZSHRC);
        writeDataFiles(h);
        Map<String, String> before = TestHome.tree(h.root);

        TestHome.Run setup = h.setup(h.context(Os.LINUX));
        assertThat(setup.exit()).as(setup.err()).isZero();
        String bashrc = Files.readString(h.home.resolve(".bashrc"), StandardCharsets.ISO_8859_1);
        assertThat(bashrc).startsWith(new String(BASHRC, StandardCharsets.ISO_8859_1) + "\r\n")
                .contains("alias claude-budmon=").endsWith(RcFile.MARKER_ENDED_LINE_ABOVE + "\r\n");
        assertThat(Files.readAllBytes(h.home.resolve(".zshrc.budmon-backup"))).isEqualTo(ZSHRC);
        assertThat(Files.readAllBytes(h.home.resolve(".bashrc.budmon-backup"))).isEqualTo(BASHRC);

        TestHome.Run uninstall = h.uninstall(h.context(Os.LINUX));
        assertThat(uninstall.exit()).as(uninstall.err()).isZero();
        assertThat(Files.readAllBytes(h.home.resolve(".bashrc"))).isEqualTo(BASHRC);
        assertThat(Files.readAllBytes(h.home.resolve(".zshrc"))).isEqualTo(ZSHRC);

        // Everything else is as before too, except the backups and the standard XDG folders setup created.
        Map<String, String> after = new TreeMap<>(TestHome.tree(h.root));
        String homeRel = TestHome.HOSTILE;
        assertThat(after.remove(homeRel + "/.bashrc.budmon-backup")).isNotNull();
        assertThat(after.remove(homeRel + "/.zshrc.budmon-backup")).isNotNull();
        after.keySet().removeIf(k -> k.startsWith(homeRel + "/.local") && after.get(k).startsWith("dir "));
        assertThat(after).isEqualTo(before);
        assertThat(uninstall.out()).contains("removed").contains("budmon-interceptor.mjs")
                .contains("claude-budmon").contains("budmon.desktop").contains("budmon.jar");
    }

    @Test
    void setupTwiceEqualsSetupOnce() throws IOException {
        TestHome h = home();
        Files.write(h.home.resolve(".bashrc"), BASHRC);
        Files.write(h.home.resolve(".zshrc"), ZSHRC);
        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        Map<String, String> once = TestHome.tree(h.root);

        TestHome.Run second = h.setup(h.context(Os.LINUX));
        assertThat(second.exit()).isZero();
        assertThat(TestHome.tree(h.root)).isEqualTo(once);
        assertThat(second.out()).contains("Nothing changed").doesNotContain("created").doesNotContain("updated");
        long unchanged = second.out().lines().filter(l -> l.trim().startsWith("unchanged")).count();
        // interceptor, claude-budmon, jar, budmon, 7 PNGs + SVG, desktop entry, autostart entry, two rc files
        assertThat(unchanged).isEqualTo(4 + SetupCommand.bundledIcons().size() + 2 + 2);
    }

    @Test
    void firstRunWritesEveryFileAndSaysSo() throws IOException {
        TestHome h = home();
        TestHome.Run run = h.setup(h.context(Os.LINUX));
        assertThat(run.exit()).as(run.err()).isZero();
        InstallPaths p = h.paths();
        assertThat(Files.readAllBytes(p.interceptor())).isEqualTo(h.interceptor);
        assertThat(Files.readAllBytes(p.installedJar())).isEqualTo(Files.readAllBytes(h.jar));
        assertThat(Files.isExecutable(p.claudeBudmon())).isTrue();
        assertThat(Files.isExecutable(p.budmonLauncher())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p.desktopEntry()))).isEqualTo("rw-r--r--");
        for (int size : AppIcons.SIZES) {
            Path icon = p.iconTheme().resolve(size + "x" + size).resolve("apps").resolve("budmon.png");
            assertThat(icon).exists();
            assertThat(AppIcons.isOurs(Files.readAllBytes(icon))).isTrue();
        }
        assertThat(p.iconTheme().resolve("scalable/apps/budmon.svg")).exists();
        String desktop = Files.readString(p.desktopEntry());
        assertThat(desktop).contains("Name=BudMon", "Comment=", "Comment[de]=", "Icon=budmon", "Terminal=false",
                "Categories=", "StartupWMClass=budmon", "Exec=" + DesktopEntry.execValue(p.budmonLauncher().toString()));
        assertThat(p.autostartEntry()).isEqualTo(h.home.resolve(".config/autostart/budmon.desktop"));
        assertThat(Files.readString(p.autostartEntry())).contains("Name=BudMon", "Icon=budmon",
                "Exec=" + DesktopEntry.execValue(p.budmonLauncher().toString()) + " --background")
                .doesNotContain("Categories=");
        assertThat(run.out()).contains(p.autostartEntry().toString()).contains("budmon --background");
        long created = run.out().lines().filter(l -> l.trim().startsWith("created")).count();
        assertThat(created).isEqualTo(4 + SetupCommand.bundledIcons().size() + 2);
        // No rc file existed, so none was created and there is nothing to back up.
        assertThat(h.home.resolve(".bashrc")).doesNotExist();
        assertThat(h.home.resolve(".zshrc")).doesNotExist();
        assertThat(h.home.resolve(".bashrc.budmon-backup")).doesNotExist();
        // The stub claude is on PATH, ~/.local/bin is not.
        assertThat(run.err()).doesNotContain("claude is not on PATH").contains(p.binDir() + " is not on PATH");
    }

    @Test
    void missingRcFilesAreLeftMissingAndAnExistingOneIsEdited() throws IOException {
        TestHome h = home();
        Files.writeString(h.home.resolve(".zshrc"), "export C=3\n");
        TestHome.Run run = h.setup(h.context(Os.LINUX));
        assertThat(run.exit()).isZero();
        assertThat(h.home.resolve(".bashrc")).doesNotExist();
        assertThat(Files.readString(h.home.resolve(".zshrc"))).startsWith("export C=3\nalias claude-budmon=")
                .endsWith(RcFile.MARKER + "\n");
        assertThat(run.out()).contains("updated    " + h.home.resolve(".zshrc"));
        assertThat(h.uninstall(h.context(Os.LINUX)).exit()).isZero();
        assertThat(Files.readString(h.home.resolve(".zshrc"))).isEqualTo("export C=3\n");
        assertThat(h.home.resolve(".bashrc")).doesNotExist();
    }

    @Test
    void theAutostartEntryGoesToXdgConfigHomeAndUninstallRemovesExactlyIt() throws IOException {
        TestHome h = home();
        Path config = h.root.resolve("xdg config");
        Path autostart = Files.createDirectories(config.resolve("autostart"));
        byte[] other = "[Desktop Entry]\nType=Application\nName=Other\nExec=other\n".getBytes(StandardCharsets.UTF_8);
        Files.write(autostart.resolve("other.desktop"), other);
        SetupContext c = h.context(Os.LINUX);
        SetupContext ctx = new SetupContext(c.os(), c.home(), c.claudeDir(), c.pathEntries(), c.javaExecutable(),
                c.interceptor(), c.jar(), c.icons(), c.cacheHome(), config);
        Map<String, String> before = TestHome.tree(h.root);

        TestHome.Run run = h.setup(ctx);
        assertThat(run.exit()).as(run.err()).isZero();
        Path entry = autostart.resolve("budmon.desktop");
        assertThat(InstallPaths.of(ctx).autostartEntry()).isEqualTo(entry);
        assertThat(Files.readString(entry)).contains(" --background");
        assertThat(h.home.resolve(".config/autostart/budmon.desktop")).doesNotExist();
        assertThat(Files.readString(InstallPaths.of(ctx).manifest())).contains(entry.toString());

        TestHome.Run un = h.uninstall(ctx);
        assertThat(un.exit()).as(un.err()).isZero();
        assertThat(un.out()).contains(entry.toString());
        assertThat(entry).doesNotExist();
        assertThat(Files.readAllBytes(autostart.resolve("other.desktop"))).isEqualTo(other);
        Map<String, String> after = new TreeMap<>(TestHome.tree(h.root));
        after.keySet().removeIf(k -> k.contains("/.local") && after.get(k).startsWith("dir "));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anAutostartEntryTheUserChangedSurvivesUninstall() throws IOException {
        TestHome h = home();
        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        Path entry = h.paths().autostartEntry();
        // e.g. switched off in the desktop's start-up programs
        Files.writeString(entry, Files.readString(entry).replace("X-GNOME-Autostart-enabled=true",
                "X-GNOME-Autostart-enabled=false"));
        TestHome.Run un = h.uninstall(h.context(Os.LINUX));
        assertThat(un.exit()).as(un.err()).isZero();
        assertThat(entry).exists();
    }

    @Test
    void anAutostartEntryTheUserRemovedIsNotInstalledAgainByTheNextSetup() throws IOException {
        TestHome h = home();
        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        Path entry = h.paths().autostartEntry();
        Files.delete(entry); // e.g. removed in Plasma's Autostart settings
        TestHome.Run again = h.setup(h.context(Os.LINUX));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(entry).doesNotExist();
        assertThat(again.out()).contains("kept       " + entry + " (removed since budmon --setup wrote it");
        assertThat(again.err()).doesNotContain(entry.toString());
    }

    @Test
    void anAutostartEntrySwitchedOffIsKeptWithoutAWarningBySetupWithOrWithoutAutostart() throws IOException {
        TestHome h = home();
        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        Path entry = h.paths().autostartEntry();
        String off = switchOff(entry);
        TestHome.Run again = h.setup(h.context(Os.LINUX));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.readString(entry)).isEqualTo(off);
        assertThat(again.err()).doesNotContain(entry.toString());
        assertThat(setupWithoutAutostart(h).exit()).isZero();
        assertThat(Files.readString(entry)).isEqualTo(off);
    }

    @Test
    void noAutostartInstallsNoneAndRemovesTheOneAnEarlierSetupInstalled() throws IOException {
        TestHome h = home();
        TestHome.Run first = setupWithoutAutostart(h);
        assertThat(first.exit()).as(first.err()).isZero();
        Path entry = h.paths().autostartEntry();
        assertThat(entry).doesNotExist();
        assertThat(h.paths().desktopEntry()).isRegularFile();

        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        assertThat(entry).isRegularFile();
        TestHome.Run off = setupWithoutAutostart(h);
        assertThat(off.exit()).as(off.err()).isZero();
        assertThat(off.out()).contains("removed    " + entry);
        assertThat(entry).doesNotExist();
        // the record of it went with it: uninstall has nothing to say about the entry
        TestHome.Run un = h.uninstall(h.context(Os.LINUX));
        assertThat(un.exit()).as(un.err()).isZero();
        assertThat(un.out()).doesNotContain(entry.toString());
    }

    @Test
    void noAutostartLeavesAnEntrySetupDidNotWrite() throws IOException {
        TestHome h = home();
        Path foreign = h.paths().autostartEntry();
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "[Desktop Entry]\nType=Application\nName=My own budmon\nExec=budmon\n");
        assertThat(setupWithoutAutostart(h).exit()).isZero();
        assertThat(Files.readString(foreign)).contains("My own budmon");
    }

    /** Switches the entry off as the desktop's start-up programs do; its new text. */
    private static String switchOff(Path entry) throws IOException {
        String off = Files.readString(entry).replace("X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false");
        assertThat(off).isNotEqualTo(Files.readString(entry));
        Files.writeString(entry, off);
        return off;
    }

    private static TestHome.Run setupWithoutAutostart(TestHome h) {
        return TestHome.capture((o, e) -> SetupCommand.runSetup(h.context(Os.LINUX), new SetupChoices(false, false), o, e));
    }

    @Test
    void xdgConfigHomeCountsOnlyAsAnAbsolutePath() {
        Path home = Path.of("/home/u");
        assertThat(SetupContext.configHome(Map.of(), home)).isEqualTo(home.resolve(".config"));
        assertThat(SetupContext.configHome(Map.of("XDG_CONFIG_HOME", "rel/cfg"), home)).isEqualTo(home.resolve(".config"));
        assertThat(SetupContext.configHome(Map.of("XDG_CONFIG_HOME", "/etc/u"), home)).isEqualTo(Path.of("/etc/u"));
    }

    @Test
    void aMissingClaudeDirectoryIsCreatedSaidAndRemovedAgainByUninstall() throws IOException {
        // a machine where Claude Code has never run: no ~/.claude
        TestHome h = home();
        Files.delete(h.claudeDir);
        Map<String, String> before = TestHome.tree(h.root);
        TestHome.Run run = h.setup(h.context(Os.LINUX));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(h.claudeDir.resolve(InstallPaths.INTERCEPTOR_NAME)).isRegularFile();
        assertThat(run.err()).contains(h.claudeDir.toString()).contains("Claude Code has not run here yet")
                .contains("Setup created it");
        assertThat(h.uninstall(h.context(Os.LINUX)).exit()).isZero();
        assertThat(h.claudeDir).as("removed with what setup put in it").doesNotExist();
        assertThat(TestHome.tree(h.root)).isEqualTo(before);
    }

    @Test
    void aClaudeDirectoryWhoseParentIsMissingIsAClearErrorAndChangesNothing() throws IOException {
        TestHome h = home();
        SetupContext ctx = h.context(Os.LINUX);
        Path typo = h.home.resolve("no-such-folder/.claude");
        SetupContext mistyped = new SetupContext(ctx.os(), ctx.home(), typo, ctx.pathEntries(), ctx.javaExecutable(),
                ctx.interceptor(), ctx.jar(), ctx.icons(), ctx.cacheHome());
        Map<String, String> before = TestHome.tree(h.root);
        TestHome.Run run = h.setup(mistyped);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(typo.toString()).contains("does not exist").contains("nor does");
        assertThat(TestHome.tree(h.root)).isEqualTo(before);
    }

    @Test
    void warnsWhenClaudeIsNotOnPath() throws IOException {
        TestHome h = home();
        SetupContext ctx = h.context(Os.LINUX).withPathEntries(List.of(h.home.resolve(".local/bin")));
        TestHome.Run run = h.setup(ctx);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("claude is not on PATH").doesNotContain(".local/bin is not on PATH");
    }

    @Test
    void aCompatibleInterceptorByNameMeansNothingIsInstalled() throws IOException {
        TestHome h = home();
        Files.writeString(h.claudeDir.resolve("cache-fix-preload.mjs"), "export {};\n");
        Map<String, String> before = TestHome.tree(h.root);
        TestHome.Run run = h.setup(h.context(Os.LINUX));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("cache-fix-preload.mjs").contains("nothing more is needed");
        assertThat(TestHome.tree(h.root)).isEqualTo(before);
    }

    @Test
    void aCompatibleInterceptorIsRecognisedByWhatItWrites() throws IOException {
        TestHome h = home();
        Files.writeString(h.claudeDir.resolve("other-tool.mjs"), "// unrelated\nexport const x = 1;\n");
        Files.writeString(h.claudeDir.resolve("quota-spy.mjs"), "const f = join(dir, 'usage-limits.json');\n"
                + "for (const [k, v] of headers) if (k.startsWith('anthropic-ratelimit-')) out[k] = v;\n");
        assertThat(CompatibleInterceptors.find(h.claudeDir)).contains(h.claudeDir.resolve("quota-spy.mjs"));

        TestHome.Run run = h.setup(h.context(Os.LINUX));
        assertThat(run.out()).contains("quota-spy.mjs");
        assertThat(h.paths().interceptor()).doesNotExist();

        // --force installs BudMon's own all the same.
        TestHome.Run forced = TestHome.capture((o, e) -> SetupCommand.runSetup(h.context(Os.LINUX), new SetupChoices(true, true), o, e));
        assertThat(forced.exit()).isZero();
        assertThat(h.paths().interceptor()).exists();
    }

    @Test
    void budmonsOwnInterceptorAndUnrelatedModulesAreNotCompatibleInterceptors() throws IOException {
        TestHome h = home();
        Files.writeString(h.claudeDir.resolve("budmon-interceptor.mjs"),
                "// BudMon\nwrite('usage-limits.json', 'anthropic-ratelimit-unified-status');\n");
        Files.writeString(h.claudeDir.resolve("notes.mjs"), "// mentions usage-limits.json only\n");
        Files.writeString(h.claudeDir.resolve("usage-limits.json"), "{}");
        assertThat(CompatibleInterceptors.find(h.claudeDir)).isEmpty();
    }

    @Test
    void anOlderBudmonInterceptorIsReplaced() throws IOException {
        TestHome h = home();
        byte[] old = "// BudMon interceptor 0.0.1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(h.setup(h.context(Os.LINUX).withInterceptor(old)).exit()).isZero();
        assertThat(Files.readAllBytes(h.paths().interceptor())).isEqualTo(old);

        TestHome.Run run = h.setup(h.context(Os.LINUX));
        assertThat(run.exit()).isZero();
        assertThat(Files.readAllBytes(h.paths().interceptor())).isEqualTo(h.interceptor);
        assertThat(run.out()).contains("updated    " + h.paths().interceptor())
                .contains("unchanged  " + h.paths().claudeBudmon());
    }

    @Test
    void aForeignFileWhereALauncherGoesStopsSetupAndSurvivesUninstall() throws IOException {
        TestHome h = home();
        Path mine = h.paths().budmonLauncher();
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "#!/bin/sh\nexec /opt/src/budmon \"$@\"\n");
        Map<String, String> before = TestHome.tree(h.root);

        TestHome.Run run = h.setup(h.context(Os.LINUX));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(mine + " exists and was not written by budmon --setup")
                .contains("Nothing was changed");
        assertThat(TestHome.tree(h.root)).isEqualTo(before);

        TestHome.Run un = h.uninstall(h.context(Os.LINUX));
        assertThat(un.exit()).isZero();
        assertThat(un.out()).contains("kept       " + mine);
        assertThat(TestHome.tree(h.root)).isEqualTo(before);
    }

    @Test
    void uninstallRemovesOnlyRecognisablyBudmonFiles() throws IOException {
        TestHome h = home();
        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        InstallPaths p = h.paths();
        // Someone else's budmon.png in another size, a user's own file next to the launchers, an empty claude-budmon.
        Path foreignIcon = p.iconTheme().resolve("512x512/apps/budmon.png");
        Files.createDirectories(foreignIcon.getParent());
        Files.write(foreignIcon, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path neighbour = p.binDir().resolve("my-tool");
        Files.writeString(neighbour, "#!/bin/sh\n");

        TestHome.Run un = h.uninstall(h.context(Os.LINUX));
        assertThat(un.exit()).isZero();
        assertThat(foreignIcon).exists();
        assertThat(neighbour).exists();
        assertThat(un.out()).contains("kept       " + foreignIcon);
        for (Path gone : List.of(p.interceptor(), p.claudeBudmon(), p.budmonLauncher(), p.installedJar(),
                p.desktopEntry(), p.iconTheme().resolve("48x48/apps/budmon.png"))) {
            assertThat(gone).doesNotExist();
        }
        assertThat(p.installedJar().getParent()).doesNotExist();

        TestHome.Run again = h.uninstall(h.context(Os.LINUX));
        assertThat(again.out()).contains("Nothing to remove");
    }

    @Test
    void rcFileLinksStayLinksAndPermissionsAreKept() throws IOException {
        TestHome h = home();
        Path dotfiles = Files.createDirectories(h.root.resolve("dotfiles"));
        Path real = dotfiles.resolve("bashrc");
        Files.writeString(real, "export D=4\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(h.home.resolve(".bashrc"), real);

        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        assertThat(Files.isSymbolicLink(h.home.resolve(".bashrc"))).isTrue();
        assertThat(Files.readString(real)).contains("alias claude-budmon=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-------");
        Path backup = h.home.resolve(".bashrc.budmon-backup");
        assertThat(Files.readString(backup)).isEqualTo("export D=4\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");

        assertThat(h.uninstall(h.context(Os.LINUX)).exit()).isZero();
        assertThat(Files.isSymbolicLink(h.home.resolve(".bashrc"))).isTrue();
        assertThat(Files.readString(real)).isEqualTo("export D=4\n");
    }

    @Test
    void theBackupIsMadeOnceAndNeverOverwritten() throws IOException {
        TestHome h = home();
        Path rc = h.home.resolve(".bashrc");
        Files.writeString(rc, "first\n");
        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        assertThat(h.uninstall(h.context(Os.LINUX)).exit()).isZero();
        Files.writeString(rc, "second\n");
        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        assertThat(Files.readString(h.home.resolve(".bashrc.budmon-backup"))).isEqualTo("first\n");
    }

    @Test
    void aFileWhereTheLauncherFolderShouldBeFailsCleanlyAndLeavesNothingHalfWritten() throws IOException {
        TestHome h = home();
        Files.writeString(h.home.resolve(".bashrc"), "export E=5\n");
        Files.createDirectories(h.home.resolve(".local"));
        // A regular file where ~/.local/bin should be: no user, not even root, can create files in it.
        Files.writeString(h.home.resolve(".local/bin"), "not a folder");
        Map<String, String> before = TestHome.tree(h.root);

        TestHome.Run run = h.setup(h.context(Os.LINUX));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("budmon: setup failed: could not write " + h.paths().claudeBudmon())
                .contains("a file is in the way where a folder is needed").contains("Nothing was changed.");
        // The interceptor was written before the failure and has been taken back, with the folders made for
        // the jar: the tree is exactly as before.
        assertThat(TestHome.tree(h.root)).isEqualTo(before);
    }

    @Test
    void anUnwritableLauncherFolderFailsCleanlyAndLeavesNothingHalfWritten() throws Exception {
        TestHome h = home();
        Files.writeString(h.home.resolve(".bashrc"), "export F=6\n");
        Path bin = Files.createDirectories(h.home.resolve(".local/bin"));
        try (UnwritableFolder lock = UnwritableFolder.lock(bin)) {
            Map<String, String> before = TestHome.tree(h.root);
            TestHome.Run run = h.setup(h.context(Os.LINUX));
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("could not write " + h.paths().claudeBudmon())
                    .contains("Nothing was changed.");
            assertThat(TestHome.tree(h.root)).isEqualTo(before);
            assertThat(lock.toString()).isNotEmpty();
        }
    }

    @Test
    void aHomeWithABackslashIsRefusedForTheInterceptorButWorksWithAnotherClaudeDirectory() throws IOException {
        TestHome h = TestHome.create(tmp, "back\\slash home");
        TestHome.Run refused = h.setup(h.context(Os.LINUX));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("contains a backslash");

        Path claude = Files.createDirectories(tmp.resolve("claude dir"));
        SetupContext ctx = h.context(Os.LINUX);
        ctx = new SetupContext(ctx.os(), ctx.home(), claude, ctx.pathEntries(), ctx.javaExecutable(),
                ctx.interceptor(), ctx.jar(), ctx.icons());
        TestHome.Run run = h.setup(ctx);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(claude.resolve("budmon-interceptor.mjs")).exists();
        assertThat(InstallPaths.of(ctx).budmonLauncher()).exists();
    }

    @Test
    void withoutAJarTheInstalledLauncherAndDesktopEntryAreSkipped() throws IOException {
        TestHome h = home();
        SetupContext c = h.context(Os.LINUX);
        SetupContext noJar = new SetupContext(c.os(), c.home(), c.claudeDir(), c.pathEntries(), c.javaExecutable(),
                c.interceptor(), null, c.icons());
        TestHome.Run run = h.setup(noJar);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("not running from a jar");
        assertThat(h.paths().claudeBudmon()).exists();
        assertThat(h.paths().budmonLauncher()).doesNotExist();
        assertThat(h.paths().desktopEntry()).doesNotExist();
    }

    @Test
    void macosGetsLaunchersAndAliasesButNoDesktopEntry() throws IOException {
        TestHome h = home();
        Files.writeString(h.home.resolve(".zshrc"), "export G=7\n");
        TestHome.Run run = h.setup(h.context(Os.MACOS));
        assertThat(run.exit()).isZero();
        assertThat(h.paths().claudeBudmon()).exists();
        assertThat(h.paths().budmonLauncher()).exists();
        assertThat(h.home.resolve(".local/share/applications")).doesNotExist();
        assertThat(h.home.resolve(".local/share/icons")).doesNotExist();
        assertThat(Files.readString(h.home.resolve(".zshrc"))).contains("alias claude-budmon=");
    }

    @Test
    void windowsGetsCmdLaunchersInAFolderOnPathAndNoRcEdits() throws IOException {
        TestHome h = home();
        Files.writeString(h.home.resolve(".bashrc"), "export H=8\n");
        Path userBin = Files.createDirectories(h.home.resolve("AppData/Local/Programs/bin"));
        SetupContext ctx = h.context(Os.WINDOWS).withPathEntries(List.of(h.stubBin, userBin));
        TestHome.Run run = h.setup(ctx);
        assertThat(run.exit()).as(run.err()).isZero();
        Path cmd = userBin.resolve("claude-budmon.cmd");
        assertThat(Files.readString(cmd)).contains("\r\n").contains("claude %*")
                .contains("set \"BUDMON_IMPORT=--import=file://");
        assertThat(userBin.resolve("budmon.cmd")).exists();
        assertThat(Files.readString(h.home.resolve(".bashrc"))).isEqualTo("export H=8\n");
        assertThat(h.home.resolve(".local/share/applications")).doesNotExist();
        // The folder chosen is on PATH; the stub claude has no .exe or .cmd, so Windows would not find it.
        assertThat(run.err()).doesNotContain(userBin + " is not on PATH").contains("claude is not on PATH");

        TestHome.Run un = h.uninstall(ctx);
        assertThat(un.exit()).isZero();
        assertThat(cmd).doesNotExist();
        assertThat(userBin.resolve("budmon.cmd")).doesNotExist();
    }

    @Test
    void failedSetupFromTheTransactionNamesTheFileAndUndoesEarlierSteps() throws IOException {
        Path a = tmp.resolve("a.txt");
        Files.writeString(a, "old a");
        Path blocker = tmp.resolve("blocker");
        Files.writeString(blocker, "x");
        FileTransaction tx = new FileTransaction();
        tx.put(a, "new a".getBytes(StandardCharsets.UTF_8), FileTransaction.REGULAR, false);
        tx.put(tmp.resolve("new folder/b.txt"), "b".getBytes(StandardCharsets.UTF_8), FileTransaction.REGULAR, false);
        tx.put(blocker.resolve("c.txt"), "c".getBytes(StandardCharsets.UTF_8), FileTransaction.REGULAR, false);
        Map<String, String> before = TestHome.tree(tmp);
        assertThatThrownBy(tx::commit).isInstanceOf(SetupException.class)
                .hasMessageContaining(blocker.resolve("c.txt").toString()).hasMessageContaining("Nothing was changed");
        assertThat(TestHome.tree(tmp)).isEqualTo(before);
        assertThat(Files.readString(a)).isEqualTo("old a");
    }

    @Test
    void outputHasOneLinePerFile() throws IOException {
        TestHome h = home();
        Files.writeString(h.home.resolve(".bashrc"), "x\n");
        TestHome.Run run = h.setup(h.context(Os.LINUX));
        List<String> fileLines = new ArrayList<>(run.out().lines().filter(l -> l.startsWith("  ")).toList());
        List<String> paths = fileLines.stream().map(l -> l.trim().split("\\s+", 2)[1]).toList();
        assertThat(paths).doesNotHaveDuplicates();
        assertThat(fileLines).anyMatch(l -> l.contains("created    " + h.home.resolve(".bashrc.budmon-backup")));
        assertThat(fileLines).anyMatch(l -> l.contains("updated    " + h.home.resolve(".bashrc")));
    }

    @Test
    void uninstallRemovesTheLaunchersArchivesButNothingElseInTheCacheFolder() throws Exception {
        TestHome h = home();
        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        Path cache = Files.createDirectories(h.home.resolve(".cache").resolve("budmon"));
        Path ours = Files.writeString(cache.resolve("budmon-statusline-1.2-3.4-_usr_bin_java.jsa"), "x");
        Path lock = Files.createDirectories(cache.resolve("budmon-window-1.2-3.4-_usr_bin_java.lock"));
        Path report = Files.writeString(cache.resolve("budmon-report-1.2-3.4-_usr_bin_java.jsa"), "x");
        Path foreign = Files.writeString(cache.resolve("claude-code-2.1.332.tgz"), "y");
        // the history index is the user's cache of their transcripts, not an installed file
        Path index = Files.writeString(cache.resolve("history-335d0c82.idx"), "z");
        Path foreignFolder = Files.createDirectories(cache.resolve("budmon-statusline-not-a-lock"));

        TestHome.Run uninstall = h.uninstall(h.context(Os.LINUX));
        assertThat(uninstall.exit()).as(uninstall.err()).isZero();
        assertThat(ours).doesNotExist();
        assertThat(lock).doesNotExist();
        assertThat(report).doesNotExist();
        assertThat(foreign).hasContent("y");
        assertThat(index).hasContent("z");
        assertThat(foreignFolder).isDirectory();
    }

    @Test
    void uninstallRemovesTheArchivesSetupRecordedNextToTheJarAndTheJarsFolder() throws Exception {
        TestHome h = home();
        assertThat(h.setup(h.context(Os.LINUX)).exit()).isZero();
        Path jarDir = h.paths().installedJar().getParent();
        Path statusline = Files.writeString(jarDir.resolve("budmon-statusline.jsa"), "x");
        Path window = Files.writeString(jarDir.resolve("budmon-window.jsa"), "x");
        Path cutShort = Files.writeString(jarDir.resolve(".budmon-window-4242.jsa.tmp"), "x");

        TestHome.Run uninstall = h.uninstall(h.context(Os.LINUX));
        assertThat(uninstall.exit()).as(uninstall.err()).isZero();
        assertThat(uninstall.out()).contains("removed    " + statusline + " (class-data archive)");
        assertThat(statusline).doesNotExist();
        assertThat(window).doesNotExist();
        assertThat(cutShort).doesNotExist();
        assertThat(jarDir).doesNotExist();
    }

    @Test
    void uninstallAlsoCleansTheCacheFolderOfXdgCacheHome() throws Exception {
        TestHome h = home();
        Path xdg = h.home.resolve("elsewhere-cache");
        SetupContext c = h.context(Os.LINUX);
        SetupContext ctx = new SetupContext(c.os(), c.home(), c.claudeDir(), c.pathEntries(), c.javaExecutable(),
                c.interceptor(), c.jar(), c.icons(), SetupContext.cacheHome(Map.of("XDG_CACHE_HOME", xdg.toString()), c.home()));
        assertThat(h.setup(ctx).exit()).isZero();
        Path cache = Files.createDirectories(xdg.resolve("budmon"));
        Path ours = Files.writeString(cache.resolve("budmon-window-1.2-3.4-_usr_bin_java.jsa"), "x");
        Path flags = Files.writeString(cache.resolve("budmon-window-1.2-3.4-_usr_bin_java.flags"), "x");
        Path foreign = Files.writeString(cache.resolve("notes.txt"), "y");
        Path inDefault = Files.writeString(Files.createDirectories(h.home.resolve(".cache/budmon"))
                .resolve("budmon-statusline-1.2-3.4-_usr_bin_java.jsa"), "x");

        TestHome.Run uninstall = h.uninstall(ctx);
        assertThat(uninstall.exit()).as(uninstall.err()).isZero();
        assertThat(ours).doesNotExist();
        assertThat(flags).doesNotExist();
        assertThat(inDefault).as("recorded while XDG_CACHE_HOME was unset").doesNotExist();
        assertThat(foreign).hasContent("y");
    }

    @Test
    void aRelativeXdgCacheHomeIsIgnoredAsTheLauncherIgnoresIt() {
        Path home = Path.of("/home/u");
        assertThat(SetupContext.cacheHome(Map.of("XDG_CACHE_HOME", "rel/cache"), home)).isEqualTo(home.resolve(".cache"));
        assertThat(SetupContext.cacheHome(Map.of("XDG_CACHE_HOME", ""), home)).isEqualTo(home.resolve(".cache"));
        assertThat(SetupContext.cacheHome(Map.of(), home)).isEqualTo(home.resolve(".cache"));
        assertThat(SetupContext.cacheHome(Map.of("XDG_CACHE_HOME", "/var/cache/u"), home)).isEqualTo(Path.of("/var/cache/u"));
    }
}

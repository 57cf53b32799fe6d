package dev.budmon.setup;

import dev.budmon.Os;

import dev.budmon.files.SafeRead;
import dev.budmon.setup.FileAction.Outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * {@code budmon --setup}: installs the interceptor, the {@code claude-budmon} and {@code budmon} launchers,
 * the installed jar, the desktop entry and its icons, and the alias lines. A second run changes nothing.
 * All writes form one {@link FileTransaction}: when one fails, the others are undone. Any thread.
 */
public final class Setup {

    /** Larger files are none setup writes or edits. */
    static final long MAX_INSTALLED_BYTES = 256L * 1024 * 1024;

    private Setup() {
    }

    /** Decides whether an existing file at a target path was written by BudMon and may be replaced. */
    @FunctionalInterface
    interface Ownership {
        boolean isOurs(Path existing) throws IOException;
    }

    /**
     * One file setup wants to exist with this content.
     *
     * @param optional a file the user may remove to say no (the login autostart): once setup has written it, a
     *                 later setup does not bring it back
     */
    private record Planned(Path target, byte[] content, boolean executable, Ownership ownership, String note,
                           boolean optional) {

        Planned(Path target, byte[] content, boolean executable, Ownership ownership, String note) {
            this(target, content, executable, ownership, note, false);
        }
    }

    /**
     * Runs setup.
     *
     * @param choices what the user chose on the command line
     * @throws SetupException when setup cannot be done; then nothing was changed
     */
    public static ChangeReport run(SetupContext ctx, SetupChoices choices) throws SetupException {
        List<String> warnings = new ArrayList<>();
        if (!Files.isDirectory(ctx.claudeDir())) {
            // Claude Code has not run yet: its directory is made with the interceptor (and removed again by
            // uninstall while it holds nothing else); Claude Code takes it as it finds it. A directory whose
            // parent is missing too is more likely a mistyped path than a first run.
            Path parent = ctx.claudeDir().toAbsolutePath().getParent();
            if (Files.exists(ctx.claudeDir(), LinkOption.NOFOLLOW_LINKS) || parent == null
                    || !Files.isDirectory(parent)) {
                throw new SetupException("the Claude directory " + ctx.claudeDir() + " does not exist"
                        + (parent != null && !Files.isDirectory(parent) ? ", nor does " + parent : " as a folder")
                        + ". Run claude once, or name the directory with --claude-dir or CLAUDE_CONFIG_DIR.");
            }
            warnings.add("the Claude directory " + ctx.claudeDir() + " did not exist: Claude Code has not run here "
                    + "yet. Setup created it; Claude Code uses it when it first starts.");
        }
        if (!choices.force()) {
            Optional<Path> other = CompatibleInterceptors.find(ctx.claudeDir());
            if (other.isPresent()) {
                return new ChangeReport(List.of(), List.of(), other);
            }
        }
        if (ctx.interceptor() == null) {
            throw new SetupException("this build of BudMon has no bundled interceptor "
                    + "(/interceptor/budmon-interceptor.mjs); build it with mvn package.");
        }
        InstallPaths paths = InstallPaths.of(ctx);
        String interceptor = paths.interceptor().toString();
        if (!RuntimeOptions.loadableByBothRuntimes(interceptor, ctx.os())) {
            throw new SetupException("the interceptor's path " + interceptor + " contains a backslash; neither Node "
                    + "nor Bun can load a module from such a path. Choose a Claude directory without one "
                    + "(--claude-dir or CLAUDE_CONFIG_DIR).");
        }

        List<Planned> plan = new ArrayList<>();
        plan.add(new Planned(paths.interceptor(), ctx.interceptor(), false, Setup::isOurInterceptor, "interceptor"));
        boolean windows = ctx.os() == Os.WINDOWS;
        String claudeBudmon = windows ? Launchers.claudeBudmonCmd(interceptor) : Launchers.claudeBudmonSh(interceptor);
        plan.add(new Planned(paths.claudeBudmon(), utf8(claudeBudmon), true, Setup::isOurScript,
                "runs claude with the interceptor"));
        if (ctx.jar() == null) {
            warnings.add("BudMon is not running from a jar, so the installed budmon launcher"
                    + (ctx.os() == Os.LINUX ? " and the desktop entry were" : " was")
                    + " skipped; run ./budmon --setup from a build to install them.");
        } else {
            byte[] jarBytes = readSource(ctx.jar(), "the BudMon jar");
            plan.add(new Planned(paths.installedJar(), jarBytes, false, Setup::isOurJar, "installed BudMon"));
            String java = ctx.javaExecutable() == null ? null : ctx.javaExecutable().toString();
            String launcher = windows
                    ? Launchers.budmonCmd(paths.installedJar().toString(), java)
                    : Launchers.budmonSh(paths.installedJar().toString(), java);
            plan.add(new Planned(paths.budmonLauncher(), utf8(launcher), true, Setup::isOurScript,
                    "runs the installed BudMon"));
            if (paths.iconTheme() != null) {
                for (Map.Entry<String, byte[]> icon : ctx.icons().entrySet()) {
                    plan.add(new Planned(paths.iconTheme().resolve(icon.getKey()), icon.getValue(), false,
                            p -> AppIcons.isOurs(SafeRead.bytes(p, MAX_INSTALLED_BYTES)), "icon"));
                }
            }
            if (paths.desktopEntry() != null) {
                String entry;
                try {
                    entry = DesktopEntry.content(paths.budmonLauncher().toString());
                } catch (IllegalArgumentException e) {
                    throw new SetupException(e.getMessage(), e);
                }
                plan.add(new Planned(paths.desktopEntry(), utf8(entry), false, Setup::isOurScript,
                        "application menu entry"));
            }
            if (paths.autostartEntry() != null && choices.autostart()) {
                // the launcher's path passed the desktop entry's check above
                plan.add(new Planned(paths.autostartEntry(),
                        utf8(DesktopEntry.autostart(paths.budmonLauncher().toString())), false, Setup::isOurScript,
                        "starts the tray icon and the alerts at login: budmon --background", true));
            }
        }

        FileTransaction tx = new FileTransaction();
        List<FileAction> actions = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        InstallManifest manifest = InstallManifest.read(paths.manifest());
        List<Planned> owned = new ArrayList<>();
        for (Planned p : plan) {
            if (planFile(p, manifest, tx, actions, conflicts, warnings)) {
                owned.add(p);
            }
        }
        List<Path> dropped = new ArrayList<>();
        if (paths.autostartEntry() != null && !choices.autostart()) {
            planNoAutostart(paths.autostartEntry(), manifest, tx, actions, dropped);
        }
        if (ctx.os().isPosix()) {
            String alias = RcFile.aliasLine(paths.claudeBudmon().toString());
            for (Path rc : paths.rcFiles()) {
                planRcFile(rc, alias, tx, actions);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new SetupException(String.join("; ", conflicts)
                    + ". Move " + (conflicts.size() == 1 ? "it" : "them") + " away and run budmon --setup again. "
                    + "Nothing was changed.");
        }
        tx.commit();
        for (Planned p : owned) {
            manifest.recordFile(p.target(), p.content());
        }
        dropped.forEach(manifest::forgetFile);
        manifest.recordFolders(tx.createdFolders());
        try {
            manifest.write(paths.manifest());
        } catch (IOException | RuntimeException e) {
            warnings.add("could not record what setup wrote in " + paths.manifest() + " (" + FileTransaction.describe(e)
                    + "); a later uninstall recognises BudMon's files by their content instead.");
        }

        if (!PathLookup.isOnPath("claude", ctx.pathEntries(), ctx.os())) {
            warnings.add("claude is not on PATH; claude-budmon starts claude, so install Claude Code or add its "
                    + "folder to PATH.");
        }
        if (!InstallPaths.onPath(paths.binDir(), ctx.pathEntries())) {
            warnings.add(paths.binDir() + " is not on PATH" + (windows
                    ? "; add it to PATH to run claude-budmon and budmon from any prompt."
                    : "; the alias in .bashrc/.zshrc covers new bash and zsh shells, other shells need it on PATH."));
        }
        return new ChangeReport(actions, warnings, Optional.empty());
    }

    /**
     * Plans one file: created when missing, replaced when it is BudMon's (setup recorded writing exactly this
     * content, or, without a record, BudMon's own file by its content), left alone with a warning when the user
     * changed it since setup wrote it.
     *
     * @return whether the file is BudMon's after this run (to be recorded in the manifest)
     */
    private static boolean planFile(Planned p, InstallManifest manifest, FileTransaction tx, List<FileAction> actions,
                                    List<String> conflicts, List<String> warnings) throws SetupException {
        Path t = p.target();
        try {
            if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
                if (p.optional() && manifest.recorded(t) != null) {
                    // removed since setup wrote it (e.g. in the desktop's start-up programs): the user's no stands
                    actions.add(new FileAction(t, Outcome.KEPT, "removed since budmon --setup wrote it, so not "
                            + "installed again"));
                    return true;
                }
                tx.put(t, p.content(), p.executable() ? FileTransaction.EXECUTABLE : FileTransaction.REGULAR,
                        p.executable());
                actions.add(new FileAction(t, Outcome.CREATED, p.note()));
                return true;
            }
            if (Files.isDirectory(t) || !Files.isRegularFile(t)) {
                conflicts.add(t + " exists and is not a regular file");
                return false;
            }
            byte[] existing = SafeRead.bytes(t, MAX_INSTALLED_BYTES);
            boolean sameContent = Arrays.equals(existing, p.content());
            if (sameContent && (!p.executable() || isExecutable(t))) {
                actions.add(new FileAction(t, Outcome.UNCHANGED, p.note()));
                return true;
            }
            if (manifest.recorded(t) != null && !manifest.isUnchanged(t, existing)) {
                actions.add(new FileAction(t, Outcome.KEPT, "changed since budmon --setup wrote it"));
                if (p.optional()) {
                    return true; // e.g. switched off in the desktop's start-up programs: as the user set it
                }
                warnings.add(t + " was changed since budmon --setup wrote it, so setup left it as it is; move it "
                        + "away and run budmon --setup again to get BudMon's.");
                return false;
            }
            if (manifest.recorded(t) == null && !p.ownership().isOurs(t)) {
                conflicts.add(t + " exists and was not written by budmon --setup");
                return false;
            }
            tx.put(t, p.content(), p.executable() ? FileTransaction.EXECUTABLE : FileTransaction.REGULAR,
                    p.executable());
            actions.add(new FileAction(t, Outcome.UPDATED, p.note()));
            return true;
        } catch (IOException e) {
            throw new SetupException("could not read " + t + ": " + FileTransaction.describe(e)
                    + ". Nothing was changed.", e);
        }
    }

    /**
     * {@code --no-autostart}: removes the login autostart entry an earlier setup wrote, as it wrote it; an entry
     * the user changed, or one setup did not write, stays.
     */
    private static void planNoAutostart(Path entry, InstallManifest manifest, FileTransaction tx,
                                        List<FileAction> actions, List<Path> dropped) throws SetupException {
        try {
            if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                    || new Uninstall.Remover(manifest, tx, actions).ifOurs(entry, Setup::isOurScript,
                            "login autostart entry: --no-autostart")) {
                dropped.add(entry);
            }
        } catch (IOException e) {
            throw new SetupException("could not read " + entry + ": " + FileTransaction.describe(e)
                    + ". Nothing was changed.", e);
        }
    }

    private static void planRcFile(Path rc, String alias, FileTransaction tx, List<FileAction> actions)
            throws SetupException {
        if (!Files.isRegularFile(rc)) {
            return;
        }
        try {
            // A start-up file is often a link into a dotfiles repository: edit the file it points to and keep
            // the link.
            Path real = rc.toRealPath();
            byte[] before = SafeRead.bytes(real, MAX_INSTALLED_BYTES);
            if (RcFile.hasUserAlias(before)) {
                // The user's own claude-budmon wins; a second alias would shadow it.
                if (RcFile.hasLine(before)) {
                    planBackup(rc, real, before, tx, actions);
                    tx.put(real, RcFile.without(before), FileTransaction.REGULAR, false);
                    actions.add(new FileAction(rc, Outcome.UPDATED, "BudMon's alias removed: yours is kept"));
                } else {
                    actions.add(new FileAction(rc, Outcome.KEPT, "your own alias claude-budmon is kept"));
                }
                return;
            }
            byte[] after = RcFile.withLine(before, alias);
            if (Arrays.equals(before, after)) {
                actions.add(new FileAction(rc, Outcome.UNCHANGED, "alias claude-budmon"));
                return;
            }
            planBackup(rc, real, before, tx, actions);
            tx.put(real, after, FileTransaction.REGULAR, false);
            actions.add(new FileAction(rc, Outcome.UPDATED, RcFile.hasLine(before)
                    ? "alias claude-budmon changed" : "alias claude-budmon added"));
        } catch (IOException e) {
            throw new SetupException("could not read " + rc + ": " + FileTransaction.describe(e)
                    + ". Nothing was changed.", e);
        }
    }

    /** Plans the one-time backup {@code <rc>.budmon-backup}; an existing backup is never overwritten. */
    static void planBackup(Path rc, Path real, byte[] content, FileTransaction tx, List<FileAction> actions)
            throws IOException {
        Path backup = rc.resolveSibling(rc.getFileName() + ".budmon-backup");
        if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Set<PosixFilePermission> perms = FileTransaction.REGULAR;
        PosixFileAttributeView view = Files.getFileAttributeView(real, PosixFileAttributeView.class);
        if (view != null) {
            // The backup is as private as the file it copies.
            perms = view.readAttributes().permissions();
        }
        tx.put(backup, content, perms, false);
        actions.add(new FileAction(backup, Outcome.CREATED, "copy of " + rc.getFileName() + " before budmon changed it"));
    }

    static boolean isOurInterceptor(Path p) throws IOException {
        try (var in = java.nio.channels.Channels.newInputStream(SafeRead.open(p))) {
            String head = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            return p.getFileName().toString().equals(InstallPaths.INTERCEPTOR_NAME) && head.contains("budmon");
        }
    }

    static boolean isOurScript(Path p) throws IOException {
        try (var in = java.nio.channels.Channels.newInputStream(SafeRead.open(p))) {
            return Launchers.isOurs(in.readNBytes(2048));
        }
    }

    static boolean isOurJar(Path p) {
        try (ZipFile z = new ZipFile(p.toFile())) {
            return z.getEntry("dev/budmon/cli/Main.class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isExecutable(Path p) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view == null) {
            return true;
        }
        try {
            return view.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] readSource(Path p, String what) throws SetupException {
        try {
            return SafeRead.bytes(p, MAX_INSTALLED_BYTES);
        } catch (IOException e) {
            throw new SetupException("could not read " + what + " " + p + ": " + FileTransaction.describe(e), e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

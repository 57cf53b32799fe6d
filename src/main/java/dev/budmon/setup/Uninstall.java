package dev.budmon.setup;

import dev.budmon.Os;

import dev.budmon.files.SafeRead;

import dev.budmon.setup.FileAction.Outcome;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code budmon --uninstall}: removes exactly what setup added (the interceptor, the launchers, the installed
 * jar, the desktop entry and icons, the alias lines), and only files that are recognisably BudMon's. Every
 * other line of the shell start-up files stays byte-identical; data files ({@code usage-limits.json},
 * {@code budmon.ini}) and the one-time backups stay. Any thread.
 */
public final class Uninstall {

    private Uninstall() {
    }

    /**
     * Runs uninstall.
     *
     * @throws SetupException when a file cannot be removed; then nothing was changed
     */
    public static ChangeReport run(SetupContext ctx) throws SetupException {
        InstallPaths paths = InstallPaths.of(ctx);
        InstallManifest manifest = InstallManifest.read(paths.manifest());
        FileTransaction tx = new FileTransaction();
        List<FileAction> actions = new ArrayList<>();
        Remover remove = new Remover(manifest, tx, actions);
        try {
            remove.ifOurs(paths.interceptor(), Setup::isOurInterceptor, "interceptor");
            Set<Path> launcherDirs = new LinkedHashSet<>();
            launcherDirs.add(paths.binDir());
            if (ctx.os() == Os.WINDOWS) {
                // The .cmd files went into a folder on PATH, which may have changed since.
                launcherDirs.add(ctx.home().resolve(".local").resolve("bin"));
                launcherDirs.addAll(ctx.pathEntries());
            }
            for (Path dir : launcherDirs) {
                remove.ifOurs(dir.resolve(paths.claudeBudmon().getFileName()), Setup::isOurScript, "launcher");
                remove.ifOurs(dir.resolve(paths.budmonLauncher().getFileName()), Setup::isOurScript, "launcher");
            }
            remove.ifOurs(paths.installedJar(), Setup::isOurJar, "installed BudMon");
            if (paths.desktopEntry() != null) {
                remove.ifOurs(paths.desktopEntry(), Setup::isOurScript, "application menu entry");
            }
            if (paths.autostartEntry() != null) {
                remove.ifOurs(paths.autostartEntry(), Setup::isOurScript, "login autostart entry");
            }
            if (paths.iconTheme() != null) {
                for (Path icon : installedIcons(paths.iconTheme())) {
                    remove.ifOurs(icon, p -> AppIcons.isOurs(SafeRead.bytes(p, Setup.MAX_INSTALLED_BYTES)), "icon");
                }
            }
            for (Path rc : paths.rcFiles()) {
                if (!Files.isRegularFile(rc)) {
                    continue;
                }
                Path real = rc.toRealPath();
                byte[] before = SafeRead.bytes(real, Setup.MAX_INSTALLED_BYTES);
                if (RcFile.hasLine(before)) {
                    Setup.planBackup(rc, real, before, tx, actions);
                    tx.put(real, RcFile.without(before), FileTransaction.REGULAR, false);
                    actions.add(new FileAction(rc, Outcome.UPDATED, "alias claude-budmon removed"));
                }
            }
        } catch (IOException e) {
            throw new SetupException("could not read " + FileTransaction.describe(e) + ". Nothing was changed.", e);
        }
        tx.commit();

        List<String> notes = new ArrayList<>();
        // The writers' lock files: BudMon's by name, and nothing without the interceptor and the status line.
        for (Path lock : List.of(ctx.claudeDir().resolve(".usage-limits.json.lock"),
                ctx.claudeDir().resolve("budmon").resolve(".statusline.lock"))) {
            if (Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.delete(lock);
                    actions.add(new FileAction(lock, Outcome.REMOVED, "lock file"));
                } catch (IOException e) {
                    notes.add("could not remove " + lock + ": " + FileTransaction.describe(e));
                }
            }
        }
        try {
            Files.deleteIfExists(paths.manifest());
        } catch (IOException e) {
            notes.add("could not remove " + paths.manifest() + ": " + FileTransaction.describe(e));
        }
        Path jarDir = paths.installedJar().getParent();
        removeArchives(jarDir, actions, notes);
        // both: XDG_CACHE_HOME may have been another when the archives were recorded
        Path defaultCache = ctx.home().resolve(".cache").resolve("budmon");
        removeArchives(defaultCache, actions, notes);
        Path cache = ctx.cacheHome().resolve("budmon");
        if (!cache.equals(defaultCache)) {
            removeArchives(cache, actions, notes);
        }
        // The folders setup created, when they are empty now; never a folder setup found in place.
        List<Path> folders = new ArrayList<>(manifest.foldersDeepestFirst());
        if (!folders.contains(jarDir)) {
            folders.add(jarDir); // installs from before the manifest made this one
        }
        for (Path dir : folders) {
            if (isEmptyFolder(dir)) {
                try {
                    Files.delete(dir);
                    actions.add(new FileAction(dir, Outcome.REMOVED, "empty folder setup created"));
                } catch (IOException e) {
                    notes.add("could not remove the empty folder " + dir + ": " + FileTransaction.describe(e));
                }
            }
        }
        return new ChangeReport(actions, notes, Optional.empty());
    }

    /**
     * Plans removing the files setup wrote, by its record where there is one, else by their content; uninstall's,
     * and setup's for the autostart entry of {@code --no-autostart}.
     */
    record Remover(InstallManifest manifest, FileTransaction tx, List<FileAction> actions) {

        /** Plans removing {@code p} when it is setup's, as setup wrote it; whether it will be removed. */
        boolean ifOurs(Path p, Setup.Ownership ownership, String note) throws IOException {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            if (manifest.recorded(p) != null) {
                if (manifest.isUnchanged(p, SafeRead.bytes(p, Setup.MAX_INSTALLED_BYTES))) {
                    tx.delete(p);
                    actions.add(new FileAction(p, Outcome.REMOVED, note));
                    return true;
                }
                actions.add(new FileAction(p, Outcome.KEPT, "changed since budmon --setup wrote it"));
            } else if (ownership.isOurs(p)) {
                tx.delete(p);
                actions.add(new FileAction(p, Outcome.REMOVED, note));
                return true;
            } else {
                actions.add(new FileAction(p, Outcome.KEPT, "not written by budmon --setup"));
            }
            return false;
        }
    }

    /**
     * The class-data archives next to the installed jar (and those earlier launchers kept in the cache
     * folder), with their temporary files, failure marks and lock folders: they are BudMon's by name, and of
     * no use without the jar. Caches, so a file that cannot be removed is a note, not a failure.
     */
    private static void removeArchives(Path dir, List<FileAction> actions, List<String> notes) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Uninstall::isArchiveFile)) {
            files.forEach(found::add);
        } catch (IOException e) {
            notes.add("could not list " + dir + ": " + FileTransaction.describe(e));
            return;
        }
        found.sort(null);
        for (Path f : found) {
            try {
                Files.delete(f);
                actions.add(new FileAction(f, Outcome.REMOVED, "class-data archive"));
            } catch (IOException e) {
                notes.add("could not remove " + f + ": " + FileTransaction.describe(e));
            }
        }
    }

    /**
     * The archives setup records ({@code budmon-statusline.jsa}, {@code budmon-window.jsa}, and the temporary
     * files of a recording that was cut short), and those the launcher of earlier versions recorded itself
     * ({@code budmon-statusline-*}, {@code budmon-window-*}, {@code budmon-report-*}, payloads).
     */
    static boolean isArchiveFile(Path p) {
        String name = p.getFileName().toString();
        boolean ours = ClassDataArchives.KINDS.stream().anyMatch(kind ->
                name.equals("budmon-" + kind + ".jsa") || name.startsWith(".budmon-" + kind + "-"))
                || name.startsWith("budmon-statusline-") || name.startsWith("budmon-window-")
                || name.startsWith("budmon-report-")
                || name.startsWith(".budmon-statusline-payload.");
        // A lock is an empty folder; anything else that is a folder is not the launcher's.
        return ours && (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                || (name.endsWith(".lock") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)));
    }

    /** Every {@code <theme>/<size>/apps/budmon.{png,svg}}, including sizes an older BudMon installed. */
    private static List<Path> installedIcons(Path theme) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(theme)) {
            return found;
        }
        try (DirectoryStream<Path> sizes = Files.newDirectoryStream(theme, Files::isDirectory)) {
            for (Path size : sizes) {
                for (String name : List.of(AppIcons.THEME_NAME_PNG, AppIcons.THEME_NAME_SVG)) {
                    Path icon = size.resolve("apps").resolve(name);
                    if (Files.isRegularFile(icon, LinkOption.NOFOLLOW_LINKS)) {
                        found.add(icon);
                    }
                }
            }
        }
        found.sort(null);
        return found;
    }

    private static boolean isEmptyFolder(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}

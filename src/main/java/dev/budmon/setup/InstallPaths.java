package dev.budmon.setup;

import dev.budmon.Os;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where setup puts each file, derived from a {@link SetupContext}.
 *
 * @param interceptor    {@code <claude dir>/budmon-interceptor.mjs}
 * @param binDir         the folder of the launchers: {@code ~/.local/bin}; on Windows that folder when it is
 *                       on PATH, else the first folder on PATH inside the home folder, else {@code ~/.local/bin}
 * @param claudeBudmon   {@code claude-budmon} ({@code claude-budmon.cmd} on Windows)
 * @param budmonLauncher {@code budmon} ({@code budmon.cmd} on Windows), the installed BudMon's launcher
 * @param installedJar   {@code ~/.local/share/budmon/budmon.jar}
 * @param desktopEntry   {@code ~/.local/share/applications/budmon.desktop} on Linux, else {@code null}
 * @param iconTheme      {@code ~/.local/share/icons/hicolor} on Linux, else {@code null}
 * @param autostartEntry {@code $XDG_CONFIG_HOME/autostart/budmon.desktop} ({@code ~/.config/autostart}), which
 *                       starts {@code budmon --background} at login, on Linux; else {@code null}
 * @param rcFiles        {@code ~/.bashrc} and {@code ~/.zshrc} (whether they exist or not); empty on Windows
 */
public record InstallPaths(Path interceptor, Path binDir, Path claudeBudmon, Path budmonLauncher,
                           Path installedJar, Path desktopEntry, Path iconTheme, Path autostartEntry,
                           List<Path> rcFiles) {

    /** The interceptor's file name in the Claude directory. */
    public static final String INTERCEPTOR_NAME = "budmon-interceptor.mjs";

    public InstallPaths {
        rcFiles = List.copyOf(rcFiles);
    }

    /** The paths for this context. Looks at the file system only to choose the Windows launcher folder. */
    public static InstallPaths of(SetupContext ctx) {
        Path home = ctx.home();
        Path localBin = home.resolve(".local").resolve("bin");
        Path share = home.resolve(".local").resolve("share");
        Path jar = share.resolve("budmon").resolve("budmon.jar");
        Path interceptor = ctx.claudeDir().resolve(INTERCEPTOR_NAME);
        if (ctx.os() == Os.WINDOWS) {
            Path bin = windowsBinDir(ctx, localBin);
            return new InstallPaths(interceptor, bin, bin.resolve("claude-budmon.cmd"), bin.resolve("budmon.cmd"),
                    jar, null, null, null, List.of());
        }
        boolean linux = ctx.os() == Os.LINUX;
        return new InstallPaths(interceptor, localBin, localBin.resolve("claude-budmon"), localBin.resolve("budmon"),
                jar,
                linux ? share.resolve("applications").resolve("budmon.desktop") : null,
                linux ? iconTheme(home) : null,
                linux ? ctx.configHome().resolve("autostart").resolve("budmon.desktop") : null,
                List.of(home.resolve(".bashrc"), home.resolve(".zshrc")));
    }

    /** The user's {@code hicolor} icon folder, where setup puts BudMon's icons on Linux. */
    public static Path iconTheme(Path home) {
        return home.resolve(".local").resolve("share").resolve("icons").resolve("hicolor");
    }

    /** Where setup records what it wrote ({@link InstallManifest}): beside the installed jar. */
    public Path manifest() {
        return installedJar.resolveSibling(InstallManifest.FILE_NAME);
    }

    /** Whether {@code dir} is one of the PATH entries. */
    static boolean onPath(Path dir, List<Path> pathEntries) {
        Path d = dir.toAbsolutePath().normalize();
        return pathEntries.stream().anyMatch(p -> p.isAbsolute() && p.normalize().equals(d));
    }

    private static Path windowsBinDir(SetupContext ctx, Path localBin) {
        if (onPath(localBin, ctx.pathEntries())) {
            return localBin;
        }
        for (Path p : ctx.pathEntries()) {
            Path n = p.toAbsolutePath().normalize();
            // WindowsApps holds the Store's app aliases; other programs' files do not belong there.
            if (n.startsWith(ctx.home()) && !n.toString().toLowerCase(Locale.ROOT).contains("windowsapps")
                    && Files.isDirectory(n)) {
                return n;
            }
        }
        return localBin;
    }
}

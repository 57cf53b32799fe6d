package dev.budmon.setup;

import dev.budmon.Os;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashMap;

/**
 * Everything setup and uninstall need to know about the machine, gathered once at the edge
 * ({@link SetupCommand#contextFromEnvironment}) so that the work itself runs against any home folder.
 *
 * @param os             the operating-system family
 * @param home           the user's home folder
 * @param claudeDir      the Claude directory the interceptor goes into
 * @param pathEntries    the folders of {@code PATH}, in order
 * @param javaExecutable the {@code java} that runs setup (the launcher's last resort), or {@code null}
 * @param interceptor    the bundled interceptor's bytes, or {@code null} when this build has none
 * @param jar            the BudMon jar to install, or {@code null} when not running from a jar
 * @param icons          the application icons by their path under the {@code hicolor} theme folder, e.g.
 *                       {@code 48x48/apps/budmon.png}; may be empty
 * @param cacheHome      the user's cache folder ({@code $XDG_CACHE_HOME}, else {@code ~/.cache}), where the
 *                       launcher of earlier versions kept class-data archives, which uninstall removes
 * @param configHome     the user's config folder ({@code $XDG_CONFIG_HOME}, else {@code ~/.config}), where the
 *                       login autostart entry goes
 */
public record SetupContext(Os os, Path home, Path claudeDir, List<Path> pathEntries, Path javaExecutable,
                           byte[] interceptor, Path jar, Map<String, byte[]> icons, Path cacheHome,
                           Path configHome) {

    public SetupContext {
        Objects.requireNonNull(os, "os");
        home = home.toAbsolutePath().normalize();
        claudeDir = claudeDir.toAbsolutePath().normalize();
        pathEntries = List.copyOf(pathEntries);
        icons = Collections.unmodifiableMap(new LinkedHashMap<>(icons));
        cacheHome = cacheHome.toAbsolutePath().normalize();
        configHome = configHome.toAbsolutePath().normalize();
    }

    /** A context whose config folder is the default one, {@code ~/.config}. */
    public SetupContext(Os os, Path home, Path claudeDir, List<Path> pathEntries, Path javaExecutable,
                        byte[] interceptor, Path jar, Map<String, byte[]> icons, Path cacheHome) {
        this(os, home, claudeDir, pathEntries, javaExecutable, interceptor, jar, icons, cacheHome,
                home.resolve(".config"));
    }

    /** A context whose cache folder is the default one, {@code ~/.cache}. */
    public SetupContext(Os os, Path home, Path claudeDir, List<Path> pathEntries, Path javaExecutable,
                        byte[] interceptor, Path jar, Map<String, byte[]> icons) {
        this(os, home, claudeDir, pathEntries, javaExecutable, interceptor, jar, icons, home.resolve(".cache"));
    }

    /**
     * The user's cache folder: {@code XDG_CACHE_HOME} when it is an absolute path (the XDG base
     * directory rules ignore a relative one), else {@code .cache} in the home folder.
     */
    public static Path cacheHome(Map<String, String> env, Path home) {
        return xdgHome(env, "XDG_CACHE_HOME", home.resolve(".cache"));
    }

    /** The user's config folder: {@code XDG_CONFIG_HOME} when it is an absolute path, else {@code ~/.config}. */
    public static Path configHome(Map<String, String> env, Path home) {
        return xdgHome(env, "XDG_CONFIG_HOME", home.resolve(".config"));
    }

    private static Path xdgHome(Map<String, String> env, String variable, Path otherwise) {
        String xdg = env.get(variable);
        if (xdg != null && !xdg.isEmpty()) {
            Path p = Path.of(xdg);
            if (p.isAbsolute()) {
                return p;
            }
        }
        return otherwise;
    }

    /** The same context with another interceptor (e.g. to test replacing an older version). */
    public SetupContext withInterceptor(byte[] newInterceptor) {
        return new SetupContext(os, home, claudeDir, pathEntries, javaExecutable, newInterceptor, jar, icons,
                cacheHome, configHome);
    }

    /** The same context with another PATH. */
    public SetupContext withPathEntries(List<Path> newPathEntries) {
        return new SetupContext(os, home, claudeDir, newPathEntries, javaExecutable, interceptor, jar, icons,
                cacheHome, configHome);
    }
}

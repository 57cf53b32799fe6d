package dev.budmon.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Claude Code keeps its data: the Claude directories to read, the first of which is also where
 * BudMon's own files ({@code budmon.ini}, {@code usage-limits.json}) live.
 *
 * @param dirs the directories in order of precedence, never empty
 */
public record ClaudeDirs(List<Path> dirs) {

    public ClaudeDirs {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("at least one Claude directory is needed");
        }
        dirs = List.copyOf(dirs);
    }

    /** The directory BudMon writes to and reads its own files from. */
    public Path primary() {
        return dirs.get(0);
    }

    /**
     * Resolves the directories as Claude Code does: {@code --claude-dir} overrides everything; else
     * {@code CLAUDE_CONFIG_DIR} (several paths separated by commas are all read); else {@code ~/.claude}.
     * {@code ~/.config/claude} is added when it has a {@code projects/} folder.
     *
     * @param override the {@code --claude-dir} value, or {@code null}
     * @param env      the environment, e.g. {@code System.getenv()}
     * @param home     the user's home directory
     */
    public static ClaudeDirs resolve(Path override, Map<String, String> env, Path home) {
        if (override != null) {
            return new ClaudeDirs(List.of(override.toAbsolutePath().normalize()));
        }
        Set<Path> found = new LinkedHashSet<>();
        String configured = env.get("CLAUDE_CONFIG_DIR");
        if (configured != null && !configured.isBlank()) {
            for (String part : configured.split(",")) {
                String p = part.trim();
                if (!p.isEmpty()) {
                    found.add(expandHome(p, home).toAbsolutePath().normalize());
                }
            }
        }
        if (found.isEmpty()) {
            found.add(home.resolve(".claude").toAbsolutePath().normalize());
        }
        Path xdg = home.resolve(".config").resolve("claude");
        if (Files.isDirectory(xdg.resolve("projects"))) {
            found.add(xdg.toAbsolutePath().normalize());
        }
        return new ClaudeDirs(new ArrayList<>(found));
    }

    /**
     * The user's home directory as Claude Code, the interceptor and the shells see it: {@code $HOME} when it
     * is set and absolute, else Java's {@code user.home} (the passwd entry). With {@code HOME=/x} Claude Code
     * reads {@code /x/.claude}, so BudMon must too.
     *
     * @param env the environment, e.g. {@code System.getenv()}
     */
    public static Path userHome(Map<String, String> env) {
        String home = env.get("HOME");
        if (home != null && !home.isBlank()) {
            try {
                Path p = Path.of(home);
                if (p.isAbsolute()) {
                    return p.normalize();
                }
            } catch (RuntimeException e) {
                // not a path: the passwd entry below
            }
        }
        return Path.of(System.getProperty("user.home"));
    }

    private static Path expandHome(String p, Path home) {
        if (p.equals("~")) {
            return home;
        }
        if (p.startsWith("~/")) {
            return home.resolve(p.substring(2));
        }
        return Path.of(p);
    }
}

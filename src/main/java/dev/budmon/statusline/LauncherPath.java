package dev.budmon.statusline;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Finds BudMon's launcher, the script that {@code settings.json}'s status-line command runs. The launcher,
 * not {@code java -jar}, is named there because it adds the fast-start flags and the class-data archive.
 *
 * <p>Order: the installed launcher {@code ~/.local/bin/budmon} (written by {@code budmon --setup}) when it
 * exists; else the source checkout's {@code ./budmon} script, found as the parent of the {@code target/}
 * folder that holds the running jar (or, when run from {@code target/classes}, those classes); else none.
 */
public final class LauncherPath {

    /** The launcher's file name, installed and in the checkout alike. */
    public static final String NAME = "budmon";

    private LauncherPath() {
    }

    /**
     * The launcher to name in {@code settings.json}.
     *
     * @param home         the user's home directory
     * @param codeLocation the running jar, or the classes folder; {@code null} when unknown
     * @return its absolute path, or {@code null} when there is none
     */
    public static Path resolve(Path home, Path codeLocation) {
        Path installed = home.resolve(".local").resolve("bin").resolve(NAME);
        if (Files.isRegularFile(installed)) {
            return installed.toAbsolutePath().normalize();
        }
        if (codeLocation == null) {
            return null;
        }
        Path target = codeLocation.toAbsolutePath().normalize().getParent();
        if (target == null || target.getFileName() == null || !target.getFileName().toString().equals("target")) {
            return null;
        }
        Path checkout = target.getParent();
        Path script = checkout == null ? null : checkout.resolve(NAME);
        return script != null && Files.isRegularFile(script) ? script : null;
    }

    /** Where the running BudMon's classes come from: its jar, or {@code target/classes}; {@code null} when unknown. */
    public static Path codeLocation() {
        try {
            CodeSource source = LauncherPath.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The status-line command for this launcher, the path quoted for the shell when it needs it. */
    public static String statuslineCommand(Path launcher) {
        return shellQuoted(launcher.toString()) + " --statusline";
    }

    /** The text as one shell word: unchanged when it is plain, else in single quotes. */
    static String shellQuoted(String s) {
        boolean plain = !s.isEmpty();
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = Character.isLetterOrDigit(c) || "/._-+=:,@%".indexOf(c) >= 0;
        }
        return plain ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}

package dev.budmon;

import java.util.Locale;

/**
 * The operating-system families BudMon distinguishes: they differ in launchers, menus and shells (setup) and
 * in how notifications and the tray are shown (notify, tray). The one place that reads {@code os.name}.
 */
public enum Os {
    /** Linux and other Unix desktops that follow the XDG conventions (desktop entry, hicolor icons). */
    LINUX,
    /** macOS: POSIX launchers and shell aliases, no desktop entry. */
    MACOS,
    /** Windows: {@code .cmd} launchers in a folder on PATH, no shell start-up files. */
    WINDOWS;

    /** The family for a value of the {@code os.name} system property. */
    public static Os fromName(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return MACOS;
        }
        return LINUX;
    }

    /** The family of the running JVM. */
    public static Os current() {
        return fromName(System.getProperty("os.name"));
    }

    /** Whether launchers are POSIX shell scripts and shells read start-up files. */
    public boolean isPosix() {
        return this != WINDOWS;
    }
}

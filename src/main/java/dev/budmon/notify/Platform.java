package dev.budmon.notify;

import java.util.Locale;

/** The desktop families that show notifications differently. */
public enum Platform {
    /** Linux and the other Unix desktops of freedesktop.org. */
    LINUX,
    /** macOS. */
    MACOS,
    /** Windows. */
    WINDOWS;

    /** The family of an {@code os.name}. */
    public static Platform of(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        return n.startsWith("mac") || n.startsWith("darwin") ? MACOS : LINUX;
    }

    /** The running JVM's family. */
    public static Platform current() {
        return of(System.getProperty("os.name"));
    }
}

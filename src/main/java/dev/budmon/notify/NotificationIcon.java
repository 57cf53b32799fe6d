package dev.budmon.notify;

import dev.budmon.files.AtomicFile;
import dev.budmon.files.SafeRead;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The icon the notifications carry: the icon-theme name {@code budmon} when setup installed BudMon's icons,
 * else BudMon's icon copied from the jar into the cache folder and named by its path. I/O; not for the EDT.
 */
public final class NotificationIcon {

    /** The size copied: what notification servers show, with room for HiDPI. */
    static final int SIZE = 64;

    private NotificationIcon() {
    }

    /**
     * The icon to name in notifications.
     *
     * @param iconTheme the user's {@code hicolor} folder ({@code ~/.local/share/icons/hicolor}); {@code null} when
     *                  the platform has none
     * @param cacheDir  BudMon's cache folder ({@code ~/.cache/budmon})
     * @return an icon name, an absolute path, or {@code ""} when neither can be had
     */
    public static String resolve(Path iconTheme, Path cacheDir) {
        if (iconTheme != null && Files.isRegularFile(iconTheme.resolve(SIZE + "x" + SIZE).resolve("apps")
                .resolve(FreedesktopCall.DESKTOP_ENTRY + ".png"))) {
            return FreedesktopCall.DESKTOP_ENTRY;
        }
        Path file = cacheDir.resolve("budmon-" + SIZE + ".png");
        try (InputStream in = NotificationIcon.class.getResourceAsStream("/icons/budmon-" + SIZE + ".png")) {
            if (in == null) {
                return "";
            }
            byte[] png = in.readAllBytes();
            if (!Files.isRegularFile(file) || !Arrays.equals(SafeRead.bytes(file, 1 << 20), png)) {
                Files.createDirectories(cacheDir);
                AtomicFile.replace(file, png);
            }
            return file.toAbsolutePath().toString();
        } catch (IOException | RuntimeException e) {
            System.err.println("budmon: the notification icon could not be written to " + file + " (" + e.getMessage()
                    + ")");
            return "";
        }
    }
}

package dev.budmon.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Tells whether a file changed without reading it. I/O; any thread but the EDT. */
public final class FileStamp {

    private FileStamp() {
    }

    /**
     * Size, modification time and file key; equal stamps mean an unchanged file. A rename over the file
     * (an atomic writer) changes the key even when size and time happen to match. A missing or unreadable
     * file has an empty stamp.
     */
    public static Object of(Path file) {
        // A missing file is the usual case for some sources (budget_velocity.json): asked without an
        // exception, which would cost a stack trace on every poll. The race with a file appearing or going
        // meanwhile ends in either branch with a correct stamp.
        if (!file.toFile().exists()) {
            return List.of();
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.size(), a.lastModifiedTime().toMillis(), String.valueOf(a.fileKey()));
        } catch (IOException e) {
            return List.of();
        }
    }
}

package dev.budmon.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Special files as a hostile environment puts them where BudMon expects a regular file: a FIFO (made with
 * the real {@code mkfifo}), a link to a character device, a folder.
 */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /** A FIFO at {@code p}; reading it without a writer blocks forever. */
    public static Path fifo(Path p) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            throw new IOException("mkfifo " + p + " failed");
        }
        return p;
    }

    /** A symbolic link at {@code p} to {@code /dev/zero}, which never ends. */
    public static Path endless(Path p) throws IOException {
        return Files.createSymbolicLink(p, Path.of("/dev/zero"));
    }
}

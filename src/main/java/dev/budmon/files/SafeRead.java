package dev.budmon.files;

import dev.budmon.threads.ThreadCheck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads files that other programs (or a hostile environment) may have put in place: only regular files,
 * at most a given number of bytes. The type is checked before opening because opening a FIFO for reading
 * blocks until a writer appears, and a device such as {@code /dev/zero} never ends. Java cannot open
 * without blocking, so a file swapped for a FIFO between the check and the open can still block; the
 * status line's deadline covers that race.
 */
public final class SafeRead {

    private SafeRead() {
    }

    /**
     * The file's whole content.
     *
     * @param maxBytes the largest file accepted
     * @throws NoSuchFileException      the file does not exist (a broken symbolic link included)
     * @throws NotRegularFileException  it is a folder, FIFO, device or socket
     * @throws FileTooLargeException    it holds more than {@code maxBytes}
     * @throws IOException              it cannot be read
     */
    public static byte[] bytes(Path file, long maxBytes) throws IOException {
        try (FileChannel ch = open(file)) {
            long size = ch.size();
            if (size > maxBytes) {
                throw new FileTooLargeException(file.toString(), maxBytes);
            }
            // The size may still grow while reading: read one byte more than allowed to notice.
            int cap = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
            byte[] buf = new byte[(int) Math.min(cap, Math.max(size + 1, 256))];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (buf.length >= cap) {
                        break;
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(cap, (long) buf.length * 2));
                }
                int r = ch.read(ByteBuffer.wrap(buf, n, buf.length - n));
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n > maxBytes) {
                throw new FileTooLargeException(file.toString(), maxBytes);
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        }
    }

    /**
     * Opens a regular file for reading, following symbolic links.
     *
     * @throws NoSuchFileException     the file does not exist
     * @throws NotRegularFileException it is a folder, FIFO, device or socket
     */
    public static FileChannel open(Path file) throws IOException {
        requireRegular(file);
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * The file's attributes (symbolic links followed) when it is a regular file.
     *
     * @throws NoSuchFileException     the file does not exist
     * @throws NotRegularFileException it is a folder, FIFO, device or socket
     */
    public static BasicFileAttributes requireRegular(Path file) throws IOException {
        ThreadCheck.notOnEdt("reading " + file);
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new NotRegularFileException(file.toString(), kindOf(file, a));
        }
        return a;
    }

    /** What a non-regular file is, in words. */
    static String kindOf(Path file, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a folder";
        }
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000: return "a FIFO";
                    case 0020000: return "a character device";
                    case 0060000: return "a block device";
                    case 0140000: return "a socket";
                    default: break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no unix view: the general words below
        }
        return "a special file";
    }

    /** {@code 4 MiB}, {@code 512 KiB}, {@code 100 bytes}. */
    static String describeSize(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}

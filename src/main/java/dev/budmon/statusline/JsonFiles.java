package dev.budmon.statusline;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Writing JSON files that other programs read: formatted like Claude Code's own, replaced atomically. */
final class JsonFiles {

    private JsonFiles() {
    }

    /**
     * Two-space indentation and {@code "key": value}, as {@code JSON.stringify(v, null, 2)} writes it, so
     * that a file BudMon rewrites looks as it did.
     */
    static DefaultPrettyPrinter printer() {
        Separators s = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(s);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        return pp;
    }

    /**
     * Replaces the file with these bytes atomically: a temporary file in the same folder, flushed to disk, then
     * renamed over the target, so a reader sees the old or the new file, never half of one. The target's
     * POSIX permissions are kept.
     */
    static void replaceAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        OutputStream out = null;
        // Named by hand, not with Files.createTempFile, whose SecureRandom costs the status line its start-up time.
        for (int attempt = 0; out == null; attempt++) {
            tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + ".tmp");
            try {
                out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
        try {
            try (OutputStream o = out) {
                o.write(content);
            }
            keepPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Copies the file once: an existing copy is never overwritten. @return whether a copy was made */
    static boolean backupOnce(Path file, Path backup) throws IOException {
        if (!Files.exists(file) || Files.exists(backup)) {
            return false;
        }
        try {
            Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static void keepPermissions(Path from, Path to) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
            if (view != null && Files.exists(from)) {
                Set<PosixFilePermission> perms = view.readAttributes().permissions();
                Files.setPosixFilePermissions(to, perms);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the temporary file's own permissions (owner only) are a safe fallback
        }
    }
}

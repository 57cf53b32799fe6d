package dev.budmon.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces files that other programs read ({@code settings.json}, {@code budmon.ini}, the launchers, BudMon's
 * own state files): the content goes to a temporary file in the target's folder, is flushed to disk, and is
 * renamed over the target, so a reader sees the old file or the new one, never half of one.
 *
 * <p>What the user set up stays as it is: a symbolic link (dotfile managers keep {@code settings.json}
 * elsewhere) is written through, the link kept; the target's permissions (and, for root, owner and group)
 * are kept; a file without write permission for its owner is refused with {@link ReadOnlyFileException};
 * a folder, FIFO or device in the target's place is refused with {@link NotRegularFileException}.
 */
public final class AtomicFile {

    /** Symbolic links followed before giving up, as Linux does. */
    private static final int MAX_LINKS = 40;
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private AtomicFile() {
    }

    /**
     * Replaces the file's content, or creates it readable and writable by its owner only (BudMon's files
     * hold nothing for other users).
     *
     * @return the file actually written: the target, or the file its symbolic link points to
     */
    public static Path replace(Path target, byte[] content) throws IOException {
        return write(target, content, null, true, false);
    }

    /**
     * Replaces the file's content, or creates it with the given permissions.
     *
     * @param newFilePermissions permissions of a file that does not exist yet; an existing file keeps its own
     * @return the file actually written
     */
    public static Path replace(Path target, byte[] content, Set<PosixFilePermission> newFilePermissions)
            throws IOException {
        return write(target, content, newFilePermissions, true, false);
    }

    /**
     * Replaces the file's content, or creates it, giving it exactly these permissions (an installer that
     * makes a replaced script executable).
     *
     * @return the file actually written
     */
    public static Path replaceWithPermissions(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        return write(target, content, permissions, true, true);
    }

    /**
     * Creates the file unless it exists. A file that appears meanwhile (another BudMon process writing the
     * same defaults) wins.
     *
     * @return whether this call created it
     */
    public static boolean createIfAbsent(Path target, byte[] content) throws IOException {
        return write(target, content, null, false, false) != null;
    }

    /**
     * Follows symbolic links to the file they name, which may not exist yet (a dangling link is created
     * through).
     */
    public static Path linkTarget(Path target) throws IOException {
        Path p = target.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            // Relative to the link's folder, resolved without normalizing: ".." after a linked folder means
            // what the file system says it means.
            p = p.getParent().resolve(Files.readSymbolicLink(p));
        }
        throw new FileSystemException(target.toString(), null, "has too many levels of symbolic links");
    }

    /**
     * @param permissions      for a new file, or for every file when {@code forcePermissions}; {@code null}:
     *                         owner-only for a new file
     * @param replaceExisting  whether an existing file is replaced (else left as it is)
     * @param forcePermissions whether {@code permissions} also replace an existing file's own
     */
    /**
     * Checks, without writing, that {@link #replace} would replace the file: for a caller that does something
     * first (a backup) that should not happen for a file it may not change.
     *
     * @throws ReadOnlyFileException   the file has no write permission for its owner
     * @throws NotRegularFileException a folder, FIFO or device is in its place
     */
    public static void checkReplaceable(Path target) throws IOException {
        Path real = linkTarget(target);
        BasicFileAttributes existing = attributes(real);
        if (existing != null) {
            checkReplaceable(real, existing, posixAttributes(real));
        }
    }

    private static void checkReplaceable(Path real, BasicFileAttributes existing, PosixFileAttributes posix)
            throws IOException {
        if (!existing.isRegularFile()) {
            throw new NotRegularFileException(real.toString(), SafeRead.kindOf(real, existing));
        }
        if (isReadOnly(real, posix)) {
            throw new ReadOnlyFileException(real.toString());
        }
    }

    private static Path write(Path target, byte[] content, Set<PosixFilePermission> permissions,
                              boolean replaceExisting, boolean forcePermissions) throws IOException {
        Path real = linkTarget(target);
        BasicFileAttributes existing = attributes(real);
        if (existing != null && !replaceExisting) {
            return null;
        }
        PosixFileAttributes posix = existing == null ? null : posixAttributes(real);
        if (existing != null) {
            checkReplaceable(real, existing, posix);
        }
        Path dir = real.getParent();
        Path tmp = createTemp(dir, real.getFileName().toString());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            if (view != null) {
                if (posix != null) {
                    view.setPermissions(forcePermissions && permissions != null ? permissions : posix.permissions());
                    keepOwner(view, posix);
                } else if (permissions != null) {
                    view.setPermissions(permissions);
                }
            }
            if (!replaceExisting) {
                return linkUnlessPresent(tmp, real) ? real : null;
            }
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            return real;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Gives the complete temporary file the target's name unless that name exists. A move without
     * replacing checks and renames in two steps, so two processes can both "create" the file; a hard link
     * fails atomically when the name is taken. File systems without hard links fall back to the move.
     */
    private static boolean linkUnlessPresent(Path tmp, Path real) throws IOException {
        try {
            Files.createLink(real, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try {
                Files.move(tmp, real);
                return true;
            } catch (FileAlreadyExistsException e2) {
                return false;
            }
        }
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static PosixFileAttributes posixAttributes(Path p) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        try {
            return view == null ? null : view.readAttributes();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The owner's write bit decides, not access(2): root may write anything, yet a 0444 file is still read-only. */
    private static boolean isReadOnly(Path p, PosixFileAttributes posix) {
        if (posix != null) {
            return !posix.permissions().contains(PosixFilePermission.OWNER_WRITE);
        }
        return !Files.isWritable(p);
    }

    private static void keepOwner(PosixFileAttributeView view, PosixFileAttributes before) {
        try {
            PosixFileAttributes now = view.readAttributes();
            if (!now.owner().equals(before.owner())) {
                view.setOwner(before.owner());
            }
            if (!now.group().equals(before.group())) {
                view.setGroup(before.group());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Only root may give a file away; a user replacing their own file needs not.
        }
    }

    /**
     * A new, empty, owner-only file named after the target. Named by hand, not with
     * {@code Files.createTempFile}, whose {@code SecureRandom} costs a short-lived process its start.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            // Not the pid: ProcessHandle's first use costs a short-lived process milliseconds. A random part
            // keeps two processes apart; CREATE_NEW catches the rare clash.
            Path tmp = dir.resolve("." + name + "." + Integer.toHexString(ThreadLocalRandom.current().nextInt())
                    + TEMP_COUNTER.incrementAndGet() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            try {
                Files.newByteChannel(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        OWNER_ONLY).close();
                return tmp;
            } catch (UnsupportedOperationException e) {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }
}

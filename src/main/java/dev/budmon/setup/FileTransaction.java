package dev.budmon.setup;

import dev.budmon.files.AtomicFile;
import dev.budmon.files.SafeRead;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A list of file writes and deletions that is carried out as a whole or not at all. Every write is atomic
 * ({@link AtomicFile}: through symbolic links, never over a read-only file), keeps the owner of the file it
 * replaces, and is undone, like every deletion and every folder created on the way, when a later step fails.
 * Not thread-safe; any thread, never the EDT.
 */
final class FileTransaction {

    /** Permissions of a new script. */
    static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    /** Permissions of a new regular file. */
    static final Set<PosixFilePermission> REGULAR = PosixFilePermissions.fromString("rw-r--r--");

    private sealed interface Step permits Put, Delete {
        Path target();
    }

    private record Put(Path target, byte[] content, Set<PosixFilePermission> newFilePermissions,
                       boolean executable) implements Step {
    }

    private record Delete(Path target) implements Step {
    }

    /** What a step found before it ran, to put back. */
    private record Before(Path target, byte[] content, PosixFileAttributes attributes) {
    }

    /** Larger files are not what setup writes or edits (scripts, rc files, the jar). */
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    private final List<Step> steps = new ArrayList<>();
    /** The folders the last successful commit created, outermost first. */
    private final List<Path> createdFolders = new ArrayList<>();

    /**
     * Writes {@code content} to {@code target}. A new file gets {@code newFilePermissions}; a replaced one keeps
     * its permissions (plus the execute bits where it has read bits, when {@code executable}).
     */
    void put(Path target, byte[] content, Set<PosixFilePermission> newFilePermissions, boolean executable) {
        steps.add(new Put(target, content.clone(), newFilePermissions, executable));
    }

    /** Deletes {@code target}. */
    void delete(Path target) {
        steps.add(new Delete(target));
    }

    /** The folders the last {@link #commit} created on the way to its files, outermost first. */
    List<Path> createdFolders() {
        return List.copyOf(createdFolders);
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Carries out every step in order.
     *
     * @throws SetupException when a step fails; the steps already done have then been undone, and the message
     *                        says which file failed, why, and whether undoing worked
     */
    void commit() throws SetupException {
        Deque<Before> done = new ArrayDeque<>();
        Deque<Path> created = new ArrayDeque<>();
        createdFolders.clear();
        for (Step step : steps) {
            try {
                Before before = snapshot(step.target());
                // A step is recorded as done only once it has happened: a failed write is atomic and changed
                // nothing, so there is nothing of it to undo.
                if (step instanceof Put put) {
                    createFolders(put.target().getParent(), created);
                    AtomicFile.replaceWithPermissions(put.target(), put.content(), permissionsFor(put, before));
                } else {
                    Files.deleteIfExists(step.target());
                }
                done.push(before);
            } catch (IOException | RuntimeException e) {
                List<String> undoProblems = undo(done, created);
                StringBuilder msg = new StringBuilder("could not ")
                        .append(step instanceof Put ? "write " : "remove ").append(step.target())
                        .append(": ").append(describe(e)).append('.');
                if (undoProblems.isEmpty()) {
                    msg.append(" Nothing was changed.");
                } else {
                    msg.append(" Undoing the earlier steps failed for: ").append(String.join("; ", undoProblems));
                }
                throw new SetupException(msg.toString(), e);
            }
        }
        // pushed innermost first
        for (Path d : created) {
            createdFolders.add(0, d);
        }
    }

    private static Before snapshot(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Before(target, null, null);
        }
        return new Before(target, SafeRead.bytes(target, MAX_BYTES), posixAttributes(target));
    }

    private static Set<PosixFilePermission> permissionsFor(Put put, Before before) {
        if (before.attributes() == null) {
            return put.newFilePermissions();
        }
        Set<PosixFilePermission> p = EnumSet.noneOf(PosixFilePermission.class);
        p.addAll(before.attributes().permissions());
        if (put.executable()) {
            if (p.contains(PosixFilePermission.OWNER_READ)) {
                p.add(PosixFilePermission.OWNER_EXECUTE);
            }
            if (p.contains(PosixFilePermission.GROUP_READ)) {
                p.add(PosixFilePermission.GROUP_EXECUTE);
            }
            if (p.contains(PosixFilePermission.OTHERS_READ)) {
                p.add(PosixFilePermission.OTHERS_EXECUTE);
            }
        }
        return p;
    }

    private static PosixFileAttributes posixAttributes(Path p) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        return view == null ? null : view.readAttributes();
    }

    private static void createFolders(Path dir, Deque<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir.toAbsolutePath(); d != null && !Files.isDirectory(d); d = d.getParent()) {
            missing.add(0, d);
        }
        for (Path d : missing) {
            if (Files.exists(d, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(d)) {
                throw new FileAlreadyExistsException(d.toString(), null, "a file is in the way where a folder is needed");
            }
            Files.createDirectory(d);
            created.push(d);
        }
    }

    private static List<String> undo(Deque<Before> done, Deque<Path> createdFolders) {
        List<String> problems = new ArrayList<>();
        for (Before b : done) {
            try {
                if (b.content() == null) {
                    Files.deleteIfExists(b.target());
                } else {
                    Set<PosixFilePermission> perms = b.attributes() == null ? REGULAR : b.attributes().permissions();
                    AtomicFile.replaceWithPermissions(b.target(), b.content(), perms);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(b.target() + " (" + describe(e) + ")");
            }
        }
        for (Path d : createdFolders) {
            try {
                Files.deleteIfExists(d);
            } catch (IOException e) {
                problems.add(d + " (" + describe(e) + ")");
            }
        }
        return problems;
    }

    /** A reason a person can act on, for the exceptions file operations throw. */
    static String describe(Exception e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + (a.getFile() != null ? " (" + a.getFile() + ")" : "");
        }
        if (e instanceof FileAlreadyExistsException f) {
            String reason = f.getReason() != null ? f.getReason() : "it already exists";
            return reason + " (" + f.getFile() + ")";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder (" + n.getFile() + ")";
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            return reason + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}

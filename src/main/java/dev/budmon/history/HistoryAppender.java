package dev.budmon.history;

import dev.budmon.files.SafeRead;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Appends observations to the quota history: each line with one {@code write(2)} of the whole line on a file
 * opened with {@code O_APPEND}, so that the status lines of many Claude Code sessions and the interceptors
 * of many processes may append at once without losing or tearing a line (the kernel appends each write whole;
 * lines are well under a kilobyte). New files are readable by their owner only. I/O; any thread.
 */
public final class HistoryAppender {

    /** What {@link #appendIfChanged} did. */
    public enum Outcome {
        /** The observation was appended. */
        APPENDED,
        /** The newest observation of the same source says the same: nothing was appended. */
        UNCHANGED,
        /** Nothing was appended because it could not be; see the warning. */
        SKIPPED
    }

    private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.APPEND, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private HistoryAppender() {
    }

    /**
     * Appends the observation to its month's file, creating the history's folder and file when needed.
     *
     * @param claudeDir the Claude directory; must exist (BudMon never creates one)
     * @throws NoSuchFileException when the Claude directory does not exist
     * @throws IOException         when the line could not be written whole
     */
    public static void append(Path claudeDir, Observation o) throws IOException {
        if (!Files.isDirectory(claudeDir)) {
            throw new NoSuchFileException(claudeDir.toString(), null, "the Claude directory does not exist");
        }
        Path file = HistoryFiles.file(claudeDir, o.time());
        Files.createDirectories(file.getParent());
        try {
            SafeRead.requireRegular(file); // a FIFO in its place would block the writer
        } catch (NoSuchFileException e) {
            // created below
        }
        byte[] line = ObservationLine.format(o);
        try (FileChannel ch = open(file)) {
            // One write(2): FileChannel writes a heap buffer with a single call, repeated only when interrupted
            // before anything was written.
            int n = ch.write(ByteBuffer.wrap(line));
            if (n != line.length) {
                throw new FileSystemException(file.toString(), null, "only " + n + " of " + line.length
                        + " bytes of the observation were written (disk full?)");
            }
        }
    }

    private static FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, APPEND, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, APPEND);
        }
    }

    /**
     * Appends the observation unless the newest observation of its source, found at the end of the month's
     * file (else the month before), says the same ({@link Observation#sameFigures}). Never throws.
     *
     * @param warnings receives one line when the history could not be read or written
     */
    public static Outcome appendIfChanged(Path claudeDir, Observation o, List<String> warnings) {
        try {
            if (!Files.isDirectory(claudeDir)) {
                return Outcome.SKIPPED;
            }
            if (o.sameFigures(HistoryTail.newestOf(claudeDir, o.time(), o.source()))) {
                return Outcome.UNCHANGED;
            }
            append(claudeDir, o);
            return Outcome.APPENDED;
        } catch (IOException | RuntimeException e) {
            warnings.add(HistoryFiles.file(claudeDir, o.time()) + ": the quota observation was not recorded ("
                    + HistoryReader.describe(e) + ")");
            return Outcome.SKIPPED;
        }
    }
}

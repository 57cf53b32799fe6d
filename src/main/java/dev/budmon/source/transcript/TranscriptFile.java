package dev.budmon.source.transcript;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What BudMon remembers about one transcript file between reads: how far it was read and how to tell
 * whether the file is still the one it read. Confined to the {@link TranscriptStore}'s thread.
 */
final class TranscriptFile {

    /** Bytes remembered before {@link #offset}, to notice a file rewritten in place. */
    static final int TAIL_BYTES = 64;
    private static final byte[] NO_TAIL = new byte[0];

    final Path path;
    /** The session the file belongs to by its place: {@code <session>.jsonl} or {@code <session>/…/x.jsonl}. */
    final String pathSession;
    /** The session's main transcript, {@code <project>/<session>.jsonl}, whether or not it exists. */
    final Path mainTranscript;

    /** The file system's identity of the file (device and inode), as text; {@code null} when it has none. */
    String fileKey;
    long size = -1;
    long modified = Long.MIN_VALUE;

    /** End of the last complete line read (or of the bytes skipped inside an over-long line). */
    long offset;
    /** Whether {@link #offset} lies inside a line too long to keep, which is skipped up to its newline. */
    boolean discarding;
    /** The bytes just before {@link #offset}, as they were when read. */
    byte[] tail = NO_TAIL;

    /** Why the last read failed, or {@code null}. */
    String problem;
    /** Its attributes as the last walk (or watcher report) found them, applied when it is read. */
    BasicFileAttributes seen;
    /** The walk that last saw this file. */
    long seenInWalk;

    TranscriptFile(Path path, String pathSession, Path mainTranscript) {
        this.path = path;
        this.pathSession = pathSession;
        this.mainTranscript = mainTranscript;
    }

    /** Whether these attributes describe a different file than the one read so far (so it must be reread). */
    boolean isReplacedBy(BasicFileAttributes attrs) {
        String key = keyOf(attrs);
        return (fileKey != null && key != null && !fileKey.equals(key)) || attrs.size() < offset;
    }

    static String keyOf(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        return key == null ? null : key.toString();
    }

    /** Whether these attributes differ from the last ones seen. */
    boolean isChangedBy(BasicFileAttributes attrs) {
        return attrs.size() != size || attrs.lastModifiedTime().toMillis() != modified;
    }

    void remember(BasicFileAttributes attrs) {
        fileKey = keyOf(attrs);
        size = attrs.size();
        modified = attrs.lastModifiedTime().toMillis();
    }

    /** Forget how far the file was read, so the next read starts at its beginning. */
    void rewind() {
        offset = 0;
        discarding = false;
        tail = NO_TAIL;
    }
}

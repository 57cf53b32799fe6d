package dev.budmon.source.transcript;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The whole transcript history's {@link TranscriptStore}, kept between processes in BudMon's cache folder,
 * so that {@code budmon report}, {@code --json} and the window start from what the last of them read and
 * read only what was appended or changed since.
 *
 * <p>One file per set of Claude directories, {@code history-<hash>.idx}, in {@link TranscriptIndex}'s format
 * (every file's identity and read offset, every counted response with its dedup key and largest counts), so
 * a store restored from it and refreshed gives exactly what a store reading everything would.
 *
 * <p>It is a cache. A missing, truncated, corrupt or older-version file, or one saved for other directories,
 * gives an empty store, which reads everything; the next save replaces the file. Saves are atomic (a
 * temporary file and a rename, {@link dev.budmon.files.AtomicFile}), so a reader sees the old index or the
 * new one, never half of one. Two processes saving at once: the one that finds the lock file
 * ({@code history-<hash>.lock}) locked skips its save instead of waiting; the other one's index is just as
 * good (each is a consistent state of the store), and whatever it lacks the next start reads again. Reading
 * takes no lock, so no process ever waits for another.
 *
 * <p>The first save of an index removes those of other Claude directories that nobody saved for
 * {@link #UNUSED_DAYS} days.
 *
 * <p>I/O; any thread but the EDT, one store at a time.
 */
public final class HistoryIndex {

    /**
     * Indexes nobody has saved for this long are removed when a new one is written: the Claude directories
     * they were of may be long gone (a {@code --claude-dir} used once, a test's temporary folder).
     */
    static final long UNUSED_DAYS = 30;

    private final Path file;
    private final Path lockFile;
    private final String scope;

    /**
     * @param cacheDir   BudMon's cache folder, e.g. {@code ~/.cache/budmon}; created when first saved
     * @param claudeDirs the Claude directories the store reads
     */
    public HistoryIndex(Path cacheDir, List<Path> claudeDirs) {
        StringBuilder b = new StringBuilder("history");
        for (Path d : claudeDirs) {
            b.append('\n').append(d.toAbsolutePath().normalize());
        }
        scope = b.toString();
        String name = "history-" + Integer.toHexString(scope.hashCode());
        file = cacheDir.resolve(name + ".idx");
        lockFile = cacheDir.resolve(name + ".lock");
    }

    /** The index file. */
    public Path file() {
        return file;
    }

    /**
     * The store as last saved, or an empty store when there is no usable index; either way ready for
     * {@link TranscriptStore#refresh}, which reads what is new.
     */
    public TranscriptStore load() {
        TranscriptStore store = TranscriptIndex.load(file, scope);
        return store != null ? store : new TranscriptStore();
    }

    /** Removes the indexes (and their lock files) of other Claude directories not saved for {@link #UNUSED_DAYS}. */
    private void pruneOld(Path dir) {
        long cutoff = System.currentTimeMillis() - UNUSED_DAYS * 24 * 3600 * 1000;
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "history-*.idx")) {
            for (Path f : old) {
                if (!f.equals(file) && Files.getLastModifiedTime(f).toMillis() < cutoff) {
                    Files.deleteIfExists(f);
                    String name = f.getFileName().toString();
                    Files.deleteIfExists(f.resolveSibling(name.substring(0, name.length() - ".idx".length()) + ".lock"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an old index left behind costs only disk space
        }
    }

    /**
     * What {@link #read} gives.
     *
     * @param store       the whole history's store, ready for more refreshes on the calling thread
     * @param summary     what its refresh returned
     * @param saveProblem why the index could not be saved, or {@code null}
     */
    public record History(TranscriptStore store, TranscriptSummary summary, String saveProblem) {
    }

    /**
     * The whole history, read the quick way: the store restored from the index, what is new read, and the
     * index saved again. What {@code budmon report} and the window's reports start from. I/O, not on the EDT.
     */
    public History read(List<Path> claudeDirs) {
        TranscriptStore store = load();
        TranscriptSummary summary = store.refresh(claudeDirs);
        return new History(store, summary, save(store));
    }

    /**
     * Saves the store when it read something since it was loaded or last saved. Never waits: when another
     * process is saving this index just now, this save is skipped.
     *
     * @return {@code null} when saved, skipped or unchanged; else why it could not be saved (it costs only
     *         the next start a longer read)
     */
    public String save(TranscriptStore store) {
        if (!store.unsaved) {
            return null;
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // another store of this process is saving it
                }
                if (lock == null) {
                    return null;
                }
                boolean isNew = !Files.exists(file);
                try {
                    String problem = TranscriptIndex.saveIfChanged(store, file, scope);
                    if (problem == null && isNew) {
                        pruneOld(file.getParent());
                    }
                    return problem;
                } finally {
                    lock.release();
                }
            }
        } catch (IOException | RuntimeException e) {
            return file + " cannot be written (" + e.getClass().getSimpleName() + ")";
        }
    }
}

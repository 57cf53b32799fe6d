package dev.budmon.alert;

import dev.budmon.files.AtomicFile;
import dev.budmon.files.SafeRead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Keeps the alert state in {@code <claude dir>/budmon/alerts.json}, so that a restart does not repeat an
 * alert already shown. Beside the quota figures it is about: another Claude directory is another account
 * with windows of its own. The only class of this package that touches files; not for the EDT.
 * Confined to one thread.
 */
public final class AlertStateStore {

    /** The file's name in BudMon's folder of the Claude directory. */
    public static final String FILE_NAME = "alerts.json";
    /** Larger files are not ours: the state of a few windows is a kilobyte. */
    static final long MAX_BYTES = 256 * 1024;

    private final Path file;
    private byte[] lastWritten;

    /** @param file where the state lives, see {@link #in(Path)} */
    public AlertStateStore(Path file) {
        this.file = file;
    }

    /** The store of a Claude directory: {@code <claude dir>/budmon/alerts.json}. */
    public static AlertStateStore in(Path claudeDir) {
        return new AlertStateStore(claudeDir.resolve("budmon").resolve(FILE_NAME));
    }

    /** The file's path. */
    public Path file() {
        return file;
    }

    /**
     * The saved state; {@link AlertState#EMPTY} when there is none. A file that cannot be read or understood
     * also gives the empty state (alerts of the current windows may then come once more), with one line on
     * stderr; it is replaced by the next save. Never throws.
     */
    public AlertState load() {
        try {
            return AlertStateJson.read(SafeRead.bytes(file, MAX_BYTES));
        } catch (NoSuchFileException e) {
            return AlertState.EMPTY;
        } catch (IOException | RuntimeException e) {
            System.err.println("budmon: " + file + " could not be read (" + e.getMessage()
                    + "); alerts start afresh");
            return AlertState.EMPTY;
        }
    }

    /**
     * Saves the state atomically when it differs from what this store wrote last.
     *
     * @throws IOException when the folder cannot be made or the file not written
     */
    public void save(AlertState state) throws IOException {
        byte[] bytes = AlertStateJson.write(state);
        if (java.util.Arrays.equals(bytes, lastWritten)) {
            return;
        }
        Files.createDirectories(file.getParent());
        AtomicFile.replace(file, bytes);
        lastWritten = bytes;
    }
}

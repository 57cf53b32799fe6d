package dev.budmon.files;

import java.nio.file.FileSystemException;

/**
 * A path that BudMon would read names something other than a regular file: a folder, a FIFO, a character
 * or block device, a socket. Reading one could block forever or never end, so it is refused before opening.
 */
public final class NotRegularFileException extends FileSystemException {

    private static final long serialVersionUID = 1L;

    /** @param file the path, @param what what it is instead, e.g. {@code "a FIFO"} */
    public NotRegularFileException(String file, String what) {
        super(file, null, "is " + what + ", not a regular file");
    }
}

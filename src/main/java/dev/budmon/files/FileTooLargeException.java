package dev.budmon.files;

import java.nio.file.FileSystemException;

/** A file is larger than its reader accepts; nothing of it was used. */
public final class FileTooLargeException extends FileSystemException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    /** @param file the path, @param limit the largest size accepted, in bytes */
    public FileTooLargeException(String file, long limit) {
        super(file, null, "is larger than " + SafeRead.describeSize(limit));
        this.limit = limit;
    }

    /** The largest size accepted, in bytes. */
    public long limit() {
        return limit;
    }
}

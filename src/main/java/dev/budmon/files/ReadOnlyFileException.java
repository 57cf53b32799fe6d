package dev.budmon.files;

import java.nio.file.AccessDeniedException;

/**
 * A file BudMon was asked to change has no write permission for its owner. The user made it read-only on
 * purpose (or a dotfile manager did), so BudMon leaves it as it is, even where it could replace it (as
 * root, or by renaming over it in a writable folder).
 */
public final class ReadOnlyFileException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    /** @param file the read-only file */
    public ReadOnlyFileException(String file) {
        super(file, null, "is read-only; BudMon leaves it unchanged");
    }
}

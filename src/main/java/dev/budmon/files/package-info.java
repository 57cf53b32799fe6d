/**
 * The one place BudMon opens files it did not create and replaces files others read: {@link SafeRead}
 * opens only regular files and reads a bounded number of bytes (a FIFO, a device or a socket put where a
 * file belongs never blocks or floods a reader); {@link AtomicFile} replaces a file by a temporary file
 * and a rename, writing through symbolic links and refusing read-only files.
 *
 * <p>Depends on the JDK and threads (the debug check that no file is touched on the Event Dispatch Thread).
 * Any thread but the Event Dispatch Thread: every method does file I/O.
 */
package dev.budmon.files;

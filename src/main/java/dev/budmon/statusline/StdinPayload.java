package dev.budmon.statusline;

import dev.budmon.DaemonThreads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads the payload Claude Code pipes to the status-line command, without ever waiting for a person at a
 * terminal: a terminal on stdin is not read at all, and anything else is read on a background thread for at
 * most a short while and at most {@link #MAX_BYTES}. I/O; call from one thread.
 */
public final class StdinPayload {

    /** Larger payloads are not Claude Code's (it sends a few kilobytes). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** How long to wait for the end of the input; Claude Code writes the payload at once and closes the pipe. */
    public static final Duration TIMEOUT = Duration.ofMillis(1000);

    private StdinPayload() {
    }

    /**
     * What was read.
     *
     * @param bytes   the bytes, at most {@link #MAX_BYTES}; empty when nothing was piped
     * @param problem why the input is unusable (too large, not finished in time); {@code null} when fine
     */
    public record Input(byte[] bytes, String problem) {
    }

    /** Reads {@code System.in}, unless it is a terminal. */
    public static Input readStdin() {
        if (isTerminal()) {
            return new Input(new byte[0], null);
        }
        return read(System.in, TIMEOUT);
    }

    /**
     * Reads the stream to its end on a daemon thread, waiting at most {@code timeout}; a stream still open
     * then gives what arrived so far with a problem noted, a stream longer than {@link #MAX_BYTES} gives
     * nothing but the problem.
     */
    public static Input read(InputStream in, Duration timeout) {
        Reader reader = new Reader(in);
        Thread t = DaemonThreads.of("budmon-stdin", reader);
        t.start();
        try {
            t.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (reader) {
            if (reader.tooLarge) {
                return new Input(new byte[0], "is larger than " + MAX_BYTES / 1024 / 1024 + " MB and was ignored");
            }
            if (reader.failure != null) {
                return new Input(new byte[0], "cannot be read (" + reader.failure + ")");
            }
            byte[] bytes = reader.buffer.toByteArray();
            if (!reader.done) {
                return new Input(bytes, "did not end within " + timeout.toMillis() + " ms");
            }
            return new Input(bytes, null);
        }
    }

    /**
     * Whether stdin is a terminal. {@link System#console()} is only non-null when stdout is a terminal too,
     * so on Linux the descriptor's target is looked at as well.
     */
    static boolean isTerminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // no /proc: the timeout still keeps a terminal from blocking the line for long
        }
    }

    private static final class Reader implements Runnable {
        private final InputStream in;
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
        boolean done;
        boolean tooLarge;
        String failure;

        Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] chunk = new byte[16384];
            try {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    synchronized (this) {
                        if (buffer.size() + n > MAX_BYTES) {
                            tooLarge = true;
                            return;
                        }
                        buffer.write(chunk, 0, n);
                    }
                }
                synchronized (this) {
                    done = true;
                }
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    failure = e.getClass().getSimpleName();
                }
            }
        }
    }
}

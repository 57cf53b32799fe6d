package dev.budmon.source.transcript;

import dev.budmon.threads.ThreadCheck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads what was appended to a transcript file since the last read and hands over each complete line.
 *
 * <p>A line is complete when its {@code '\n'} has been written; Claude Code appends whole lines, but a
 * reader can catch one half written. Such a partial last line is not consumed: the file's offset stays
 * at its start, so the next read sees it again, whole. A line longer than {@link #MAX_LINE} is not kept
 * in memory: it is reported as oversize once and skipped up to its newline, even across reads.
 *
 * <p>Before reading on, the bytes just before the remembered offset are compared with those seen last
 * time, which catches a file rewritten in place with the same inode and a size no smaller than before.
 *
 * <p>Not thread-safe; one instance per reading thread (it owns the read buffer).
 */
final class TranscriptTail {

    /** Longest line kept; real assistant lines stay far below (output is limited), only tool results grow big. */
    static final int MAX_LINE = 32 * 1024 * 1024;
    private static final int INITIAL_BUFFER = 1024 * 1024;

    /** Receives the lines of a file in order. */
    interface LineSink {
        /** One complete line, {@code a[from, to)} without its newline. */
        void line(byte[] a, int from, int to);

        /** A line longer than {@link #MAX_LINE} was skipped. */
        void oversizeLine();
    }

    /** How a read ended. */
    enum Outcome {
        /** Everything complete was read. */
        READ,
        /** The file no longer holds what was read before; its earlier lines must be forgotten. */
        REPLACED
    }

    private byte[] buf = new byte[INITIAL_BUFFER];

    /**
     * Reads {@code f} from its offset to its current end, moving the offset past every line handed over
     * (also when the sink or the file fails midway, so no line is ever handed over twice).
     */
    Outcome read(TranscriptFile f, LineSink sink) throws IOException {
        ThreadCheck.notOnEdt("reading " + f.path);
        try (FileChannel ch = FileChannel.open(f.path, StandardOpenOption.READ)) {
            if (ch.size() < f.offset || !tailMatches(ch, f)) {
                return Outcome.REPLACED;
            }
            long base = f.offset; // file position of buf[0]
            int start = 0;        // start of the line not yet handed over
            int end = 0;          // end of the bytes in buf
            int scan = 0;         // where the newline search goes on
            boolean discarding = f.discarding;
            try {
                while (true) {
                    if (end == buf.length) {
                        if (end - start > buf.length / 2 && buf.length < MAX_LINE) {
                            buf = Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
                        } else if (start > 0) {
                            System.arraycopy(buf, start, buf, 0, end - start);
                            base += start;
                            end -= start;
                            scan -= start;
                            start = 0;
                        } else {
                            sink.oversizeLine();
                            discarding = true;
                            base += end;
                            start = end = scan = 0;
                        }
                    }
                    int n = ch.read(ByteBuffer.wrap(buf, end, buf.length - end), base + end);
                    if (n <= 0) {
                        break;
                    }
                    end += n;
                    int nl;
                    while ((nl = BytePattern.indexOfNewline(buf, scan, end)) >= 0) {
                        int from = start;
                        start = nl + 1;
                        scan = start;
                        if (discarding) {
                            discarding = false;
                        } else {
                            sink.line(buf, from, nl);
                        }
                    }
                    scan = end;
                    if (discarding) {
                        base += end;
                        start = end = scan = 0;
                    }
                }
            } finally {
                f.offset = base + start;
                f.discarding = discarding;
                rememberTail(ch, f, base, start);
                if (buf.length > 4 * INITIAL_BUFFER) {
                    buf = new byte[INITIAL_BUFFER]; // do not hold on to the memory one huge line needed
                }
            }
            return Outcome.READ;
        }
    }

    private static boolean tailMatches(FileChannel ch, TranscriptFile f) throws IOException {
        if (f.tail.length == 0) {
            return true;
        }
        ByteBuffer now = ByteBuffer.allocate(f.tail.length);
        long pos = f.offset - f.tail.length;
        while (now.hasRemaining()) {
            if (ch.read(now, pos + now.position()) < 0) {
                return false;
            }
        }
        return Arrays.equals(now.array(), f.tail);
    }

    private void rememberTail(FileChannel ch, TranscriptFile f, long base, int start) throws IOException {
        int n = (int) Math.min(TranscriptFile.TAIL_BYTES, f.offset);
        if (n <= start) {
            f.tail = Arrays.copyOfRange(buf, start - n, start);
            return;
        }
        ByteBuffer bytes = ByteBuffer.allocate(n);
        while (bytes.hasRemaining()) {
            if (ch.read(bytes, f.offset - n + bytes.position()) < 0) {
                break;
            }
        }
        f.tail = Arrays.copyOf(bytes.array(), bytes.position());
    }
}

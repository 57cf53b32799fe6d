package dev.budmon.history;

import dev.budmon.files.SafeRead;
import dev.budmon.model.SourceWarning;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the quota history's month files: only the months a span needs, line by line through a fixed buffer,
 * skipping a partial last line (a writer's line not yet complete) and counting every line that is not an
 * observation (not JSON, a value of the wrong type or out of range) as a warning. Never throws for what a
 * file holds. I/O; any thread but the EDT.
 */
public final class HistoryReader {

    /** Lines are well under a kilobyte; anything this long is not one of them. */
    static final int MAX_LINE = 64 * 1024;
    /** A month of heavy use is about ten megabytes; a file this large is not the history and is not read. */
    static final long MAX_FILE = 512L * 1024 * 1024;
    private static final int BUFFER = 1024 * 1024;

    private HistoryReader() {
    }

    /** Receives the observations of {@link #forEach}, in the order of the files. */
    public interface ObservationSink {
        void observation(Observation o);
    }

    /**
     * What a read found besides the observations.
     *
     * @param observations observations in the span
     * @param badLines     lines that are not observations, skipped
     * @param partialLines files whose last line had no newline yet (skipped: its writer was not done)
     * @param warnings     one per file with bad lines or that could not be read
     */
    public record Stats(long observations, long badLines, int partialLines, List<SourceWarning> warnings) {
        public Stats {
            warnings = List.copyOf(warnings);
        }
    }

    /** The history of a span and what reading it found. */
    public record Read(QuotaHistory history, Stats stats) {
    }

    /**
     * Reads the observations made in {@code [from, to)} into the compact store.
     *
     * @param from {@code null} for the whole history
     * @param to   {@code null} for no end
     */
    public static Read read(Path claudeDir, Instant from, Instant to) {
        QuotaHistory history = new QuotaHistory();
        Stats stats = scan(claudeDir, from, to, new StoreLines(history));
        history.finish();
        return new Read(history, stats);
    }

    /** Hands each observation made in {@code [from, to)} to the sink, as read, file by file. */
    public static Stats forEach(Path claudeDir, Instant from, Instant to, ObservationSink sink) {
        return scan(claudeDir, from, to, new SinkLines(sink));
    }

    /** What becomes of a scanned line. */
    private interface LineUse {
        /** False when the line, though scanned, cannot be kept. */
        boolean use(LineScanner s);
    }

    private static final class StoreLines implements LineUse {
        private final QuotaHistory history;

        StoreLines(QuotaHistory history) {
            this.history = history;
        }

        @Override
        public boolean use(LineScanner s) {
            return history.add(s);
        }
    }

    private static final class SinkLines implements LineUse {
        private final ObservationSink sink;

        SinkLines(ObservationSink sink) {
            this.sink = sink;
        }

        @Override
        public boolean use(LineScanner s) {
            sink.observation(s.toObservation());
            return true;
        }
    }

    private static Stats scan(Path claudeDir, Instant from, Instant to, LineUse use) {
        List<SourceWarning> warnings = new ArrayList<>();
        List<Path> files;
        try {
            files = HistoryFiles.months(claudeDir, from, to);
        } catch (IOException | RuntimeException e) {
            warnings.add(new SourceWarning(HistoryFiles.folder(claudeDir).toString(), "cannot be listed: " + describe(e)));
            return new Stats(0, 0, 0, warnings);
        }
        FileLines lines = new FileLines(from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                to == null ? Long.MAX_VALUE : to.toEpochMilli(), use);
        long observations = 0;
        long bad = 0;
        int partial = 0;
        for (Path f : files) {
            lines.reset();
            try {
                lines.read(f);
            } catch (NoSuchFileException e) {
                continue; // deleted meanwhile: the user may delete old months
            } catch (IOException | RuntimeException e) {
                warnings.add(new SourceWarning(f.toString(), "cannot be read: " + describe(e)));
            }
            observations += lines.observations;
            bad += lines.bad;
            partial += lines.partial ? 1 : 0;
            if (lines.bad > 0) {
                warnings.add(new SourceWarning(f.toString(), lines.bad + (lines.bad == 1 ? " line is" : " lines are")
                        + " not a quota observation and " + (lines.bad == 1 ? "was" : "were") + " skipped"));
            }
        }
        return new Stats(observations, bad, partial, warnings);
    }

    /** Splits one file into lines and scans them. */
    private static final class FileLines {
        private final long fromMillis;
        private final long toMillis;
        private final LineUse use;
        private final LineScanner scanner = new LineScanner();
        private byte[] buf = new byte[64 * 1024];
        long observations;
        long bad;
        boolean partial;

        FileLines(long fromMillis, long toMillis, LineUse use) {
            this.fromMillis = fromMillis;
            this.toMillis = toMillis;
            this.use = use;
        }

        void reset() {
            observations = 0;
            bad = 0;
            partial = false;
        }

        void read(Path file) throws IOException {
            try (FileChannel ch = SafeRead.open(file)) {
                if (ch.size() > MAX_FILE) {
                    throw new FileSystemException(file.toString(), null, "is larger than "
                            + MAX_FILE / (1024 * 1024) + " MiB and is not the quota history");
                }
                if (buf.length < BUFFER && ch.size() > buf.length) {
                    buf = new byte[BUFFER];
                }
                int start = 0;
                int end = 0;
                boolean discarding = false;
                while (true) {
                    if (end == buf.length) {
                        if (start > 0) {
                            System.arraycopy(buf, start, buf, 0, end - start);
                            end -= start;
                            start = 0;
                        } else {
                            bad++; // longer than the buffer: not a line of the history
                            discarding = true;
                            start = end = 0;
                        }
                    }
                    int n = ch.read(ByteBuffer.wrap(buf, end, buf.length - end));
                    if (n < 0) {
                        break;
                    }
                    int scan = end;
                    end += n;
                    for (int i = scan; i < end; i++) {
                        if (buf[i] == '\n') {
                            if (discarding) {
                                discarding = false;
                            } else {
                                line(start, i);
                            }
                            start = i + 1;
                        }
                    }
                    if (discarding) {
                        start = end = 0;
                    }
                }
                partial = end > start && !discarding;
            }
        }

        private void line(int from, int to) {
            if (to - from > MAX_LINE) {
                bad++;
                return;
            }
            if (to == from || (to - from == 1 && buf[from] == '\r')) {
                return; // an empty line says nothing and harms nothing
            }
            if (!scanner.scan(buf, from, to)) {
                bad++;
                return;
            }
            if (scanner.timeMillis < fromMillis || scanner.timeMillis >= toMillis) {
                return;
            }
            if (use.use(scanner)) {
                observations++;
            } else {
                bad++;
            }
        }
    }

    static String describe(Exception e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}

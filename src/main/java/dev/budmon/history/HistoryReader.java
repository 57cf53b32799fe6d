package dev.budmon.history;

import dev.budmon.DaemonThreads;
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
import java.util.concurrent.atomic.AtomicInteger;

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
    private static final int SMALL_BUFFER = 64 * 1024;

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
        return read(List.of(claudeDir), from, to);
    }

    /**
     * Reads the observations made in {@code [from, to)} in the histories of several Claude directories into one
     * store (a directory synced from another machine brings that machine's observations).
     */
    public static Read read(List<Path> claudeDirs, Instant from, Instant to) {
        List<SourceWarning> warnings = new ArrayList<>();
        List<Path> files = files(claudeDirs, from, to, warnings);
        MonthRead[] months = new MonthRead[files.size()];
        for (int i = 0; i < months.length; i++) {
            months[i] = new MonthRead(files.get(i), from, to);
        }
        int threads = Math.min(MAX_THREADS, Math.min(months.length, Runtime.getRuntime().availableProcessors()));
        if (threads > 1) {
            readInParallel(months, threads);
        } else {
            new NextMonths(months, new AtomicInteger()).run();
        }
        List<HistorySegment> segments = new ArrayList<>(months.length);
        Tally tally = new Tally(warnings);
        for (MonthRead m : months) {
            segments.add(m.segment);
            tally.add(m.file, m.lines, m.failure);
        }
        return new Read(new QuotaHistory(segments), tally.stats());
    }

    /** Months are read by this many threads at most, each into a segment of its own. */
    private static final int MAX_THREADS = 4;

    /** One month file read into its own segment, on any thread. */
    private static final class MonthRead {
        final Path file;
        final HistorySegment segment = new HistorySegment();
        final FileLines lines;
        Exception failure;

        MonthRead(Path file, Instant from, Instant to) {
            this.file = file;
            this.lines = new FileLines(from, to, segment::add);
        }

        /** Reads with the thread's buffer; returns it, grown when the file needed more. */
        byte[] read(byte[] buf) {
            try {
                buf = lines.read(file, buf);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            segment.trim();
            return buf;
        }
    }

    /** Reads the months on helper threads that take the next file as they finish one; they end before this returns. */
    private static void readInParallel(MonthRead[] months, int threads) {
        AtomicInteger next = new AtomicInteger();
        Thread[] helpers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            helpers[t] = DaemonThreads.of("budmon-history-" + t, new NextMonths(months, next));
            helpers[t].start();
        }
        boolean interrupted = false;
        for (Thread h : helpers) {
            while (h.isAlive()) {
                try {
                    h.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class NextMonths implements Runnable {
        private final MonthRead[] months;
        private final AtomicInteger next;

        NextMonths(MonthRead[] months, AtomicInteger next) {
            this.months = months;
            this.next = next;
        }

        @Override
        public void run() {
            byte[] buf = new byte[SMALL_BUFFER];
            int i;
            while ((i = next.getAndIncrement()) < months.length) {
                buf = months[i].read(buf);
            }
        }
    }

    /**
     * Reads the complete lines of one month file from byte {@code offset} on (the end of a complete line, as
     * an earlier call returned) into a segment of their own, for a history kept up to date by reading only
     * what was appended ({@link LiveHistory}).
     *
     * @return the segment and the offset to read on from next time
     */
    static Appended readAppended(Path file, long offset, Instant from) throws IOException {
        HistorySegment segment = new HistorySegment();
        FileLines lines = new FileLines(from, null, segment::add);
        lines.read(file, new byte[SMALL_BUFFER], offset);
        segment.trim();
        return new Appended(segment, lines.readTo, lines.bad);
    }

    /** What {@link #readAppended} found. */
    record Appended(HistorySegment segment, long readTo, long badLines) {
    }

    /** Hands each observation made in {@code [from, to)} to the sink, as read, file by file. */
    public static Stats forEach(Path claudeDir, Instant from, Instant to, ObservationSink sink) {
        return forEach(List.of(claudeDir), from, to, sink);
    }

    /** Hands each observation of the directories' histories made in {@code [from, to)} to the sink, file by file. */
    public static Stats forEach(List<Path> claudeDirs, Instant from, Instant to, ObservationSink sink) {
        return scan(claudeDirs, from, to, s -> {
            sink.observation(s.toObservation());
            return true;
        });
    }

    /** What becomes of a scanned line. */
    private interface LineUse {
        /** False when the line, though scanned, cannot be kept. */
        boolean use(LineScanner s);
    }

    private static Stats scan(List<Path> claudeDirs, Instant from, Instant to, LineUse use) {
        List<SourceWarning> warnings = new ArrayList<>();
        Tally tally = new Tally(warnings);
        byte[] buf = new byte[SMALL_BUFFER];
        for (Path f : files(claudeDirs, from, to, warnings)) {
            FileLines lines = new FileLines(from, to, use);
            Exception failure = null;
            try {
                buf = lines.read(f, buf);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            tally.add(f, lines, failure);
        }
        return tally.stats();
    }

    /** The month files of the directories' histories, each directory's oldest first. */
    private static List<Path> files(List<Path> claudeDirs, Instant from, Instant to, List<SourceWarning> warnings) {
        List<Path> files = new ArrayList<>();
        for (Path dir : claudeDirs) {
            try {
                files.addAll(HistoryFiles.months(dir, from, to));
            } catch (IOException | RuntimeException e) {
                warnings.add(new SourceWarning(HistoryFiles.folder(dir).toString(), "cannot be listed: " + describe(e)));
            }
        }
        return files;
    }

    /** Sums up the files' counts and turns their problems into warnings. */
    private static final class Tally {
        private final List<SourceWarning> warnings;
        private long observations;
        private long bad;
        private int partial;

        Tally(List<SourceWarning> warnings) {
            this.warnings = warnings;
        }

        void add(Path f, FileLines lines, Exception failure) {
            if (failure != null && !(failure instanceof NoSuchFileException)) { // deleted meanwhile: the user may
                warnings.add(new SourceWarning(f.toString(), "cannot be read: " + describe(failure)));
            }
            observations += lines.observations;
            bad += lines.bad;
            partial += lines.partial ? 1 : 0;
            if (lines.bad > 0) {
                warnings.add(new SourceWarning(f.toString(), lines.bad + (lines.bad == 1 ? " line is" : " lines are")
                        + " not a quota observation and " + (lines.bad == 1 ? "was" : "were") + " skipped"));
            }
        }

        Stats stats() {
            return new Stats(observations, bad, partial, warnings);
        }
    }

    /** Splits one file into lines and scans them. */
    private static final class FileLines {
        private final long fromMillis;
        private final long toMillis;
        private final LineUse use;
        private final LineScanner scanner = new LineScanner();
        private byte[] buf;
        long observations;
        long bad;
        boolean partial;
        /** The file offset after the last complete line read. */
        long readTo;

        FileLines(Instant from, Instant to, LineUse use) {
            this.fromMillis = from == null ? Long.MIN_VALUE : from.toEpochMilli();
            this.toMillis = to == null ? Long.MAX_VALUE : to.toEpochMilli();
            this.use = use;
        }

        /** Reads the file with this buffer (grown for a large file, and returned). */
        byte[] read(Path file, byte[] buffer) throws IOException {
            return read(file, buffer, 0);
        }

        /**
         * Reads the file from byte {@code offset} on (the start of a line) with this buffer (grown for a large
         * file, and returned); {@link #readTo} is then the end of the last complete line.
         */
        byte[] read(Path file, byte[] buffer, long offset) throws IOException {
            buf = buffer;
            try (FileChannel ch = SafeRead.open(file)) {
                if (ch.size() > MAX_FILE) {
                    throw new FileSystemException(file.toString(), null, "is larger than "
                            + MAX_FILE / (1024 * 1024) + " MiB and is not the quota history");
                }
                if (buf.length < BUFFER && ch.size() - offset > buf.length) {
                    buf = new byte[BUFFER];
                }
                ch.position(offset);
                long base = offset; // the file offset of buf[0]
                int start = 0;
                int end = 0;
                boolean discarding = false;
                while (true) {
                    if (end == buf.length) {
                        if (start > 0) {
                            System.arraycopy(buf, start, buf, 0, end - start);
                            base += start;
                            end -= start;
                            start = 0;
                        } else {
                            bad++; // longer than the buffer: not a line of the history
                            discarding = true;
                            base += end;
                            start = end = 0;
                        }
                    }
                    int n = ch.read(ByteBuffer.wrap(buf, end, buf.length - end));
                    if (n < 0) {
                        break;
                    }
                    end += n;
                    while (start < end) {
                        if (!discarding) {
                            int nl = scanner.scanWritten(buf, start, end);
                            if (nl >= 0) {
                                use(nl - start);
                                start = nl + 1;
                                continue;
                            }
                        }
                        int nl = start;
                        while (nl < end && buf[nl] != '\n') {
                            nl++;
                        }
                        if (nl == end) {
                            break;
                        }
                        if (discarding) {
                            discarding = false;
                        } else {
                            line(start, nl);
                        }
                        start = nl + 1;
                    }
                    if (discarding) {
                        base += end;
                        start = end = 0;
                    }
                }
                partial = end > start && !discarding;
                readTo = base + start;
            }
            return buf;
        }

        private void line(int from, int to) {
            if (to == from || (to - from == 1 && buf[from] == '\r')) {
                return; // an empty line says nothing and harms nothing
            }
            if (!scanner.scan(buf, from, to)) {
                bad++;
                return;
            }
            use(to - from);
        }

        /** Keeps the scanned line when it lies in the span. */
        private void use(int length) {
            if (length > MAX_LINE) {
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

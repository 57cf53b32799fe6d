package dev.budmon.history;

import dev.budmon.files.SafeRead;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the newest lines of the history from the end of its month files, for the short-lived writers and
 * the status line, which need the last hour or the last line of a source, never the whole month. Reads a
 * growing tail (16 KiB, then four times more) until it has what it needs, at most
 * {@link #MAX_TAIL} per file. Lines that are not observations are skipped. I/O; any thread but the EDT.
 */
public final class HistoryTail {

    /** How far back the tail of one file is read at most. */
    static final int MAX_TAIL = 4 * 1024 * 1024;
    private static final int FIRST_TAIL = 16 * 1024;
    /**
     * Lines land in the order their writes do, which may differ from the order of their times by the time a
     * writer takes between observing and writing: this much older than asked is read on, to be sure.
     */
    static final Duration DISORDER = Duration.ofMinutes(10);

    private HistoryTail() {
    }

    /**
     * The newest observation (the last line) of one of the sources in the month file of {@code t}, else in the
     * month before; {@code null} when neither tail has one.
     */
    public static Observation newestOf(Path claudeDir, Instant t, String... sources) throws IOException {
        Path file = HistoryFiles.file(claudeDir, t);
        Observation found = newestOf(file, sources);
        if (found != null) {
            return found;
        }
        Path before = HistoryFiles.file(claudeDir, previousMonth(t));
        return before.equals(file) ? null : newestOf(before, sources);
    }

    /**
     * The observations made from {@code since} on (and from a little earlier: lines land in the order of their
     * writes), and the last {@link #OLDER_KEPT} before (a pace's baseline, when the file has one), in the
     * files' order, from the month file of {@code now} and, when needed, the month before. The caller filters by
     * time.
     */
    public static List<Observation> since(Path claudeDir, Instant since, Instant now) throws IOException {
        long cut = since.minus(DISORDER).toEpochMilli();
        List<Observation> out = new ArrayList<>();
        Path file = HistoryFiles.file(claudeDir, now);
        boolean reachedStart = since(file, cut, out);
        Path before = HistoryFiles.file(claudeDir, since.minus(DISORDER));
        if (reachedStart && !before.equals(file)) {
            List<Observation> older = new ArrayList<>();
            since(before, cut, older);
            older.addAll(out);
            return older;
        }
        return out;
    }

    private static Instant previousMonth(Instant t) {
        // the first day of t's month, minus one second, is in the month before
        long days = Math.floorDiv(t.getEpochSecond(), 86_400);
        for (int i = 0; i < 31; i++) {
            Instant d = Instant.ofEpochSecond((days - i) * 86_400);
            if (HistoryFiles.monthOf(d) != HistoryFiles.monthOf(t)) {
                return d;
            }
        }
        return t.minus(Duration.ofDays(31));
    }

    private static Observation newestOf(Path file, String[] sources) throws IOException {
        NewestOf newest = new NewestOf(sources);
        readTails(file, newest);
        return newest.found;
    }

    /**
     * Adds the file's observations of a tail that reaches back before {@code cutMillis} (or of the whole file);
     * returns whether the whole file was read without reaching back that far.
     */
    private static boolean since(Path file, long cutMillis, List<Observation> out) throws IOException {
        Since since = new Since(cutMillis);
        if (!readTails(file, since)) {
            return true; // no file
        }
        out.addAll(since.found);
        return since.whole && !since.older;
    }

    /** Looks at a tail of a file. */
    private interface TailUse {
        /** Whether this tail ({@code whole}: the whole file) has what is needed. */
        boolean enough(byte[] tail, boolean whole);

        /** How many bytes to read next after a tail of {@code n} bytes that was not enough. */
        default long next(int n) {
            return 4L * n;
        }
    }

    /** Hands growing tails of the file to {@code use} until it has enough; false when there is no file. */
    private static boolean readTails(Path file, TailUse use) throws IOException {
        try (FileChannel ch = SafeRead.open(file)) {
            long size = ch.size();
            long k = FIRST_TAIL;
            while (true) {
                int n = (int) Math.min(size, Math.min(k, MAX_TAIL));
                boolean whole = n == size;
                if (use.enough(read(ch, size - n, n), whole) || whole || n >= MAX_TAIL) {
                    return true;
                }
                k = Math.max(use.next(n), 2L * n);
            }
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The last line of one of the sources, read backwards. */
    private static final class NewestOf implements TailUse {
        private final String[] sources;
        private final LineScanner s = new LineScanner();
        Observation found;

        NewestOf(String[] sources) {
            this.sources = sources;
        }

        @Override
        public boolean enough(byte[] b, boolean whole) {
            // backwards over the complete lines; the first one is complete only when the tail is the whole file
            int nl = lastNewline(b) - 1;
            while (nl >= 0) {
                int start = nl - 1;
                while (start >= 0 && b[start] != '\n') {
                    start--;
                }
                if (start < 0 && !whole) {
                    return false;
                }
                if (s.line(b, start + 1, nl) && isOneOf(s, sources)) {
                    found = s.toObservation();
                    return true;
                }
                nl = start;
            }
            return false;
        }
    }

    /**
     * The lines of a tail that reaches back before the cut: those from the cut on, and the last
     * {@link #OLDER_KEPT} before it (a pace's baseline is the last observation before its span).
     */
    private static final class Since implements TailUse {
        private final long cutMillis;
        private final LineScanner s = new LineScanner();
        List<Observation> found = List.of();
        boolean older;
        boolean whole;
        private long newestMillis = Long.MIN_VALUE;
        private long oldestMillis = Long.MAX_VALUE;

        Since(long cutMillis) {
            this.cutMillis = cutMillis;
        }

        @Override
        public boolean enough(byte[] b, boolean whole) {
            this.whole = whole;
            int start = 0;
            if (!whole) {
                while (start < b.length && b[start] != '\n') {
                    start++;
                }
                start++; // the first line may be cut: skipped
            }
            int end = lastNewline(b);
            // first the times, to know which lines to keep; observations are built only for those
            int[] from = new int[64];
            int[] to = new int[64];
            boolean[] before = new boolean[64];
            int lines = 0;
            int olderLines = 0;
            while (start < end) {
                int nl = start;
                while (b[nl] != '\n') {
                    nl++;
                }
                if (s.line(b, start, nl)) {
                    if (lines == from.length) {
                        from = java.util.Arrays.copyOf(from, lines * 2);
                        to = java.util.Arrays.copyOf(to, lines * 2);
                        before = java.util.Arrays.copyOf(before, lines * 2);
                    }
                    from[lines] = start;
                    to[lines] = nl;
                    before[lines] = s.timeMillis < cutMillis;
                    olderLines += before[lines] ? 1 : 0;
                    newestMillis = Math.max(newestMillis, s.timeMillis);
                    oldestMillis = Math.min(oldestMillis, s.timeMillis);
                    lines++;
                }
                start = nl + 1;
            }
            older = olderLines > 0;
            found = new ArrayList<>();
            int olderSkipped = olderLines - OLDER_KEPT;
            for (int i = 0; i < lines; i++) {
                if (before[i] && olderSkipped-- > 0) {
                    continue;
                }
                if (s.line(b, from[i], to[i])) {
                    found.add(s.toObservation());
                }
            }
            return older;
        }

        /** Enough to reach the cut at the rate the lines read so far came in, and a quarter more. */
        @Override
        public long next(int n) {
            if (newestMillis <= oldestMillis || oldestMillis <= cutMillis) {
                return 4L * n;
            }
            double share = (double) (newestMillis - cutMillis) / (newestMillis - oldestMillis);
            return (long) (n * share * 1.25) + FIRST_TAIL;
        }
    }

    /** Lines before the cut kept by {@link #since}. */
    static final int OLDER_KEPT = 16;

    private static boolean isOneOf(LineScanner s, String[] sources) {
        String src = s.text(LineScanner.SRC);
        for (String want : sources) {
            if (want.equals(src)) {
                return true;
            }
        }
        return false;
    }

    /** The index just after the last newline: the end of the complete lines (a partial last line is left out). */
    private static int lastNewline(byte[] b) {
        int i = b.length;
        while (i > 0 && b[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private static byte[] read(FileChannel ch, long position, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                break;
            }
        }
        return buf.position() == n ? buf.array() : java.util.Arrays.copyOf(buf.array(), buf.position());
    }
}

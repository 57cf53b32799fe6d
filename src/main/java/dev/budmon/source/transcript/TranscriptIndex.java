package dev.budmon.source.transcript;

import dev.budmon.files.AtomicFile;
import dev.budmon.files.SafeRead;
import dev.budmon.model.TokenCounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A {@link TranscriptStore}'s state in a file, so that the next process goes on where this one stopped:
 * per transcript file its identity and the offset read up to, and every counted response with its dedup key
 * and largest counts. A store restored from it reads only what was appended since, and gives exactly the
 * figures a store that read everything would give (the counting rules need the responses, not just sums:
 * a later line may raise a response's counts or show it to be a replay).
 *
 * <p>It is a cache: a missing, truncated, corrupt or older-version file gives {@code null}, and the caller
 * reads the transcripts from the start. A CRC-32 of the content ends the file, so that a file damaged in any
 * byte (a crash between write and rename, a bad disk block) is never taken for figures. Written atomically.
 * A compact binary form of our own (numbers as variable-length integers, strings of models and sessions kept
 * once), decoded from one byte array without a stream per value, because it is read at the start of every
 * status line, report and {@code --json}. I/O; any thread, one store at a time.
 */
public final class TranscriptIndex {

    private static final int MAGIC = 0x424d5449; // "BMTI"
    private static final int VERSION = 2;
    /** Larger index files are not ours. */
    private static final long MAX_BYTES = 512L * 1024 * 1024;
    private static final int CRC_BYTES = 4;

    private TranscriptIndex() {
    }

    /**
     * The store saved in the file for this scope, or {@code null} when there is none (or it is unusable, or
     * was saved for another scope).
     *
     * @param scope what the store covers, e.g. the session's transcript path; must equal the saved one
     */
    public static TranscriptStore load(Path file, String scope) {
        byte[] bytes;
        try {
            bytes = SafeRead.bytes(file, MAX_BYTES);
        } catch (IOException | RuntimeException e) {
            return null; // missing or unreadable: read everything again
        }
        if (bytes.length < 8 + CRC_BYTES || !checksumMatches(bytes)) {
            return null;
        }
        try {
            Reader in = new Reader(bytes, bytes.length - CRC_BYTES);
            if (in.fixedInt() != MAGIC || in.fixedInt() != VERSION || !scope.equals(in.string())) {
                return null;
            }
            TranscriptStore store = new TranscriptStore();
            read(in, store);
            if (!in.atEnd()) {
                return null;
            }
            store.unsaved = false;
            return store;
        } catch (IOException | RuntimeException e) {
            return null; // not ours after all: read everything again
        }
    }

    /**
     * Saves the store when it read something since it was loaded or last saved. A failure only costs the
     * next process a full read, so it is returned as a problem, not thrown.
     *
     * @return {@code null} when saved (or nothing to save), else why it could not be saved
     */
    public static String saveIfChanged(TranscriptStore store, Path file, String scope) {
        if (!store.unsaved) {
            return null;
        }
        try {
            Writer out = new Writer(64 + 128 * store.byMessageId.size());
            out.fixedInt(MAGIC);
            out.fixedInt(VERSION);
            out.string(scope);
            write(out, store);
            CRC32 crc = new CRC32();
            crc.update(out.bytes, 0, out.size);
            out.fixedInt((int) crc.getValue());
            Files.createDirectories(file.getParent());
            AtomicFile.replace(file, Arrays.copyOf(out.bytes, out.size));
            store.unsaved = false;
            return null;
        } catch (IOException | RuntimeException e) {
            return file + " cannot be written (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static boolean checksumMatches(byte[] bytes) {
        int end = bytes.length - CRC_BYTES;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, end);
        int saved = 0;
        for (int i = end; i < bytes.length; i++) {
            saved = (saved << 8) | (bytes[i] & 0xFF);
        }
        return (int) crc.getValue() == saved;
    }

    private static void write(Writer out, TranscriptStore store) {
        Strings strings = new Strings();
        out.number(store.files.size());
        for (TranscriptFile f : store.files.values()) {
            out.string(f.path.toString());
            out.string(f.pathSession);
            out.string(f.mainTranscript.toString());
            out.nullable(f.fileKey);
            out.fixedLong(f.size);
            out.fixedLong(f.modified);
            out.number(f.offset);
            out.number(f.discarding ? 1 : 0);
            out.number(f.tail.length);
            out.raw(f.tail);
        }
        out.number(store.sessions.size());
        for (SessionTally s : store.sessions.values()) {
            strings.write(out, s.id);
            out.nullable(s.transcript == null ? null : s.transcript.toString());
            out.nullable(s.cwd);
            out.fixedLong(s.cwdTime);
            out.fixedLong(s.start);
            out.fixedLong(s.lastActivity);
            out.fixedLong(s.lastAppend);
            out.fixedLong(Double.doubleToRawLongBits(s.claudeCostUsd));
            out.number(s.claudeModelUsage.size());
            for (Map.Entry<String, ClaudeModelUsage> e : s.claudeModelUsage.entrySet()) {
                strings.write(out, e.getKey());
                writeTokens(out, e.getValue().tokens());
                Double cost = e.getValue().costUsd();
                out.fixedLong(Double.doubleToRawLongBits(cost == null ? Double.NaN : cost));
            }
        }
        int responses = 0;
        for (CountedResponse head : store.byMessageId.values()) {
            for (CountedResponse r = head; r != null; r = r.sameMessage) {
                responses++;
            }
        }
        out.number(responses);
        List<CountedResponse> chain = new ArrayList<>();
        for (CountedResponse head : store.byMessageId.values()) {
            // Oldest of a chain first, so that restoring them one by one rebuilds the same chain.
            chain.clear();
            for (CountedResponse r = head; r != null; r = r.sameMessage) {
                chain.add(r);
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                CountedResponse r = chain.get(i);
                out.string(r.messageId);
                out.nullable(r.requestId);
                strings.write(out, r.session.id);
                strings.write(out, r.model);
                out.fixedLong(r.timeMillis);
                out.number(r.sequence);
                out.number((r.sidechain ? 1 : 0) | (r.retracted ? 2 : 0));
                out.number(r.input);
                out.number(r.output);
                out.number(r.write5m);
                out.number(r.write1h);
                out.number(r.read);
            }
        }
        out.number(store.sequence);
        out.number(store.skippedLines);
        out.fixedLong(store.newestMillis);
    }

    private static void read(Reader in, TranscriptStore store) throws IOException {
        Strings strings = new Strings();
        int files = in.count();
        for (int i = 0; i < files; i++) {
            TranscriptFile f = new TranscriptFile(Path.of(in.string()), in.string(), Path.of(in.string()));
            f.fileKey = in.nullable();
            f.size = in.fixedLong();
            f.modified = in.fixedLong();
            f.offset = in.number();
            f.discarding = in.number() != 0;
            f.tail = in.raw(in.count());
            store.files.put(f.path, f);
        }
        int sessions = in.count();
        for (int i = 0; i < sessions; i++) {
            SessionTally s = store.sessionNamed(strings.read(in));
            String transcript = in.nullable();
            s.transcript = transcript == null ? null : Path.of(transcript);
            s.cwd = in.nullable();
            s.cwdTime = in.fixedLong();
            s.start = in.fixedLong();
            s.lastActivity = in.fixedLong();
            s.lastAppend = in.fixedLong();
            s.claudeCostUsd = Double.longBitsToDouble(in.fixedLong());
            int models = in.count();
            Map<String, ClaudeModelUsage> usage = new LinkedHashMap<>();
            for (int m = 0; m < models; m++) {
                String model = strings.read(in);
                TokenCounts tokens = readTokens(in);
                double cost = Double.longBitsToDouble(in.fixedLong());
                usage.put(model, new ClaudeModelUsage(tokens, Double.isNaN(cost) ? null : cost));
            }
            s.claudeModelUsage = Map.copyOf(usage);
        }
        int responses = in.count();
        for (int i = 0; i < responses; i++) {
            String messageId = in.string();
            String requestId = in.nullable();
            SessionTally session = store.sessions.get(strings.read(in));
            if (session == null) {
                throw new IOException("a response of an unknown session");
            }
            String model = store.internModel(strings.read(in));
            long time = in.fixedLong();
            long sequence = in.number();
            long flags = in.number();
            CountedResponse r = new CountedResponse(messageId, requestId, session, model, time, sequence,
                    (flags & 1) != 0);
            r.retracted = (flags & 2) != 0;
            r.input = in.number();
            r.output = in.number();
            r.write5m = in.number();
            r.write1h = in.number();
            r.read = in.number();
            store.restore(r);
        }
        store.sequence = in.number();
        store.skippedLines = in.number();
        store.newestMillis = in.fixedLong();
    }

    private static void writeTokens(Writer out, TokenCounts t) {
        out.number(t.input());
        out.number(t.output());
        out.number(t.cacheWrite5m());
        out.number(t.cacheWrite1h());
        out.number(t.cacheRead());
    }

    private static TokenCounts readTokens(Reader in) throws IOException {
        return new TokenCounts(in.number(), in.number(), in.number(), in.number(), in.number());
    }

    /** A growing byte array that numbers and strings are appended to. */
    private static final class Writer {
        byte[] bytes;
        int size;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        private void room(int n) {
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + n, bytes.length * 2));
            }
        }

        void fixedInt(int v) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (v >>> shift);
            }
        }

        void fixedLong(long v) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (v >>> shift);
            }
        }

        /** A non-negative number in seven-bit groups, low first: token counts take two or three bytes. */
        void number(long v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative: " + v);
            }
            room(10);
            while (v >= 0x80) {
                bytes[size++] = (byte) (v | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void raw(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            number(b.length);
            raw(b);
        }

        /** A string that may be {@code null}: its length plus one, or 0. */
        void nullable(String s) {
            if (s == null) {
                number(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            number(b.length + 1L);
            raw(b);
        }
    }

    /** Reads what a {@link Writer} wrote, from a byte array, up to a given end. */
    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int pos;

        Reader(byte[] bytes, int end) {
            this.bytes = bytes;
            this.end = end;
        }

        boolean atEnd() {
            return pos == end;
        }

        private void need(int n) throws IOException {
            if (n < 0 || end - pos < n) {
                throw new IOException("truncated");
            }
        }

        int fixedInt() throws IOException {
            need(4);
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = (v << 8) | (bytes[pos++] & 0xFF);
            }
            return v;
        }

        long fixedLong() throws IOException {
            need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (bytes[pos++] & 0xFF);
            }
            return v;
        }

        long number() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                need(1);
                byte b = bytes[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IOException("number too long");
        }

        /** A count of things to follow, each at least one byte long. */
        int count() throws IOException {
            long n = number();
            if (n > end - pos) {
                throw new IOException("count beyond the end");
            }
            return (int) n;
        }

        byte[] raw(int n) throws IOException {
            need(n);
            byte[] b = Arrays.copyOfRange(bytes, pos, pos + n);
            pos += n;
            return b;
        }

        String string() throws IOException {
            return text(count());
        }

        String nullable() throws IOException {
            long n = number();
            if (n == 0) {
                return null;
            }
            if (n - 1 > end - pos) {
                throw new IOException("string beyond the end");
            }
            return text((int) (n - 1));
        }

        private String text(int n) throws IOException {
            need(n);
            String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }
    }

    /** Each distinct string once: later uses write its number. */
    private static final class Strings {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> byNumber = new ArrayList<>();

        void write(Writer out, String s) {
            Integer n = numbers.get(s);
            if (n != null) {
                out.number(n + 1L);
                return;
            }
            out.number(0);
            out.string(s);
            numbers.put(s, byNumber.size());
            byNumber.add(s);
        }

        String read(Reader in) throws IOException {
            long n = in.number();
            if (n > 0) {
                if (n > byNumber.size()) {
                    throw new IOException("string " + n + " not defined");
                }
                return byNumber.get((int) (n - 1));
            }
            String s = in.string();
            byNumber.add(s);
            return s;
        }
    }
}

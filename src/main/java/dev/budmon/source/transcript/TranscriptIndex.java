package dev.budmon.source.transcript;

import dev.budmon.files.AtomicFile;
import dev.budmon.files.SafeRead;
import dev.budmon.model.TokenCounts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TranscriptStore}'s state in a file, so that the next process goes on where this one stopped:
 * per transcript file its identity and the offset read up to, and every counted response with its dedup key
 * and largest counts. A store restored from it reads only what was appended since, and gives exactly the
 * figures a store that read everything would give (the counting rules need the responses, not just sums:
 * a later line may raise a response's counts or show it to be a replay).
 *
 * <p>It is a cache: a missing, truncated, corrupt or older-version file gives {@code null}, and the caller
 * reads the transcripts from the start. Written atomically; a compact binary form (strings of models and
 * sessions kept once) because it is read at the start of every status line. I/O; any thread, one store at a time.
 */
public final class TranscriptIndex {

    private static final int MAGIC = 0x424d5449; // "BMTI"
    private static final int VERSION = 1;
    /** Larger index files are not ours. */
    private static final long MAX_BYTES = 512L * 1024 * 1024;

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
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(scope)) {
                return null;
            }
            TranscriptStore store = new TranscriptStore();
            read(in, store);
            if (in.read() != -1) {
                return null;
            }
            store.unsaved = false;
            return store;
        } catch (IOException | RuntimeException e) {
            return null; // truncated or not ours: read everything again
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
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(scope);
                write(out, store);
            }
            java.nio.file.Files.createDirectories(file.getParent());
            AtomicFile.replace(file, bytes.toByteArray());
            store.unsaved = false;
            return null;
        } catch (IOException | RuntimeException e) {
            return file + " cannot be written (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static void write(DataOutputStream out, TranscriptStore store) throws IOException {
        Strings strings = new Strings();
        out.writeInt(store.files.size());
        for (TranscriptFile f : store.files.values()) {
            out.writeUTF(f.path.toString());
            out.writeUTF(f.pathSession);
            out.writeUTF(f.mainTranscript.toString());
            writeNullable(out, f.fileKey);
            out.writeLong(f.size);
            out.writeLong(f.modified);
            out.writeLong(f.offset);
            out.writeBoolean(f.discarding);
            out.writeShort(f.tail.length);
            out.write(f.tail);
        }
        out.writeInt(store.sessions.size());
        for (SessionTally s : store.sessions.values()) {
            strings.write(out, s.id);
            writeNullable(out, s.transcript == null ? null : s.transcript.toString());
            writeNullable(out, s.cwd);
            out.writeLong(s.cwdTime);
            out.writeLong(s.start);
            out.writeLong(s.lastActivity);
            out.writeLong(s.lastAppend);
            out.writeDouble(s.claudeCostUsd);
            out.writeShort(s.claudeModelUsage.size());
            for (Map.Entry<String, ClaudeModelUsage> e : s.claudeModelUsage.entrySet()) {
                strings.write(out, e.getKey());
                writeTokens(out, e.getValue().tokens());
                out.writeDouble(e.getValue().costUsd() == null ? Double.NaN : e.getValue().costUsd());
            }
        }
        int responses = 0;
        for (CountedResponse head : store.byMessageId.values()) {
            for (CountedResponse r = head; r != null; r = r.sameMessage) {
                responses++;
            }
        }
        out.writeInt(responses);
        for (CountedResponse head : store.byMessageId.values()) {
            // Oldest of a chain first, so that restoring them one by one rebuilds the same chain.
            List<CountedResponse> chain = new ArrayList<>();
            for (CountedResponse r = head; r != null; r = r.sameMessage) {
                chain.add(0, r);
            }
            for (CountedResponse r : chain) {
                out.writeUTF(r.messageId);
                writeNullable(out, r.requestId);
                strings.write(out, r.session.id);
                strings.write(out, r.model);
                out.writeLong(r.timeMillis);
                out.writeLong(r.sequence);
                out.writeByte((r.sidechain ? 1 : 0) | (r.retracted ? 2 : 0));
                out.writeLong(r.input);
                out.writeLong(r.output);
                out.writeLong(r.write5m);
                out.writeLong(r.write1h);
                out.writeLong(r.read);
            }
        }
        out.writeLong(store.sequence);
        out.writeLong(store.skippedLines);
        out.writeLong(store.newestMillis);
    }

    private static void read(DataInputStream in, TranscriptStore store) throws IOException {
        Strings strings = new Strings();
        int files = in.readInt();
        for (int i = 0; i < files; i++) {
            TranscriptFile f = new TranscriptFile(Path.of(in.readUTF()), in.readUTF(), Path.of(in.readUTF()));
            f.fileKey = readNullable(in);
            f.size = in.readLong();
            f.modified = in.readLong();
            f.offset = in.readLong();
            f.discarding = in.readBoolean();
            byte[] tail = new byte[in.readUnsignedShort()];
            in.readFully(tail);
            f.tail = tail;
            store.files.put(f.path, f);
        }
        int sessions = in.readInt();
        for (int i = 0; i < sessions; i++) {
            SessionTally s = store.sessionNamed(strings.read(in));
            String transcript = readNullable(in);
            s.transcript = transcript == null ? null : Path.of(transcript);
            s.cwd = readNullable(in);
            s.cwdTime = in.readLong();
            s.start = in.readLong();
            s.lastActivity = in.readLong();
            s.lastAppend = in.readLong();
            s.claudeCostUsd = in.readDouble();
            int models = in.readUnsignedShort();
            Map<String, ClaudeModelUsage> usage = new LinkedHashMap<>();
            for (int m = 0; m < models; m++) {
                String model = strings.read(in);
                TokenCounts tokens = readTokens(in);
                double cost = in.readDouble();
                usage.put(model, new ClaudeModelUsage(tokens, Double.isNaN(cost) ? null : cost));
            }
            s.claudeModelUsage = Map.copyOf(usage);
        }
        int responses = in.readInt();
        for (int i = 0; i < responses; i++) {
            String messageId = in.readUTF();
            String requestId = readNullable(in);
            SessionTally session = store.sessions.get(strings.read(in));
            if (session == null) {
                throw new IOException("a response of an unknown session");
            }
            String model = strings.read(in);
            long time = in.readLong();
            long sequence = in.readLong();
            int flags = in.readByte();
            CountedResponse r = new CountedResponse(messageId, requestId, session, model, time, sequence,
                    (flags & 1) != 0);
            r.retracted = (flags & 2) != 0;
            r.input = in.readLong();
            r.output = in.readLong();
            r.write5m = in.readLong();
            r.write1h = in.readLong();
            r.read = in.readLong();
            store.restore(r);
        }
        store.sequence = in.readLong();
        store.skippedLines = in.readLong();
        store.newestMillis = in.readLong();
    }

    private static void writeTokens(DataOutputStream out, TokenCounts t) throws IOException {
        out.writeLong(t.input());
        out.writeLong(t.output());
        out.writeLong(t.cacheWrite5m());
        out.writeLong(t.cacheWrite1h());
        out.writeLong(t.cacheRead());
    }

    private static TokenCounts readTokens(DataInputStream in) throws IOException {
        return new TokenCounts(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Each distinct string once: later uses write its number. */
    private static final class Strings {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> byNumber = new ArrayList<>();

        void write(DataOutputStream out, String s) throws IOException {
            Integer n = numbers.get(s);
            if (n != null) {
                out.writeInt(n);
                return;
            }
            out.writeInt(-1);
            out.writeUTF(s);
            numbers.put(s, byNumber.size());
            byNumber.add(s);
        }

        String read(DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n >= 0) {
                if (n >= byNumber.size()) {
                    throw new IOException("string " + n + " not defined");
                }
                return byNumber.get(n);
            }
            String s = in.readUTF();
            byNumber.add(s);
            return s;
        }
    }
}

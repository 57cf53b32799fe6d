package dev.budmon.source.transcript;

import dev.budmon.model.ApiResponse;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.UsageTotals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.budmon.source.transcript.ClaudeLines.Usage;
import static dev.budmon.source.transcript.ClaudeLines.append;
import static dev.budmon.source.transcript.ClaudeLines.appendRaw;
import static dev.budmon.source.transcript.ClaudeLines.assistant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history index is a cache: a store restored from it and refreshed gives exactly what a store reading
 * everything gives, whatever happened to the transcripts between two runs, and an index that is missing,
 * damaged, of another version or of other directories is read around silently.
 */
class HistoryIndexTest {

    private static final Instant T0 = Instant.parse("2026-02-03T09:00:00.000Z");
    private static final String OPUS = "claude-opus-5-5";
    private static final String SONNET = "claude-sonnet-4-6";
    private static final String S1 = "6f0c2d1e-8a4b-4c1d-9e2f-0a1b2c3d4e5f";
    private static final String S2 = "7a1d3e2f-9b5c-4d2e-8f3a-1b2c3d4e5f60";
    private static final String S3 = "8b2e4f30-ac6d-4e3f-9a4b-2c3d4e5f6071";

    @TempDir
    Path tmp;

    private Path claude() {
        return tmp.resolve(".claude");
    }

    private Path cache() {
        return tmp.resolve("cache");
    }

    private Path file(String project, String name) {
        return claude().resolve("projects").resolve(project).resolve(name);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Everything a store says, in an order that does not depend on how it was read. */
    private record State(List<ApiResponse> responses, List<SessionUsage> sessions, UsageTotals totals, int count,
                         int files, long skipped, ApiResponse last, SessionUsage active) {
        static State of(TranscriptStore store, TranscriptSummary s) {
            List<SessionUsage> sessions = new ArrayList<>(store.sessions());
            sessions.sort(Comparator.comparing(SessionUsage::sessionId));
            return new State(store.responses(null), sessions, s.timeline().between(Instant.MIN, Instant.MAX),
                    s.responses(), s.files(), s.skippedLines(), s.lastResponse(), s.activeSession());
        }
    }

    /** One run as {@code budmon report} makes it: load the index, read what is new, save. */
    private State indexedRun(List<Path> dirs) {
        HistoryIndex index = new HistoryIndex(cache(), dirs);
        TranscriptStore store = index.load();
        TranscriptSummary s = store.refresh(dirs);
        assertThat(index.save(store)).isNull();
        return State.of(store, s);
    }

    private State fullRead(List<Path> dirs) {
        TranscriptStore store = new TranscriptStore();
        return State.of(store, store.refresh(dirs));
    }

    private void assertSameWithAndWithoutIndex() {
        List<Path> dirs = List.of(claude());
        State fresh = fullRead(dirs);
        assertThat(indexedRun(dirs)).isEqualTo(fresh);
        // and once more, now reading nothing new
        assertThat(indexedRun(dirs)).isEqualTo(fresh);
    }

    private static void touch(Path f, Instant t) throws IOException {
        Files.setLastModifiedTime(f, FileTime.from(t));
    }

    @Test
    void appendedTruncatedReplacedAndDeletedFilesGiveWhatAFullReadGives() throws IOException {
        Path a = file("-home-dev-alpha", S1 + ".jsonl");
        Path b = file("-home-dev-beta", S2 + ".jsonl");
        Path sub = file("-home-dev-alpha", S1 + "/subagents/agent-x.jsonl");
        append(a, assistant(S1, "m1", "r1", OPUS, at(0), Usage.of(10, 5, 100)),
                assistant(S1, "m1", "r1", OPUS, at(0), Usage.of(10, 50, 100)),
                assistant(S1, "m2", "r2", SONNET, at(60), Usage.of(3, 7, 900)));
        append(b, assistant(S2, "/home/dev/beta", "m3", "r3", OPUS, at(120), Usage.of(1, 2, 3), false, null));
        touch(a, at(1000));
        touch(b, at(1001));
        assertSameWithAndWithoutIndex();

        // appended: a new response, and a larger count of m1 in the subagent's file (a dedup key spanning files)
        append(a, assistant(S1, "m4", "r4", OPUS, at(200), Usage.of(4, 4, 4)));
        append(sub, assistant(S1, "/home/dev/alpha", "m1", "r1", OPUS, at(0), Usage.of(10, 80, 100), true, "x"));
        touch(a, at(2000));
        touch(sub, at(2001));
        assertSameWithAndWithoutIndex();

        // a half-written line, then its end
        appendRaw(b, assistant(S2, "/home/dev/beta", "m5", "r5", SONNET, at(300), Usage.of(5, 5, 5), false, null)
                .substring(0, 40));
        touch(b, at(3000));
        assertSameWithAndWithoutIndex();
        String whole = assistant(S2, "/home/dev/beta", "m5", "r5", SONNET, at(300), Usage.of(5, 5, 5), false, null);
        appendRaw(b, whole.substring(40) + "\n");
        touch(b, at(3001));
        assertSameWithAndWithoutIndex();

        // a subagent's replay of a main-chain response, and a main-chain response whose replay came first
        append(sub, assistant(S1, "/home/dev/alpha", "m2", "r2-replay", SONNET, at(61), Usage.of(3, 7, 900), true, "x"),
                assistant(S1, "/home/dev/alpha", "m6", "r6-replay", OPUS, at(400), Usage.of(6, 6, 6), true, "x"));
        touch(sub, at(4000));
        assertSameWithAndWithoutIndex();
        append(a, assistant(S1, "m6", "r6", OPUS, at(401), Usage.of(6, 6, 6)));
        touch(a, at(4001));
        assertSameWithAndWithoutIndex();

        // truncated: the file shrinks to its first line
        List<String> lines = Files.readAllLines(a);
        Files.writeString(a, lines.get(0) + "\n");
        touch(a, at(5000));
        assertSameWithAndWithoutIndex();

        // replaced: another file renamed over it, longer than before
        Path replacement = tmp.resolve("replacement.jsonl");
        append(replacement, assistant(S1, "m7", "r7", SONNET, at(500), Usage.of(7, 7, 7)),
                assistant(S1, "m8", "r8", SONNET, at(501), Usage.of(8, 8, 8)),
                assistant(S1, "m9", "r9", SONNET, at(502), Usage.of(9, 9, 9)));
        Files.move(replacement, a, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        touch(a, at(6000));
        assertSameWithAndWithoutIndex();

        // rewritten in place: same file, same size, another count in its last line (and, as the store notices
        // a rewrite by the bytes before its offset, another branch name at its end)
        byte[] bytes = Files.readAllBytes(b);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("\"output_tokens\":5");
        bytes[at + "\"output_tokens\":".length()] = '6';
        bytes[text.lastIndexOf("\"main\"") + 1] = 'n';
        try (RandomAccessFile raf = new RandomAccessFile(b.toFile(), "rw")) {
            raf.write(bytes);
        }
        touch(b, at(7000));
        assertSameWithAndWithoutIndex();

        // deleted
        Files.delete(sub);
        assertSameWithAndWithoutIndex();
        Files.delete(b);
        assertSameWithAndWithoutIndex();
        assertThat(fullRead(List.of(claude())).count()).isEqualTo(3);
    }

    @Test
    void randomAppendsAcrossManyFilesGiveWhatAFullReadGives() throws IOException {
        Random random = new Random(7);
        String[] sessions = {S1, S2, S3};
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String session = sessions[i % 3];
            // each session's own transcript and a subagent's file
            files.add(i < 3 ? file("-p" + i, session + ".jsonl") : file("-p" + (i % 3), session + "/subagents/agent-s.jsonl"));
        }
        List<Integer> ownerOf = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            for (int k = 0; k < 5; k++) {
                int i = random.nextInt(files.size());
                // now and then a response seen before, with a larger count, in either file of its session
                int id;
                if (!ownerOf.isEmpty() && random.nextInt(3) == 0) {
                    id = random.nextInt(ownerOf.size());
                    i = ownerOf.get(id) % 3 + (random.nextBoolean() ? 3 : 0);
                } else {
                    id = ownerOf.size();
                    ownerOf.add(i % 3);
                }
                append(files.get(i), assistant(sessions[i % 3], "/w/p" + i % 3, "msg" + id, "req" + id,
                        id % 2 == 0 ? OPUS : SONNET, at(id), Usage.of(id, 10 + round, 100), i >= 3, i >= 3 ? "s" : null));
            }
            assertSameWithAndWithoutIndex();
        }
    }

    @Test
    void aForkedSessionsCopiesStayWithTheSessionThatMadeThem() throws IOException {
        // claude --fork-session copies the conversation, ids and all, into a newer file of another session
        Path original = file("-w", S1 + ".jsonl");
        append(original, assistant(S1, "m1", "r1", OPUS, at(0), Usage.of(1, 2, 3)),
                assistant(S1, "m2", "r2", OPUS, at(10), Usage.of(4, 5, 6)));
        touch(original, at(100));
        assertSameWithAndWithoutIndex();
        Path fork = file("-w", S2 + ".jsonl");
        append(fork, assistant(S2, "m1", "r1", OPUS, at(0), Usage.of(1, 2, 3)),
                assistant(S2, "m2", "r2", OPUS, at(10), Usage.of(4, 5, 6)),
                assistant(S2, "m3", "r3", OPUS, at(200), Usage.of(7, 8, 9)));
        touch(fork, at(300));
        assertSameWithAndWithoutIndex();
        State s = fullRead(List.of(claude()));
        assertThat(s.sessions()).extracting(SessionUsage::requests).containsExactly(2, 1);
    }

    @Test
    void twoClaudeDirectoriesWithACopiedFile() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path fa = a.resolve("projects/-w/" + S3 + ".jsonl");
        append(fa, assistant(S3, "m1", "r1", OPUS, at(0), Usage.of(1, 1, 1)),
                assistant(S3, "m2", "r2", OPUS, at(5), Usage.of(2, 2, 2)));
        Path fb = b.resolve("projects/-w/" + S3 + ".jsonl");
        Files.createDirectories(fb.getParent());
        Files.copy(fa, fb);
        append(fb, assistant(S3, "m3", "r3", OPUS, at(9), Usage.of(3, 3, 3)));
        touch(fa, at(100));
        touch(fb, at(200));
        List<Path> dirs = List.of(a, b);
        State fresh = fullRead(dirs);
        assertThat(fresh.count()).isEqualTo(3);
        assertThat(indexedRun(dirs)).isEqualTo(fresh);
        append(fa, assistant(S3, "m3", "r3", OPUS, at(9), Usage.of(3, 30, 3)));
        touch(fa, at(300));
        State grown = fullRead(dirs);
        assertThat(indexedRun(dirs)).isEqualTo(grown);
        assertThat(grown.totals().tokens().output()).isEqualTo(1 + 2 + 30);
        // the index of one directory is not the index of both
        assertThat(new HistoryIndex(cache(), List.of(a)).file()).isNotEqualTo(new HistoryIndex(cache(), dirs).file());
    }

    @Test
    void theRecordedTranscriptsGiveWhatAFullReadGives() throws Exception {
        for (String name : List.of("hello", "tool", "subagent", "resume", "tool-node-2.1.112")) {
            Path dir = Path.of(getClass().getResource("/transcripts/real/" + name + "/projects").toURI()).getParent();
            List<Path> dirs = List.of(dir);
            State fresh = fullRead(dirs);
            assertThat(indexedRun(dirs)).as(name).isEqualTo(fresh);
            assertThat(indexedRun(dirs)).as(name).isEqualTo(fresh);
        }
    }

    private HistoryIndex writtenIndex() throws IOException {
        append(file("-w", S1 + ".jsonl"), assistant(S1, "m1", "r1", OPUS, at(0), Usage.of(1, 2, 3)),
                assistant(S1, "m2", "r2", OPUS, at(9), Usage.of(4, 5, 6)));
        HistoryIndex index = new HistoryIndex(cache(), List.of(claude()));
        TranscriptStore store = index.load();
        store.refresh(List.of(claude()));
        assertThat(index.save(store)).isNull();
        assertThat(index.file()).isRegularFile();
        return index;
    }

    @Test
    void aDamagedIndexIsReadAroundAndReplaced() throws IOException {
        HistoryIndex index = writtenIndex();
        State fresh = fullRead(List.of(claude()));
        byte[] good = Files.readAllBytes(index.file());
        Random random = new Random(3);
        List<byte[]> damaged = new ArrayList<>();
        damaged.add(new byte[0]);
        damaged.add(java.util.Arrays.copyOf(good, good.length / 2)); // truncated
        damaged.add(java.util.Arrays.copyOf(good, good.length - 1));
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x04; // one bit in the middle
        damaged.add(flipped);
        byte[] zeros = good.clone();
        java.util.Arrays.fill(zeros, good.length / 3, good.length / 3 + 64, (byte) 0); // a lost block
        damaged.add(zeros);
        byte[] noise = new byte[good.length];
        random.nextBytes(noise);
        damaged.add(noise);
        byte[] older = good.clone();
        older[7] = 1; // version 1, with a checksum that fits it
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(older, 0, older.length - 4);
        java.nio.ByteBuffer.wrap(older, older.length - 4, 4).putInt((int) crc.getValue());
        damaged.add(older);
        for (byte[] bytes : damaged) {
            Files.write(index.file(), bytes);
            TranscriptStore store = index.load();
            assertThat(store.responses(null)).isEmpty(); // nothing restored: everything is read again
            TranscriptSummary s = store.refresh(List.of(claude()));
            assertThat(State.of(store, s)).isEqualTo(fresh);
            assertThat(index.save(store)).isNull();
            assertThat(TranscriptIndex.load(index.file(), "history\n" + claude().toAbsolutePath().normalize()))
                    .as("replaced by a good one").isNotNull();
        }
    }

    @Test
    void anIndexOfOtherDirectoriesOrAFolderInItsPlaceIsNoIndex() throws IOException {
        HistoryIndex index = writtenIndex();
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        // the same file name with another scope (a hash collision, or a file copied from elsewhere)
        assertThat(TranscriptIndex.load(index.file(), "history\n" + other)).isNull();
        Files.delete(index.file());
        Files.createDirectories(index.file());
        TranscriptStore store = index.load();
        assertThat(store.responses(null)).isEmpty();
        store.refresh(List.of(claude()));
        assertThat(index.save(store)).isNotNull().contains("cannot be written");
    }

    @Test
    void aSaveWhileAnotherProcessSavesIsSkippedWithoutWaiting() throws Exception {
        HistoryIndex index = writtenIndex();
        Path lock = index.file().resolveSibling(index.file().getFileName().toString().replace(".idx", ".lock"));
        assertThat(lock).exists();
        long before = Files.getLastModifiedTime(index.file()).toMillis();
        Files.setLastModifiedTime(index.file(), FileTime.fromMillis(before - 60_000));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), lock.toString()).redirectErrorStream(true).start();
        try {
            // the holder says when it holds the lock
            assertThat(new String(holder.getInputStream().readNBytes(7), StandardCharsets.US_ASCII)).isEqualTo("locked\n");
            append(file("-w", S1 + ".jsonl"), assistant(S1, "m3", "r3", OPUS, at(20), Usage.of(7, 8, 9)));
            TranscriptStore store = index.load();
            store.refresh(List.of(claude()));
            assertThat(index.save(store)).isNull();
            assertThat(Files.getLastModifiedTime(index.file()).toMillis()).as("not written").isEqualTo(before - 60_000);
            holder.destroy();
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(index.save(store)).isNull();
            assertThat(Files.getLastModifiedTime(index.file()).toMillis()).as("written").isGreaterThan(before - 60_000);
            assertThat(index.load().responses(null)).hasSize(3);
        } finally {
            holder.destroyForcibly();
        }
    }

    /** Holds the lock of an index file until it is killed, as a BudMon process saving a large index would. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                 FileLock lock = ch.lock()) {
                System.out.print("locked\n");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }

    @Test
    void anIndexedFeedStartsFromTheIndexAndSavesAtMostOncePerInterval() throws IOException {
        HistoryIndex index = writtenIndex();
        List<Path> dirs = List.of(claude());
        TranscriptFeed feed = TranscriptFeed.indexed(index, java.time.Duration.ofHours(1));
        List<dev.budmon.model.SourceWarning> warnings = new ArrayList<>();
        Files.setLastModifiedTime(index.file(), FileTime.fromMillis(1_000_000));
        assertThat(feed.refresh(dirs, warnings).activeSession().requests()).isEqualTo(2);
        assertThat(Files.getLastModifiedTime(index.file()).toMillis()).as("nothing new: not saved").isEqualTo(1_000_000);

        append(file("-w", S1 + ".jsonl"), assistant(S1, "m3", "r3", OPUS, at(30), Usage.of(1, 1, 1)));
        assertThat(feed.refresh(dirs, warnings).activeSession().requests()).isEqualTo(3);
        assertThat(Files.getLastModifiedTime(index.file()).toMillis()).as("the first save at once").isGreaterThan(1_000_000);
        assertThat(index.load().responses(null)).hasSize(3);

        Files.setLastModifiedTime(index.file(), FileTime.fromMillis(1_000_000));
        append(file("-w", S1 + ".jsonl"), assistant(S1, "m4", "r4", OPUS, at(40), Usage.of(1, 1, 1)));
        assertThat(feed.refresh(dirs, List.of(file("-w", S1 + ".jsonl")), warnings).activeSession().requests())
                .isEqualTo(4);
        assertThat(Files.getLastModifiedTime(index.file()).toMillis()).as("within the hour: not again")
                .isEqualTo(1_000_000);
        assertThat(warnings).isEmpty();

        TranscriptFeed eager = TranscriptFeed.indexed(index, java.time.Duration.ZERO);
        assertThat(eager.refresh(dirs, warnings).activeSession().requests()).isEqualTo(4);
        assertThat(index.load().responses(null)).hasSize(4);
    }

    @Test
    void readGivesAReadyStoreAndSavesTheIndex() throws IOException {
        HistoryIndex index = writtenIndex();
        append(file("-w", S1 + ".jsonl"), assistant(S1, "m3", "r3", OPUS, at(30), Usage.of(1, 1, 1)));
        HistoryIndex.History h = index.read(List.of(claude()));
        assertThat(h.saveProblem()).isNull();
        assertThat(h.summary().responses()).isEqualTo(3);
        assertThat(h.store().responses(null)).hasSize(3);
        assertThat(index.load().responses(null)).hasSize(3);
    }

    @Test
    void aNewIndexRemovesThoseNobodySavedForAMonth() throws IOException {
        Files.createDirectories(cache());
        long now = System.currentTimeMillis();
        Path stale = Files.writeString(cache().resolve("history-0badc0de.idx"), "x");
        Path staleLock = Files.writeString(cache().resolve("history-0badc0de.lock"), "");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(now - 40L * 24 * 3600 * 1000));
        Path recent = Files.writeString(cache().resolve("history-00c0ffee.idx"), "y");
        Files.setLastModifiedTime(recent, FileTime.fromMillis(now - 5L * 24 * 3600 * 1000));
        Path session = Files.writeString(cache().resolve("session-1-x.idx"), "z");
        Files.setLastModifiedTime(session, FileTime.fromMillis(now - 40L * 24 * 3600 * 1000));

        HistoryIndex index = writtenIndex();
        assertThat(stale).doesNotExist();
        assertThat(staleLock).doesNotExist();
        assertThat(recent).hasContent("y");
        assertThat(session).as("the status line's, which prunes its own").hasContent("z");
        assertThat(index.file()).isRegularFile();
    }

    @Test
    void nothingReadSinceTheLoadIsNotWrittenAgain() throws IOException {
        HistoryIndex index = writtenIndex();
        Files.setLastModifiedTime(index.file(), FileTime.fromMillis(1_000_000));
        TranscriptStore store = index.load();
        store.refresh(List.of(claude()));
        assertThat(index.save(store)).isNull();
        assertThat(Files.getLastModifiedTime(index.file()).toMillis()).isEqualTo(1_000_000);
    }
}

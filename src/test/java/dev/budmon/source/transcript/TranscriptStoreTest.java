package dev.budmon.source.transcript;

import dev.budmon.model.ApiResponse;
import dev.budmon.model.SourceWarning;
import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageTotals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.budmon.source.transcript.ClaudeLines.Usage;
import static dev.budmon.source.transcript.ClaudeLines.append;
import static dev.budmon.source.transcript.ClaudeLines.appendRaw;
import static dev.budmon.source.transcript.ClaudeLines.assistant;
import static org.assertj.core.api.Assertions.assertThat;

class TranscriptStoreTest {

    private static final Instant T0 = Instant.parse("2025-11-03T09:00:00.000Z");
    private static final String OPUS = "claude-opus-4-5-20251101";
    private static final String SONNET = "claude-sonnet-4-5-20250929";
    private static final String S1 = "6f0c2d1e-8a4b-4c1d-9e2f-0a1b2c3d4e5f";
    private static final String S2 = "7a1d3e2f-9b5c-4d2e-8f3a-1b2c3d4e5f60";

    @TempDir
    Path tmp;
    private Path claude;
    private Path alpha;
    private Path beta;
    private final TranscriptStore store = newStore();

    @BeforeEach
    void layout() throws IOException {
        claude = tmp.resolve(".claude");
        alpha = claude.resolve("projects").resolve("-home-dev-alpha");
        beta = claude.resolve("projects").resolve("-home-dev-beta");
        Files.createDirectories(alpha);
        Files.createDirectories(beta);
    }

    /** The store under test; a subclass runs every test again with parallel reading. */
    TranscriptStore newStore() {
        return new TranscriptStore();
    }

    private TranscriptSummary refresh() {
        return store.refresh(List.of(claude));
    }

    private static UsageTotals all(TranscriptSummary s) {
        return s.timeline().between(Instant.MIN, Instant.MAX);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A fresh store reading the same files in one go: what incremental reading must end up with. */
    private TranscriptSummary fullScan() {
        return newStore().refresh(List.of(claude));
    }

    private static void touch(Path file, Instant time) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(time));
    }

    // --- counting each response once ---

    @Test
    void countsAResponseWrittenAsSeveralContentBlockLinesOnceWithItsLargestCounts() {
        Path f = alpha.resolve(S1 + ".jsonl");
        append(f,
                ClaudeLines.user(S1, "fix the build", at(0)),
                assistant(S1, "msg_A", "req_A", OPUS, at(1), new Usage(3, 1, 500, 0, 9000)),   // thinking block
                assistant(S1, "msg_A", "req_A", OPUS, at(2), new Usage(3, 12, 500, 0, 9000)),  // text block
                assistant(S1, "msg_A", "req_A", OPUS, at(3), new Usage(3, 40, 500, 0, 9000)),  // tool_use block
                assistant(S1, "msg_B", "req_B", OPUS, at(10), new Usage(5, 7, 0, 200, 9500)));
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isEqualTo(2);
        assertThat(all(s).requests()).isEqualTo(2);
        assertThat(all(s).byModel()).containsOnlyKeys(OPUS);
        assertThat(all(s).tokens()).isEqualTo(new TokenCounts(8, 47, 500, 200, 18500));
        assertThat(s.activeSession().requests()).isEqualTo(2);
        assertThat(s.activeSession().tokens()).isEqualTo(new TokenCounts(8, 47, 500, 200, 18500));
        assertThat(s.skippedLines()).isZero();
    }

    @Test
    void theLargestCountOfEachKindWinsWhateverTheOrderOfLines() {
        append(alpha.resolve(S1 + ".jsonl"),
                assistant(S1, "msg_A", "req_A", OPUS, at(1), new Usage(3, 90, 0, 0, 100)),
                assistant(S1, "msg_A", "req_A", OPUS, at(2), new Usage(4, 10, 0, 0, 50)));
        assertThat(all(refresh()).tokens()).isEqualTo(new TokenCounts(4, 90, 0, 0, 100));
    }

    @Test
    void growthSeenInALaterRefreshIsAddedOnlyOnce() {
        Path f = alpha.resolve(S1 + ".jsonl");
        append(f, assistant(S1, "msg_A", "req_A", OPUS, at(1), new Usage(3, 1, 500, 0, 9000)));
        TranscriptSummary first = refresh();
        assertThat(all(first).tokens().output()).isEqualTo(1);
        append(f, assistant(S1, "msg_A", "req_A", OPUS, at(2), new Usage(3, 40, 500, 0, 9000)));
        TranscriptSummary second = refresh();
        assertThat(second.responses()).isEqualTo(1);
        assertThat(all(second).tokens()).isEqualTo(new TokenCounts(3, 40, 500, 0, 9000));
        assertThat(second.lastResponse().tokens().output()).isEqualTo(40);
        assertThat(second.activeSession().tokens().output()).isEqualTo(40);
        assertThat(all(first).tokens().output()).as("the earlier snapshot stays as it was").isEqualTo(1);
    }

    @Test
    void theSameMessageIdUnderAnotherRequestIdInTheMainChainIsAnotherResponse() {
        append(alpha.resolve(S1 + ".jsonl"),
                assistant(S1, "msg_A", "req_1", OPUS, at(1), Usage.of(1, 1, 1)),
                assistant(S1, "msg_A", "req_2", OPUS, at(2), Usage.of(1, 1, 1)));
        assertThat(refresh().responses()).isEqualTo(2);
    }

    @Test
    void aResponseCopiedIntoAnotherSessionFileStaysWithTheSessionThatMadeIt() throws IOException {
        // claude --resume / --fork-session copy the conversation, ids and all, into a new file
        Path original = alpha.resolve(S1 + ".jsonl");
        Path fork = alpha.resolve(S2 + ".jsonl");
        append(original, assistant(S1, "msg_A", "req_A", OPUS, at(1), Usage.of(10, 20, 30)));
        append(fork, assistant(S2, "msg_A", "req_A", OPUS, at(1), Usage.of(10, 20, 30)),
                assistant(S2, "msg_B", "req_B", OPUS, at(100), Usage.of(1, 2, 3)));
        touch(original, at(50));
        touch(fork, at(200));
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isEqualTo(2);
        assertThat(all(s).tokens()).isEqualTo(new TokenCounts(11, 22, 0, 0, 33));
        assertThat(s.activeSession().sessionId()).isEqualTo(S2);
        assertThat(s.activeSession().requests()).isEqualTo(1);
    }

    @Test
    void aFirstScanReadsFilesOldestFirstWhateverTheirNames() throws IOException {
        // the original's name sorts after the fork's: only the modification times tell which came first
        Path original = beta.resolve(S2 + ".jsonl");
        Path fork = alpha.resolve(S1 + ".jsonl");
        append(original, assistant(S2, "msg_A", "req_A", OPUS, at(1), Usage.of(10, 20, 30)));
        append(fork, assistant(S1, "msg_A", "req_A", OPUS, at(1), Usage.of(10, 20, 30)),
                assistant(S1, "msg_B", "req_B", OPUS, at(100), Usage.of(1, 2, 3)));
        touch(original, at(50));
        touch(fork, at(200));
        TranscriptSummary s = refresh();
        assertThat(s.activeSession().sessionId()).isEqualTo(S1);
        assertThat(s.activeSession().requests()).isEqualTo(1);
        assertThat(store.responses(S2)).extracting(ApiResponse::messageId).containsExactly("msg_A");
    }

    // --- sidechain replays ---

    private Path subagent(Path project, String session, String agent) {
        return project.resolve(session).resolve("subagents").resolve("agent-" + agent + ".jsonl");
    }

    @Test
    void aSidechainReplayOfAMainChainResponseIsNotCounted() throws IOException {
        Path main = alpha.resolve(S1 + ".jsonl");
        Path sub = subagent(alpha, S1, "a7c1");
        append(main, assistant(S1, "/home/dev/alpha", "msg_P", "req_P", OPUS, at(1), Usage.of(100, 50, 1000), false, null));
        append(sub,
                assistant(S1, "/home/dev/alpha", "msg_P", "req_replay", OPUS, at(5), Usage.of(100, 50, 1000), true, "a7c1"),
                assistant(S1, "/home/dev/alpha", "msg_S", "req_S", SONNET, at(6), Usage.of(7, 8, 9), true, "a7c1"));
        touch(main, at(10));
        touch(sub, at(20));
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isEqualTo(2);
        assertThat(all(s).byModel().get(OPUS)).isEqualTo(new TokenCounts(100, 50, 0, 0, 1000));
        assertThat(all(s).byModel().get(SONNET)).isEqualTo(new TokenCounts(7, 8, 0, 0, 9));
        assertThat(s.activeSession().requests()).isEqualTo(2);
    }

    @Test
    void aReplayReadBeforeItsMainChainResponseIsTakenBackOut() throws IOException {
        Path sub = subagent(alpha, S1, "a7c1");
        append(sub, assistant(S1, "/home/dev/alpha", "msg_P", "req_replay", OPUS, at(5), Usage.of(100, 50, 1000), true, "a7c1"));
        TranscriptSummary before = refresh();
        assertThat(before.responses()).isEqualTo(1);
        assertThat(before.lastResponse().requestId()).isEqualTo("req_replay");

        Path main = alpha.resolve(S1 + ".jsonl");
        append(main, assistant(S1, "/home/dev/alpha", "msg_P", "req_P", OPUS, at(1), Usage.of(100, 60, 1000), false, null));
        TranscriptSummary after = refresh();
        assertThat(after.responses()).isEqualTo(1);
        assertThat(all(after).tokens()).isEqualTo(new TokenCounts(100, 60, 0, 0, 1000));
        assertThat(after.activeSession().requests()).isEqualTo(1);
        assertThat(after.lastResponse().requestId()).isEqualTo("req_P");
        // more lines of the replay change nothing
        append(sub, assistant(S1, "/home/dev/alpha", "msg_P", "req_replay", OPUS, at(6), Usage.of(100, 999, 1000), true, "a7c1"));
        assertThat(all(refresh()).tokens()).isEqualTo(new TokenCounts(100, 60, 0, 0, 1000));
        assertThat(all(fullScan()).tokens()).isEqualTo(new TokenCounts(100, 60, 0, 0, 1000));
    }

    @Test
    void subagentUsageCountsForItsParentSession() throws IOException {
        Path main = alpha.resolve(S1 + ".jsonl");
        Path sub = subagent(alpha, S1, "b2");
        append(main, assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)));
        append(sub, assistant(S1, "/home/dev/project", "msg_2", "req_2", SONNET, at(2), Usage.of(2, 2, 2), true, "b2"));
        append(beta.resolve(S2 + ".jsonl"), assistant(S2, "msg_3", "req_3", OPUS, at(3), Usage.of(3, 3, 3)));
        touch(main, at(10));
        touch(beta.resolve(S2 + ".jsonl"), at(20));
        touch(sub, at(30)); // the subagent of S1 wrote last: S1 is the active session
        TranscriptSummary s = refresh();
        assertThat(s.activeSession().sessionId()).isEqualTo(S1);
        assertThat(s.activeSession().transcript()).isEqualTo(main);
        assertThat(s.activeSession().requests()).isEqualTo(2);
        assertThat(s.activeSession().byModel()).containsOnlyKeys(OPUS, SONNET);
        assertThat(s.files()).isEqualTo(3);
    }

    // --- synthetic and cost-state ---

    @Test
    void syntheticLinesCostNothing() {
        append(alpha.resolve(S1 + ".jsonl"),
                assistant(S1, "8d6e3c1a-synthetic", "req_x", "<synthetic>", at(1), Usage.of(0, 0, 0)),
                assistant(S1, "9e7f4d2b-synthetic", null, "<synthetic>", at(2), Usage.of(5, 5, 5)));
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isZero();
        assertThat(s.lastResponse()).isNull();
        assertThat(all(s)).isEqualTo(UsageTotals.EMPTY);
        assertThat(s.skippedLines()).isZero();
        assertThat(s.activeSession().requests()).isZero();
    }

    @Test
    void keepsClaudeCodesOwnCostBesideOurs() {
        Path f = alpha.resolve(S1 + ".jsonl");
        append(f, assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)));
        TranscriptSummary none = refresh();
        assertThat(none.activeSession().claudeCostUsd()).isNull();
        assertThat(none.activeSessionClaudeUsage()).isEmpty();

        append(f, ClaudeLines.costState(S1, 0.25, OPUS, 10, 20), ClaudeLines.costState(S1, 0.75, OPUS, 30, 40));
        TranscriptSummary s = refresh();
        assertThat(s.activeSession().claudeCostUsd()).isEqualTo(0.75);
        assertThat(s.activeSessionClaudeUsage().get(OPUS)).isEqualTo(new ClaudeModelUsage(new TokenCounts(30, 40, 0, 0, 0), 0.75));
        assertThat(fullScan().activeSession().claudeCostUsd()).isEqualTo(0.75);
    }

    // --- incremental reading ---

    @Test
    void aHalfWrittenLineWaitsForItsEndAndIsCountedOnce() {
        Path f = alpha.resolve(S1 + ".jsonl");
        String first = assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 2, 3));
        String second = assistant(S1, "msg_2", "req_2", OPUS, at(2), Usage.of(10, 20, 30));
        append(f, first);
        appendRaw(f, second.substring(0, second.length() / 2));
        TranscriptSummary half = refresh();
        assertThat(half.responses()).isEqualTo(1);
        assertThat(half.skippedLines()).isZero();

        appendRaw(f, second.substring(second.length() / 2)); // complete JSON, newline still missing
        assertThat(refresh().responses()).isEqualTo(1);

        appendRaw(f, "\n");
        TranscriptSummary whole = refresh();
        assertThat(whole.responses()).isEqualTo(2);
        assertThat(all(whole).tokens()).isEqualTo(new TokenCounts(11, 22, 0, 0, 33));
        assertThat(whole.skippedLines()).isZero();
        assertThat(refresh().responses()).isEqualTo(2);
    }

    @Test
    void aLineCutInsideAMultiByteCharacterIsReadWhole() {
        Path f = alpha.resolve(S1 + ".jsonl");
        String line = assistant(S1, "/home/dév/prøject/日本", "msg_1", "req_1", OPUS, at(1), Usage.of(1, 2, 3), false, null);
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        int cut = line.indexOf('日');
        int byteCut = line.substring(0, cut).getBytes(StandardCharsets.UTF_8).length + 1; // inside the character
        ClaudeLines.appendBytes(f, java.util.Arrays.copyOfRange(bytes, 0, byteCut));
        assertThat(refresh().responses()).isZero();
        ClaudeLines.appendBytes(f, java.util.Arrays.copyOfRange(bytes, byteCut, bytes.length));
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isEqualTo(1);
        assertThat(s.activeSession().cwd()).isEqualTo("/home/dév/prøject/日本");
    }

    @Test
    void appendingInRandomPiecesEndsWhereOneFullScanEnds() {
        Random random = new Random(11);
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String msg = "msg_" + random.nextInt(120);
            String req = "req_" + msg.substring(4);
            switch (random.nextInt(6)) {
                case 0 -> content.append(ClaudeLines.toolResult(S1, "x".repeat(random.nextInt(5000)), at(i)));
                case 1 -> content.append("{\"broken\": ");
                default -> content.append(assistant(S1, msg, req, random.nextBoolean() ? OPUS : SONNET, at(i),
                        new Usage(random.nextInt(50), random.nextInt(500), random.nextInt(900), random.nextInt(90),
                                random.nextInt(20000))));
            }
            content.append('\n');
        }
        byte[] bytes = content.toString().getBytes(StandardCharsets.UTF_8);
        Path f = alpha.resolve(S1 + ".jsonl");
        int pos = 0;
        while (pos < bytes.length) {
            int n = Math.min(bytes.length - pos, 1 + random.nextInt(3000));
            ClaudeLines.appendBytes(f, java.util.Arrays.copyOfRange(bytes, pos, pos + n));
            pos += n;
            refresh();
        }
        TranscriptSummary incremental = refresh();
        TranscriptSummary once = fullScan();
        assertThat(all(incremental)).isEqualTo(all(once));
        assertThat(incremental.responses()).isEqualTo(once.responses());
        assertThat(incremental.skippedLines()).isEqualTo(once.skippedLines()).isPositive();
        assertThat(incremental.cacheRatios()).isEqualTo(once.cacheRatios());
        assertThat(incremental.activeSession()).isEqualTo(once.activeSession());
        assertThat(incremental.responses()).isEqualTo(ReferenceCount.of(claude).responses());
        assertThat(all(incremental).byModel()).isEqualTo(ReferenceCount.of(claude).byModel());
    }

    @Test
    void aFileThatShrankIsReadAgainFromItsStart() throws IOException {
        Path f = alpha.resolve(S1 + ".jsonl");
        append(f, assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1000, 1000, 1000)),
                assistant(S1, "msg_2", "req_2", OPUS, at(2), Usage.of(1000, 1000, 1000)));
        assertThat(refresh().responses()).isEqualTo(2);
        Files.writeString(f, assistant(S1, "msg_3", "req_3", OPUS, at(3), Usage.of(1, 2, 3)) + "\n");
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isEqualTo(1);
        assertThat(all(s).tokens()).isEqualTo(new TokenCounts(1, 2, 0, 0, 3));
    }

    @Test
    void aFileReplacedByRenameIsReadAgainFromItsStart() throws IOException {
        Path f = alpha.resolve(S1 + ".jsonl");
        append(f, assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1000, 1000, 1000)));
        refresh();
        Path replacement = alpha.resolve("replacement.tmp");
        append(replacement, assistant(S1, "msg_8", "req_8", OPUS, at(8), Usage.of(1, 1, 1)),
                assistant(S1, "msg_9", "req_9", OPUS, at(9), Usage.of(2, 2, 2)));
        Files.move(replacement, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isEqualTo(2);
        assertThat(all(s).tokens()).isEqualTo(new TokenCounts(3, 3, 0, 0, 3));
    }

    @Test
    void aReplacementThatEndsLikeTheOldFileIsStillNoticedByItsIdentity() throws IOException {
        Path f = alpha.resolve(S1 + ".jsonl");
        String last = assistant(S1, "msg_9", "req_9", OPUS, at(9), Usage.of(1, 1, 1));
        append(f, assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1000, 1000, 1000)), last);
        refresh();
        // same length up to the old offset and the same last line: only the file key tells them apart
        Path replacement = alpha.resolve("replacement.tmp");
        append(replacement, assistant(S1, "msg_2", "req_2", SONNET.substring(0, OPUS.length()), at(1),
                Usage.of(2000, 2000, 2000)), last, assistant(S1, "msg_3", "req_3", OPUS, at(10), Usage.of(3, 3, 3)));
        assertThat(Files.readString(replacement).indexOf(last)).isEqualTo(Files.readString(f).indexOf(last));
        Files.move(replacement, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isEqualTo(3);
        assertThat(all(s).tokens().input()).isEqualTo(2004);
    }

    @Test
    void aFileRewrittenInPlaceWithMoreBytesIsReadAgainFromItsStart() throws IOException {
        Path f = alpha.resolve(S1 + ".jsonl");
        append(f, assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1000, 1000, 1000)));
        refresh();
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(0); // same inode, new content, longer than before
            ch.write(java.nio.ByteBuffer.wrap((assistant(S2, "msg_7", "req_7", SONNET, at(7), Usage.of(5, 5, 5)) + "\n"
                    + assistant(S2, "msg_8", "req_8", SONNET, at(8), Usage.of(5, 5, 5)) + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        TranscriptSummary s = refresh();
        assertThat(all(s).byModel()).containsOnlyKeys(SONNET);
        assertThat(s.responses()).isEqualTo(2);
    }

    @Test
    void aDeletedFileTakesItsUsageWithIt() throws IOException {
        append(alpha.resolve(S1 + ".jsonl"), assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)));
        append(beta.resolve(S2 + ".jsonl"), assistant(S2, "msg_2", "req_2", SONNET, at(2), Usage.of(2, 2, 2)));
        assertThat(refresh().responses()).isEqualTo(2);
        Files.delete(alpha.resolve(S1 + ".jsonl"));
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isEqualTo(1);
        assertThat(all(s).byModel()).containsOnlyKeys(SONNET);
        assertThat(s.activeSession().sessionId()).isEqualTo(S2);
        assertThat(s.files()).isEqualTo(1);
    }

    @Test
    void theWatcherPathReadsOnlyTheReportedFiles() throws IOException {
        Path f = alpha.resolve(S1 + ".jsonl");
        Path other = beta.resolve(S2 + ".jsonl");
        append(f, assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)));
        append(other, assistant(S2, "msg_2", "req_2", OPUS, at(2), Usage.of(1, 1, 1)));
        assertThat(store.refresh(List.of(claude), List.of(f)).responses()).as("first call walks everything").isEqualTo(2);

        append(f, assistant(S1, "msg_3", "req_3", OPUS, at(3), Usage.of(1, 1, 1)));
        append(other, assistant(S2, "msg_4", "req_4", OPUS, at(4), Usage.of(1, 1, 1)));
        assertThat(store.refresh(List.of(claude), List.of(f, tmp.resolve("elsewhere.jsonl"))).responses()).isEqualTo(3);
        assertThat(refresh().responses()).isEqualTo(4);

        Path fresh = alpha.resolve(S2 + "/subagents/agent-c3.jsonl");
        append(fresh, assistant(S2, "/x", "msg_5", "req_5", OPUS, at(5), Usage.of(1, 1, 1), true, "c3"));
        assertThat(store.refresh(List.of(claude), List.of(fresh)).responses()).isEqualTo(5);

        Files.delete(f);
        TranscriptSummary s = store.refresh(List.of(claude), List.of(f));
        assertThat(s.responses()).isEqualTo(3);
        assertThat(s).usingRecursiveComparison().ignoringFields("timeline").isEqualTo(fullScan());
    }

    @Test
    void aRefreshThatFindsNothingNewReturnsTheSameSummaryAndAnyChangeANewOne() throws IOException {
        Path f = alpha.resolve(S1 + ".jsonl");
        append(f, assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)));
        TranscriptSummary first = refresh();

        assertThat(refresh()).as("poll, nothing changed").isSameAs(first);
        assertThat(store.refresh(List.of(claude), List.of(f))).as("event for an unchanged file").isSameAs(first);

        Path empty = beta.resolve(S2 + ".jsonl");
        Files.createFile(empty);
        TranscriptSummary withEmptyFile = refresh();
        assertThat(withEmptyFile.files()).isEqualTo(2);
        assertThat(withEmptyFile).usingRecursiveComparison().ignoringFields("timeline").isEqualTo(fullScan());

        append(f, assistant(S1, "msg_2", "req_2", OPUS, at(2), Usage.of(1, 1, 1)));
        TranscriptSummary appended = store.refresh(List.of(claude), List.of(f));
        assertThat(appended).isNotSameAs(withEmptyFile);
        assertThat(appended.responses()).isEqualTo(2);
        assertThat(refresh()).isSameAs(appended);

        Files.writeString(beta.resolve("notes.jsonl"), "not json\n");
        assertThat(refresh().skippedLines()).as("a new file's bad line").isEqualTo(1);
    }

        // --- bad input ---

    @Test
    void linesThatAreNotJsonOrOfTheWrongShapeAreSkippedAndCounted() {
        Path f = alpha.resolve(S1 + ".jsonl");
        append(f,
                "this is not JSON",
                assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)),
                "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":\"many\"}},\"timestamp\":\"2025-11-03T09:00:00Z\"}",
                "[1,2,3]",
                "{\"type\":\"assistant\",\"message\":{\"id\":\"msg_9\",\"usage\":{\"output_tokens\":5}},\"timestamp\":\"2025-11-03T09:00:0",
                assistant(S1, "msg_2", "req_2", OPUS, at(2), Usage.of(1, 1, 1)));
        TranscriptSummary s = refresh();
        assertThat(s.skippedLines()).isEqualTo(4);
        assertThat(s.responses()).isEqualTo(2);
        append(f, "}{");
        assertThat(refresh().skippedLines()).isEqualTo(5);
        assertThat(fullScan().skippedLines()).isEqualTo(5);
    }

    @Test
    void anEmptyFileIsNoProblem() throws IOException {
        Files.createFile(alpha.resolve(S1 + ".jsonl"));
        TranscriptSummary s = refresh();
        assertThat(s.files()).isEqualTo(1);
        assertThat(s.responses()).isZero();
        assertThat(s.warnings()).isEmpty();
        assertThat(s.lastResponse()).isNull();
        assertThat(s.activeSession().sessionId()).isEqualTo(S1);
        assertThat(s.activeSession().requests()).isZero();
        assertThat(s.activeSession().start()).isNull();
    }

    @Test
    void aBinaryFileIsSkippedLineByLineWithoutHarm() throws IOException {
        byte[] junk = new byte[3 * 1024 * 1024];
        new Random(5).nextBytes(junk);
        Path f = alpha.resolve("core.jsonl");
        Files.write(f, junk);
        append(f, "", assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)));
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isEqualTo(1);
        assertThat(s.skippedLines()).isPositive();
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void aLineTooLongToKeepIsSkippedEvenWhenItArrivesInPieces() throws IOException {
        Path f = alpha.resolve(S1 + ".jsonl");
        append(f, assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)));
        byte[] part = new byte[TranscriptTail.MAX_LINE / 2 + 1000];
        java.util.Arrays.fill(part, (byte) 'a');
        part[0] = '{';
        ClaudeLines.appendBytes(f, part);
        assertThat(refresh().skippedLines()).isZero();
        ClaudeLines.appendBytes(f, part);
        ClaudeLines.appendBytes(f, part);
        assertThat(refresh().skippedLines()).isEqualTo(1);
        ClaudeLines.appendBytes(f, part);
        append(f, "}", assistant(S1, "msg_2", "req_2", OPUS, at(2), Usage.of(1, 1, 1)));
        TranscriptSummary s = refresh();
        assertThat(s.skippedLines()).isEqualTo(1);
        assertThat(s.responses()).isEqualTo(2);
        assertThat(fullScan().skippedLines()).isEqualTo(1);
        assertThat(fullScan().responses()).isEqualTo(2);
    }

    @Test
    void aMissingProjectsFolderIsNoDataButAFileInItsPlaceIsAWarning() throws IOException {
        TranscriptSummary none = store.refresh(List.of(tmp.resolve("nowhere")));
        assertThat(none.warnings()).isEmpty();
        assertThat(none.responses()).isZero();
        Path odd = tmp.resolve("odd");
        Files.createDirectories(odd);
        Files.writeString(odd.resolve("projects"), "I am a file");
        TranscriptSummary file = newStore().refresh(List.of(odd));
        assertThat(file.warnings()).extracting(SourceWarning::message).containsExactly("no transcripts: this is not a folder");
    }

    @Test
    void unreadableEntriesBecomeWarningsAndEverythingElseIsStillRead() throws Exception {
        append(alpha.resolve(S1 + ".jsonl"), assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)));
        Path fifo = beta.resolve("pipe.jsonl");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Path dangling = beta.resolve("gone.jsonl");
        Files.createSymbolicLink(dangling, tmp.resolve("does-not-exist.jsonl"));
        Path loop = beta.resolve("loop");
        Files.createSymbolicLink(loop, beta);
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isEqualTo(1);
        assertThat(s.warnings()).extracting(SourceWarning::source)
                .containsExactlyInAnyOrder(fifo.toString(), dangling.toString(), loop.toString());
        assertThat(s.warnings()).extracting(SourceWarning::message).containsExactlyInAnyOrder(
                "cannot read: not a regular file", "cannot read: broken symbolic link", "cannot read: symbolic link loop");

        Files.delete(fifo);
        Files.delete(dangling);
        Files.delete(loop);
        assertThat(refresh().warnings()).isEmpty();
    }

    @Test
    void aFaultInsideTheStoreBecomesAWarningAndTheNextRefreshStartsAfresh() {
        append(alpha.resolve(S1 + ".jsonl"), assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)));
        assertThat(refresh().responses()).isEqualTo(1);
        TranscriptSummary broken = store.refresh(java.util.Arrays.asList(claude, null));
        assertThat(broken.warnings()).singleElement().extracting(SourceWarning::message).asString()
                .startsWith("not read because of an internal error");
        assertThat(broken.responses()).isZero();
        assertThat(store.refresh(java.util.Arrays.asList(claude, null), List.of(alpha.resolve(S1 + ".jsonl")))
                .warnings()).hasSize(1);
        assertThat(refresh().responses()).isEqualTo(1);
    }

    @Test
    void aProjectFolderReplacedByAFileDropsItsUsage() throws IOException {
        append(alpha.resolve(S1 + ".jsonl"), assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)));
        append(beta.resolve(S2 + ".jsonl"), assistant(S2, "msg_2", "req_2", OPUS, at(2), Usage.of(1, 1, 1)));
        assertThat(refresh().responses()).isEqualTo(2);
        Files.delete(beta.resolve(S2 + ".jsonl"));
        Files.delete(beta);
        Files.writeString(beta, "not a folder any more");
        TranscriptSummary s = refresh();
        assertThat(s.responses()).isEqualTo(1);
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void aTranscriptFolderSeenTwiceCountsOnce() throws IOException {
        append(alpha.resolve(S1 + ".jsonl"), assistant(S1, "msg_1", "req_1", OPUS, at(1), Usage.of(1, 1, 1)));
        Path other = tmp.resolve("config-claude");
        Files.createDirectories(other);
        Files.createSymbolicLink(other.resolve("projects"), claude.resolve("projects"));
        TranscriptSummary s = store.refresh(List.of(claude, other));
        assertThat(s.files()).isEqualTo(2);
        assertThat(s.responses()).isEqualTo(1);
    }

    // --- what the summary shows ---

    @Test
    void theActiveSessionIsTheOneAppendedToLastInAnyProject() throws IOException {
        Path a = alpha.resolve(S1 + ".jsonl");
        Path b = beta.resolve(S2 + ".jsonl");
        append(a, assistant(S1, "/home/dev/alpha", "msg_1", "req_1", OPUS, at(100), Usage.of(1, 1, 1), false, null));
        append(b, assistant(S2, "/home/dev/beta", "msg_2", "req_2", SONNET, at(50), Usage.of(2, 2, 2), false, null));
        touch(a, at(101));
        touch(b, at(200));
        TranscriptSummary s = refresh();
        assertThat(s.activeSession().sessionId()).isEqualTo(S2);
        assertThat(s.activeSession().cwd()).isEqualTo("/home/dev/beta");
        assertThat(s.activeSession().transcript()).isEqualTo(b);
        assertThat(s.lastResponse().sessionId()).as("the newest response is another matter").isEqualTo(S1);

        append(a, ClaudeLines.user(S1, "and now?", at(300)));
        touch(a, at(300));
        TranscriptSummary t = refresh();
        assertThat(t.activeSession().sessionId()).isEqualTo(S1);
        assertThat(t.activeSession().cwd()).isEqualTo("/home/dev/alpha");
        assertThat(t.activeSession().start()).isEqualTo(at(100));
        assertThat(t.activeSession().lastActivity()).isEqualTo(at(100));

        Path c = beta.resolve("0b1c2d3e-new-session.jsonl");
        append(c, ClaudeLines.user("0b1c2d3e-new-session", "hello", at(400)));
        touch(c, at(400));
        TranscriptSummary u = refresh();
        assertThat(u.activeSession().sessionId()).isEqualTo("0b1c2d3e-new-session");
        assertThat(u.activeSession().requests()).isZero();
    }

    @Test
    void sessionFiguresCoverStartLastActivityAndTokensByModel() {
        append(alpha.resolve(S1 + ".jsonl"),
                assistant(S1, "msg_1", "req_1", OPUS, at(10), new Usage(1, 2, 3, 4, 5)),
                assistant(S1, "msg_2", "req_2", SONNET, at(20), new Usage(10, 20, 30, 40, 50)),
                assistant(S1, "msg_2", "req_2", SONNET, at(25), new Usage(10, 21, 30, 40, 50)));
        var s = refresh().activeSession();
        assertThat(s.start()).isEqualTo(at(10));
        assertThat(s.lastActivity()).isEqualTo(at(25));
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.byModel()).containsEntry(OPUS, new TokenCounts(1, 2, 3, 4, 5))
                .containsEntry(SONNET, new TokenCounts(10, 21, 30, 40, 50));
        assertThat(refresh().newestTime()).isEqualTo(at(25));
    }

    @Test
    void windowTotalsIncludeTheStartAndExcludeTheReset() {
        Instant reset = Instant.parse("2025-11-03T15:00:00Z");
        Instant start = reset.minus(Duration.ofHours(5));
        append(alpha.resolve(S1 + ".jsonl"),
                assistant(S1, "msg_0", "req_0", OPUS, start.minusMillis(1), Usage.of(1, 0, 0)),
                assistant(S1, "msg_1", "req_1", OPUS, start, Usage.of(10, 0, 0)),
                assistant(S1, "msg_2", "req_2", SONNET, reset.minusMillis(1), Usage.of(100, 0, 0)),
                assistant(S1, "msg_3", "req_3", OPUS, reset, Usage.of(1000, 0, 0)));
        UsageTotals window = refresh().timeline().between(start, reset);
        assertThat(window.requests()).isEqualTo(2);
        assertThat(window.byModel().get(OPUS).input()).isEqualTo(10);
        assertThat(window.byModel().get(SONNET).input()).isEqualTo(100);
    }

    @Test
    void cacheRatiosAreTheNewestSixtyOldestFirstWithoutResponsesThatHadNoPrompt() throws IOException {
        Path a = alpha.resolve(S1 + ".jsonl");
        Path b = beta.resolve(S2 + ".jsonl");
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            long read = i;
            long input = 100 - i;
            String line = assistant(i % 2 == 0 ? S1 : S2, "msg_" + i, "req_" + i, OPUS, at(i), Usage.of(input, 5, read));
            append(i % 2 == 0 ? a : b, line);
            if (i >= 20) {
                expected.add((double) read / (input + read));
            }
        }
        // one response without any prompt tokens, newest of all: no ratio, but it still takes a place
        append(b, assistant(S2, "msg_empty", "req_empty", OPUS, at(1000), Usage.of(0, 5, 0)));
        expected.remove(0);
        TranscriptSummary s = refresh();
        assertThat(s.cacheRatios()).containsExactlyElementsOf(expected);
        assertThat(s.lastResponse()).extracting(ApiResponse::messageId, ApiResponse::time)
                .containsExactly("msg_empty", at(1000));
        assertThat(fullScan().cacheRatios()).containsExactlyElementsOf(expected);
    }

    @Test
    void theLastResponseIsTheNewestAcrossAllSessions() {
        append(alpha.resolve(S1 + ".jsonl"), assistant(S1, "msg_new", "req_new", OPUS, at(500), new Usage(1, 2, 3, 4, 5)));
        append(beta.resolve(S2 + ".jsonl"), assistant(S2, "msg_old", "req_old", SONNET, at(100), Usage.of(1, 1, 1)));
        ApiResponse last = refresh().lastResponse();
        assertThat(last).isEqualTo(new ApiResponse("msg_new", "req_new", S1, OPUS, at(500), new TokenCounts(1, 2, 3, 4, 5)));
    }
}

package dev.budmon.statusline;

import dev.budmon.model.TokenCounts;
import dev.budmon.source.transcript.ClaudeLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.budmon.demo.SessionLines.text;
import static dev.budmon.demo.SessionLines.thinking;
import static dev.budmon.demo.SessionLines.toolUse;
import static dev.budmon.source.transcript.ClaudeLines.mockResponse;
import static org.assertj.core.api.Assertions.assertThat;

class SessionFiguresTest {

    static final String SESSION = "d5882127-0ba0-45c0-bc32-fbaa6aff730b";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private Path transcript(String... lines) throws IOException {
        Path f = dir.resolve(SESSION + ".jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    @Test
    void eachResponseCountsOnceThoughEveryContentBlockRepeatsIt() throws IOException {
        Path f = transcript(
                ClaudeLines.user(SESSION, "run echo \"usage\"", Instant.parse("2026-11-26T21:44:12.690Z")),
                mockResponse(SESSION, 1, thinking("hm", "c2lnbmF0dXJl"), false,
                        Instant.parse("2026-11-26T21:44:13.100Z")),
                mockResponse(SESSION, 1, text("I will run it."), false, Instant.parse("2026-11-26T21:44:13.200Z")),
                mockResponse(SESSION, 1, toolUse("t1", "Bash"), false, Instant.parse("2026-11-26T21:44:13.300Z")),
                mockResponse(SESSION, 2, text("The tool ran."), false, Instant.parse("2026-11-26T21:44:13.930Z")),
                ClaudeLines.costState(SESSION, 0.023469, "claude-opus-5-5", 17, 49));
        SessionFigures t = SessionFigures.read(f, null, warnings);
        assertThat(warnings).isEmpty();
        assertThat(t.requests()).isEqualTo(2);
        // input 8 + 9, output 23 + 26, 5-minute writes 1201 + 1202, 1-hour writes 300 + 300, reads 14010 + 14020
        assertThat(t.tokens()).isEqualTo(new TokenCounts(17, 49, 2403, 600, 28030));
        // the newest response: 14020 / (9 + 1502 + 14020)
        assertThat(t.lastCacheRatio()).isEqualTo(14020.0 / (9 + 1502 + 14020));
    }

    @Test
    void subagentFilesCountAndReplaysAndSyntheticLinesDoNot() throws IOException {
        Path f = transcript(mockResponse(SESSION, 1, text("main"), false, Instant.parse("2026-11-26T21:44:13.100Z")));
        Path sub = Files.createDirectories(dir.resolve(SESSION).resolve("subagents"));
        Files.writeString(sub.resolve("agent-addfa0f7dcab0188a.jsonl"), String.join("\n",
                mockResponse(SESSION, 7, text("sub"), true, Instant.parse("2026-11-26T21:44:14.000Z")),
                // the parent's response replayed under another request id
                ClaudeLines.assistant(SESSION, ClaudeLines.CWD, "msg_01pIRYkJrk000000000001", "req_other",
                        "claude-opus-5-5", Instant.parse("2026-11-26T21:44:14.100Z"),
                        new ClaudeLines.Usage(8, 23, 1201, 300, 14010), true, null),
                ClaudeLines.assistant(SESSION, ClaudeLines.CWD, "msg_synthetic", "req_synthetic", "<synthetic>",
                        Instant.parse("2026-11-26T21:44:14.200Z"), new ClaudeLines.Usage(0, 0, 0, 0, 0), true, null))
                + "\n");
        Files.writeString(sub.resolve("agent-addfa0f7dcab0188a.meta.json"), "{\"usage\": 1}\n");
        SessionFigures t = SessionFigures.read(f, null, warnings);
        assertThat(t.requests()).isEqualTo(2);
        assertThat(t.tokens().output()).isEqualTo(23 + 41);
        // the subagent's response is the newest
        assertThat(t.lastCacheRatio()).isEqualTo(14070.0 / (9 + 1507 + 14070));
    }

    @Test
    void aPartialLastLineWaitsAndBrokenLinesAreSkipped() throws IOException {
        Path f = dir.resolve(SESSION + ".jsonl");
        String complete = mockResponse(SESSION, 1, text("a"), false, Instant.parse("2026-11-26T21:44:13.100Z"));
        String partial = mockResponse(SESSION, 2, text("b"), false, Instant.parse("2026-11-26T21:44:13.900Z"));
        Files.writeString(f, "{\"usage\": not json\n" + "\"usage\"\n" + complete + "\n"
                + partial.substring(0, partial.length() - 10));
        SessionFigures t = SessionFigures.read(f, null, warnings);
        assertThat(t.requests()).isEqualTo(1);
        assertThat(t.tokens().output()).isEqualTo(23);
        assertThat(warnings).isEmpty();
    }

    @Test
    void longLinesAcrossTheReadBufferAreStillRead() throws IOException {
        String big = "x".repeat(3 * 1024 * 1024);
        Path f = transcript(
                ClaudeLines.user(SESSION, big, Instant.parse("2026-11-26T21:44:12.690Z")),
                mockResponse(SESSION, 1, text(big), false, Instant.parse("2026-11-26T21:44:13.100Z")),
                mockResponse(SESSION, 2, text("short"), false, Instant.parse("2026-11-26T21:44:14.100Z")));
        SessionFigures t = SessionFigures.read(f, null, warnings);
        assertThat(t.requests()).isEqualTo(2);
    }

    @Test
    void aMissingTranscriptGivesNothing() {
        assertThat(SessionFigures.read(dir.resolve("absent.jsonl"), null, warnings)).isNull();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aTranscriptWithoutResponsesGivesZeroRequests() throws IOException {
        Path f = transcript(ClaudeLines.user(SESSION, "hi", Instant.parse("2026-11-26T21:44:12.690Z")));
        SessionFigures t = SessionFigures.read(f, null, warnings);
        assertThat(t.requests()).isZero();
        assertThat(t.lastCacheRatio()).isNull();
    }

    @Test
    void aDirectoryInsteadOfAFileIsAWarning() throws IOException {
        Path d = Files.createDirectory(dir.resolve("odd.jsonl"));
        assertThat(SessionFigures.read(d, null, warnings)).isNull();
        assertThat(warnings).singleElement().asString().contains("cannot read").contains("folder");
    }

    private static String line(int n, String time) {
        return mockResponse(SESSION, n, text("r" + n), false, Instant.parse(time));
    }

    @Test
    void theCacheMakesEachCallReadOnlyWhatWasAppended() throws IOException {
        Path cache = dir.resolve("cache");
        Path f = transcript(line(1, "2026-11-26T10:00:00.000Z"), line(2, "2026-11-26T10:01:00.000Z"));
        assertThat(SessionFigures.read(f, cache, warnings).requests()).isEqualTo(2);
        assertThat(cache.resolve(SessionFigures.indexName(f.toAbsolutePath().normalize()))).exists();

        // Change a figure in the part already read (same file, same size): an incremental read cannot see it.
        String text = Files.readString(f);
        Files.writeString(f, text.replaceFirst("\"output_tokens\":23", "\"output_tokens\":99"));
        Files.writeString(f, line(3, "2026-11-26T10:02:00.000Z") + "\n", java.nio.file.StandardOpenOption.APPEND);
        SessionFigures t = SessionFigures.read(f, cache, warnings);
        assertThat(t.requests()).isEqualTo(3);
        assertThat(t.tokens().output()).isEqualTo(23 + 26 + 29);
        // Without the cache everything is read again, and the changed figure shows.
        assertThat(SessionFigures.read(f, null, warnings).tokens().output()).isEqualTo(99 + 26 + 29);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aResponseContinuedInTheNextCallIsStillCountedOnceWithItsLargestUsage() throws IOException {
        Path cache = dir.resolve("cache");
        Path f = transcript(ClaudeLines.assistant(SESSION, ClaudeLines.CWD, "msg_a", "req_a", "claude-opus-5-5",
                Instant.parse("2026-11-26T10:00:00.000Z"), new ClaudeLines.Usage(5, 10, 0, 0, 100), false, null));
        assertThat(SessionFigures.read(f, cache, warnings).tokens().output()).isEqualTo(10);
        String more = ClaudeLines.assistant(SESSION, ClaudeLines.CWD, "msg_a", "req_a", "claude-opus-5-5",
                Instant.parse("2026-11-26T10:00:01.000Z"), new ClaudeLines.Usage(5, 40, 0, 0, 100), false, null);
        Files.writeString(f, more + "\n" + more.substring(0, 50), java.nio.file.StandardOpenOption.APPEND);
        SessionFigures t = SessionFigures.read(f, cache, warnings);
        assertThat(t.requests()).isEqualTo(1);
        assertThat(t.tokens().output()).isEqualTo(40);
        // the partial line is finished: a new response
        String next = ClaudeLines.assistant(SESSION, ClaudeLines.CWD, "msg_b", "req_b", "claude-opus-5-5",
                Instant.parse("2026-11-26T10:00:02.000Z"), new ClaudeLines.Usage(1, 7, 0, 0, 0), false, null);
        Files.writeString(f, Files.readString(f).substring(0, Files.readString(f).length() - 50) + next + "\n");
        t = SessionFigures.read(f, cache, warnings);
        assertThat(t.requests()).isEqualTo(2);
        assertThat(t.tokens().output()).isEqualTo(47);
    }

    @Test
    void aReplacedOrShrunkTranscriptIsReadAgainFromTheStart() throws IOException {
        Path cache = dir.resolve("cache");
        Path f = transcript(line(1, "2026-11-26T10:00:00.000Z"), line(2, "2026-11-26T10:01:00.000Z"));
        SessionFigures.read(f, cache, warnings);
        Path tmp = dir.resolve("tmp.jsonl");
        Files.writeString(tmp, line(5, "2026-11-26T11:00:00.000Z") + "\n" + line(6, "2026-11-26T11:01:00.000Z") + "\n"
                + line(7, "2026-11-26T11:02:00.000Z") + "\n");
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        SessionFigures t = SessionFigures.read(f, cache, warnings);
        assertThat(t.requests()).isEqualTo(3);
        assertThat(t.tokens().output()).isEqualTo(35 + 38 + 41);

        Files.writeString(f, line(9, "2026-11-26T12:00:00.000Z") + "\n"); // same inode, shorter
        t = SessionFigures.read(f, cache, warnings);
        assertThat(t.requests()).isEqualTo(1);
        assertThat(t.tokens().output()).isEqualTo(47);
    }

    @Test
    void aBrokenOrForeignCacheIsIgnored() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path f = transcript(line(1, "2026-11-26T10:00:00.000Z"));
        for (String junk : java.util.List.of("garbage", "{\"version\": 1, \"files\": {}}", "[]",
                "{\"version\": 1, \"transcript\": \"/other.jsonl\", \"files\": [[\"" + f + "\", \"x\", 5]], \"responses\": []}")) {
            Files.writeString(cache.resolve(SessionFigures.indexName(f.toAbsolutePath().normalize())), junk);
            SessionFigures t = SessionFigures.read(f, cache, warnings);
            assertThat(t.requests()).as(junk).isEqualTo(1);
            assertThat(t.tokens().output()).as(junk).isEqualTo(23);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void subagentsAreCachedToo() throws IOException {
        Path cache = dir.resolve("cache");
        Path f = transcript(line(1, "2026-11-26T10:00:00.000Z"));
        Path sub = Files.createDirectories(dir.resolve(SESSION).resolve("subagents"));
        Path agent = sub.resolve("agent-1.jsonl");
        Files.writeString(agent,
                mockResponse(SESSION, 20, text("s"), true, Instant.parse("2026-11-26T10:00:30.000Z")) + "\n");
        assertThat(SessionFigures.read(f, cache, warnings).requests()).isEqualTo(2);
        Files.writeString(agent,
                mockResponse(SESSION, 21, text("s"), true, Instant.parse("2026-11-26T10:00:40.000Z")) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        SessionFigures t = SessionFigures.read(f, cache, warnings);
        assertThat(t.requests()).isEqualTo(3);
        assertThat(t.lastCacheRatio()).isEqualTo(14210.0 / (8 + 1521 + 14210));
    }
}

package dev.budmon.source.transcript;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.budmon.demo.SessionLines;
import dev.budmon.model.TokenCounts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.budmon.source.transcript.ClaudeLines.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader of assistant lines without Jackson gives, line for line, what the parser gives with Jackson,
 * or leaves the line to it; and it does read the lines Claude Code writes.
 */
class AssistantLineReaderTest {

    private static final Instant T = Instant.parse("2026-11-03T09:15:42.517Z");

    private final TranscriptLineParser withReader = new TranscriptLineParser(true);
    private final TranscriptLineParser jacksonOnly = new TranscriptLineParser(false);
    private final AssistantLineReader reader = new AssistantLineReader();
    private int read;
    private int compared;

    /** What a line is read as, every field. */
    private static String fields(TranscriptLine l) {
        return l.kind + "|" + l.messageId + "|" + l.requestId + "|" + l.model + "|" + l.timeMillis + "|" + l.sessionId
                + "|" + l.cwd + "|" + l.sidechain + "|" + l.input + "|" + l.output + "|" + l.cacheWrite5m + "|"
                + l.cacheWrite1h + "|" + l.cacheRead + "|" + l.totalCostUsd + "|" + l.modelUsage;
    }

    private void assertSameReading(byte[] bytes) {
        TranscriptLine fast = new TranscriptLine();
        TranscriptLine full = new TranscriptLine();
        withReader.parse(bytes, 0, bytes.length, fast);
        jacksonOnly.parse(bytes, 0, bytes.length, full);
        assertThat(fields(fast)).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(fields(full));
        compared++;
        TranscriptLine direct = new TranscriptLine();
        direct.clear();
        int from = 0;
        int to = bytes.length;
        while (from < to && (bytes[from] == ' ' || bytes[from] == '\r')) {
            from++;
        }
        while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\r')) {
            to--;
        }
        if (to - from > 1 && bytes[from] == '{' && bytes[to - 1] == '}' && reader.read(bytes, from, to, direct)) {
            read++;
            assertThat(fields(direct)).isEqualTo(fields(full));
        }
    }

    private void assertSameReading(String line) {
        assertSameReading(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryLineClaudeCodeWroteAsJacksonDoes() throws IOException {
        Path real = Path.of("src/test/resources/transcripts/real");
        List<String> assistant = new ArrayList<>();
        try (Stream<Path> files = Files.walk(real)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    assertSameReading(line);
                    if (line.contains("\"type\":\"assistant\"")) {
                        assistant.add(line);
                    }
                }
            }
        }
        assertThat(assistant).hasSizeGreaterThan(10);
        int before = read;
        for (String line : assistant) {
            assertSameReading(line);
        }
        // every recorded assistant line is read without Jackson
        assertThat(read - before).isEqualTo(assistant.size());
    }

    @Test
    void readsTheLinesOfEveryKindOfContentBlockAndModel() {
        SessionLines lines = ClaudeLines.session("s-1", "/home/dev/p", null);
        SessionLines agent = ClaudeLines.session("s-1", "/home/dev/p", "a7");
        String[] models = {"claude-opus-5-5", "claude-haiku-4-5", "<synthetic>", "claude-sonnet-4-6[1m]"};
        // (short content with letters beyond ASCII is left to Jackson, which checks its UTF-8)
        List<ObjectNode> blocks = List.of(SessionLines.text("a \"quoted\" text\nwith\\backslashes"),
                SessionLines.thinking("thinking " + "x".repeat(500), "sig"),
                SessionLines.toolUse("toolu_1", "Bash", "command", "ls -la", "description", "list"));
        int before = read;
        int n = 0;
        for (String model : models) {
            for (ObjectNode block : blocks) {
                for (SessionLines l : List.of(lines, agent)) {
                    SessionLines.Response r = new SessionLines.Response("msg_" + n, "req_" + n, model,
                            new TokenCounts(n, 10L * n, 100 + n, n % 2 == 0 ? 0 : 50, 1000L * n), 3, "end_turn");
                    assertSameReading(l.assistant(r, n % 3, block, T.plusSeconds(n)));
                    n++;
                }
            }
        }
        assertThat(read - before).isEqualTo(n);
    }

    @Test
    void givesWhatJacksonGivesForOddButValidLines() throws Exception {
        String usage = "\"usage\":{\"input_tokens\":1,\"output_tokens\":2}";
        String time = "\"timestamp\":\"2026-11-03T09:15:42.517Z\"";
        String[] lines = {
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + "}",
            "{ \"message\" : { \"id\" : \"m\" , " + usage + " } , \"type\" : \"assistant\" , " + time + " }",
            "{\"message\":{\"id\":\"m\",\"model\":null," + usage + "},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":null," + usage + "},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":null},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":null,\"output_tokens\":0}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":-1}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":1.0}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":1e3}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":007}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":99999999999999999999}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":\"5\"}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{\"cache_creation_input_tokens\":900,\"cache_creation\":"
                    + "{\"ephemeral_1h_input_tokens\":300}}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{\"cache_creation_input_tokens\":100,\"cache_creation\":"
                    + "{\"ephemeral_5m_input_tokens\":300,\"ephemeral_1h_input_tokens\":300}}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{\"cache_creation\":null}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"usage\":{\"cache_creation\":[1,2]}},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\"," + usage + ",\"id\":\"n\"},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\",\"type\":\"user\"," + time + "}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"user\"," + time + "}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\",\"timestamp\":\"yesterday\"}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\",\"timestamp\":\"2026-11-03T10:15:42+01:00\"}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"isSidechain\":1}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"isSidechain\":null}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"cwd\":\"C:\\\\work\"}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"cwd\":\"/home/jürgen\"}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"x\":\"\\u00fc \\/ \\t\"}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"x\":\"\\q\"}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"x\":\"\\u00g0\"}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"x\":[1,-2.5e-3,true,false,null,{},[]]}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"x\":[1,]}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"x\":tru}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"x\":01}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"x\":1.}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"totalCostUSD\":1.5}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + "} {}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",}",
            "{\"message\":{\"id\":\"m\"," + usage + ",\"content\":[{\"type\":\"text\",\"text\":\"\\x\"}]},"
                    + "\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\"," + usage + ",\"content\":[{\"type\":\"text\",\"text\":\"" + "\\x".repeat(200)
                    + "\"}]},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\"," + usage + ",\"content\":[],\"content\":[]},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\",\"model\":\"<synthetic>\"," + usage + "},\"type\":\"assistant\"," + time + "}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"x\":\"" + "\u0001" + "\"}",
            "{\"message\":{\"id\":\"m\"," + usage + "},\"type\":\"assistant\"," + time + ",\"x\":" + "[".repeat(80)
                    + "]".repeat(80) + "}",
        };
        for (String line : lines) {
            assertSameReading(line);
        }
        assertThat(read).as("the plain ones are read without Jackson").isGreaterThan(8);
    }

    @Test
    void lettersBeyondAsciiInOtherFieldsAreCheckedAsJacksonChecksThem() {
        String head = "{\"message\":{\"id\":\"m\",\"usage\":{\"output_tokens\":2},\"content\":[{\"type\":\"text\","
                + "\"text\":\"";
        String tail = "\"}]},\"type\":\"assistant\",\"timestamp\":\"2026-11-03T09:15:42.517Z\"}";
        int before = read;
        assertSameReading(head + "Größe → ok 👍" + tail);
        assertThat(read - before).as("valid UTF-8 in short content").isEqualTo(1);
        byte[][] invalid = {{(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xC3, 'x'}, {(byte) 0xE2, (byte) 0x86},
            {(byte) 0xF8, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x91}, {(byte) 0xFF}};
        for (byte[] bad : invalid) {
            byte[] h = head.getBytes(StandardCharsets.UTF_8);
            byte[] t = tail.getBytes(StandardCharsets.UTF_8);
            byte[] line = new byte[h.length + bad.length + t.length];
            System.arraycopy(h, 0, line, 0, h.length);
            System.arraycopy(bad, 0, line, h.length, bad.length);
            System.arraycopy(t, 0, line, h.length + bad.length, t.length);
            assertSameReading(line);
        }
    }

    @Test
    void theLowestFlaggedByteIsFoundForEveryPosition() {
        for (int k = 0; k < 8; k++) {
            long found = 0x80L << (8 * k);
            assertThat(BytePattern.lowestByte(found)).isEqualTo(k);
            assertThat(BytePattern.lowestByte(found | 0x8000000000000000L)).isEqualTo(k);
            assertThat(BytePattern.lowestByte(found | (found << 8 == 0 ? 0 : found << 8))).isEqualTo(k);
        }
    }

    @Test
    void damagedLinesAreReadAsJacksonReadsThemOrLeftToIt() throws Exception {
        Random random = new Random(5);
        String[] damage = {"\"", "\\", "{", "}", "[", "]", ",", ":", "x", "0", " ", "-", ".", "e", "\u00e9", "\u0001", "n"};
        for (int round = 0; round < 4000; round++) {
            SessionLines.Response r = new SessionLines.Response("msg_" + round, "req_" + round, "claude-opus-5-5",
                    new TokenCounts(random.nextInt(50), random.nextInt(5000), random.nextInt(9000), random.nextInt(900),
                            random.nextInt(100_000)), 0, "tool_use");
            ObjectNode block = random.nextBoolean() ? SessionLines.text("t".repeat(random.nextInt(600)))
                    : SessionLines.toolUse("toolu_" + round, "Bash", "command", "echo " + round);
            byte[] bytes = ClaudeLines.session("s", "/w", random.nextBoolean() ? null : "ag")
                    .assistant(r, 0, block, T).getBytes(StandardCharsets.UTF_8);
            int k = 1 + random.nextInt(3);
            for (int d = 0; d < k; d++) {
                byte[] with = damage[random.nextInt(damage.length)].getBytes(StandardCharsets.UTF_8);
                int at = random.nextInt(bytes.length);
                byte[] out = new byte[bytes.length + with.length - (random.nextBoolean() ? 1 : 0)];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(with, 0, out, at, with.length);
                int rest = Math.min(bytes.length - at, out.length - at - with.length);
                System.arraycopy(bytes, bytes.length - rest, out, out.length - rest, rest);
                bytes = out;
            }
            if (random.nextInt(5) == 0) {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            }
            assertSameReading(bytes);
        }
        assertThat(compared).isEqualTo(4000);
        assertThat(read).as("damage in the content leaves most lines readable").isGreaterThan(400);
    }

    @Test
    void trickyContentIsSkippedAndTheRestReadAsJacksonDoes() throws Exception {
        Random random = new Random(17);
        String alphabet = "ab \"\\{}[]:,\n\tü→\u0001/";
        int before = read;
        for (int round = 0; round < 500; round++) {
            ObjectNode n = (ObjectNode) JSON.readTree(ClaudeLines.assistant("s", "msg_" + round, "req_1",
                    "claude-opus-5-5", T, new ClaudeLines.Usage(1, round, 3, 4, 5)));
            var content = ((ObjectNode) n.get("message")).putArray("content");
            StringBuilder text = new StringBuilder();
            int len = random.nextInt(3000);
            for (int i = 0; i < len; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            content.addObject().put("type", "text").put("text", text.toString());
            assertSameReading(JSON.writeValueAsString(n));
        }
        assertThat(read - before).as("long content of any kind").isGreaterThan(400);
    }
}

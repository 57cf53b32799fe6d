package dev.budmon.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.budmon.demo.SessionLines;
import dev.budmon.model.TokenCounts;
import dev.budmon.source.transcript.ClaudeLines;
import dev.budmon.source.transcript.ClaudeModelUsage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates a corpus of Claude Code transcripts for the benchmark: {@code <out>/.claude/projects/<project>/
 * <session>.jsonl} plus subagent files, so that both BudMon and ccusage (with {@code HOME=<out>}) find it.
 *
 * <p>Every line comes from {@link ClaudeLines}, in the format of the real Claude Code 2.1.332: a session opens
 * with the lines Claude Code writes before its first request (queue operations, attachments,
 * {@code api-request-shape}, {@code api-request-blob}); each response is an {@code api-request} line, one
 * assistant line per content block (thinking, text, tool_use) repeating the usage, and a tool result (in the
 * session's own file repeated in {@code toolUseResult}, as Claude Code does) whose size follows a long-tailed
 * distribution, so that, as in real transcripts, most bytes are content. Sessions end with a cumulative
 * {@code cost-state} line.
 *
 * <p>Deterministic for a given seed (apart from line ids). Writes {@code <out>/expected.json} with the unique
 * responses and token totals by model, to check a scan against.
 *
 * <p>Usage: {@code TranscriptCorpus <out> [megabytes=500] [projects=20] [seed=1] [contentScale=1.0]}
 */
public final class TranscriptCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MAIN_MODELS = {"claude-opus-5-5", "claude-opus-5-5", "claude-sonnet-4-6"};
    private static final String SUB_MODEL = "claude-haiku-4-5";
    private static final Instant END = Instant.parse("2026-11-26T18:00:00Z");
    /** The length of the text of the request blob that now and then comes with a request. */
    private static final int BLOB_TEXT = 9_000;

    private final Random random;
    /** Scales the sizes of thinking, text, tool input and tool output: below 1, more responses per megabyte. */
    private final double contentScale;
    private final String pool;

    private final Map<String, long[]> expected = new LinkedHashMap<>();
    private long responses;
    private long lines;
    private long assistantLines;
    private long requestCounter;

    private TranscriptCorpus(long seed, double contentScale) {
        random = new Random(seed);
        this.contentScale = contentScale;
        pool = textPool(random);
    }

    /** Prose, code and log output with quotes, backslashes, newlines and some non-ASCII, as tools return. */
    private static String textPool(Random random) {
        String[] words = {"the", "build", "fails", "because", "function", "return", "const", "import", "class",
                "public", "void", "if", "else", "for", "while", "error:", "warning:", "at", "src/main/java",
                "Größe", "naïve", "→", "\"quoted\"", "C:\\Users\\dev", "{", "}", "(", ")", "[", "]", ";", "=>",
                "npm", "ERR!", "200", "OK", "null", "true", "0x1F", "42", "TODO", "fix", "test", "passed",
                "assert", "expected", "actual", "line", "col", "usage", "cost", "token", "cache", "\t"};
        StringBuilder b = new StringBuilder(4 << 20);
        while (b.length() < (4 << 20)) {
            b.append(words[random.nextInt(words.length)]);
            b.append(random.nextInt(9) == 0 ? '\n' : ' ');
        }
        return b.toString();
    }

    private String text(int length) {
        int start = random.nextInt(pool.length() - length - 1);
        return pool.substring(start, start + length);
    }

    /** A content size: {@link #logNormal} scaled by the corpus's content scale. */
    private int content(double median, double sigma, int max) {
        return logNormal(median * contentScale, sigma, max);
    }

    private int logNormal(double median, double sigma, int max) {
        return (int) Math.min(max, Math.max(1, median * Math.exp(sigma * random.nextGaussian())));
    }

    private void write(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        lines++;
    }

    /** Writes one transcript file; returns its time span's end. */
    private long writeSession(Path file, String session, String cwd, long start, long targetBytes, String agentId,
                              Map<String, long[]> sessionTotals) throws IOException {
        Files.createDirectories(file.getParent());
        SessionLines transcript = ClaudeLines.session(session, cwd, agentId);
        long time = start;
        try (CountingStream out = new CountingStream(Files.newOutputStream(file))) {
            if (agentId == null) {
                for (String line : ClaudeLines.opening(session, cwd, Instant.ofEpochMilli(time))) {
                    write(out, line);
                }
            }
            String model = agentId != null ? SUB_MODEL : MAIN_MODELS[random.nextInt(MAIN_MODELS.length)];
            long context = 12_000 + random.nextInt(8000);
            while (out.count < targetBytes) {
                time += 2000 + random.nextInt(40_000);
                write(out, ClaudeLines.apiRequest(session, Instant.ofEpochMilli(time)));
                if (random.nextInt(8) == 0) {
                    write(out, ClaudeLines.apiRequestBlob(session, text(BLOB_TEXT)));
                }
                String toolUseId = writeResponse(out, transcript, cwd, time, model, context, sessionTotals);
                context = Math.min(190_000, context + 500 + random.nextInt(4000));
                time += 500 + random.nextInt(5000);
                String output = text(content(800, 1.5, 400_000));
                write(out, transcript.toolResult(toolUseId, output, Instant.ofEpochMilli(time)));
                if (random.nextInt(20) == 0) {
                    write(out, ClaudeLines.promptSnapshot(session, cwd, Instant.ofEpochMilli(time)));
                }
            }
            if (agentId == null && random.nextInt(4) != 0) {
                Map<String, ClaudeModelUsage> cost = new LinkedHashMap<>();
                sessionTotals.forEach((m, t) -> cost.put(m, new ClaudeModelUsage(
                        new TokenCounts(t[0], t[1], t[2], t[3], t[4]),
                        (t[0] * 5 + t[1] * 25 + t[2] * 6.25 + t[3] * 10 + t[4] * 0.5) / 1e6)));
                write(out, ClaudeLines.costState(session, cost));
            }
        }
        // old sessions look old, as they would on a real disk
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(time));
        return time;
    }

    /** Writes the lines of one response; returns the id of its tool call (the next line's tool result). */
    private String writeResponse(OutputStream out, SessionLines transcript, String cwd, long time, String model,
                                 long context, Map<String, long[]> sessionTotals) throws IOException {
        long n = ++requestCounter;
        String messageId = String.format("msg_01Bench%016d", n);
        String requestId = String.format("req_011CBench%016d", n);
        long input = 1 + random.nextInt(40);
        long write5m = random.nextInt(4) == 0 ? 0 : 100 + random.nextInt(5000);
        long write1h = random.nextInt(10) == 0 ? 200 + random.nextInt(3000) : 0;
        long read = context;
        long output = logNormal(300, 1.2, 32_000);
        String toolUseId = "toolu_01Bench" + n;
        List<ObjectNode> blocks = new ArrayList<>();
        if (random.nextBoolean()) {
            blocks.add(SessionLines.thinking(text(content(600, 1.0, 20_000)),
                    "RXF" + Long.toHexString(random.nextLong()).repeat(20)));
        }
        if (random.nextInt(10) < 7) {
            blocks.add(SessionLines.text(text(content(300, 1.0, 10_000))));
        }
        if (blocks.isEmpty() || random.nextInt(4) != 0) {
            toolUseId = "toolu_01" + Long.toHexString(random.nextLong());
            blocks.add(random.nextInt(20) == 0
                    ? SessionLines.toolUse(toolUseId, "Write", "file_path", cwd + "/src/Generated" + n + ".java",
                            "content", text(content(6000, 1.0, 60_000)))
                    : SessionLines.toolUse(toolUseId, "Bash", "command", text(logNormal(80, 0.8, 2000)),
                            "description", text(40)));
        }
        // Claude Code 2.1.332 repeats the final usage on every block line; older versions wrote a smaller
        // output count on the earlier lines. Some responses do the latter, to exercise the largest-count rule.
        boolean growing = random.nextInt(10) == 0;
        String stop = blocks.get(blocks.size() - 1).path("type").asText().equals("tool_use") ? "tool_use" : "end_turn";
        for (int i = 0; i < blocks.size(); i++) {
            long shown = growing && i < blocks.size() - 1 ? 1 + i : output;
            SessionLines.Response response = new SessionLines.Response(messageId, requestId, model,
                    new TokenCounts(input, shown, write5m, write1h, read), 0, stop);
            write(out, transcript.assistant(response, i, blocks.get(i), Instant.ofEpochMilli(time + i * 40L)));
            assistantLines++;
        }
        responses++;
        long[] totals = {input, output, write5m, write1h, read, 1};
        long[] all = expected.computeIfAbsent(model, k -> new long[6]);
        long[] own = sessionTotals.computeIfAbsent(model, k -> new long[6]);
        for (int i = 0; i < totals.length; i++) {
            all[i] += totals[i];
            own[i] += totals[i];
        }
        return toolUseId;
    }

    private void generate(Path out, long totalBytes, int projects) throws IOException {
        Path root = out.resolve(".claude").resolve("projects");
        long perProject = totalBytes / projects;
        long sessions = 0;
        long files = 0;
        for (int p = 0; p < projects; p++) {
            String cwd = "/home/dev/work/project-" + p;
            Path project = root.resolve(cwd.replaceAll("[^A-Za-z0-9]", "-"));
            long written = 0;
            while (written < perProject) {
                String session = new UUID(random.nextLong(), random.nextLong()).toString();
                long size = Math.min(perProject - written + 10_000, logNormal(1_500_000, 1.0, 40_000_000));
                long start = END.toEpochMilli() - (long) (random.nextDouble() * 28 * 24 * 3600_000L);
                Map<String, long[]> sessionTotals = new LinkedHashMap<>();
                if (random.nextInt(5) == 0) {
                    int agents = 1 + random.nextInt(3);
                    for (int a = 0; a < agents; a++) {
                        String agent = Long.toHexString(random.nextLong());
                        long subSize = logNormal(80_000, 1.0, 2_000_000);
                        Path sub = project.resolve(session).resolve("subagents").resolve("agent-" + agent + ".jsonl");
                        writeSession(sub, session, cwd, start + 60_000, subSize, agent, sessionTotals);
                        written += Files.size(sub);
                        files++;
                    }
                }
                Path main = project.resolve(session + ".jsonl");
                writeSession(main, session, cwd, start, size, null, sessionTotals);
                written += Files.size(main);
                files++;
                sessions++;
            }
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("files", files);
        summary.put("sessions", sessions);
        summary.put("lines", lines);
        summary.put("assistantLines", assistantLines);
        summary.put("responses", responses);
        ObjectNode byModel = summary.putObject("byModel");
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            long[] t = e.getValue();
            ObjectNode m = byModel.putObject(e.getKey());
            m.put("requests", t[5]);
            m.put("input", t[0]);
            m.put("output", t[1]);
            m.put("cacheWrite5m", t[2]);
            m.put("cacheWrite1h", t[3]);
            m.put("cacheRead", t[4]);
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("expected.json").toFile(), summary);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: TranscriptCorpus <out> [megabytes=500] [projects=20] [seed=1] [contentScale=1.0]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long mb = args.length > 1 ? Long.parseLong(args[1]) : 500;
        int projects = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        double scale = args.length > 4 ? Double.parseDouble(args[4]) : 1.0;
        long t0 = System.nanoTime();
        TranscriptCorpus corpus = new TranscriptCorpus(seed, scale);
        corpus.generate(out, mb * 1_000_000L, projects);
        System.out.printf("generated %d lines (%d assistant lines, %d responses) in %.1f s into %s%n",
                corpus.lines, corpus.assistantLines, corpus.responses, (System.nanoTime() - t0) / 1e9, out);
    }

    /** Counts what was written, to stop a file at its target size. */
    private static final class CountingStream extends BufferedOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out, 1 << 16);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            count += len;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            super.write(b);
            count++;
        }
    }
}

package dev.budmon.report;

import dev.budmon.demo.SessionLines;
import dev.budmon.model.TokenCounts;
import dev.budmon.source.transcript.ClaudeLines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A transcript history written the way Claude Code writes it, with the responses it holds as the known truth
 * of its reports:
 * <ul>
 * <li>{@code /home/dev/my.app} and {@code /home/dev/my-app}, two projects in the one folder
 *     {@code -home-dev-my-app} (Claude Code maps both paths to it);</li>
 * <li>a Sonnet session in the first that spans four days around Berlin's change to summer time, with a
 *     response whose first line shows a smaller output count, a {@code <synthetic>} line and a cost-state
 *     line;</li>
 * <li>an Opus session in the second across the end of September, with a Haiku subagent, and a sidechain
 *     replay of a main-chain response (not new usage);</li>
 * <li>a session in {@code /srv/work/tool} of a model the price table does not know, around Berlin's end of
 *     summer time;</li>
 * <li>every response written as two content-block lines repeating its usage.</li>
 * </ul>
 * With {@link #writeSecondDir} a second Claude directory holds a copy of one of the files (synced from another
 * machine) and one response of its own.
 */
public final class HistoryFixture {

    public static final String SONNET = "claude-sonnet-4-6";
    public static final String OPUS = "claude-opus-5-5";
    public static final String HAIKU = "claude-haiku-4-5";
    public static final String UNKNOWN = "claude-opus-9-1";
    public static final String APP_DOT = "/home/dev/my.app";
    public static final String APP_DASH = "/home/dev/my-app";
    public static final String TOOL = "/srv/work/tool";
    public static final String S1 = "11111111-1111-4111-8111-111111111111";
    public static final String S2 = "22222222-2222-4222-8222-222222222222";
    public static final String S3 = "33333333-3333-4333-8333-333333333333";
    public static final String S4 = "44444444-4444-4444-8444-444444444444";

    /** One counted response as the truth has it. */
    public record Expected(String session, String project, String model, Instant time, TokenCounts tokens) {
    }

    /** Every response counted, each once. */
    public final List<Expected> responses = new ArrayList<>();
    private int n;

    private HistoryFixture() {
    }

    /** Folder name Claude Code gives a working directory. */
    public static String folderOf(String cwd) {
        return cwd.replaceAll("[^A-Za-z0-9]", "-");
    }

    /** Writes the history into {@code claudeDir/projects}. */
    public static HistoryFixture write(Path claudeDir) {
        HistoryFixture f = new HistoryFixture();
        Path projects = claudeDir.resolve("projects");
        Path s1 = projects.resolve(folderOf(APP_DOT)).resolve(S1 + ".jsonl");
        f.respond(s1, S1, APP_DOT, SONNET, "2026-03-28T22:59:00Z", false, null, false);
        f.respond(s1, S1, APP_DOT, SONNET, "2026-03-28T23:00:00Z", true, null, false);
        ClaudeLines.append(s1, ClaudeLines.assistant(S1, APP_DOT, "msg_synthetic", "req_synthetic", "<synthetic>",
                Instant.parse("2026-03-29T10:00:00Z"), new ClaudeLines.Usage(0, 0, 0, 0, 0), false, null));
        f.respond(s1, S1, APP_DOT, SONNET, "2026-03-29T21:59:00Z", false, null, false);
        f.respond(s1, S1, APP_DOT, SONNET, "2026-03-29T22:00:00Z", false, null, false);
        f.respond(s1, S1, APP_DOT, SONNET, "2026-03-31T03:00:00Z", false, null, false);
        ClaudeLines.append(s1, ClaudeLines.costState(S1, 0.5, SONNET, 40, 400));

        Path s2 = projects.resolve(folderOf(APP_DASH)).resolve(S2 + ".jsonl");
        Path agent = projects.resolve(folderOf(APP_DASH)).resolve(S2).resolve("subagents").resolve("agent-a1.jsonl");
        String replayed = f.respond(s2, S2, APP_DASH, OPUS, "2026-09-27T12:00:00Z", false, null, false);
        f.respond(agent, S2, APP_DASH, HAIKU, "2026-09-30T12:05:00Z", false, "a1", true);
        // the subagent's file repeats the main chain's response under another request id: a replay
        ClaudeLines.append(agent, ClaudeLines.assistant(S2, APP_DASH, replayed, "req_replay", OPUS,
                Instant.parse("2026-09-30T12:06:00Z"), new ClaudeLines.Usage(9, 99, 0, 0, 999), true, "a1"));
        f.respond(s2, S2, APP_DASH, OPUS, "2026-09-30T12:00:00Z", false, null, false);
        f.respond(s2, S2, APP_DASH, OPUS, "2026-10-01T09:00:00Z", false, null, false);

        Path s3 = projects.resolve(folderOf(TOOL)).resolve(S3 + ".jsonl");
        f.respond(s3, S3, TOOL, UNKNOWN, "2026-10-24T22:00:00Z", false, null, false);
        f.respond(s3, S3, TOOL, UNKNOWN, "2026-10-25T22:59:00Z", false, null, false);
        f.respond(s3, S3, TOOL, UNKNOWN, "2026-10-25T23:00:00Z", false, null, false);
        return f;
    }

    /**
     * A second Claude directory: a copy of the third session's file, as synced from another machine, and a
     * session of its own; only the latter's response is new.
     */
    public void writeSecondDir(Path firstDir, Path secondDir) {
        try {
            Path from = firstDir.resolve("projects").resolve(folderOf(TOOL)).resolve(S3 + ".jsonl");
            Path to = secondDir.resolve("projects").resolve(folderOf(TOOL)).resolve(S3 + ".jsonl");
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path s4 = secondDir.resolve("projects").resolve(folderOf(TOOL)).resolve(S4 + ".jsonl");
        respond(s4, S4, TOOL, HAIKU, "2026-10-26T07:00:00Z", false, null, false);
    }

    /**
     * Writes one response as two content-block lines and records it.
     *
     * @param growing whether the first line shows a smaller output count, as older Claude Code versions wrote
     * @return its message id
     */
    private String respond(Path file, String session, String cwd, String model, String time, boolean growing,
                           String agent, boolean sidechain) {
        n++;
        String messageId = String.format("msg_01Fixture%08d", n);
        String requestId = String.format("req_011CFixture%08d", n);
        TokenCounts t = new TokenCounts(3 + n, 100 + 7L * n, 1000 + n, n % 3 == 0 ? 500 : 0, 20_000 + 13L * n);
        Instant at = Instant.parse(time);
        SessionLines lines = ClaudeLines.session(session, cwd, agent);
        SessionLines.Response first = new SessionLines.Response(messageId, requestId, model,
                growing ? new TokenCounts(t.input(), 1, t.cacheWrite5m(), t.cacheWrite1h(), t.cacheRead()) : t, 0,
                "tool_use");
        SessionLines.Response last = new SessionLines.Response(messageId, requestId, model, t, 0, "tool_use");
        ClaudeLines.append(file, lines.assistant(first, 0, SessionLines.text("Let me look."), at),
                lines.assistant(last, 1, SessionLines.toolUse("toolu_" + n, "Bash", "command", "ls"), at.plusMillis(40)));
        responses.add(new Expected(session, cwd, model, at, t));
        return messageId;
    }

    /** The truth grouped: per key, per model, requests (as the count of tokens) and tokens. */
    public Map<String, Map<String, TokenCounts>> tokensBy(Function<Expected, String> key) {
        Map<String, Map<String, TokenCounts>> out = new TreeMap<>();
        for (Expected e : responses) {
            out.computeIfAbsent(key.apply(e), k -> new TreeMap<>()).merge(e.model(), e.tokens(), TokenCounts::plus);
        }
        return out;
    }

    /** The truth's requests per key. */
    public Map<String, Integer> requestsBy(Function<Expected, String> key) {
        Map<String, Integer> out = new TreeMap<>();
        for (Expected e : responses) {
            out.merge(key.apply(e), 1, Integer::sum);
        }
        return out;
    }

    /** The calendar day of a response in a zone, as the truth's key of daily reports. */
    public static Function<Expected, String> day(ZoneId zone) {
        return e -> LocalDate.from(e.time().atZone(zone)).toString();
    }
}

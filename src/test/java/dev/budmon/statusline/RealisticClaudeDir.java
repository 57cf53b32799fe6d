package dev.budmon.statusline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.budmon.demo.SessionLines;
import dev.budmon.history.HistoryFiles;
import dev.budmon.history.Observation;
import dev.budmon.history.ObservationLine;
import dev.budmon.history.WindowReading;
import dev.budmon.source.transcript.ClaudeLines;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Writes a Claude directory as a heavy user has one, for {@code src/bench/statusline.sh}: the interceptor's
 * {@code usage-limits.json}, a commented {@code budmon.ini}, {@code settings.json}, many projects with
 * sessions, one long active session (about 25 MB, with subagents), every line from {@link ClaudeLines}, and a
 * week of the quota history (a line a minute, as the interceptor writes it);
 * plus the payloads Claude Code would pipe to the status line for that session, with and without
 * {@code rate_limits}. Seeded, so every run writes the same bytes apart from times relative to now.
 *
 * <p>Usage: {@code RealisticClaudeDir OUT_DIR}; writes {@code OUT_DIR/claude/…}, {@code OUT_DIR/payload.json}
 * and {@code OUT_DIR/payload-without-limits.json}.
 */
public final class RealisticClaudeDir {

    static final String SESSION = "7c1f0a52-3d4e-4b7a-9e11-5a0c2f9d8b63";
    static final String PROJECT = "-home-ann-work-budmon";
    static final String CWD = "/home/ann/work/budmon";

    private RealisticClaudeDir() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RealisticClaudeDir OUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        Path claude = Files.createDirectories(out.resolve("claude"));
        long now = Instant.now().getEpochSecond();
        Random random = new Random(42);

        Files.writeString(claude.resolve("usage-limits.json"), """
                {
                  "source": "budmon-interceptor",
                  "interceptor_version": "1.0.0",
                  "updated_at": "%s",
                  "headers_raw": {
                    "anthropic-ratelimit-unified-status": "allowed",
                    "anthropic-ratelimit-unified-reset": "%d",
                    "anthropic-ratelimit-unified-representative-claim": "five_hour",
                    "anthropic-ratelimit-unified-5h-utilization": "0.41",
                    "anthropic-ratelimit-unified-5h-reset": "%d",
                    "anthropic-ratelimit-unified-5h-status": "allowed",
                    "anthropic-ratelimit-unified-7d-utilization": "0.62",
                    "anthropic-ratelimit-unified-7d-reset": "%d",
                    "anthropic-ratelimit-unified-7d-status": "allowed",
                    "anthropic-ratelimit-unified-7d_opus-utilization": "0.33",
                    "anthropic-ratelimit-unified-7d_opus-reset": "%d",
                    "anthropic-ratelimit-unified-overage-status": "rejected",
                    "anthropic-ratelimit-unified-overage-disabled-reason": "org_level_disabled",
                    "anthropic-ratelimit-unified-fallback-percentage": "0.5"
                  }
                }
                """.formatted(Instant.ofEpochSecond(now - 90), now + 8040, now + 8040, now + 302_400, now + 302_400));
        Files.writeString(claude.resolve("budmon.ini"), """
                ; budmon.ini - settings of BudMon, the budget monitor for Claude Code.
                ; Lines starting with ; or # are comments.

                [general]
                language = auto
                refresh_ms = 2000

                [model]
                model = auto

                [thresholds]
                ; Quota used, in percent of a window, from which the window shows WARN and ALARM.
                quota_warn = 75
                quota_alarm = 90
                cache_warn = 0.5
                cache_alarm = 0.2
                burn_safe = 15
                burn_warn = 25
                ; Reserve in minutes (or e.g. 1h30m).
                reserve_safe = 60

                [statusline]
                ; cwd, model_info, 5h_bar, 7d_bar, countdown_5h, countdown_7d, cost, burn_5h, burn_7d,
                ; reserve, cache, tokens_in, tokens_out, requests, model, pace_5h, pace_7d, binds
                elements = cwd, model_info, 5h_bar, 7d_bar, countdown_5h, reserve
                max_width = 80

                [window]
                geometry = 100,80,760,520
                """);
        Files.writeString(claude.resolve("settings.json"), """
                {
                  "model": "opus",
                  "permissions": {"allow": ["Bash(mvn -q -o test:*)", "Read(~/work/**)"], "deny": []},
                  "statusLine": {"type": "command", "command": "%s/budmon --statusline"},
                  "cleanupPeriodDays": 30
                }
                """.formatted(Path.of("").toAbsolutePath()));

        // Other projects and sessions: the status line must not read them.
        for (int p = 0; p < 12; p++) {
            for (int s = 0; s < 4; s++) {
                String session = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
                Path f = claude.resolve("projects/-home-ann-project-" + p + "/" + session + ".jsonl");
                writeSession(f, session, "/home/ann/project-" + p, 60, 0, null, random, now - 86_400L * (s + 1));
            }
        }

        Path transcript = claude.resolve("projects/" + PROJECT + "/" + SESSION + ".jsonl");
        writeSession(transcript, SESSION, CWD, 600, 0, null, random, now - 4 * 3600);
        for (int a = 0; a < 3; a++) {
            String agent = "a" + a + "5f0c2e1d9b7a3";
            Path sub = claude.resolve("projects/" + PROJECT + "/" + SESSION + "/subagents/agent-" + agent + ".jsonl");
            writeSession(sub, SESSION, CWD, 40, 10_000 * (a + 1), agent, random, now - 3 * 3600 + a * 600L);
        }

        writeHistory(claude, now, random);

        String payload = payload(transcript, now, true);
        Files.writeString(out.resolve("payload.json"), payload);
        Files.writeString(out.resolve("payload-without-limits.json"), payload(transcript, now, false));
        System.out.println("wrote " + claude + " (active session " + Files.size(transcript) / 1_000_000 + " MB)");
    }

    /**
     * A week of the interceptor's observations, one a minute, ending with the figures of usage-limits.json 90 s
     * ago, and the status line's now and then; written with the writers' own formatter.
     */
    static void writeHistory(Path claude, long now, Random random) throws IOException {
        java.util.Map<Path, BufferedWriter> files = new java.util.HashMap<>();
        int minutes = 7 * 24 * 60;
        for (int m = minutes; m >= 0; m--) {
            long t = now - 90 - 60L * m;
            double progress = (minutes - m) / (double) minutes;
            java.util.Map<String, WindowReading> w = new java.util.LinkedHashMap<>();
            long fiveReset = now + 8040 - (m / 300) * 18_000L;
            w.put("5h", new WindowReading(0.41 * ((300 - m % 300) / 300.0), Instant.ofEpochSecond(fiveReset), "allowed"));
            w.put("7d", new WindowReading(0.62 * progress, Instant.ofEpochSecond(now + 302_400), "allowed"));
            w.put("7d_opus", new WindowReading(0.33 * progress, Instant.ofEpochSecond(now + 302_400), null));
            boolean statusline = m % 7 == 3;
            Observation o = new Observation(Instant.ofEpochSecond(t, random.nextInt(1000) * 1_000_000L),
                    statusline ? Observation.STATUSLINE : Observation.INTERCEPTOR,
                    statusline ? null : "req_011C" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36),
                    statusline ? SESSION : null, statusline ? null : "allowed", w);
            Path file = HistoryFiles.file(claude, o.time());
            BufferedWriter out = files.get(file);
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                files.put(file, out);
            }
            out.write(new String(ObservationLine.format(o), StandardCharsets.UTF_8));
        }
        for (BufferedWriter out : files.values()) {
            out.close();
        }
    }

    /** The payload of Claude Code 2.1.x for the active session. */
    static String payload(Path transcript, long now, boolean withLimits) {
        String limits = withLimits ? """
                ,
                  "rate_limits": {
                    "five_hour": {"used_percentage": 42, "resets_at": %d},
                    "seven_day": {"used_percentage": 63, "resets_at": %d}
                  }""".formatted(now + 8040, now + 302_400) : "";
        return """
                {
                  "hook_event_name": "Status",
                  "session_id": "%s",
                  "transcript_path": "%s",
                  "cwd": "%s/work/budmon",
                  "model": {"id": "claude-opus-5-5", "display_name": "Opus 5.5"},
                  "workspace": {"current_dir": "%s/work/budmon", "project_dir": "%s/work/budmon", "added_dirs": []},
                  "version": "2.1.332",
                  "output_style": {"name": "default"},
                  "cost": {"total_cost_usd": 14.2718, "total_duration_ms": 14400000, "total_api_duration_ms": 3120000,
                           "total_lines_added": 2156, "total_lines_removed": 823},
                  "context_window": {
                    "total_input_tokens": 125310, "total_output_tokens": 412077, "context_window_size": 200000,
                    "used_percentage": 61.5, "remaining_percentage": 38.5,
                    "current_usage": {"input_tokens": 12, "output_tokens": 907, "cache_creation_input_tokens": 3410,
                                      "cache_read_input_tokens": 118230}
                  },
                  "exceeds_200k_tokens": false%s
                }
                """.formatted(SESSION, transcript, System.getProperty("user.home"), System.getProperty("user.home"),
                System.getProperty("user.home"), limits);
    }

    /**
     * A session: per turn a prompt, two request blobs, 1–4 assistant blocks of one response and a tool result;
     * the session's own file ends with Claude Code's cost-state line.
     *
     * @param firstId added to the response number in message and request ids, so that files do not share them
     * @param agentId the subagent whose file this is, {@code null} for the session's own
     */
    static void writeSession(Path f, String session, String cwd, int turns, int firstId, String agentId, Random r,
                             long start) throws IOException {
        Files.createDirectories(f.getParent());
        SessionLines lines = ClaudeLines.session(session, cwd, agentId, r);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            long t = start;
            for (int n = 1; n <= turns; n++) {
                t += 5 + r.nextInt(40);
                writeLine(w, lines.prompt(filler(r, 200 + r.nextInt(3000)), Instant.ofEpochSecond(t)));
                writeLine(w, ClaudeLines.apiRequestBlob(session, filler(r, 1000 + r.nextInt(12000))));
                writeLine(w, ClaudeLines.apiRequestBlob(session, filler(r, 8000 + r.nextInt(30000))));
                String toolUseId = "toolu_" + (firstId + n);
                int blocks = 1 + r.nextInt(4);
                for (int b = 0; b < blocks; b++) {
                    ObjectNode block = b == blocks - 1 && r.nextBoolean()
                            ? SessionLines.toolUse(toolUseId, "Edit", "file_path", cwd + "/src/Main.java",
                                    "new_string", filler(r, 500 + r.nextInt(4000)))
                            : SessionLines.text(filler(r, 100 + r.nextInt(1500)));
                    writeLine(w, lines.assistant(ClaudeLines.mockResponse(firstId + n), b, block,
                            Instant.ofEpochSecond(t + 2)));
                }
                // Claude Code writes the output twice (in toolUseResult too): half as long keeps the file's size.
                String output = filler(r, (300 + r.nextInt(8000)) / 2);
                writeLine(w, lines.toolResult(toolUseId, output, Instant.ofEpochSecond(t + 3)));
            }
            if (agentId == null) {
                writeLine(w, ClaudeLines.costState(session, 14.27, "claude-opus-5-5", 17, 49));
            }
        }
    }

    private static void writeLine(BufferedWriter w, String line) throws IOException {
        w.write(line);
        w.newLine();
    }

    private static final String WORDS = "the quota window burn rate reserve expiry token cache read write model session "
            + "request response line file build test usage limit claude budmon java swing ";

    private static String filler(Random r, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            int at = r.nextInt(WORDS.length() - 10);
            sb.append(WORDS, at, at + 1 + r.nextInt(9));
        }
        return sb.toString();
    }
}

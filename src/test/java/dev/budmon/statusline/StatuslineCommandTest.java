package dev.budmon.statusline;

import dev.budmon.demo.SessionLines;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.UsageLimitsFile;
import dev.budmon.source.transcript.ClaudeLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole status-line command in this process: real files in a temporary Claude directory. */
class StatuslineCommandTest {

    static final Instant NOW = PayloadLimitsStoreTest.NOW;

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path claude() throws IOException {
        return Files.createDirectories(root.resolve(".claude"));
    }

    private int run(Path claudeDir, String stdin) {
        return run(claudeDir, new StdinPayload.Input(stdin.getBytes(StandardCharsets.UTF_8), null));
    }

    private int run(Path claudeDir, StdinPayload.Input input) {
        return StatuslineCommand.printLine(new ClaudeDirs(List.of(claudeDir)), () -> input, root, root.resolve("cache"), NOW,
                new PrintStream(out, true), new PrintStream(err, true));
    }

    private String line() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static String payload(String cwd) {
        return """
                {"session_id": "s1", "cwd": "%s", "model": {"id": "claude-opus-5-5", "display_name": "Opus 5.5"},
                 "cost": {"total_cost_usd": 1.42},
                 "rate_limits": {"five_hour": {"used_percentage": 42, "resets_at": %d},
                                 "seven_day": {"used_percentage": 80, "resets_at": %d}}}
                """.formatted(cwd, PayloadLimitsStoreTest.RESET_5H, PayloadLimitsStoreTest.RESET_7D);
    }

    @Test
    void aPayloadGivesTheDefaultLineAndIsStored() throws IOException {
        Path dir = claude();
        assertThat(run(dir, payload(root.resolve("work").toString()))).isZero();
        // 5h: 42 % 2 h 46 min into the window, reset in 2 h 14 min; 7d: 80 % (a warning), reset in 3 d 12 h.
        assertThat(line()).isEqualTo("~/work [Opus 5.5] 5h ███░░░░░ 42% " + LineRenderer.YELLOW + "7d ██████░░ 80%"
                + LineRenderer.RESET + " ↓2h14m +1h35m\n");
        assertThat(errors()).isEmpty();
        assertThat(UsageLimitsFile.readStatusline(UsageLimitsFile.statuslineFile(dir)).statusline().window("7d").utilization())
                .isEqualTo(0.8);
    }

    @Test
    void noPayloadAndNoDataIsAnEmptyLine() throws IOException {
        assertThat(run(claude(), "")).isZero();
        assertThat(line()).isEqualTo("\n");
        assertThat(errors()).isEmpty();
        assertThat(run(root.resolve("no-such-dir"), "")).isZero();
        assertThat(line()).isEqualTo("\n\n");
    }

    @Test
    void aBrokenPayloadStillShowsBudmonsOwnFigures() throws IOException {
        Path dir = claude();
        Files.writeString(dir.resolve(UsageLimitsFile.FILE_NAME), PayloadLimitsStoreTest.INTERCEPTOR_FILE);
        for (String broken : List.of("not json", "{\"cwd\": \"/x\", \"rate_limits\": {\"five_", "[]")) {
            out.reset();
            err.reset();
            assertThat(run(dir, broken)).isZero();
            // the interceptor's figures: 30 % and 10 %, the same resets; 30 % in 2 h 46 min leaves 4 h 13 min
            assertThat(line()).as(broken).isEqualTo("5h ██░░░░░░ 30% 7d █░░░░░░░ 10% ↓2h14m +4h13m\n");
            assertThat(errors()).as(broken).contains("payload").doesNotContain("\tat ");
        }
        assertThat(Files.readString(dir.resolve(UsageLimitsFile.FILE_NAME))).isEqualTo(PayloadLimitsStoreTest.INTERCEPTOR_FILE);
    }

    @Test
    void aPayloadTooLargeOrEmptyFallsBackToo() throws IOException {
        Path dir = claude();
        Files.writeString(dir.resolve(UsageLimitsFile.FILE_NAME), PayloadLimitsStoreTest.INTERCEPTOR_FILE);
        assertThat(run(dir, new StdinPayload.Input(new byte[0], "is larger than 1 MB and was ignored"))).isZero();
        assertThat(line()).isEqualTo("5h ██░░░░░░ 30% 7d █░░░░░░░ 10% ↓2h14m +4h13m\n");
        assertThat(errors()).contains("larger than 1 MB");
    }

    @Test
    void statusLineFiguresStoredEarlierServeALaterCallWithoutThem() throws IOException {
        Path dir = claude();
        run(dir, payload("/w"));
        out.reset();
        run(dir, "{\"cwd\": \"/w\"}");
        assertThat(line()).isEqualTo("/w 5h ███░░░░░ 42% " + LineRenderer.YELLOW + "7d ██████░░ 80%" + LineRenderer.RESET
                + " ↓2h14m +1h35m\n");
    }

    @Test
    void theIniChoosesElementsAndUnknownNamesAreNamedOnce() throws IOException {
        Path dir = claude();
        Files.writeString(dir.resolve("budmon.ini"), "[statusline]\nelements = requests, bogus, tokens_in, tokens_out,"
                + " cache, cost, warp\nmax_width = 100\n");
        Path transcript = dir.resolve("projects/-w/" + SessionFiguresTest.SESSION + ".jsonl");
        Files.createDirectories(transcript.getParent());
        Files.writeString(transcript, String.join("\n",
                ClaudeLines.mockResponse(SessionFiguresTest.SESSION, 1, SessionLines.text("a"), false,
                        Instant.parse("2026-11-26T11:00:00.000Z")),
                ClaudeLines.mockResponse(SessionFiguresTest.SESSION, 2, SessionLines.text("b"), false,
                        Instant.parse("2026-11-26T11:01:00.000Z"))) + "\n");
        String p = "{\"transcript_path\": \"" + transcript + "\", \"cost\": {\"total_cost_usd\": 0.0235}}";
        assertThat(run(dir, p)).isZero();
        // two responses: input 8 + 9, output 23 + 26, the newest's cache ratio 14020 / 15531 = 90 %
        assertThat(line()).isEqualTo("#2 →17 ←49 ⊞90% $0.02\n");
        assertThat(errors()).isEqualTo("budmon: " + dir.resolve("budmon.ini")
                + ": [statusline] elements: unknown elements bogus, warp ignored" + System.lineSeparator());
    }

    @Test
    void thePayloadsOwnTokenFiguresWinOverTheTranscript() throws IOException {
        Path dir = claude();
        Files.writeString(dir.resolve("budmon.ini"), "[statusline]\nelements = tokens_in, tokens_out, cache\n");
        String p = "{\"transcript_path\": \"" + dir.resolve("absent.jsonl") + "\", \"context_window\": {"
                + "\"total_input_tokens\": 125000, \"total_output_tokens\": 42000, \"current_usage\": {"
                + "\"input_tokens\": 100, \"cache_creation_input_tokens\": 2700, \"cache_read_input_tokens\": 7200}}}";
        run(dir, p);
        assertThat(line()).isEqualTo("→125k ←42k ⊞72%\n");
        assertThat(errors()).isEmpty();
    }

    @Test
    void badIniValuesAreWarnedAboutAndTheLineStillComes() throws IOException {
        Path dir = claude();
        Files.writeString(dir.resolve("budmon.ini"), "[thresholds]\nquota_warn = lots\n[statusline]\nmax_width = 30\n");
        run(dir, payload("/w"));
        assertThat(line()).isEqualTo("/w [Opus 5.5] 5h ███░░░░░ 42%\n");
        assertThat(errors()).contains("quota_warn = \"lots\" is not a number; using 75");
    }

    @Test
    void anUnusableClaudeDirectoryNeverBreaksTheLine() throws IOException {
        Path notADir = Files.writeString(root.resolve("file"), "x");
        assertThat(run(notADir, payload("/w"))).isZero();
        assertThat(line()).startsWith("/w [Opus 5.5] 5h ███░░░░░ 42%");
        assertThat(errors()).contains("were not stored").doesNotContain("\tat ");
    }

    @Test
    void anUnexpectedFailureStillPrintsALineAndExitsZero() {
        int code = StatuslineCommand.printLine(new ClaudeDirs(List.of(root)), () -> {
            throw new IllegalStateException("boom");
        }, root, root.resolve("cache"), NOW, new PrintStream(out, true), new PrintStream(err, true));
        assertThat(code).isZero();
        assertThat(line()).isEqualTo("\n");
        assertThat(errors()).contains("boom").doesNotContain("\tat ");
    }

    @Test
    void onAndOffThroughTheCommandLine() throws Exception {
        Path dir = claude();
        assertThat(StatuslineCommand.run(List.of("on"), false, new ClaudeDirs(List.of(dir)), root,
                new PrintStream(out, true), new PrintStream(err, true))).isZero();
        String settings = Files.readString(dir.resolve("settings.json"));
        assertThat(settings).containsPattern("\"command\": \"/[^\"]*budmon --statusline\"");
        assertThat(line()).contains("status line is on");

        Files.writeString(dir.resolve("settings.json"), "{\"statusLine\": {\"type\": \"command\", \"command\": \"other\"}}");
        err.reset();
        assertThat(StatuslineCommand.run(List.of("on"), false, new ClaudeDirs(List.of(dir)), root,
                new PrintStream(out, true), new PrintStream(err, true))).isEqualTo(1);
        assertThat(errors()).startsWith("budmon: Another status line is configured").contains("\"other\"");

        assertThat(StatuslineCommand.run(List.of("on"), true, new ClaudeDirs(List.of(dir)), root,
                new PrintStream(out, true), new PrintStream(err, true))).isZero();
        assertThat(StatuslineCommand.run(List.of("off"), false, new ClaudeDirs(List.of(dir)), root,
                new PrintStream(out, true), new PrintStream(err, true))).isZero();
        assertThat(Files.readString(dir.resolve("settings.json"))).doesNotContain("statusLine");
    }
}

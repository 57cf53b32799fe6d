package dev.budmon.statusline;

import dev.budmon.model.TokenCounts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadParserTest {

    /** A payload as Claude Code sends it, with fields the status line does not use. */
    static final String FULL = """
            {
              "hook_event_name": "Status",
              "session_id": "d5882127-0ba0-45c0-bc32-fbaa6aff730b",
              "transcript_path": "/home/ann/.claude/projects/-home-ann-work/d5882127-0ba0-45c0-bc32-fbaa6aff730b.jsonl",
              "cwd": "/home/ann/work",
              "model": {"id": "claude-opus-5-5", "display_name": "Opus 5.5"},
              "workspace": {"current_dir": "/home/ann/work/sub", "project_dir": "/home/ann/work", "added_dirs": []},
              "version": "2.1.332",
              "output_style": {"name": "default"},
              "cost": {"total_cost_usd": 1.4234, "total_duration_ms": 45000, "total_api_duration_ms": 2300,
                       "total_lines_added": 156, "total_lines_removed": 23},
              "context_window": {
                "total_input_tokens": 125000, "total_output_tokens": 42000, "context_window_size": 200000,
                "used_percentage": 42.5, "remaining_percentage": 57.5,
                "current_usage": {"input_tokens": 10, "output_tokens": 300,
                                  "cache_creation_input_tokens": 2790, "cache_read_input_tokens": 7200}
              },
              "exceeds_200k_tokens": false,
              "rate_limits": {
                "five_hour": {"used_percentage": 42, "resets_at": 1795738195},
                "seven_day": {"used_percentage": 15.5, "resets_at": 1796032555}
              }
            }
            """;

    static Payload parse(String s) {
        return PayloadParser.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryFieldTheLineShows() {
        Payload p = parse(FULL);
        assertThat(p.problem()).isNull();
        assertThat(p.cwd()).isEqualTo("/home/ann/work");
        assertThat(p.modelName()).isEqualTo("Opus 5.5");
        assertThat(p.modelId()).isEqualTo("claude-opus-5-5");
        assertThat(p.sessionId()).isEqualTo("d5882127-0ba0-45c0-bc32-fbaa6aff730b");
        assertThat(p.transcriptPath()).endsWith("/d5882127-0ba0-45c0-bc32-fbaa6aff730b.jsonl");
        assertThat(p.claudeCodeCostUsd()).isEqualTo(1.4234);
        assertThat(p.inputTokens()).isEqualTo(125_000L);
        assertThat(p.outputTokens()).isEqualTo(42_000L);
        assertThat(p.currentUsage()).isEqualTo(new TokenCounts(10, 300, 2790, 0, 7200));
        assertThat(p.currentUsage().cacheHitRatio()).isEqualTo(0.72);
        assertThat(p.fiveHour()).isEqualTo(new PayloadWindow(42.0, Instant.ofEpochSecond(1795738195)));
        assertThat(p.sevenDay()).isEqualTo(new PayloadWindow(15.5, Instant.ofEpochSecond(1796032555)));
        assertThat(p.hasRateLimits()).isTrue();
        assertThat(p.rateLimitsJson()).isEqualTo("{\"five_hour\":{\"used_percentage\":42,\"resets_at\":1795738195},"
                + "\"seven_day\":{\"used_percentage\":15.5,\"resets_at\":1796032555}}");
    }

    @Test
    void percentBecomesAFractionInTheModel() {
        Payload p = parse(FULL);
        assertThat(p.fiveHour().toQuotaWindow("5h").utilization()).isEqualTo(0.42);
        assertThat(p.sevenDay().toQuotaWindow("7d").length()).hasHours(168);
    }

    @Test
    void theWorkspaceDirectoryStandsInForAMissingCwd() {
        assertThat(parse("{\"workspace\": {\"current_dir\": \"/w\"}}").cwd()).isEqualTo("/w");
    }

    @Test
    void absentAndNullFieldsAreUnknown() {
        Payload p = parse("""
                {"cwd": null, "model": null, "cost": {"total_cost_usd": null},
                 "context_window": {"total_input_tokens": null, "current_usage": null},
                 "rate_limits": null, "transcript_path": ""}
                """);
        assertThat(p.problem()).isNull();
        assertThat(p).isEqualTo(new Payload(null, null, null, null, null, null, null, null, null, null, null, null, null));
        assertThat(parse("{}").hasRateLimits()).isFalse();
        assertThat(parse("{\"rate_limits\": {}}").hasRateLimits()).isFalse();
        assertThat(parse("{\"rate_limits\": {\"five_hour\": null, \"seven_day\": {}}}").hasRateLimits()).isFalse();
    }

    @Test
    void fieldsOfTheWrongTypeAreUnknown() {
        Payload p = parse("""
                {"cwd": 7, "model": "Opus", "cost": {"total_cost_usd": "lots"},
                 "context_window": {"total_input_tokens": -5, "total_output_tokens": [1]},
                 "rate_limits": {"five_hour": {"used_percentage": "high", "resets_at": true},
                                 "seven_day": {"used_percentage": -3, "resets_at": {"x": 1}}}}
                """);
        assertThat(p.problem()).isNull();
        assertThat(p.cwd()).isNull();
        assertThat(p.modelName()).isNull();
        assertThat(p.claudeCodeCostUsd()).isNull();
        assertThat(p.inputTokens()).isNull();
        assertThat(p.outputTokens()).isNull();
        assertThat(p.hasRateLimits()).isFalse();
    }

    @Test
    void resetsAtAsIsoTextMillisecondsOrNumericText() {
        Payload p = parse("""
                {"rate_limits": {"five_hour": {"used_percentage": "42.5", "resets_at": "2026-11-26T14:00:00Z"},
                                 "seven_day": {"used_percentage": 15, "resets_at": "2026-11-30T10:00:00+01:00"}}}
                """);
        assertThat(p.fiveHour()).isEqualTo(new PayloadWindow(42.5, Instant.parse("2026-11-26T14:00:00Z")));
        assertThat(p.sevenDay().resetsAt()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(parse("{\"rate_limits\": {\"five_hour\": {\"resets_at\": 1795738195000}}}").fiveHour().resetsAt())
                .isEqualTo(Instant.ofEpochSecond(1795738195));
        assertThat(parse("{\"rate_limits\": {\"five_hour\": {\"resets_at\": \"1795738195\"}}}").fiveHour().resetsAt())
                .isEqualTo(Instant.ofEpochSecond(1795738195));
        assertThat(parse("{\"rate_limits\": {\"five_hour\": {\"resets_at\": \"tomorrow\"}}}").hasRateLimits()).isFalse();
    }

    @Test
    void aWindowWithOnlyAResetStillCounts() {
        Payload p = parse("{\"rate_limits\": {\"five_hour\": {\"resets_at\": 1795738195}}}");
        assertThat(p.hasRateLimits()).isTrue();
        assertThat(p.fiveHour().usedPercent()).isNull();
        assertThat(p.sevenDay()).isNull();
    }

    @Test
    void emptyInputIsNoPayload() {
        assertThat(parse("")).isEqualTo(Payload.NONE);
        assertThat(parse("  \n\t ")).isEqualTo(Payload.NONE);
    }

    @Test
    void inputThatIsNotOneJsonObjectIsBroken() {
        assertThat(parse("not json").problem()).startsWith("is not valid JSON");
        assertThat(parse("[1, 2]").problem()).isEqualTo("is not a JSON object");
        assertThat(parse("42").problem()).isEqualTo("is not a JSON object");
        assertThat(parse("{\"cwd\": \"/x\", \"model\": {\"display_name\": \"Op").problem()).startsWith("is not valid JSON");
        assertThat(parse("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}").problem()).isNotNull();
        assertThat(PayloadParser.parse(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}).problem()).isNotNull();
    }

    @Test
    void aLargeButValidPayloadIsRead() {
        String big = "x".repeat(900_000);
        Payload p = parse("{\"padding\": \"" + big + "\", \"deep\": {\"a\": [" + "{\"b\": 1},".repeat(1000)
                + "{}]}, \"cwd\": \"/after\"}");
        assertThat(p.problem()).isNull();
        assertThat(p.cwd()).isEqualTo("/after");
    }
}

package dev.budmon.statusline;

import dev.budmon.history.Observation;
import dev.budmon.history.WindowReading;
import dev.budmon.model.TokenCounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Claude Code's status-line payload said. Every field may be {@code null}: Claude Code leaves fields out
 * (or sets them to {@code null}) depending on its version, the account and whether a response came back yet.
 *
 * @param cwd               {@code cwd}, else {@code workspace.current_dir}
 * @param modelName         {@code model.display_name}, e.g. {@code Opus 5.5}
 * @param modelId           {@code model.id}, e.g. {@code claude-opus-5-5}
 * @param sessionId         {@code session_id}
 * @param transcriptPath    {@code transcript_path}: the session's transcript file
 * @param claudeCodeCostUsd {@code cost.total_cost_usd}: Claude Code's own dollar figure for the session (not
 *                          BudMon's priced cost, which the window shows)
 * @param inputTokens       {@code context_window.total_input_tokens}: uncached input tokens of the session
 * @param outputTokens      {@code context_window.total_output_tokens}: output tokens of the session
 * @param currentUsage      {@code context_window.current_usage}: the newest response's tokens
 * @param fiveHour          {@code rate_limits.five_hour}
 * @param sevenDay          {@code rate_limits.seven_day}
 * @param rateLimitsJson    the {@code rate_limits} object exactly as sent (compact JSON), when it held a usable
 *                          window; stored by {@link PayloadLimitsStore}
 * @param problem           why the payload could not be read (not JSON, too large, …); {@code null} when it could
 */
public record Payload(String cwd, String modelName, String modelId, String sessionId, String transcriptPath,
                      Double claudeCodeCostUsd, Long inputTokens, Long outputTokens, TokenCounts currentUsage,
                      PayloadWindow fiveHour, PayloadWindow sevenDay, String rateLimitsJson, String problem) {

    /** No payload at all, e.g. when nothing was piped. */
    public static final Payload NONE = new Payload(null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** A payload that could not be read. */
    public static Payload broken(String problem) {
        return new Payload(null, null, null, null, null, null, null, null, null, null, null, null, problem);
    }

    /** Whether it carries a quota figure for at least one window. */
    public boolean hasRateLimits() {
        return rateLimitsJson != null;
    }

    /**
     * The quota figures as an observation of the quota history, made at {@code now} in this session:
     * {@code five_hour} as {@code 5h}, {@code seven_day} as {@code 7d}, percent as fractions; {@code null} when
     * the payload has no figures.
     */
    public Observation observation(Instant now) {
        Map<String, WindowReading> w = new LinkedHashMap<>();
        reading(w, "5h", fiveHour);
        reading(w, "7d", sevenDay);
        return w.isEmpty() ? null : new Observation(now, Observation.STATUSLINE, null, sessionId, null, w);
    }

    private static void reading(Map<String, WindowReading> into, String name, PayloadWindow p) {
        if (p != null && !p.isEmpty()) {
            into.put(name, new WindowReading(p.usedPercent() == null ? null : p.usedPercent() / 100, p.resetsAt(), null));
        }
    }
}

package dev.budmon.statusline;

import dev.budmon.calc.WindowForecast;

/**
 * Every figure the status line can show, already taken from the payload, BudMon's own files and the
 * session's transcript. Any field may be {@code null}: its elements are then left out.
 *
 * @param cwd          the working directory as Claude Code gave it
 * @param home         the user's home directory, shown as {@code ~}
 * @param modelName    the model's display name, e.g. {@code Opus 5.5}
 * @param fiveHour     forecast of the 5-hour window
 * @param sevenDay     forecast of the 7-day window
 * @param claudeCodeCostUsd dollars the session cost as Claude Code counts them
 * @param cacheRatio   cache-hit ratio of the newest response, 0..1
 * @param inputTokens  uncached input tokens of the session
 * @param outputTokens output tokens of the session
 * @param requests     API responses in the session
 */
public record LineData(String cwd, String home, String modelName, WindowForecast fiveHour, WindowForecast sevenDay,
                       Double claudeCodeCostUsd, Double cacheRatio, Long inputTokens, Long outputTokens, Integer requests) {

    /** Nothing known. */
    public static final LineData EMPTY = new LineData(null, null, null, null, null, null, null, null, null, null);
}

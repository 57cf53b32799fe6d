package dev.budmon.statusline;

import dev.budmon.calc.BindingLimit;
import dev.budmon.calc.PaceForecast;
import dev.budmon.calc.WindowForecast;

import java.time.Duration;
import java.time.Instant;

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
 * @param pace5h       the 5-hour window's pace now, from the quota history
 * @param pace7d       the 7-day window's pace now
 * @param binds        the window that runs out first before its reset; {@code null} when none does (or unknown)
 * @param now          the moment the line is for (the binding window's countdown)
 */
public record LineData(String cwd, String home, String modelName, WindowForecast fiveHour, WindowForecast sevenDay,
                       Double claudeCodeCostUsd, Double cacheRatio, Long inputTokens, Long outputTokens, Integer requests,
                       PaceForecast pace5h, PaceForecast pace7d, BindingLimit binds, Instant now) {

    /** Nothing known. */
    public static final LineData EMPTY = new LineData(null, null, null, null, null, null, null, null, null, null);

    /** The figures without the quota history's. */
    public LineData(String cwd, String home, String modelName, WindowForecast fiveHour, WindowForecast sevenDay,
                    Double claudeCodeCostUsd, Double cacheRatio, Long inputTokens, Long outputTokens, Integer requests) {
        this(cwd, home, modelName, fiveHour, sevenDay, claudeCodeCostUsd, cacheRatio, inputTokens, outputTokens, requests,
                null, null, null, null);
    }

    /** These figures with the quota history's. */
    public LineData withHistory(PaceForecast pace5h, PaceForecast pace7d, BindingLimit binds, Instant now) {
        return new LineData(cwd, home, modelName, fiveHour, sevenDay, claudeCodeCostUsd, cacheRatio, inputTokens,
                outputTokens, requests, pace5h, pace7d, binds, now);
    }
}

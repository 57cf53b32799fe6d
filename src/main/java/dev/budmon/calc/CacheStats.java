package dev.budmon.calc;

import java.util.List;

/**
 * Cache-hit ratios of the recent responses.
 *
 * @param current the newest response's ratio; {@code null} when there is none
 * @param average mean of {@code history}; {@code null} when empty
 * @param level   level of {@code current}
 * @param history oldest first, at most 60
 */
public record CacheStats(Double current, Double average, Level level, List<Double> history) {

    public CacheStats {
        history = List.copyOf(history);
    }
}

package dev.budmon.source;

import dev.budmon.model.TokenCounts;

import java.time.Instant;
import java.util.List;

/**
 * Token figures that older community interceptors stored in {@code usage-limits.json}
 * ({@code turn_usage}, {@code cumulative}, {@code cache_ratios}) and {@code budget_velocity.json}. Used only
 * when the transcripts give nothing.
 *
 * @param lastTurn        tokens of the last turn; {@code null} when absent
 * @param lastTurnModel   its model; {@code null} when absent
 * @param lastTurnTime    its time; {@code null} when absent
 * @param cumulative      tokens of the session so far; {@code null} when absent
 * @param cumulativeTurns turns of the session so far; 0 when absent
 * @param cacheRatios     recent cache-hit ratios, oldest first
 */
public record LegacyUsage(TokenCounts lastTurn, String lastTurnModel, Instant lastTurnTime, TokenCounts cumulative,
                          int cumulativeTurns, List<Double> cacheRatios) {

    /** Nothing recorded. */
    public static final LegacyUsage EMPTY = new LegacyUsage(null, null, null, null, 0, List.of());

    public LegacyUsage {
        cacheRatios = List.copyOf(cacheRatios);
    }

    /** Whether anything was recorded. */
    public boolean isEmpty() {
        return lastTurn == null && cumulative == null && cacheRatios.isEmpty();
    }
}

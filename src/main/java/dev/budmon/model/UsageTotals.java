package dev.budmon.model;

import java.util.Map;

/**
 * Responses and tokens per model over some span of time.
 *
 * @param requests API responses counted
 * @param byModel  tokens per model id
 */
public record UsageTotals(int requests, Map<String, TokenCounts> byModel) {

    /** Nothing used. */
    public static final UsageTotals EMPTY = new UsageTotals(0, Map.of());

    public UsageTotals {
        byModel = Map.copyOf(byModel);
    }

    /** All models together. */
    public TokenCounts tokens() {
        return TokenCounts.sum(byModel.values());
    }
}

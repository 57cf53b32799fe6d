package dev.budmon.calc;

import dev.budmon.model.TokenCounts;

import java.time.Instant;
import java.util.Map;

/**
 * Tokens and their dollar cost over some scope (one request, a session, a quota window).
 *
 * @param requests    API responses counted
 * @param since       when the scope's first response happened; {@code null} when unknown
 * @param tokens      all models together, by kind
 * @param cost        dollars by kind
 * @param tokensByModel tokens per model id
 */
public record PricedUsage(int requests, Instant since, TokenCounts tokens, Cost cost,
                          Map<String, TokenCounts> tokensByModel) {

    public PricedUsage {
        tokensByModel = Map.copyOf(tokensByModel);
    }
}

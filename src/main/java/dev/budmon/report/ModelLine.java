package dev.budmon.report;

import dev.budmon.calc.Cost;
import dev.budmon.model.TokenCounts;

/**
 * One model's share of a report row.
 *
 * @param model      the model id as Claude Code recorded it
 * @param requests   API responses counted
 * @param tokens     tokens by kind
 * @param cost       dollars by kind
 * @param priceKnown {@code false} when the price table knows the model only by its family (or not at all),
 *                   so that the cost is a guess
 */
public record ModelLine(String model, int requests, TokenCounts tokens, Cost cost, boolean priceKnown) {
}

package dev.budmon.source.transcript;

import dev.budmon.model.TokenCounts;

/**
 * One model's entry of Claude Code's own {@code cost-state} line ({@code modelUsage.<model>}), kept beside
 * BudMon's figures for comparison. Claude Code's figures for a session include its subagents.
 *
 * <p>Cache writes are split by lifetime from {@code cacheCreationEphemeral5mInputTokens} and
 * {@code cacheCreationEphemeral1hInputTokens} (Claude Code 2.1.3xx); where only
 * {@code cacheCreationInputTokens} is given, all of it counts as 5-minute writes, as for transcript usage.
 *
 * @param tokens  {@code inputTokens}, {@code outputTokens}, the cache writes and {@code cacheReadInputTokens}
 * @param costUsd {@code costUSD}; {@code null} when absent
 */
public record ClaudeModelUsage(TokenCounts tokens, Double costUsd) {
}

package dev.budmon.source.transcript;

/**
 * One model's entry of Claude Code's own {@code cost-state} line ({@code modelUsage.<model>}), kept beside
 * BudMon's figures for comparison. Claude Code does not split cache writes by lifetime here.
 *
 * @param inputTokens              {@code inputTokens}
 * @param outputTokens             {@code outputTokens}
 * @param cacheReadInputTokens     {@code cacheReadInputTokens}
 * @param cacheCreationInputTokens {@code cacheCreationInputTokens}
 * @param costUsd                  {@code costUSD}; {@code null} when absent
 */
public record ClaudeModelUsage(long inputTokens, long outputTokens, long cacheReadInputTokens,
                               long cacheCreationInputTokens, Double costUsd) {
}

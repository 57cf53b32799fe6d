package dev.budmon.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Token usage of one Claude Code session (its main transcript plus its subagents).
 *
 * @param sessionId        Claude Code's session id
 * @param cwd              the working directory Claude Code recorded; {@code null} when unknown
 * @param transcript       the session's main transcript file
 * @param start            time of its first response
 * @param lastActivity     time of its newest response
 * @param requests         API responses counted (turns)
 * @param byModel          tokens per model id
 * @param claudeCostUsd    Claude Code's own {@code totalCostUSD} from its cost-state lines; {@code null} when absent
 */
public record SessionUsage(String sessionId, String cwd, Path transcript, Instant start, Instant lastActivity,
                           int requests, Map<String, TokenCounts> byModel, Double claudeCostUsd) {

    public SessionUsage {
        byModel = Map.copyOf(byModel);
    }

    /** All models together. */
    public TokenCounts tokens() {
        return TokenCounts.sum(byModel.values());
    }
}

package dev.budmon.source.transcript;

import dev.budmon.model.SessionUsage;
import dev.budmon.model.TokenCounts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running totals of one Claude Code session (its main transcript and its subagents). Mutable; confined
 * to the {@link TranscriptStore}'s thread.
 */
final class SessionTally {

    final String id;
    Path transcript;
    String cwd;
    long cwdTime = Long.MIN_VALUE;
    long start = Long.MAX_VALUE;
    long lastActivity = Long.MIN_VALUE;
    /** Newest modification time of any of its files: what "appended to most recently" compares. */
    long lastAppend = Long.MIN_VALUE;
    int requests;
    /** Per model: input, output, 5-minute write, 1-hour write, read. */
    final Map<String, long[]> byModel = new LinkedHashMap<>();
    /** Claude Code's own {@code totalCostUSD}: the largest of its cumulative cost-state snapshots. */
    double claudeCostUsd = Double.NaN;
    Map<String, ClaudeModelUsage> claudeModelUsage = Map.of();

    SessionTally(String id) {
        this.id = id;
    }

    void noteLine(long timeMillis, String lineCwd) {
        lastActivity = Math.max(lastActivity, timeMillis);
        if (lineCwd != null && timeMillis >= cwdTime) {
            cwd = lineCwd;
            cwdTime = timeMillis;
        }
    }

    void add(String model, long requestDelta, long input, long output, long write5m, long write1h, long read) {
        requests += (int) requestDelta;
        long[] t = byModel.get(model);
        if (t == null) {
            t = new long[5];
            byModel.put(model, t);
        }
        t[0] += input;
        t[1] += output;
        t[2] += write5m;
        t[3] += write1h;
        t[4] += read;
    }

    void noteCostState(double totalCostUsd, Map<String, ClaudeModelUsage> modelUsage) {
        // Claude Code writes cumulative snapshots; the largest is the latest whatever order files are read in.
        if (Double.isNaN(claudeCostUsd) || totalCostUsd >= claudeCostUsd) {
            claudeCostUsd = totalCostUsd;
            claudeModelUsage = modelUsage == null ? Map.of() : Map.copyOf(modelUsage);
        }
    }

    SessionUsage toSessionUsage() {
        Map<String, TokenCounts> models = new HashMap<>();
        for (Map.Entry<String, long[]> e : byModel.entrySet()) {
            long[] t = e.getValue();
            TokenCounts tokens = new TokenCounts(t[0], t[1], t[2], t[3], t[4]);
            if (!tokens.isZero()) {
                models.put(e.getKey(), tokens);
            }
        }
        return new SessionUsage(id, cwd, transcript,
                start == Long.MAX_VALUE ? null : Instant.ofEpochMilli(start),
                lastActivity == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastActivity),
                requests, models, Double.isNaN(claudeCostUsd) ? null : claudeCostUsd);
    }
}

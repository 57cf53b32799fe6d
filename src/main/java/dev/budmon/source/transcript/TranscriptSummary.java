package dev.budmon.source.transcript;

import dev.budmon.model.ApiResponse;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.SourceWarning;
import dev.budmon.model.UsageTimeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything Claude Code's transcripts say, as of one {@link TranscriptStore#refresh}. Immutable; any thread.
 *
 * @param lastResponse      the newest API response across all sessions; {@code null} when none
 * @param activeSession     the session appended to most recently, in any project (its subagent files
 *                          included); {@code null} when there is no transcript
 * @param activeSessionClaudeUsage Claude Code's own per-model figures from the active session's newest
 *                          {@code cost-state} line; empty when it wrote none
 * @param timeline          usage of all sessions by minute, for the totals of any quota window
 * @param cacheRatios       cache-hit ratios of the newest responses (at most
 *                          {@link dev.budmon.model.UsageState#CACHE_HISTORY}, those without prompt tokens
 *                          left out), oldest first
 * @param newestTime        time of the newest counted line; {@code null} when none
 * @param responses         API responses counted (each once)
 * @param files             transcript files known
 * @param skippedLines      lines that were not JSON, JSON of an unexpected shape, or too long to read
 * @param warnings          folders and files that could not be read, one entry each
 */
public record TranscriptSummary(ApiResponse lastResponse, SessionUsage activeSession,
                                Map<String, ClaudeModelUsage> activeSessionClaudeUsage, UsageTimeline timeline,
                                List<Double> cacheRatios, Instant newestTime, int responses, int files,
                                long skippedLines, List<SourceWarning> warnings) {

    /** Nothing read yet. */
    public static final TranscriptSummary EMPTY = new TranscriptSummary(null, null, Map.of(), UsageTimeline.EMPTY,
            List.of(), null, 0, 0, 0, List.of());

    /** Whether the transcripts gave any response at all. */
    public boolean isEmpty() {
        return lastResponse == null && activeSession == null;
    }

    public TranscriptSummary {
        activeSessionClaudeUsage = Map.copyOf(activeSessionClaudeUsage);
        cacheRatios = List.copyOf(cacheRatios);
        warnings = List.copyOf(warnings);
    }
}

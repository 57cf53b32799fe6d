package dev.budmon.source;

import dev.budmon.model.ApiResponse;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.UsageTimeline;

import java.time.Instant;
import java.util.List;

/**
 * What the transcripts contribute to the state.
 *
 * @param lastResponse  newest response across all sessions; {@code null} when none
 * @param activeSession session appended to most recently; {@code null} when none
 * @param timeline      usage of all sessions over time
 * @param cacheRatios   cache-hit ratios of the newest responses, oldest first
 * @param newest        time of the newest response; {@code null} when none
 */
public record TranscriptPart(ApiResponse lastResponse, SessionUsage activeSession, UsageTimeline timeline,
                             List<Double> cacheRatios, Instant newest) {

    /** No transcripts. */
    public static final TranscriptPart EMPTY = new TranscriptPart(null, null, UsageTimeline.EMPTY, List.of(), null);

    public TranscriptPart {
        cacheRatios = List.copyOf(cacheRatios);
    }

    /** Whether the transcripts gave any response at all. */
    public boolean isEmpty() {
        return lastResponse == null && activeSession == null;
    }
}

package dev.budmon.model;

import java.time.Instant;
import java.util.List;

/**
 * One consistent picture of the user's quota and token usage, merged from every local source.
 * Immutable; the calculator derives every shown figure from it together with the time and the config.
 *
 * @param rateLimits    the newest rate-limit headers from any source; {@code null} when none was found
 * @param lastResponse  the newest API response across all sessions; {@code null} when none
 * @param activeSession the session appended to most recently, in any project; {@code null} when none
 * @param timeline      usage of all sessions over time, for quota-window totals
 * @param cacheRatios   cache-hit ratios of the most recent responses (at most 60), oldest first
 * @param newestData    time of the newest figure from any source; {@code null} when there is no data
 * @param warnings      what could not be read, one entry per problem
 */
public record UsageState(RateLimits rateLimits, ApiResponse lastResponse, SessionUsage activeSession,
                         UsageTimeline timeline, List<Double> cacheRatios, Instant newestData,
                         List<SourceWarning> warnings) {

    /** How many cache ratios are kept for the sparkline. */
    public static final int CACHE_HISTORY = 60;

    /** The state before anything was read. */
    public static final UsageState EMPTY =
            new UsageState(null, null, null, UsageTimeline.EMPTY, List.of(), null, List.of());

    public UsageState {
        cacheRatios = List.copyOf(cacheRatios);
        warnings = List.copyOf(warnings);
    }

    /** Whether any source gave anything at all. */
    public boolean hasData() {
        return rateLimits != null || lastResponse != null || activeSession != null || !cacheRatios.isEmpty();
    }
}

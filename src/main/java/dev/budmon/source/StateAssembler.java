package dev.budmon.source;

import dev.budmon.model.ApiResponse;
import dev.budmon.model.RateLimits;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.SourceWarning;
import dev.budmon.model.UsageState;
import dev.budmon.source.transcript.TranscriptSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Merges what every source gave into one {@link UsageState}. Pure; any thread.
 */
public final class StateAssembler {

    /** Model name used for older figures that did not record one. */
    static final String UNKNOWN_MODEL = "unknown";

    private StateAssembler() {
    }

    /**
     * Merges the sources.
     *
     * <p>Quota figures come from the newer of interceptor headers and status-line payload. Token figures
     * come from the transcripts; the older interceptors' {@code turn_usage} and {@code cumulative} and the
     * cache ratios of {@code budget_velocity.json} stand in only when the transcripts give nothing.
     */
    public static UsageState assemble(UsageLimitsContent limits, List<Double> velocityRatios,
                                      TranscriptSummary transcripts, List<SourceWarning> warnings) {
        RateLimits rateLimits = LimitsMerge.merge(limits.headers(), limits.statusline());
        LegacyUsage legacy = limits.legacy();

        ApiResponse last = transcripts.lastResponse();
        SessionUsage session = transcripts.activeSession();
        List<Double> ratios = transcripts.cacheRatios();
        Instant newest = transcripts.newestTime();
        if (transcripts.isEmpty()) {
            if (legacy.lastTurn() != null) {
                last = new ApiResponse(null, null, null, modelOf(legacy), legacy.lastTurnTime(), legacy.lastTurn());
            }
            if (legacy.cumulative() != null) {
                session = new SessionUsage(null, null, null, null, legacy.lastTurnTime(),
                        legacy.cumulativeTurns(), Map.of(modelOf(legacy), legacy.cumulative()), null);
            }
            newest = legacy.lastTurnTime();
        }
        if (ratios.isEmpty()) {
            ratios = !legacy.cacheRatios().isEmpty() ? legacy.cacheRatios() : velocityRatios;
        }
        if (ratios.size() > UsageState.CACHE_HISTORY) {
            ratios = ratios.subList(ratios.size() - UsageState.CACHE_HISTORY, ratios.size());
        }
        if (rateLimits != null && rateLimits.capturedAt() != null
                && (newest == null || rateLimits.capturedAt().isAfter(newest))) {
            newest = rateLimits.capturedAt();
        }
        return new UsageState(rateLimits, last, session, transcripts.timeline(), ratios, newest, warnings);
    }

    private static String modelOf(LegacyUsage legacy) {
        return legacy.lastTurnModel() == null ? UNKNOWN_MODEL : legacy.lastTurnModel();
    }
}

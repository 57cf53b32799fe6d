package dev.budmon.quotacost;

import java.time.Instant;

/**
 * The span between two observations of one window, and what happened in it.
 *
 * @param window   the window's header name
 * @param from     the earlier observation, as the transcripts' clock has it (exclusive)
 * @param to       the later observation (inclusive: the request that carried it completed in the span)
 * @param growth   how much the utilization grew (fraction; never negative)
 * @param cost     the priced cost of the requests completed in the span, in dollars
 * @param requests how many there were; 0 means the growth came from elsewhere (claude.ai, another machine,
 *                 Claude Code without BudMon's interceptor but with no transcript here)
 * @param firstSeen the span runs from the period's start to the history's first observation of the window: it
 *                 may cover days no one observed, so the fit of what a percent is worth leaves it out
 */
public record QuotaInterval(String window, Instant from, Instant to, double growth, double cost, int requests,
                            boolean firstSeen) {

    /** Whether requests of the transcripts took the growth. */
    public boolean attributed() {
        return requests > 0;
    }
}

package dev.budmon.model;

import java.time.Instant;

/**
 * Token usage of all sessions over time, fine enough to total any quota window. Implementations are
 * immutable snapshots; any thread.
 */
public interface UsageTimeline {

    /** A timeline with no usage in it. */
    UsageTimeline EMPTY = (from, to) -> UsageTotals.EMPTY;

    /**
     * Responses and tokens whose time lies in {@code [from, to)}.
     */
    UsageTotals between(Instant from, Instant to);
}

package dev.budmon.model;

import java.time.Instant;

/**
 * Token usage of all sessions over time, fine enough to total any quota window. Implementations are
 * immutable snapshots; any thread.
 */
public interface UsageTimeline {

    /** A timeline with no usage in it. */
    UsageTimeline EMPTY = new Empty();

    /** A class, not a lambda: the status line loads this interface, and a lambda costs it start-up time. */
    final class Empty implements UsageTimeline {
        private Empty() {
        }

        @Override
        public UsageTotals between(Instant from, Instant to) {
            return UsageTotals.EMPTY;
        }
    }

    /**
     * Responses and tokens whose time lies in {@code [from, to)}.
     */
    UsageTotals between(Instant from, Instant to);
}

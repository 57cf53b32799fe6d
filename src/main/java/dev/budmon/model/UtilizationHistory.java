package dev.budmon.model;

import java.time.Instant;
import java.util.List;

/**
 * The recorded utilization of the quota windows over time (the quota history), for the pace. Implementations
 * are immutable snapshots; any thread.
 */
public interface UtilizationHistory {

    /** A history with nothing in it. */
    UtilizationHistory EMPTY = new Empty();

    /** A class, not a lambda: the status line loads this interface, and a lambda costs it start-up time. */
    final class Empty implements UtilizationHistory {
        private Empty() {
        }

        @Override
        public List<UtilizationSample> samples(String window, Instant from, Instant to) {
            return List.of();
        }
    }

    /**
     * The observations of one window in {@code [from, to)}, oldest first, of one source per window period (the
     * rate-limit headers where they were recorded, else the status line's payload).
     */
    List<UtilizationSample> samples(String window, Instant from, Instant to);
}

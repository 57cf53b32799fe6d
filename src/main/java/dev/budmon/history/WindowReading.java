package dev.budmon.history;

import java.time.Instant;
import java.util.Objects;

/**
 * What one observation said about one quota window: the {@code {"u": …, "r": …, "s": …}} of a history line.
 * Every field may be {@code null} (the key was absent).
 *
 * @param utilization fraction used, 0..{@link Observation#MAX_UTILIZATION}; kept to six decimals, as the
 *                    history stores it, so that a line read back equals the observation written
 * @param reset       when the window starts anew (written as epoch seconds)
 * @param status      the window's own status as the server sent it ({@code allowed}, {@code allowed_warning},
 *                    {@code rejected})
 */
public record WindowReading(Double utilization, Instant reset, String status) {

    /** @throws IllegalArgumentException for a utilization outside 0..{@link Observation#MAX_UTILIZATION} */
    public WindowReading {
        if (utilization != null) {
            if (!(utilization >= 0 && utilization <= Observation.MAX_UTILIZATION)) {
                throw new IllegalArgumentException("utilization out of range: " + utilization);
            }
            utilization = Math.round(utilization * 1e6) / 1e6;
        }
        if (reset != null && reset.getNano() != 0) {
            reset = Instant.ofEpochSecond(reset.getEpochSecond());
        }
    }

    // Written out: a record's own equals is linked through method handles at its first call, which the status
    // line (it compares its observation with the last one) would pay at every start.
    @Override
    public boolean equals(Object o) {
        return o instanceof WindowReading r && Objects.equals(utilization, r.utilization)
                && Objects.equals(reset, r.reset) && Objects.equals(status, r.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(utilization, reset, status);
    }
}

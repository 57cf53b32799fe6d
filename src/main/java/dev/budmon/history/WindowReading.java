package dev.budmon.history;

import java.time.Instant;

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

    public WindowReading {
        if (utilization != null) {
            utilization = Math.round(utilization * 1e6) / 1e6;
        }
        if (reset != null && reset.getNano() != 0) {
            reset = Instant.ofEpochSecond(reset.getEpochSecond());
        }
    }
}

package dev.budmon.alert;

import java.time.Instant;
import java.util.List;

/**
 * Everything the alert engine looks at, taken from one state of the sources. Immutable; any thread.
 *
 * @param windows         the quota windows, in display order
 * @param server          the server's account-wide status
 * @param quotaObservedAt when the newest quota figures were captured; {@code null} when there are none
 * @param lastActivity    time of Claude Code's newest API response in the transcripts; {@code null} when
 *                        there is none, or when the time of the quota figures is unknown (then nobody can
 *                        tell whether they are missing)
 */
public record AlertInput(List<WindowReading> windows, ServerReading server, Instant quotaObservedAt,
                         Instant lastActivity) {

    /** Nothing known. */
    public static final AlertInput EMPTY = new AlertInput(List.of(), ServerReading.NONE, null, null);

    public AlertInput {
        windows = List.copyOf(windows);
    }
}

package dev.budmon.ui.view;

import java.time.Instant;

/**
 * How alive the monitor is: what the footer and the heartbeat show even when no figure changes for hours.
 *
 * @param states    how many new states have arrived so far; the heartbeat pulses when it grows
 * @param checks    how many times the files were checked (by the watcher's events or its poll), changed or not
 * @param lastCheck when they were last checked; {@code null} before the first check
 */
public record MonitorPulse(long states, long checks, Instant lastCheck) {

    /** A pulse that knows only the number of states (no check counted yet). */
    public static MonitorPulse ofStates(long states) {
        return new MonitorPulse(states, 0, null);
    }
}

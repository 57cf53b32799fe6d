package dev.budmon.ui.view;

import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.widget.HeartbeatModel;

import java.util.Objects;

/**
 * The header line.
 *
 * @param title      e.g. {@code BUDGET MONITOR}
 * @param version    e.g. {@code v0.1.0}
 * @param heartbeat  the dot that pulses on every refresh
 * @param status     the overall status word: {@code OK}, {@code WARN}, {@code ALARM} or {@code WAIT} (translated)
 * @param statusTone OK, WARN, ALARM, or DIM for WAIT
 */
public record HeaderView(String title, String version, HeartbeatModel heartbeat, String status, Tone statusTone) {

    public HeaderView {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusTone, "statusTone");
    }
}

package dev.budmon.ui.view;

import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.widget.HeartbeatModel;
import dev.budmon.ui.widget.TrailModel;

import java.util.Objects;

/**
 * The header line.
 *
 * @param title        e.g. {@code BUDGET MONITOR}
 * @param version      e.g. {@code v0.1.0}
 * @param heartbeat    the dot that pulses on every refresh
 * @param status       the overall status word, translated: {@code OK}, {@code WARN}, {@code ALARM}, {@code WAIT},
 *                     {@code NO QUOTA DATA}, or {@code STALE · 2 h} while the quota figures are old
 * @param statusTone   OK, WARN, ALARM; DIM for WAIT and stale figures; INFO without a quota source
 * @param titleTip     tooltip of title and version: what BudMon shows
 * @param heartbeatTip tooltip of the dot: what it counts, the last check
 * @param statusTip    tooltip of the status: what drives it, e.g. the window whose reserve is negative
 * @param binds        the window that runs out first and when, e.g. {@code 7 days Sonnet runs out Thu 14:20,
 *                     before its reset}; empty when every window lasts until its reset or nothing is known
 * @param bindsTip     tooltip of {@code binds}: at which pace it was judged
 * @param trail        the last 24 hours of the 5-hour and 7-day windows
 * @param trailTip     tooltip of the trail: what it shows, the figures now
 */
public record HeaderView(String title, String version, HeartbeatModel heartbeat, String status, Tone statusTone,
                         String titleTip, String heartbeatTip, String statusTip, TonedText binds, String bindsTip, TrailModel trail, String trailTip) {

    public HeaderView {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusTone, "statusTone");
        Objects.requireNonNull(titleTip, "titleTip");
        Objects.requireNonNull(heartbeatTip, "heartbeatTip");
        Objects.requireNonNull(statusTip, "statusTip");
        Objects.requireNonNull(binds, "binds");
        Objects.requireNonNull(bindsTip, "bindsTip");
        Objects.requireNonNull(trail, "trail");
        Objects.requireNonNull(trailTip, "trailTip");
    }
}

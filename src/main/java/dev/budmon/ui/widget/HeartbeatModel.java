package dev.budmon.ui.widget;

import dev.budmon.ui.theme.Tone;

import java.util.Objects;

/**
 * What a {@link HeartbeatDot} shows.
 *
 * @param beat a counter that grows with every refresh (e.g. the refresh count); each new value pulses once
 * @param tone the dot's colour, e.g. OK while data flows, DIM while waiting
 */
public record HeartbeatModel(long beat, Tone tone) {

    /** Before the first refresh. */
    public static final HeartbeatModel IDLE = new HeartbeatModel(0, Tone.DIM);

    public HeartbeatModel {
        Objects.requireNonNull(tone, "tone");
    }
}

package dev.budmon.ui.view;

import java.util.Objects;

/**
 * What the quota history adds to a full quota section: the figures at the current pace beside those at the
 * window's average.
 *
 * @param expiry   when the window runs out at the current pace, e.g. {@code now 14:55}; empty without history
 * @param reserve  expiry at the current pace minus reset, e.g. {@code now −40 min}
 * @param burnRate the pace, e.g. {@code now 18.0 %/h}
 */
public record PaceView(TonedText expiry, TonedText reserve, TonedText burnRate) {

    /** No history figures (yet): nothing is shown. */
    public static final PaceView NONE = new PaceView(TonedText.NONE, TonedText.NONE, TonedText.NONE);

    public PaceView {
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(reserve, "reserve");
        Objects.requireNonNull(burnRate, "burnRate");
    }
}

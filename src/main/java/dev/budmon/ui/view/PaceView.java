package dev.budmon.ui.view;

import java.util.Objects;

/**
 * What the quota history adds to a full quota section: the figures at the current pace beside those at the
 * window's average, and what one percent of the window is worth.
 *
 * @param expiry   when the window runs out at the current pace, e.g. {@code now 14:55}; empty without history
 * @param reserve  expiry at the current pace minus reset, e.g. {@code now −40 min}
 * @param burnRate the pace, e.g. {@code now 18.0 %/h}
 * @param worth    e.g. {@code 1% ≈ $0.41 ± 0.05 · left ≈ $23 of API use}, or that the history is too short yet;
 *                 empty without history
 * @param worthTip tooltip of {@code worth}: how it is fitted and from how much
 */
public record PaceView(TonedText expiry, TonedText reserve, TonedText burnRate, TonedText worth, String worthTip) {

    /** No history figures (yet): nothing is shown. */
    public static final PaceView NONE = new PaceView(TonedText.NONE, TonedText.NONE, TonedText.NONE, TonedText.NONE, "");

    public PaceView {
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(reserve, "reserve");
        Objects.requireNonNull(burnRate, "burnRate");
        Objects.requireNonNull(worth, "worth");
        Objects.requireNonNull(worthTip, "worthTip");
    }
}

package dev.budmon.ui.view;

import java.util.Objects;

/**
 * The translated captions of a quota section's figures, shared by all sections, with their tooltips (what the
 * figure means and how it is computed; the figures beside them show the same tooltip).
 *
 * @param reset       e.g. {@code Reset}
 * @param expiry      e.g. {@code Expiry}
 * @param reserve     e.g. {@code Reserve}
 * @param burnRate    e.g. {@code Burn Rate}
 * @param resetTip    e.g. "When the window starts anew, and the time left until then."
 * @param expiryTip   how the expiry is predicted
 * @param reserveTip  what reserve means and its thresholds
 * @param burnRateTip how the burn rate is computed and its thresholds
 */
public record QuotaCaptions(String reset, String expiry, String reserve, String burnRate, String resetTip,
                            String expiryTip, String reserveTip, String burnRateTip) {

    public QuotaCaptions {
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(reserve, "reserve");
        Objects.requireNonNull(burnRate, "burnRate");
        Objects.requireNonNull(resetTip, "resetTip");
        Objects.requireNonNull(expiryTip, "expiryTip");
        Objects.requireNonNull(reserveTip, "reserveTip");
        Objects.requireNonNull(burnRateTip, "burnRateTip");
    }
}

package dev.budmon.ui.view;

import java.util.Objects;

/**
 * The translated captions of a quota section's figures, shared by all sections.
 *
 * @param reset    e.g. {@code Reset}
 * @param expiry   e.g. {@code Expiry}
 * @param reserve  e.g. {@code Reserve}
 * @param burnRate e.g. {@code Burn Rate}
 */
public record QuotaCaptions(String reset, String expiry, String reserve, String burnRate) {

    public QuotaCaptions {
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(reserve, "reserve");
        Objects.requireNonNull(burnRate, "burnRate");
    }
}

package dev.budmon.ui.view;

import java.util.Objects;

/**
 * The footer line.
 *
 * @param text      "Waiting for data..." while waiting, else e.g. {@code #124 · data 12:34:56}
 * @param staleMark shown at the right in the warn colour when the newest quota data is older than an hour,
 *                  e.g. {@code STALE}; empty when fresh
 */
public record FooterView(String text, String staleMark) {

    public FooterView {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(staleMark, "staleMark");
    }

    /** {@code true} when the stale mark shows. */
    public boolean stale() {
        return !staleMark.isEmpty();
    }
}

package dev.budmon.ui.view;

import dev.budmon.ui.theme.Tone;

import java.util.Objects;

/**
 * A formatted figure and the tone it is shown in.
 *
 * @param text the text as shown, e.g. {@code +2:17} or {@code --}
 * @param tone its colour role
 */
public record TonedText(String text, Tone tone) {

    /** The unknown figure: a dim {@code --}. */
    public static final TonedText UNKNOWN = new TonedText("--", Tone.DIM);
    /** Nothing to show. */
    public static final TonedText NONE = new TonedText("", Tone.NORMAL);

    public TonedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tone, "tone");
    }

    /** {@code text} in the normal text colour. */
    public static TonedText plain(String text) {
        return new TonedText(text, Tone.NORMAL);
    }
}

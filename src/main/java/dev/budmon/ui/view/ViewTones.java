package dev.budmon.ui.view;

import dev.budmon.calc.Level;
import dev.budmon.ui.theme.Tone;

/** How the builders of this package colour a figure: by its calculator level, and dim when the figures are old. */
final class ViewTones {

    private ViewTones() {
    }

    /** Calculator levels as the theme's tones; an unknown level is dim. */
    static Tone tone(Level level) {
        return switch (level) {
            case OK -> Tone.OK;
            case WARN -> Tone.WARN;
            case ALARM -> Tone.ALARM;
            case NONE -> Tone.DIM;
        };
    }

    /** {@code s} in tone {@code t}, or the unknown figure when {@code s} is {@code --}. */
    static TonedText text(String s, Tone t) {
        return "--".equals(s) ? TonedText.UNKNOWN : new TonedText(s, t);
    }

    /** {@code t} in the dim colour when the figures are old; an empty text stays as it is. */
    static TonedText dim(TonedText t, boolean stale) {
        return stale && !t.text().isEmpty() ? new TonedText(t.text(), Tone.DIM) : t;
    }
}

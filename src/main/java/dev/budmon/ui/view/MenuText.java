package dev.budmon.ui.view;

import java.util.Objects;

/**
 * A menu's or menu item's text with its mnemonic: the language file has the text under {@code menu.<name>} and
 * the letter under {@code mnemonic.<name>} (Alt and the letter opens a menu, the letter alone picks an item of
 * an open menu); the letter is underlined where it first appears in the text.
 *
 * @param text           the text as shown, e.g. {@code Logs}
 * @param mnemonicIndex  the index of the underlined character in {@code text}; -1 for none
 */
public record MenuText(String text, int mnemonicIndex) {

    public MenuText {
        Objects.requireNonNull(text, "text");
        if (mnemonicIndex < -1 || mnemonicIndex >= text.length()) {
            throw new IllegalArgumentException("mnemonic index " + mnemonicIndex + " outside \"" + text + "\"");
        }
    }

    /** The text with the first letter of {@code mnemonic} in it (either case) as its mnemonic; none when absent. */
    public static MenuText of(String text, String mnemonic) {
        if (mnemonic == null || mnemonic.length() != 1) {
            return new MenuText(text, -1);
        }
        char c = Character.toLowerCase(mnemonic.charAt(0));
        for (int i = 0; i < text.length(); i++) {
            if (Character.toLowerCase(text.charAt(i)) == c) {
                return new MenuText(text, i);
            }
        }
        return new MenuText(text, -1);
    }

    /** The mnemonic character in upper case, or {@code 0} for none. */
    public char mnemonic() {
        return mnemonicIndex < 0 ? 0 : Character.toUpperCase(text.charAt(mnemonicIndex));
    }
}

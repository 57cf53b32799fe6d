package dev.budmon.ui.view;

import java.util.Objects;

/**
 * A menu's or menu item's text with its mnemonic, read from a language file's spelling {@code &Logs}: the
 * character after the {@code &} is the mnemonic (Alt+L opens the menu), the {@code &} itself is not shown.
 * {@code &&} is a literal ampersand.
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

    /** Reads the language file's spelling, e.g. {@code &Settings} or {@code Über &BudMon}. */
    public static MenuText parse(String spelled) {
        StringBuilder b = new StringBuilder(spelled.length());
        int index = -1;
        for (int i = 0; i < spelled.length(); i++) {
            char c = spelled.charAt(i);
            if (c == '&' && i + 1 < spelled.length()) {
                char next = spelled.charAt(++i);
                if (next != '&' && index < 0) {
                    index = b.length();
                }
                b.append(next);
            } else {
                b.append(c);
            }
        }
        return new MenuText(b.toString(), index);
    }

    /** The mnemonic character in upper case, or {@code 0} for none. */
    public char mnemonic() {
        return mnemonicIndex < 0 ? 0 : Character.toUpperCase(text.charAt(mnemonicIndex));
    }
}

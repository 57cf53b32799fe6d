package dev.budmon.ui.view;

import java.util.Objects;

/**
 * One choice in a menu of alternatives (a language, a price model).
 *
 * @param value what the action receives when the user picks it
 * @param label the translated menu text
 * @param <T>   the kind of value
 */
public record MenuOption<T>(T value, String label) {

    public MenuOption {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }
}

package dev.budmon.ui.view;

import java.util.Objects;

/**
 * One caption and its figure, e.g. {@code input} / {@code 1,203}.
 *
 * @param label the translated caption
 * @param value the figure
 */
public record FigureRow(String label, TonedText value) {

    public FigureRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }

    /** A row with a plain figure. */
    public static FigureRow of(String label, String value) {
        return new FigureRow(label, TonedText.plain(value));
    }
}

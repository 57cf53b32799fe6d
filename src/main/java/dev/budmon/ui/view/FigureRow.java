package dev.budmon.ui.view;

import java.util.Objects;

/**
 * One caption and its figure, e.g. {@code input} / {@code 1,203}.
 *
 * @param label the translated caption
 * @param value the figure
 * @param tip   the tooltip of both: what the figure is
 */
public record FigureRow(String label, TonedText value, String tip) {

    public FigureRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(tip, "tip");
    }

    /** A row with a plain figure. */
    public static FigureRow of(String label, String value, String tip) {
        return new FigureRow(label, TonedText.plain(value), tip);
    }
}

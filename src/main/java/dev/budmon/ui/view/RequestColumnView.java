package dev.budmon.ui.view;

import java.util.List;
import java.util.Objects;

/**
 * One of the two request columns: Last Request or Total Requests (of the active session).
 *
 * @param title    e.g. {@code LAST REQUEST}
 * @param headline tokens and cost, e.g. {@code 12.3k tok  $0.04}
 * @param rows     requests, since, input, output, cache_c, cache_r
 * @param tip      tooltip of title and headline: what the column counts and at which prices
 */
public record RequestColumnView(String title, TonedText headline, List<FigureRow> rows, String tip) {

    public RequestColumnView {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(headline, "headline");
        rows = List.copyOf(rows);
        Objects.requireNonNull(tip, "tip");
    }
}

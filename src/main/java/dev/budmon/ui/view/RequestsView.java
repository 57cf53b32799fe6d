package dev.budmon.ui.view;

import java.util.Objects;

/**
 * The request figures: two columns side by side and one line for the current 5h window.
 *
 * @param last       the newest response
 * @param total      the active session's totals
 * @param windowLine tokens and dollars spent in the current 5h window across all sessions, e.g. caption
 *                   {@code 5h window}, value {@code 2.31M tok  $5.12}
 */
public record RequestsView(RequestColumnView last, RequestColumnView total, FigureRow windowLine) {

    public RequestsView {
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(windowLine, "windowLine");
    }
}

package dev.budmon.ui.view;

import dev.budmon.ui.theme.Tone;

import java.util.Objects;

/**
 * A line above the footer that tells about the files rather than the figures: settings of BudMon 1.x read
 * under BudMon's own names, keys of {@code budmon.ini} that mean nothing, files that could not be read.
 * The user can close it; it comes back only with another text.
 *
 * @param id     stable across languages and refreshes: {@code legacy}, {@code config}, {@code sources}
 * @param text   one line, e.g. {@code ⚠ budmon.ini: 2 settings ignored (details: hover)}
 * @param detail every message in full, one a line, for the tooltip and the details dialog
 * @param tone   INFO for a note, WARN for a warning
 * @param detailsLabel the button that shows {@code detail} in a dialog, e.g. {@code Details}
 * @param dismissLabel the tooltip of the button that hides the notice, e.g. {@code Hide this notice}
 * @param closeLabel   the details dialog's close button, e.g. {@code Close}
 */
public record NoticeView(String id, String text, String detail, Tone tone, String detailsLabel, String dismissLabel,
                         String closeLabel) {

    public NoticeView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(detailsLabel, "detailsLabel");
        Objects.requireNonNull(dismissLabel, "dismissLabel");
        Objects.requireNonNull(closeLabel, "closeLabel");
    }
}

package dev.budmon.ui.view;

import dev.budmon.ui.widget.QuotaBarModel;

import java.util.Objects;

/**
 * One quota window (5h, 7d, a per-model weekly window, overage).
 *
 * <p>A <em>full</em> section shows its label, the bar and four figures: Reset (local time and countdown),
 * Expiry, Reserve and Burn Rate; an {@code alert} (the limit is reached) stands between bar and figures. A
 * <em>compact</em> section (per-model windows, overage) is one line: label, a thin bar with its percentage,
 * the reset time, and a {@code mark} when the window itself drives a warning or an alarm that its bar does
 * not show (a negative reserve, the limit). A section with a {@code note} (a window whose reset has passed:
 * "reset 13:00, no request since"; no quota source yet) shows the note under the bar instead of the figures.
 *
 * @param window    the window's stable key, as the data names it and whatever the language: {@code 5h},
 *                  {@code 7d}, {@code 7d_sonnet}, {@code overage}; the window's components are named after it
 * @param label     the window's translated name, e.g. {@code 5 hours}, {@code 7 days Sonnet}
 * @param bar       the bar, with its percentage text; for a reset window 0 % in tone DIM
 * @param compact   {@code true} for the one-line form
 * @param dimmed    {@code true} to show label and texts in the dim colour (reset window, stale data)
 * @param note      shown instead of the figures when not empty
 * @param alert     shown between bar and figures of a full section when not empty, e.g. "Limit reached ·
 *                  blocked until 14:00" in ALARM
 * @param reset     local reset time, e.g. {@code 13:00} or {@code Mon Dec 7 09:00}
 * @param countdown time until the reset, e.g. {@code 1:23:45} or {@code 3 d 4 h}
 * @param expiry    predicted exhaustion, e.g. {@code 15:40} (INFO normally, WARN/ALARM by level)
 * @param reserve   expiry minus reset, e.g. {@code +2 h 17 min} (OK/WARN/ALARM)
 * @param burnRate  e.g. {@code 12.3 %/h} or {@code 2.1 %/d}
 * @param mark      a compact section's cause of a warning or alarm, e.g. the reserve {@code −1 d 2 h} in
 *                  ALARM or {@code blocked}; empty text when the window is fine or its bar says it all
 * @param tip       tooltip of label and bar: the window, its figures in words and its thresholds
 * @param pace      the figures at the current pace and what one percent is worth (full sections; else
 *                  {@link PaceView#NONE}, their pace is in the tip)
 */
public record QuotaSectionView(String window, String label, QuotaBarModel bar, boolean compact, boolean dimmed,
                               String note, TonedText alert, TonedText reset, TonedText countdown,
                               TonedText expiry, TonedText reserve, TonedText burnRate, TonedText mark,
                               String tip, PaceView pace) {

    public QuotaSectionView {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(countdown, "countdown");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(reserve, "reserve");
        Objects.requireNonNull(burnRate, "burnRate");
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(tip, "tip");
        Objects.requireNonNull(pace, "pace");
    }

    /** {@code true} when the note replaces the figures. */
    public boolean hasNote() {
        return !note.isEmpty();
    }

    /** {@code true} when an alert stands above the figures. */
    public boolean hasAlert() {
        return !alert.text().isEmpty();
    }
}

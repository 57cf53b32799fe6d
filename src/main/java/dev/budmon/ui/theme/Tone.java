package dev.budmon.ui.theme;

import java.awt.Color;

/**
 * The colour role of a figure on the dashboard. The view-model builder maps the calculator's levels to
 * tones; widgets only turn a tone into the theme's colour, so a level never becomes a hard-coded colour.
 */
public enum Tone {
    /** Plain text colour, no judgement. */
    NORMAL("BudMon.tone.normal"),
    /** Within limits (green). */
    OK("BudMon.tone.ok"),
    /** Past the warn threshold (yellow). */
    WARN("BudMon.tone.warn"),
    /** Past the alarm threshold (red). */
    ALARM("BudMon.tone.alarm"),
    /** Unknown, waiting or stale (grey). */
    DIM("BudMon.tone.dim"),
    /** Informational figure, e.g. an expiry that is no threat (cyan). */
    INFO("BudMon.tone.info");

    private final String colorKey;

    Tone(String colorKey) {
        this.colorKey = colorKey;
    }

    /** The theme key of this tone's colour, e.g. {@code BudMon.tone.warn}. */
    public String colorKey() {
        return colorKey;
    }

    /** This tone's colour in the current theme. EDT only (reads {@code UIManager}). */
    public Color color() {
        return BudmonTheme.color(colorKey);
    }
}

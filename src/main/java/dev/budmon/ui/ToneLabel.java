package dev.budmon.ui;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.TonedText;

import javax.swing.JLabel;

/**
 * A label whose font and colour are theme keys (the colour usually that of a {@link Tone}); both are looked
 * up again when the look and feel changes, so the label never holds a colour of its own. EDT only.
 */
final class ToneLabel extends JLabel {

    private final String fontKey;
    private String colorKey;
    private Tone tone;

    /** A label coloured by {@code tone}. */
    ToneLabel(String name, String fontKey, Tone tone) {
        this(name, fontKey, tone.colorKey());
        this.tone = tone;
    }

    /** A label in a fixed theme colour (e.g. the accent of the title). */
    ToneLabel(String name, String fontKey, String colorKey) {
        this.fontKey = fontKey;
        this.colorKey = colorKey;
        setName(name);
        applyTheme();
    }

    /** Shows {@code text} in {@code newTone}; unchanged values cause no relayout or repaint. */
    void show(String text, Tone newTone) {
        if (!text.equals(getText())) {
            setText(text);
        }
        if (newTone != tone) {
            tone = newTone;
            colorKey = newTone.colorKey();
            setForeground(BudmonTheme.color(colorKey));
        }
    }

    void show(TonedText text) {
        show(text.text(), text.tone());
    }

    /** Shows {@code text} in the label's current colour. */
    void show(String text) {
        if (!text.equals(getText())) {
            setText(text);
        }
    }

    /** The tone currently shown; {@code null} for a label in a fixed theme colour. */
    Tone tone() {
        return tone;
    }

    @Override
    public void updateUI() {
        super.updateUI();
        applyTheme();
    }

    private void applyTheme() {
        // updateUI runs inside JLabel's constructor, before this class's fields are set
        if (fontKey != null && colorKey != null) {
            setFont(BudmonTheme.font(fontKey));
            setForeground(BudmonTheme.color(colorKey));
        }
    }
}

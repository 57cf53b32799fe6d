package dev.budmon.ui;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.TonedText;

import javax.swing.JLabel;
import java.awt.FontMetrics;

/**
 * A label whose font and colour are theme keys (the colour usually that of a {@link Tone}); both are looked
 * up again when the look and feel changes, so the label never holds a colour of its own. EDT only.
 */
final class ToneLabel extends JLabel {

    private final String fontKey;
    private String colorKey;
    private Tone tone;
    private boolean keepLayout;

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
        show(text);
        if (newTone != tone) {
            tone = newTone;
            colorKey = newTone.colorKey();
            setForeground(BudmonTheme.color(colorKey));
        }
    }

    void show(TonedText text) {
        show(text.text(), text.tone());
    }

    /**
     * Shows {@code text} in the label's current colour. A text as wide as the one shown (a countdown's next
     * second in a monospaced font) only repaints the label: its size is the same, so the window is not laid
     * out again, which would otherwise happen every second.
     */
    void show(String text) {
        String old = getText();
        if (text.equals(old)) {
            return;
        }
        if (old != null && !old.isEmpty() && !text.isEmpty() && getIcon() == null) {
            FontMetrics fm = getFontMetrics(getFont());
            keepLayout = fm.stringWidth(old) == fm.stringWidth(text);
        }
        try {
            setText(text);
        } finally {
            keepLayout = false;
        }
    }

    /** While {@code keepLayout} is set by {@link #show(String)}, the text's width is unchanged: no relayout. */
    @Override
    public void revalidate() {
        if (!keepLayout) {
            super.revalidate();
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

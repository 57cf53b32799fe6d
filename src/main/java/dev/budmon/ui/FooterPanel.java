package dev.budmon.ui;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.FooterView;

import javax.swing.JPanel;
import java.awt.GridBagLayout;

/** Refresh count and data time at the left, the stale mark at the right. EDT only. */
final class FooterPanel extends JPanel {

    private final ToneLabel text = new ToneLabel("footer:text", BudmonTheme.FONT_SMALL, Tone.DIM);
    private final ToneLabel stale = new ToneLabel("footer:stale", BudmonTheme.FONT_SMALL_BOLD, Tone.WARN);

    FooterPanel() {
        super(new GridBagLayout());
        setOpaque(false);
        add(text, Cell.at(0, 0).baseline().grow());
        add(stale, Cell.at(1, 0).baseline());
    }

    void show(FooterView v) {
        text.show(v.text());
        stale.show(v.staleMark());
        stale.setVisible(v.stale());
    }
}

package dev.budmon.ui;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.CacheView;
import dev.budmon.ui.widget.CacheSparkline;

import javax.swing.JPanel;
import java.awt.GridBagLayout;

/** The cache-hit ratio: large and coloured, the average under it, the sparkline beside both. EDT only. */
final class CachePanel extends JPanel {

    private final ToneLabel title = new ToneLabel("cache:title", BudmonTheme.FONT_BOLD, Tone.DIM);
    private final ToneLabel current = new ToneLabel("cache:current", BudmonTheme.FONT_LARGE, Tone.DIM);
    private final ToneLabel average = new ToneLabel("cache:average", BudmonTheme.FONT, Tone.DIM);
    private final CacheSparkline sparkline = new CacheSparkline();

    CachePanel() {
        super(new GridBagLayout());
        setOpaque(false);
        sparkline.setName("cache:sparkline");
        add(title, Cell.at(0, 0).span(2).gap(0, 0, 2, 0));
        add(current, Cell.at(0, 1).baseline().gap(0, 0, 0, 12));
        add(average, Cell.at(1, 1).baseline().gap(0, 0, 0, 12));
        // the sparkline takes the width (and the height) the user gives the window beyond its own
        add(sparkline, Cell.at(2, 0).spanRows(2).fillBoth().gap(4, 0, 0, 0));
    }

    void show(CacheView v) {
        title.show(v.title());
        current.show(v.current());
        average.show(v.average());
        sparkline.setModel(v.sparkline());
        for (javax.swing.JComponent c : new javax.swing.JComponent[] {title, current, average, sparkline}) {
            Tips.set(c, v.tip());
        }
    }
}

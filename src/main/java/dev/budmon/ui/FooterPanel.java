package dev.budmon.ui;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.FooterView;

import javax.swing.JPanel;
import java.awt.GridBagLayout;

/**
 * That the monitor is alive (its checks) at the left; the age of the data (in the warn colour when the
 * quota figures are old) and the prices, when not each model's own, at the right. EDT only.
 */
final class FooterPanel extends JPanel {

    private final ToneLabel alive = new ToneLabel("footer:alive", BudmonTheme.FONT_SMALL, Tone.DIM);
    private final ToneLabel data = new ToneLabel("footer:data", BudmonTheme.FONT_SMALL, Tone.DIM);
    private final ToneLabel prices = new ToneLabel("footer:prices", BudmonTheme.FONT_SMALL, Tone.INFO);

    FooterPanel() {
        super(new GridBagLayout());
        setOpaque(false);
        add(alive, Cell.at(0, 0).baseline().grow());
        add(data, Cell.at(1, 0).baseline().gap(0, 10, 0, 0));
        add(prices, Cell.at(2, 0).baseline().gap(0, 10, 0, 0));
    }

    void show(FooterView v) {
        alive.show(v.alive());
        data.show(v.data());
        // a stale age is a warning: bold, as the old STALE mark was
        data.setFont(BudmonTheme.font(v.data().tone() == Tone.WARN ? BudmonTheme.FONT_SMALL_BOLD : BudmonTheme.FONT_SMALL));
        prices.show(v.prices());
        data.setVisible(!v.data().text().isEmpty());
        prices.setVisible(!v.prices().isEmpty());
        Tips.set(alive, v.aliveTip());
        Tips.set(data, v.dataTip());
        Tips.set(prices, v.pricesTip());
    }
}

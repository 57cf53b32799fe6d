package dev.budmon.ui;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.FigureRow;
import dev.budmon.ui.view.RequestColumnView;
import dev.budmon.ui.view.RequestsView;

import javax.swing.JPanel;
import java.awt.GridBagLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Last Request and Total Requests side by side (caption/value pairs in aligned rows), and under them the
 * line for the current 5h window. Rebuilt only when the number of rows changes. EDT only.
 */
final class RequestsPanel extends JPanel {

    private final Column last = new Column("last");
    private final Column total = new Column("total");
    private final ToneLabel windowCaption = new ToneLabel("requests:window.caption", BudmonTheme.FONT, Tone.DIM);
    private final ToneLabel windowValue = new ToneLabel("requests:window", BudmonTheme.FONT, Tone.NORMAL);
    private int shownRows = -1;

    RequestsPanel() {
        super(new GridBagLayout());
        setOpaque(false);
    }

    /** @return {@code true} if the rows were rebuilt */
    boolean show(RequestsView v) {
        int rows = Math.max(v.last().rows().size(), v.total().rows().size());
        boolean rebuilt = rows != shownRows;
        if (rebuilt) {
            rebuild(rows);
            shownRows = rows;
        }
        last.show(v.last());
        total.show(v.total());
        windowCaption.show(v.windowLine().label());
        windowValue.show(v.windowLine().value());
        Tips.set(windowCaption, v.windowLine().tip());
        Tips.set(windowValue, v.windowLine().tip());
        return rebuilt;
    }

    private void rebuild(int rows) {
        removeAll();
        last.resize(rows);
        total.resize(rows);
        last.addTo(this, 0, rows);
        total.addTo(this, 2, rows);
        JPanel window = new JPanel(new GridBagLayout());
        window.setOpaque(false);
        window.add(windowCaption, Cell.at(0, 0).baseline().gap(0, 0, 0, 8));
        window.add(windowValue, Cell.at(1, 0).baseline().grow());
        add(window, Cell.at(0, rows + 2).span(4).fillX().gap(6, 0, 0, 0));
        revalidate();
        repaint();
    }

    /** One column: title, headline, rows of caption and value. */
    private static final class Column {
        private final String id;
        private final ToneLabel title;
        private final ToneLabel headline;
        private final List<ToneLabel> captions = new ArrayList<>();
        private final List<ToneLabel> values = new ArrayList<>();

        Column(String id) {
            this.id = id;
            title = new ToneLabel("requests:" + id + ".title", BudmonTheme.FONT_BOLD, Tone.DIM);
            headline = new ToneLabel("requests:" + id + ".headline", BudmonTheme.FONT_BOLD, Tone.NORMAL);
        }

        void resize(int rows) {
            while (captions.size() < rows) {
                int i = captions.size();
                captions.add(new ToneLabel("requests:" + id + ".caption." + i, BudmonTheme.FONT, Tone.DIM));
                values.add(new ToneLabel("requests:" + id + ".value." + i, BudmonTheme.FONT, Tone.NORMAL));
            }
            while (captions.size() > rows) {
                captions.remove(captions.size() - 1);
                values.remove(values.size() - 1);
            }
        }

        void addTo(JPanel panel, int column, int rows) {
            int left = column == 0 ? 0 : 16;
            panel.add(title, Cell.at(column, 0).span(2).gap(0, left, 1, 0));
            panel.add(headline, Cell.at(column, 1).span(2).gap(0, left, 2, 0));
            for (int i = 0; i < rows; i++) {
                panel.add(captions.get(i), Cell.at(column, i + 2).baseline().gap(0, left, 0, 8));
                panel.add(values.get(i), Cell.at(column + 1, i + 2).baseline().grow());
            }
        }

        void show(RequestColumnView v) {
            title.show(v.title());
            headline.show(v.headline());
            Tips.set(title, v.tip());
            Tips.set(headline, v.tip());
            for (int i = 0; i < captions.size(); i++) {
                if (i < v.rows().size()) {
                    FigureRow row = v.rows().get(i);
                    captions.get(i).show(row.label());
                    values.get(i).show(row.value());
                    Tips.set(captions.get(i), row.tip());
                    Tips.set(values.get(i), row.tip());
                } else {
                    captions.get(i).show("");
                    values.get(i).show("");
                    Tips.set(captions.get(i), null);
                    Tips.set(values.get(i), null);
                }
            }
        }
    }
}

package dev.budmon.ui;

import dev.budmon.i18n.Messages;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.HistoryChartView;
import dev.budmon.ui.view.HistoryRange;
import dev.budmon.ui.widget.HistoryChart;

import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import java.awt.GridBagLayout;
import java.awt.Window;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Map;

/**
 * Logs › Quota history: the windows' utilization over the last 24 hours, 7 or 30 days as step lines over the
 * warn and alarm bands, resets marked, and under the chart the figures of the moment the mouse points at with
 * the requests and cost of its hour. The views are built off the EDT; this only shows them. EDT only.
 */
final class QuotaHistoryWindow {

    private QuotaHistoryWindow() {
    }

    /** Shows the views in a window of their own, the last 7 days first. */
    static JDialog show(Window owner, Map<HistoryRange, HistoryChartView> views, Messages m) {
        JDialog d = AppDialogs.dialog(owner, m.get("history.title"), content(views, m), m);
        d.setName("quota-history");
        d.pack();
        TextDialog.fitToScreen(d, owner);
        d.setVisible(true);
        return d;
    }

    /** The window's content: the range buttons and the legend, the chart, the line under it. */
    static JComponent content(Map<HistoryRange, HistoryChartView> views, Messages m) {
        JPanel panel = new JPanel(new GridBagLayout());
        panel.setName("history");
        panel.setBackground(BudmonTheme.color(BudmonTheme.BACKGROUND));
        panel.setBorder(BorderFactory.createEmptyBorder(10, 12, 8, 12));
        HistoryChart chart = new HistoryChart();
        chart.setName("history:chart");
        ToneLabel hover = new ToneLabel("history:hover", BudmonTheme.FONT, Tone.NORMAL);
        ToneLabel hour = new ToneLabel("history:hour", BudmonTheme.FONT, Tone.NORMAL);
        JPanel legend = new JPanel(new GridBagLayout());
        legend.setOpaque(false);
        Shown shown = new Shown(chart, hover, hour, legend);

        JPanel ranges = new JPanel(new GridBagLayout());
        ranges.setOpaque(false);
        ButtonGroup group = new ButtonGroup();
        int col = 0;
        for (HistoryRange r : HistoryRange.values()) {
            JToggleButton b = new JToggleButton(m.get("history.range." + r.key()));
            b.setName("history:range." + r.key());
            b.addActionListener(e -> shown.show(views.get(r)));
            group.add(b);
            ranges.add(b, Cell.at(col++, 0).gap(0, col == 1 ? 0 : 4, 0, 0));
            if (r == HistoryRange.WEEK) {
                b.setSelected(true);
            }
        }
        panel.add(ranges, Cell.at(0, 0));
        panel.add(legend, Cell.at(1, 0).end().grow());
        panel.add(chart, Cell.at(0, 1).span(2).fillBoth().gap(8, 0, 6, 0));
        panel.add(hover, Cell.at(0, 2).span(2).fillX());
        panel.add(hour, Cell.at(0, 3).span(2).fillX());
        chart.addMouseMotionListener(shown);
        chart.addMouseListener(shown);
        shown.show(views.get(HistoryRange.WEEK));
        return panel;
    }

    /** The range shown, and what the mouse over the chart changes. */
    private static final class Shown extends MouseAdapter {
        private final HistoryChart chart;
        private final ToneLabel hover;
        private final ToneLabel hour;
        private final JPanel legend;
        private HistoryChartView view;

        Shown(HistoryChart chart, ToneLabel hover, ToneLabel hour, JPanel legend) {
            this.chart = chart;
            this.hover = hover;
            this.hour = hour;
            this.legend = legend;
        }

        void show(HistoryChartView v) {
            view = v;
            chart.setModel(v.chart());
            chart.setCursorColumn(-1);
            hover.show(v.summary(), Tone.DIM);
            // the second line keeps its height, so that pointing does not move the chart
            hour.show(" ");
            legend.removeAll();
            int col = 0;
            for (HistoryChartView.Legend l : v.legend()) {
                ToneLabel label = new ToneLabel("history:legend." + col, BudmonTheme.FONT,
                        HistoryChart.SERIES[l.colour() % HistoryChart.SERIES.length]);
                label.setText("━ " + l.label());
                legend.add(label, Cell.at(col++, 0).gap(0, 12, 0, 0));
            }
            legend.revalidate();
            legend.repaint();
        }

        @Override
        public void mouseMoved(MouseEvent e) {
            int c = chart.columnAt(e.getX());
            chart.setCursorColumn(c);
            hover.show(view.hoverAt(c), c < 0 ? Tone.DIM : Tone.NORMAL);
            hour.show(c < 0 ? " " : view.hourAt(c));
        }

        @Override
        public void mouseExited(MouseEvent e) {
            chart.setCursorColumn(-1);
            hover.show(view.summary(), Tone.DIM);
            hour.show(" ");
        }
    }
}

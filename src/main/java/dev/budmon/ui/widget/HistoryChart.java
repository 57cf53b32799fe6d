package dev.budmon.ui.widget;

import dev.budmon.ui.theme.BudmonTheme;

import com.formdev.flatlaf.util.UIScale;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * The quota history as a chart: the warn and alarm bands across the plot, a step line per window (0 % at the
 * bottom, 100 % at the top), a mark at each reset in the line's colour, the percent labels on the left, the time
 * labels below, and a cursor line at the column under the mouse. EDT only.
 */
public final class HistoryChart extends ModelWidget<HistoryChartModel> {

    /** Series colours of the theme, in order; more lines reuse them. */
    public static final String[] SERIES = {BudmonTheme.HISTORY_SERIES_0, BudmonTheme.HISTORY_SERIES_1,
            BudmonTheme.HISTORY_SERIES_2, BudmonTheme.HISTORY_SERIES_3};

    /** The column under the mouse, or -1. */
    private int cursor = -1;

    public HistoryChart() {
        super(HistoryChartModel.EMPTY);
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        return new Dimension(UIScale.scale(720), UIScale.scale(260));
    }

    /** Shows the cursor line at {@code column} ({@code -1}: none). EDT only. */
    public void setCursorColumn(int column) {
        if (column != cursor) {
            cursor = column;
            repaint();
        }
    }

    /** The plot's area inside the widget: room for the percent labels on the left and the time labels below. */
    public Rectangle plot() {
        FontMetrics fm = getFontMetrics(BudmonTheme.font(BudmonTheme.FONT_SMALL));
        int left = fm.stringWidth("100 %") + UIScale.scale(6);
        int bottom = fm.getHeight() + UIScale.scale(4);
        int top = UIScale.scale(4);
        int right = UIScale.scale(4);
        return new Rectangle(left, top, Math.max(1, getWidth() - left - right), Math.max(1, getHeight() - top - bottom));
    }

    /** The column at {@code x} in the widget, or -1 outside the plot. */
    public int columnAt(int x) {
        Rectangle p = plot();
        if (x < p.x || x >= p.x + p.width) {
            return -1;
        }
        return Math.min(getModel().columns() - 1, (int) ((x - p.x) * (long) getModel().columns() / p.width));
    }

    @Override
    protected void paint(Graphics2D g, HistoryChartModel m, int width, int height) {
        Rectangle p = plot();
        g.setColor(BudmonTheme.color(BudmonTheme.QUOTA_TRACK));
        g.fill(p);
        g.setColor(BudmonTheme.color(BudmonTheme.HISTORY_WARN_BAND));
        g.fill(band(p, m.warnFraction(), m.alarmFraction()));
        g.setColor(BudmonTheme.color(BudmonTheme.HISTORY_ALARM_BAND));
        g.fill(band(p, m.alarmFraction(), 1));

        g.setFont(BudmonTheme.font(BudmonTheme.FONT_SMALL));
        FontMetrics fm = g.getFontMetrics();
        Color dim = BudmonTheme.color(BudmonTheme.DIM_FOREGROUND);
        Color grid = BudmonTheme.color(BudmonTheme.HISTORY_GRID);
        g.setStroke(new BasicStroke(Math.max(1f, UIScale.scale(1f))));
        double[] levels = {0, 0.5, 1};
        for (int i = 0; i < levels.length && i < m.percentLabels().size(); i++) {
            float y = yOf(p, levels[i]);
            g.setColor(grid);
            g.draw(new Line2D.Float(p.x, y, p.x + p.width, y));
            g.setColor(dim);
            String text = m.percentLabels().get(i);
            g.drawString(text, p.x - UIScale.scale(4) - fm.stringWidth(text), y + fm.getAscent() / 2f - 1);
        }
        for (HistoryChartModel.Tick t : m.ticks()) {
            float x = (float) (p.x + t.position() * p.width);
            g.setColor(grid);
            g.draw(new Line2D.Float(x, p.y, x, p.y + p.height));
            g.setColor(dim);
            float tx = Math.max(0, Math.min(width - fm.stringWidth(t.text()), x - fm.stringWidth(t.text()) / 2f));
            g.drawString(t.text(), tx, p.y + p.height + UIScale.scale(2) + fm.getAscent());
        }

        float column = (float) p.width / m.columns();
        for (HistoryChartModel.Line l : m.lines()) {
            Color c = BudmonTheme.color(SERIES[l.colour() % SERIES.length]);
            boolean[] resets = l.resets();
            g.setColor(c);
            int mark = Math.max(1, Math.round(UIScale.scale(1f)));
            for (int i = 0; i < resets.length; i++) {
                if (resets[i]) {
                    int x = (int) Math.floor(p.x + i * column + column / 2 - mark / 2f);
                    g.fill(new Rectangle(x, p.y, mark, UIScale.scale(6)));
                }
            }
        }
        g.setStroke(new BasicStroke(UIScale.scale(1.5f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        Graphics2D clip = (Graphics2D) g.create();
        try {
            clip.translate(p.x, p.y);
            for (HistoryChartModel.Line l : m.lines()) {
                QuotaTrail.steps(clip, l.values(), BudmonTheme.color(SERIES[l.colour() % SERIES.length]), p.width,
                        p.height, UIScale.scale(1f));
            }
        } finally {
            clip.dispose();
        }
        if (cursor >= 0 && cursor < m.columns()) {
            float x = p.x + cursor * column + column / 2;
            g.setColor(BudmonTheme.color(BudmonTheme.FOREGROUND));
            g.setStroke(new BasicStroke(Math.max(1f, UIScale.scale(1f))));
            g.draw(new Line2D.Float(x, p.y, x, p.y + p.height));
        }
    }

    private static Rectangle2D band(Rectangle p, double from, double to) {
        float top = yOf(p, Math.min(1, to));
        float bottom = yOf(p, Math.max(0, from));
        return new Rectangle2D.Float(p.x, top, p.width, Math.max(0, bottom - top));
    }

    private static float yOf(Rectangle p, double fraction) {
        return (float) (p.y + p.height - Math.max(0, Math.min(1, fraction)) * p.height);
    }
}

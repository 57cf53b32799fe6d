package dev.budmon.ui.widget;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.ui.theme.BudmonTheme;

import javax.swing.ToolTipManager;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A bar chart of cost per day, week or month, each bar stacked by model from the bottom in the theme's series
 * colours, with guide lines labelled in dollars on the left, the bars' labels below (as many as fit) and a
 * legend on top. Hovering over a bar marks it and shows its figures as a tooltip. EDT only.
 */
public class CostChart extends ModelWidget<CostChartModel> {

    private static final int DESIGN_WIDTH = 640;
    private static final int DESIGN_HEIGHT = 200;

    /** The bar under the mouse, or -1. */
    private int hovered = -1;

    /** An empty chart. */
    public CostChart() {
        super(CostChartModel.EMPTY);
        ToolTipManager.sharedInstance().registerComponent(this);
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
                hover(barAt(e.getX(), e.getY()));
            }

            @Override
            public void mouseExited(MouseEvent e) {
                hover(-1);
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
    }

    @Override
    protected Dimension designSize() {
        return new Dimension(DESIGN_WIDTH, DESIGN_HEIGHT);
    }

    @Override
    protected Dimension designMinimumSize() {
        return new Dimension(160, 100);
    }

    @Override
    protected void modelChanged(CostChartModel oldModel, CostChartModel newModel) {
        hovered = -1;
    }

    /** The figures of the bar under the mouse; none between bars. */
    @Override
    public String getToolTipText(MouseEvent e) {
        int i = barAt(e.getX(), e.getY());
        return i < 0 ? null : getModel().bars().get(i).tooltip();
    }

    /** The index of the bar whose slot holds the point, or -1 (outside the plot, or no bars). EDT only. */
    public int barAt(int x, int y) {
        CostChartModel m = getModel();
        if (m.bars().isEmpty()) {
            return -1;
        }
        Layout l = new Layout(m, getFontMetrics(font()), getWidth(), getHeight());
        if (x < l.left || x >= l.right || y < l.top || y > l.bottom) {
            return -1;
        }
        int i = (int) ((x - l.left) / l.slot);
        return Math.min(i, m.bars().size() - 1);
    }

    private void hover(int bar) {
        if (bar != hovered) {
            hovered = bar;
            repaint();
        }
    }

    private static Font font() {
        return BudmonTheme.font(BudmonTheme.FONT_SMALL);
    }

    @Override
    protected void paint(Graphics2D g, CostChartModel m, int width, int height) {
        Font font = font();
        g.setFont(font);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FontMetrics fm = g.getFontMetrics(font);
        Layout l = new Layout(m, fm, width, height);
        Color dim = BudmonTheme.color(BudmonTheme.DIM_FOREGROUND);
        if (m.bars().isEmpty()) {
            g.setColor(dim);
            g.drawString(m.empty(), (width - fm.stringWidth(m.empty())) / 2f, height / 2f + fm.getAscent() / 2f);
            return;
        }
        paintLegend(g, m, fm, l);
        double top = m.scaleTop();
        g.setStroke(new java.awt.BasicStroke(UIScale.scale(1f)));
        for (CostChartModel.GridLine line : m.grid()) {
            float y = l.yOf(line.dollars(), top);
            g.setColor(BudmonTheme.color(BudmonTheme.CHART_GRID));
            g.draw(new Line2D.Float(l.left, y, l.right, y));
            g.setColor(dim);
            g.drawString(line.label(), l.left - UIScale.scale(4) - fm.stringWidth(line.label()),
                    y + fm.getAscent() / 2f - UIScale.scale(1f));
        }
        List<CostChartModel.Bar> bars = m.bars();
        float barWidth = l.barWidth();
        if (hovered >= 0 && hovered < bars.size()) {
            g.setColor(BudmonTheme.color(BudmonTheme.CHART_HOVER));
            g.fill(new Rectangle2D.Float(l.left + hovered * l.slot, l.top, l.slot, l.bottom - l.top));
        }
        Color[] colours = new Color[m.series().size()];
        for (int s = 0; s < colours.length; s++) {
            colours[s] = BudmonTheme.chartSeries(m.colours().get(s));
        }
        for (int i = 0; i < bars.size(); i++) {
            float x = l.left + i * l.slot + (l.slot - barWidth) / 2f;
            double below = 0;
            List<Double> costs = bars.get(i).costs();
            for (int s = 0; s < costs.size(); s++) {
                double c = costs.get(s);
                if (c <= 0) {
                    continue;
                }
                float y0 = l.yOf(below, top);
                float y1 = l.yOf(below + c, top);
                g.setColor(colours[s]);
                g.fill(new Rectangle2D.Float(x, y1, barWidth, y0 - y1));
                below += c;
            }
        }
        paintLabels(g, bars, fm, l, dim, width);
    }

    /** A swatch and a name per series, in a row along the top. */
    private static void paintLegend(Graphics2D g, CostChartModel m, FontMetrics fm, Layout l) {
        float x = l.left;
        float swatch = fm.getAscent() * 0.8f;
        float baseline = l.pad + fm.getAscent();
        for (int s = 0; s < m.series().size(); s++) {
            g.setColor(BudmonTheme.chartSeries(m.colours().get(s)));
            g.fill(new Rectangle2D.Float(x, baseline - swatch, swatch, swatch));
            x += swatch + UIScale.scale(4);
            g.setColor(BudmonTheme.color(BudmonTheme.FOREGROUND));
            g.drawString(m.series().get(s), x, baseline);
            x += fm.stringWidth(m.series().get(s)) + UIScale.scale(14);
        }
    }

    /** The bars' labels, every one that fits without touching the previous one, the first always. */
    private static void paintLabels(Graphics2D g, List<CostChartModel.Bar> bars, FontMetrics fm, Layout l, Color dim,
                                    int width) {
        g.setColor(dim);
        float baseline = l.bottom + UIScale.scale(3) + fm.getAscent();
        float nextFree = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < bars.size(); i++) {
            String label = bars.get(i).label();
            int w = fm.stringWidth(label);
            float x = l.left + i * l.slot + l.slot / 2f - w / 2f;
            // inside the plot's width: left of it are the guide lines' labels
            x = Math.max(l.left, Math.min(x, width - w));
            if (x >= nextFree) {
                g.drawString(label, x, baseline);
                nextFree = x + w + UIScale.scale(10);
            }
        }
    }

    /** Where everything goes, in device pixels; the same for painting and for finding the bar under the mouse. */
    private static final class Layout {
        final float pad;
        final float left;
        final float right;
        final float top;
        final float bottom;
        final float slot;

        Layout(CostChartModel m, FontMetrics fm, int width, int height) {
            pad = UIScale.scale(6f);
            int labels = 0;
            for (CostChartModel.GridLine line : m.grid()) {
                labels = Math.max(labels, fm.stringWidth(line.label()));
            }
            left = pad + labels + UIScale.scale(8f);
            right = width - pad;
            float legend = m.series().isEmpty() ? 0 : fm.getHeight() + UIScale.scale(6f);
            top = pad + legend + fm.getAscent() / 2f;
            bottom = height - pad - fm.getHeight() - UIScale.scale(3f);
            slot = m.bars().isEmpty() ? 1 : Math.max(0.01f, (right - left) / m.bars().size());
        }

        float barWidth() {
            float gap = BudmonTheme.integer(BudmonTheme.CHART_BAR_GAP_PERCENT, 25) / 100f;
            float w = Math.min(BudmonTheme.scaledSize(BudmonTheme.CHART_MAX_BAR_WIDTH, 48), slot * (1 - gap));
            return w >= 2 ? w : Math.max(1, slot);
        }

        float yOf(double dollars, double scaleTop) {
            double share = scaleTop <= 0 ? 0 : Math.max(0, Math.min(1, dollars / scaleTop));
            return (float) (bottom - share * (bottom - top));
        }
    }
}

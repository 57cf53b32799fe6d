package dev.budmon.ui.widget;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.ui.theme.BudmonTheme;

import java.awt.BasicStroke;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/**
 * A sparkline of recent cache-hit ratios (0 at the bottom, 1 at the top) with a dashed guide line and a dot
 * on the newest point coloured by its level. When there are more points than pixel columns, each column
 * shows the minimum and maximum of its points, so no spike disappears. EDT only.
 */
public class CacheSparkline extends ModelWidget<SparklineModel> {

    private static final int DESIGN_WIDTH = 180;
    private static final int DESIGN_HEIGHT = 36;

    /** An empty sparkline. */
    public CacheSparkline() {
        super(SparklineModel.EMPTY);
    }

    @Override
    protected Dimension designSize() {
        return new Dimension(DESIGN_WIDTH, DESIGN_HEIGHT);
    }

    @Override
    protected Dimension designMinimumSize() {
        return new Dimension(40, DESIGN_HEIGHT);
    }

    @Override
    protected void paint(Graphics2D g, SparklineModel m, int width, int height) {
        float dot = BudmonTheme.scaledSize(BudmonTheme.SPARKLINE_DOT_DIAMETER, 6);
        // inset by half a dot so the end dot and the extremes are never clipped
        float inset = dot / 2f + UIScale.scale(1f);
        float left = inset;
        float top = inset;
        float plotWidth = width - 2 * inset;
        float plotHeight = height - 2 * inset;
        if (plotWidth <= 1 || plotHeight <= 1) {
            return;
        }

        if (!Double.isNaN(m.guideRatio())) {
            float gy = yOf(m.guideRatio(), top, plotHeight);
            float dash = UIScale.scale(3f);
            g.setStroke(new BasicStroke(UIScale.scale(1f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {dash, dash}, 0));
            g.setColor(BudmonTheme.color(BudmonTheme.SPARKLINE_GUIDE));
            g.draw(new Line2D.Float(left, gy, left + plotWidth, gy));
        }

        int n = m.size();
        if (n == 0) {
            return;
        }
        int slots = Math.max(n, m.capacity());
        float step = slots > 1 ? plotWidth / (slots - 1) : 0;
        // index i of n sits at slot (slots - n + i): right-aligned
        float firstX = left + (slots - n) * step;

        Path2D.Float path = new Path2D.Float();
        if (step >= 1) {
            boolean penDown = false;
            for (int i = 0; i < n; i++) {
                double r = m.ratio(i);
                if (Double.isNaN(r)) {
                    penDown = false;
                    continue;
                }
                float px = firstX + i * step;
                float py = yOf(r, top, plotHeight);
                if (penDown) {
                    path.lineTo(px, py);
                } else {
                    path.moveTo(px, py);
                    penDown = true;
                }
            }
        } else {
            appendMinMaxColumns(path, m, firstX, step, top, plotHeight);
        }
        g.setStroke(new BasicStroke(UIScale.scale(1.25f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(BudmonTheme.color(BudmonTheme.SPARKLINE_LINE));
        g.draw(path);

        double last = m.ratio(n - 1);
        if (!Double.isNaN(last)) {
            float cx = firstX + (n - 1) * step;
            float cy = yOf(last, top, plotHeight);
            g.setColor(m.endTone().color());
            g.fill(new Ellipse2D.Float(cx - dot / 2f, cy - dot / 2f, dot, dot));
        }
    }

    /** More points than pixels: one vertical stroke per pixel column from its minimum to its maximum. */
    private static void appendMinMaxColumns(Path2D.Float path, SparklineModel m, float firstX, float step,
                                            float top, float plotHeight) {
        ColumnRange range = new ColumnRange(path, top, plotHeight);
        for (int i = 0; i < m.size(); i++) {
            int column = (int) Math.floor(firstX + i * step);
            if (column != range.column) {
                range.flush();
                range.column = column;
            }
            range.add(m.ratio(i));
        }
        range.flush();
    }

    /** The extremes of the points in one pixel column, appended to the path when the column is complete. */
    private static final class ColumnRange {
        private final Path2D.Float path;
        private final float top;
        private final float plotHeight;
        private int column = Integer.MIN_VALUE;
        private double min = Double.NaN;
        private double max = Double.NaN;
        private boolean penDown;

        ColumnRange(Path2D.Float path, float top, float plotHeight) {
            this.path = path;
            this.top = top;
            this.plotHeight = plotHeight;
        }

        void add(double r) {
            if (!Double.isNaN(r)) {
                min = Double.isNaN(min) ? r : Math.min(min, r);
                max = Double.isNaN(max) ? r : Math.max(max, r);
            }
        }

        void flush() {
            if (column == Integer.MIN_VALUE) {
                return;
            }
            if (Double.isNaN(min)) {
                penDown = false; // a column of gaps only breaks the line
            } else {
                float yMax = yOf(max, top, plotHeight);
                if (penDown) {
                    path.lineTo(column, yMax);
                } else {
                    path.moveTo(column, yMax);
                    penDown = true;
                }
                path.lineTo(column, yOf(min, top, plotHeight));
            }
            min = Double.NaN;
            max = Double.NaN;
        }
    }

    private static float yOf(double ratio, float top, float plotHeight) {
        double clamped = Math.max(0, Math.min(1, ratio));
        return (float) (top + (1 - clamped) * plotHeight);
    }
}

package dev.budmon.ui.widget;

import dev.budmon.ui.theme.BudmonTheme;

import com.formdev.flatlaf.util.UIScale;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

/**
 * The last day of the 5-hour and the 7-day window as a small step chart on a track: one step line per window
 * (the 7-day one below, the 5-hour one on top), a thin mark across the track where a window started anew.
 * 0 % is the bottom of the track, 100 % its top. EDT only.
 */
public final class QuotaTrail extends ModelWidget<TrailModel> {

    public QuotaTrail() {
        super(TrailModel.EMPTY);
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        return new Dimension(BudmonTheme.scaledSize(BudmonTheme.TRAIL_WIDTH, 64),
                BudmonTheme.scaledSize(BudmonTheme.TRAIL_HEIGHT, 16));
    }

    /** Narrower when the window is made narrow: the header gives it only the room left between its texts. */
    @Override
    public Dimension getMinimumSize() {
        return new Dimension(UIScale.scale(32), getPreferredSize().height);
    }

    @Override
    protected void paint(Graphics2D g, TrailModel m, int width, int height) {
        float arc = UIScale.scale(3f);
        g.setColor(BudmonTheme.color(BudmonTheme.QUOTA_TRACK));
        g.fill(new RoundRectangle2D.Float(0, 0, width, height, arc, arc));
        float inset = UIScale.scale(2f);
        resets(g, m.sevenDayResets(), BudmonTheme.color(BudmonTheme.TRAIL_SEVEN_DAY), width, height);
        resets(g, m.fiveHourResets(), BudmonTheme.color(BudmonTheme.TRAIL_RESET), width, height);
        g.setStroke(new BasicStroke(UIScale.scale(1.5f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        steps(g, m.sevenDay(), BudmonTheme.color(BudmonTheme.TRAIL_SEVEN_DAY), width, height, inset);
        steps(g, m.fiveHour(), BudmonTheme.color(BudmonTheme.TRAIL_FIVE_HOUR), width, height, inset);
    }

    /** A step line: each known column a level, joined to the next by a vertical; unknown columns are gaps. */
    static void steps(Graphics2D g, double[] values, Color colour, float width, float height, float inset) {
        if (values.length == 0) {
            return;
        }
        float column = width / values.length;
        Path2D.Float path = new Path2D.Float();
        boolean drawing = false;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                drawing = false;
                continue;
            }
            float y = yOf(v, height, inset);
            float x0 = i * column;
            if (drawing) {
                path.lineTo(x0, y);
            } else {
                path.moveTo(x0, y);
                drawing = true;
            }
            path.lineTo(x0 + column, y);
        }
        g.setColor(colour);
        g.draw(path);
    }

    /** Where a fraction used lies: 0 at the bottom of the plot, 1 (and more) at its top. */
    static float yOf(double fraction, float height, float inset) {
        double f = Math.max(0, Math.min(1, fraction));
        return (float) (height - inset - f * (height - 2 * inset));
    }

    private static void resets(Graphics2D g, boolean[] resets, Color colour, float width, float height) {
        if (resets.length == 0) {
            return;
        }
        float column = width / resets.length;
        int line = Math.max(1, Math.round(UIScale.scale(1f)));
        g.setColor(colour);
        for (int i = 0; i < resets.length; i++) {
            if (resets[i]) {
                // on whole pixels: a mark one pixel wide stays crisp instead of two half-grey ones
                int x = (int) Math.floor(i * column + column / 2 - line / 2f);
                g.fill(new Rectangle(x, 0, line, (int) height));
            }
        }
    }
}

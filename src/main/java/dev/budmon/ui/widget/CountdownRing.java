package dev.budmon.ui.widget;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.ui.theme.BudmonTheme;

import javax.swing.plaf.basic.BasicGraphicsUtils;
import java.awt.BasicStroke;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;

/**
 * A countdown ring: a full circle as track, an arc from twelve o'clock clockwise for the fraction of time
 * left, the time in the middle and the event's label (RESET or EXPIRY) under it, both coloured by tone.
 * EDT only.
 */
public class CountdownRing extends ModelWidget<RingModel> {

    /** An empty ring. */
    public CountdownRing() {
        super(RingModel.UNKNOWN);
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        int d = BudmonTheme.scaledSize(BudmonTheme.RING_DIAMETER, 92);
        return new Dimension(d, d);
    }

    @Override
    public Dimension getMinimumSize() {
        return isMinimumSizeSet() ? super.getMinimumSize() : getPreferredSize();
    }

    @Override
    protected void paint(Graphics2D g, RingModel m, int width, int height) {
        float thickness = BudmonTheme.scaledSize(BudmonTheme.RING_THICKNESS, 6);
        float diameter = Math.min(width, height) - thickness;
        if (diameter <= thickness) {
            return;
        }
        // the stroke is centred on the circle, so inset the circle by half a stroke on every side
        float x = (width - diameter) / 2f;
        float y = (height - diameter) / 2f;

        g.setStroke(new BasicStroke(thickness, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.setColor(BudmonTheme.color(BudmonTheme.RING_TRACK));
        g.draw(new Ellipse2D.Float(x, y, diameter, diameter));

        double fraction = m.arcFraction();
        if (fraction >= 1) {
            // a closed circle, not a 360° arc: the arc's two butt ends would leave an antialiased seam at twelve
            g.setColor(m.tone().color());
            g.draw(new Ellipse2D.Float(x, y, diameter, diameter));
        } else if (fraction > 0) {
            g.setColor(m.tone().color());
            // Arc2D angles run counter-clockwise from three o'clock: start at 90° and go negative
            g.draw(new Arc2D.Float(x, y, diameter, diameter, 90, (float) (-360 * fraction), Arc2D.OPEN));
        }

        Font timeFont = BudmonTheme.font(BudmonTheme.FONT_RING);
        Font labelFont = BudmonTheme.font(BudmonTheme.FONT_SMALL);
        FontMetrics timeFm = g.getFontMetrics(timeFont);
        FontMetrics labelFm = g.getFontMetrics(labelFont);
        boolean hasLabel = !m.label().isEmpty();
        int blockHeight = timeFm.getAscent() + timeFm.getDescent()
                + (hasLabel ? UIScale.scale(2) + labelFm.getAscent() : 0);
        int top = (height - blockHeight) / 2;

        g.setFont(timeFont);
        g.setColor(BudmonTheme.color(BudmonTheme.FOREGROUND));
        float timeWidth = BasicGraphicsUtils.getStringWidth(this, timeFm, m.timeText());
        BasicGraphicsUtils.drawString(this, g, m.timeText(), (width - timeWidth) / 2f, top + timeFm.getAscent());

        if (hasLabel) {
            g.setFont(labelFont);
            g.setColor(m.tone().color());
            float labelWidth = BasicGraphicsUtils.getStringWidth(this, labelFm, m.label());
            BasicGraphicsUtils.drawString(this, g, m.label(), (width - labelWidth) / 2f,
                    top + timeFm.getAscent() + timeFm.getDescent() + UIScale.scale(2) + labelFm.getAscent());
        }
    }
}

package dev.budmon.ui.widget;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.ui.theme.BudmonTheme;

import javax.swing.plaf.basic.BasicGraphicsUtils;
import java.awt.BasicStroke;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;

/**
 * A countdown ring: a full circle as track, an arc from twelve o'clock clockwise for the fraction of time
 * left, the time in the middle and the event's label (RESET, EXPIRY, BLOCKED) under it, both coloured by tone,
 * and under the label an optional detail line (e.g. {@code until 14:00}) in the text colour.
 * EDT only.
 */
public class CountdownRing extends ModelWidget<RingModel> {

    /**
     * How far (in pixels along the circle) the arc's end may be from the one on screen before it is painted
     * again. A 5h ring of 92 px moves its end by a pixel about once a minute: every other second only the
     * time in the middle is repainted, and the arc stays within a quarter pixel of where it should be.
     */
    static final double ARC_TOLERANCE_PX = 0.25;

    /** The arc fraction last asked to be painted in full; NaN before the first. */
    private double arcOnScreen = Double.NaN;

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

    /**
     * Repaints only the time in the middle when nothing else visible changed: the same tone and label, and
     * the arc's end within {@link #ARC_TOLERANCE_PX} of the one on screen. What lies in that area is painted
     * from the new model in full, so the picture is right wherever it is repainted.
     */
    @Override
    protected void repaintChange(RingModel oldModel, RingModel newModel) {
        int width = getWidth();
        int height = getHeight();
        float diameter = Math.min(width, height) - thickness();
        if (diameter > 0 && newModel.tone() == oldModel.tone() && newModel.label().equals(oldModel.label())
                && newModel.detail().equals(oldModel.detail())
                && Math.abs(newModel.arcFraction() - arcOnScreen) * Math.PI * diameter < ARC_TOLERANCE_PX) {
            repaint(timeBounds(oldModel, width, height).union(timeBounds(newModel, width, height)));
        } else {
            arcOnScreen = newModel.arcFraction();
            repaint();
        }
    }

    /** The pixels the model's time text covers, with a margin for antialiasing. */
    private Rectangle timeBounds(RingModel m, int width, int height) {
        Font timeFont = BudmonTheme.font(BudmonTheme.FONT_RING);
        FontMetrics timeFm = getFontMetrics(timeFont);
        int top = textTop(timeFm, getFontMetrics(BudmonTheme.font(BudmonTheme.FONT_SMALL)), m, height);
        float timeWidth = BasicGraphicsUtils.getStringWidth(this, timeFm, m.timeText());
        Rectangle r = timeFont.createGlyphVector(timeFm.getFontRenderContext(), m.timeText())
                .getPixelBounds(null, (width - timeWidth) / 2f, top + timeFm.getAscent());
        int margin = UIScale.scale(1);
        r.grow(margin, margin);
        return r;
    }

    /** Whether all of {@code r} lies inside the ring's hole, clear of the stroke and its antialiased edge. */
    private static boolean insideHole(Rectangle r, int width, int height, float diameter, float thickness) {
        double cx = width / 2.0;
        double cy = height / 2.0;
        double inner = diameter / 2.0 - thickness / 2.0 - 1;
        double dx = Math.max(Math.abs(r.x - cx), Math.abs(r.x + r.width - cx));
        double dy = Math.max(Math.abs(r.y - cy), Math.abs(r.y + r.height - cy));
        return inner > 0 && dx * dx + dy * dy < inner * inner;
    }

    private static float thickness() {
        return BudmonTheme.scaledSize(BudmonTheme.RING_THICKNESS, 6);
    }

    /** The top of the block of time, label and detail, centred vertically. */
    private static int textTop(FontMetrics timeFm, FontMetrics labelFm, RingModel m, int height) {
        boolean hasLabel = !m.label().isEmpty();
        int blockHeight = timeFm.getAscent() + timeFm.getDescent()
                + (hasLabel ? UIScale.scale(2) + labelFm.getAscent() : 0)
                + (m.detail().isEmpty() ? 0 : labelFm.getDescent() + labelFm.getAscent());
        return (height - blockHeight) / 2;
    }

    @Override
    protected void paint(Graphics2D g, RingModel m, int width, int height) {
        float thickness = thickness();
        float diameter = Math.min(width, height) - thickness;
        if (diameter <= thickness) {
            return;
        }
        // the stroke is centred on the circle, so inset the circle by half a stroke on every side
        float x = (width - diameter) / 2f;
        float y = (height - diameter) / 2f;

        // only the time is being repainted (see repaintChange): the arc lies outside, no need to draw it
        Rectangle clip = g.getClipBounds();
        if (clip == null || !insideHole(clip, width, height, diameter, thickness)) {
            paintArc(g, m, x, y, diameter, thickness);
        }

        Font timeFont = BudmonTheme.font(BudmonTheme.FONT_RING);
        Font labelFont = BudmonTheme.font(BudmonTheme.FONT_SMALL);
        FontMetrics timeFm = g.getFontMetrics(timeFont);
        FontMetrics labelFm = g.getFontMetrics(labelFont);
        boolean hasLabel = !m.label().isEmpty();
        int top = textTop(timeFm, labelFm, m, height);

        g.setFont(timeFont);
        g.setColor(BudmonTheme.color(BudmonTheme.FOREGROUND));
        float timeWidth = BasicGraphicsUtils.getStringWidth(this, timeFm, m.timeText());
        BasicGraphicsUtils.drawString(this, g, m.timeText(), (width - timeWidth) / 2f, top + timeFm.getAscent());

        if (hasLabel) {
            g.setFont(labelFont);
            g.setColor(m.tone().color());
            float labelWidth = BasicGraphicsUtils.getStringWidth(this, labelFm, m.label());
            int labelBaseline = top + timeFm.getAscent() + timeFm.getDescent() + UIScale.scale(2) + labelFm.getAscent();
            BasicGraphicsUtils.drawString(this, g, m.label(), (width - labelWidth) / 2f, labelBaseline);
            if (!m.detail().isEmpty()) {
                // the detail (e.g. "until 14:00") in the normal text colour: it is a time, not a judgement
                g.setColor(BudmonTheme.color(BudmonTheme.FOREGROUND));
                float detailWidth = BasicGraphicsUtils.getStringWidth(this, labelFm, m.detail());
                BasicGraphicsUtils.drawString(this, g, m.detail(), (width - detailWidth) / 2f,
                        labelBaseline + labelFm.getDescent() + labelFm.getAscent());
            }
        }
    }

    /** The track and the arc; skipped when only the hole is being repainted. */
    private static void paintArc(Graphics2D g, RingModel m, float x, float y, float diameter, float thickness) {
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
    }
}

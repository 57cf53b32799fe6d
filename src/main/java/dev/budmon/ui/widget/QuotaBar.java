package dev.budmon.ui.widget;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;

import javax.swing.plaf.basic.BasicGraphicsUtils;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * A horizontal quota bar: a track, a fill coloured by tone, thin markers at the warn (yellow) and alarm (red)
 * thresholds, and the percentage at the right. Above 100 % the bar stays full and the text tells the real figure.
 *
 * <p>The text column is at least as wide as {@code "100 %"}, so bars in a column line up and a bar does not
 * change length when its figure grows a digit. EDT only.
 */
public class QuotaBar extends ModelWidget<QuotaBarModel> {

    /** The figure the text column is sized for at least; a longer text widens it. */
    private static final String TEXT_TEMPLATE = "100 %";
    private static final int DESIGN_WIDTH = 240;
    /** A compact bar shares its row with label, reset and mark; it takes spare width, so it may start short. */
    private static final int COMPACT_DESIGN_WIDTH = 110;
    private static final int TEXT_GAP = 8;
    private static final int MARKER_WIDTH = 1;
    private static final int MARKER_OVERHANG = 2;

    private final boolean compact;

    /** A full-height bar with an unknown figure. */
    public QuotaBar() {
        this(false);
    }

    /**
     * @param compact {@code true} for the thin bars of per-model windows ({@code BudMon.quota.compactBarHeight})
     */
    public QuotaBar(boolean compact) {
        super(QuotaBarModel.UNKNOWN);
        this.compact = compact;
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        FontMetrics fm = getFontMetrics(BudmonTheme.font(BudmonTheme.FONT));
        int h = Math.max(barHeight() + 2 * UIScale.scale(MARKER_OVERHANG), fm.getHeight());
        return new Dimension(UIScale.scale(compact ? COMPACT_DESIGN_WIDTH : DESIGN_WIDTH), h);
    }

    @Override
    public Dimension getMinimumSize() {
        if (isMinimumSizeSet()) {
            return super.getMinimumSize();
        }
        Dimension pref = getPreferredSize();
        FontMetrics fm = getFontMetrics(BudmonTheme.font(BudmonTheme.FONT));
        return new Dimension(textColumnWidth(fm, getModel().text()) + UIScale.scale(40), pref.height);
    }

    private int barHeight() {
        return compact
                ? BudmonTheme.scaledSize(BudmonTheme.QUOTA_COMPACT_BAR_HEIGHT, 6)
                : BudmonTheme.scaledSize(BudmonTheme.QUOTA_BAR_HEIGHT, 10);
    }

    private int textColumnWidth(FontMetrics fm, String text) {
        float w = Math.max(BasicGraphicsUtils.getStringWidth(this, fm, TEXT_TEMPLATE),
                BasicGraphicsUtils.getStringWidth(this, fm, text));
        return (int) Math.ceil(w) + UIScale.scale(TEXT_GAP);
    }

    @Override
    protected void paint(Graphics2D g, QuotaBarModel m, int width, int height) {
        Font font = BudmonTheme.font(BudmonTheme.FONT);
        FontMetrics fm = g.getFontMetrics(font);
        int barWidth = width - textColumnWidth(fm, m.text());
        int barHeight = Math.min(barHeight(), height);
        if (barWidth <= 0) {
            return;
        }
        float y = (height - barHeight) / 2f;
        float arc = BudmonTheme.scaledSize(BudmonTheme.QUOTA_ARC, 3);

        g.setColor(BudmonTheme.color(BudmonTheme.QUOTA_TRACK));
        g.fill(new RoundRectangle2D.Float(0, y, barWidth, barHeight, arc, arc));

        // whole pixels for the fill's end so that the length is exact and testable, not a blurred edge
        int fillWidth = (int) Math.round(barWidth * m.fillFraction());
        if (fillWidth > 0) {
            g.setColor(fillColor(m.tone()));
            if (fillWidth >= barWidth) {
                g.fill(new RoundRectangle2D.Float(0, y, barWidth, barHeight, arc, arc));
            } else {
                // round at the start only: clip the rounded shape to the fill length
                Graphics2D clipped = (Graphics2D) g.create();
                try {
                    clipped.clip(new Rectangle2D.Float(0, 0, fillWidth, height));
                    clipped.fill(new RoundRectangle2D.Float(0, y, barWidth, barHeight, arc, arc));
                } finally {
                    clipped.dispose();
                }
            }
        }

        Color fill = fillWidth > 0 ? fillColor(m.tone()) : null;
        paintMarker(g, m.warnPercent(), barWidth, fillWidth, fill, y, barHeight,
                BudmonTheme.color(BudmonTheme.QUOTA_WARN_MARKER));
        paintMarker(g, m.alarmPercent(), barWidth, fillWidth, fill, y, barHeight,
                BudmonTheme.color(BudmonTheme.QUOTA_ALARM_MARKER));

        g.setFont(font);
        g.setColor(m.tone() == Tone.DIM ? BudmonTheme.color(BudmonTheme.DIM_FOREGROUND) : m.tone().color());
        float textWidth = BasicGraphicsUtils.getStringWidth(this, fm, m.text());
        int baseline = (height - fm.getHeight()) / 2 + fm.getAscent();
        BasicGraphicsUtils.drawString(this, g, m.text(), width - textWidth, baseline);
    }

    /**
     * A threshold marker: a thin upright line through the bar, overhanging it above and below. Inside a fill of
     * its own colour (the yellow marker in a yellow fill) the part on the bar is a notch in the track colour,
     * so the threshold stays visible.
     */
    private static void paintMarker(Graphics2D g, double percent, int barWidth, int fillWidth, Color fill, float y,
                                    int barHeight, Color color) {
        if (Double.isNaN(percent) || percent <= 0 || percent >= 100) {
            return;
        }
        int markerWidth = Math.max(1, UIScale.scale(MARKER_WIDTH));
        int overhang = UIScale.scale(MARKER_OVERHANG);
        int x = (int) Math.round(barWidth * percent / 100) - markerWidth / 2;
        g.setColor(color);
        g.fill(new Rectangle2D.Float(x, y - overhang, markerWidth, barHeight + 2 * overhang));
        if (x < fillWidth && color.equals(fill)) {
            g.setColor(BudmonTheme.color(BudmonTheme.QUOTA_TRACK));
            g.fill(new Rectangle2D.Float(x, y, markerWidth, barHeight));
        }
    }

    private static Color fillColor(Tone tone) {
        return switch (tone) {
            case OK -> BudmonTheme.color(BudmonTheme.QUOTA_OK);
            case WARN -> BudmonTheme.color(BudmonTheme.QUOTA_WARN);
            case ALARM -> BudmonTheme.color(BudmonTheme.QUOTA_ALARM);
            case DIM -> BudmonTheme.color(BudmonTheme.QUOTA_DIM);
            default -> tone.color();
        };
    }
}

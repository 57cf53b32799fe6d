package dev.budmon.tray;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * Paints the tray icon: a dark rounded square, the percentage in the level's colour, and under it a bar
 * filled to the percentage. Pure Java 2D, no Swing: any thread, headless too.
 *
 * <p>A panel shows the icon at 16 to 32 pixels, where antialiased text turns to mush; the digits are
 * therefore drawn on a pixel grid (3 × 5 cells each, every cell a whole number of pixels), sized to the
 * largest grid that fits, so that they stay sharp at every size.
 */
public final class TrayIconPainter {

    /** The sizes panels ask for: 16 (XFCE, Windows at 100 %), 22 (Plasma, GNOME), 24 (Cinnamon, MATE), 32. */
    public static final int[] SIZES = {16, 22, 24, 32};

    /** Each glyph's 5 rows of 3 cells, as bit masks, the leftmost cell the highest bit. */
    private static final int[][] GLYPHS = new int[11][];
    private static final String CHARS = "0123456789-";

    static {
        GLYPHS[0] = new int[] {0b111, 0b101, 0b101, 0b101, 0b111};
        GLYPHS[1] = new int[] {0b010, 0b110, 0b010, 0b010, 0b111};
        GLYPHS[2] = new int[] {0b111, 0b001, 0b111, 0b100, 0b111};
        GLYPHS[3] = new int[] {0b111, 0b001, 0b111, 0b001, 0b111};
        GLYPHS[4] = new int[] {0b101, 0b101, 0b111, 0b001, 0b001};
        GLYPHS[5] = new int[] {0b111, 0b100, 0b111, 0b001, 0b111};
        GLYPHS[6] = new int[] {0b111, 0b100, 0b111, 0b101, 0b111};
        GLYPHS[7] = new int[] {0b111, 0b001, 0b001, 0b001, 0b001};
        GLYPHS[8] = new int[] {0b111, 0b101, 0b111, 0b101, 0b111};
        GLYPHS[9] = new int[] {0b111, 0b101, 0b111, 0b001, 0b111};
        GLYPHS[10] = new int[] {0b000, 0b000, 0b111, 0b000, 0b000};
    }

    private TrayIconPainter() {
    }

    /**
     * Where each part goes at one size, in whole pixels.
     *
     * @param cellWidth  width of one cell of a glyph
     * @param cellHeight height of one cell
     * @param textX      left edge of the first glyph
     * @param textY      top edge of the glyphs
     * @param barX       left edge of the bar
     * @param barY       top edge of the bar
     * @param barWidth   the bar's full width
     * @param barHeight  the bar's height
     */
    record Layout(int cellWidth, int cellHeight, int textX, int textY, int barX, int barY, int barWidth,
                  int barHeight) {

        /** The width of {@code n} glyphs with one cell between each two. */
        int textWidth(int n) {
            return (4 * n - 1) * cellWidth;
        }
    }

    /** The layout of a text of {@code chars} characters in an icon of {@code size} pixels. */
    static Layout layout(int size, int chars) {
        int pad = Math.max(1, size / 16);
        int barHeight = Math.max(2, Math.round(size / 8f));
        int gap = Math.max(1, size / 16);
        int areaWidth = size - 2 * pad;
        int areaHeight = size - 2 * pad - barHeight - gap;
        int columns = 4 * chars - 1;
        int cw = Math.max(1, areaWidth / columns);
        int ch = Math.max(1, areaHeight / 5);
        // cells at most square across and at most twice as tall as wide: digits neither squat nor thin
        cw = Math.min(cw, ch);
        ch = Math.min(ch, 2 * cw);
        int textWidth = columns * cw;
        int textHeight = 5 * ch;
        int textX = pad + (areaWidth - textWidth) / 2;
        int textY = pad + (areaHeight - textHeight) / 2;
        int barWidth = areaWidth - 2 * Math.max(0, pad - 1);
        int barX = (size - barWidth) / 2;
        int barY = size - pad - barHeight;
        return new Layout(cw, ch, textX, textY, barX, barY, barWidth, barHeight);
    }

    /** The icon at {@code size} × {@code size} pixels, transparent around the rounded square. */
    public static BufferedImage paint(TrayIconModel m, int size, TrayPalette p) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        if (size <= 0) {
            return img;
        }
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
            float arc = size / 4f;
            g.setColor(p.border());
            g.fill(new RoundRectangle2D.Float(0, 0, size, size, arc, arc));
            g.setColor(p.background());
            g.fill(new RoundRectangle2D.Float(1, 1, size - 2, size - 2, arc - 1, arc - 1));

            // the grid's cells and the bar are whole pixels: no antialiasing, no blur
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            String text = m.text();
            Layout l = layout(size, text.length());
            g.setColor(p.of(m.level()));
            for (int i = 0; i < text.length(); i++) {
                int[] glyph = GLYPHS[CHARS.indexOf(text.charAt(i))];
                int x0 = l.textX() + i * 4 * l.cellWidth();
                for (int row = 0; row < 5; row++) {
                    for (int col = 0; col < 3; col++) {
                        if ((glyph[row] >> (2 - col) & 1) != 0) {
                            g.fill(new Rectangle2D.Float(x0 + col * l.cellWidth(), l.textY() + row * l.cellHeight(),
                                    l.cellWidth(), l.cellHeight()));
                        }
                    }
                }
            }
            g.setColor(p.track());
            g.fill(new Rectangle2D.Float(l.barX(), l.barY(), l.barWidth(), l.barHeight()));
            int fill = (int) Math.round(l.barWidth() * m.fill());
            if (fill > 0) {
                g.setColor(p.of(m.level()));
                g.fill(new Rectangle2D.Float(l.barX(), l.barY(), fill, l.barHeight()));
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}

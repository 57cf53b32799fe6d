package dev.budmon.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * Start-up work done ahead on a background thread while the main thread installs the look and feel: the
 * font configuration, the theme's monospaced face, the glyph rasterizer and Java2D's antialiased shape loops
 * are loaded and initialized by painting into an offscreen image. Not the list of every installed family:
 * nothing at start needs it, and building it opens every font file of the system (130 ms of CPU here, more
 * on a desktop with many fonts). No Swing component is touched, so this is safe off the EDT; the look and feel and the
 * first paint then find it all done, or wait for it on the font system's own locks instead of doing it
 * twice. Nothing here is needed for correctness: a failure is ignored.
 */
final class GraphicsWarmUp {

    private GraphicsWarmUp() {
    }

    /** Does the work on the calling thread (not the EDT); returns when done. */
    static void run() {
        try {
            BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
                g.setColor(Color.WHITE);
                // the figures the dashboard shows, in its monospaced faces
                for (int style : new int[] {Font.PLAIN, Font.BOLD}) {
                    g.setFont(new Font(Font.MONOSPACED, style, 13));
                    g.drawString("0123456789:%.,+-$ --", 0, 12);
                }
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                g.drawString("Logs Settings Help", 0, 24);
                g.fill(new RoundRectangle2D.Float(1, 1, 40, 8, 4, 4));
                g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Arc2D.Float(2, 2, 26, 26, 90, -250, Arc2D.OPEN));
            } finally {
                g.dispose();
            }
        } catch (RuntimeException | LinkageError e) {
            // only a head start; the real paint reports its own problems
        }
    }
}

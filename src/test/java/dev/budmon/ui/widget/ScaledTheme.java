package dev.budmon.ui.widget;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.ui.theme.BudmonTheme;

import javax.swing.SwingUtilities;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Installs BudMon's theme at a given FlatLaf user scale and paints components into images, on the EDT.
 *
 * <p>FlatLaf reads the system property {@code flatlaf.uiScale} whenever a look and feel is installed
 * ({@code UIScale.updateScaleFactor} on the "lookAndFeel" change), so setting it and re-installing the
 * theme switches the scale inside one JVM; the fonts of the look and feel are scaled with it.
 */
final class ScaledTheme {

    private ScaledTheme() {
    }

    /** Installs the theme at {@code scale} (e.g. 1 or 2) and checks that FlatLaf took it. */
    static void install(float scale) {
        onEdt(() -> {
            System.setProperty("flatlaf.uiScale", scale + "x");
            if (!BudmonTheme.setup()) {
                throw new IllegalStateException("FlatDarkLaf could not be installed");
            }
            if (UIScale.getUserScaleFactor() != scale) {
                throw new IllegalStateException("FlatLaf scale is " + UIScale.getUserScaleFactor() + ", wanted " + scale);
            }
            return null;
        });
    }

    /** Removes the scale property again so later tests see FlatLaf's default. */
    static void reset() {
        onEdt(() -> {
            System.clearProperty("flatlaf.uiScale");
            BudmonTheme.setup();
            return null;
        });
    }

    /** A theme colour, read on the EDT. */
    static Color color(String key) {
        return onEdt(() -> BudmonTheme.color(key));
    }

    /** Paints {@code widget} at {@code width} × {@code height} over the theme's background. */
    static BufferedImage paint(javax.swing.JComponent widget, int width, int height) {
        return onEdt(() -> {
            widget.setSize(width, height);
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                g.setColor(BudmonTheme.color(BudmonTheme.BACKGROUND));
                g.fillRect(0, 0, width, height);
                widget.paint(g);
            } finally {
                g.dispose();
            }
            return img;
        });
    }

    /** Runs {@code task} on the EDT and returns its result, rethrowing its failure. */
    static <T> T onEdt(Callable<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(task.call());
                } catch (Exception e) {
                    failure.set(e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }

    /** The RGB of a pixel, without alpha, for comparing with theme colours. */
    static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xffffff;
    }

    /** The RGB of a colour, without alpha. */
    static int rgb(Color c) {
        return c.getRGB() & 0xffffff;
    }

    /** Hex form for readable assertion messages. */
    static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }
}

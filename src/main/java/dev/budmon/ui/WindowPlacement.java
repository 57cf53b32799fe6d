package dev.budmon.ui;

import dev.budmon.config.WindowGeometry;

import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the dashboard window goes and how large it is, across runs and UI scales.
 *
 * <p>{@code [window] geometry} keeps the position in screen pixels and the size <em>unscaled</em> (at 100 %):
 * a window saved at 2× opens at 1× half as large, not as a huge, mostly empty window. The whole window is kept
 * inside the usable area of a screen (without panels and docks), not only its title bar, and never smaller than
 * its content needs. The computations are pure; only {@link #usableAreas()} asks the system. EDT only for that.
 */
final class WindowPlacement {

    private WindowPlacement() {
    }

    /** The geometry to save for window bounds shown at {@code scale}: the position as is, the size unscaled. */
    static WindowGeometry toSaved(Rectangle bounds, float scale) {
        return new WindowGeometry(bounds.x, bounds.y, Math.max(1, Math.round(bounds.width / scale)),
                Math.max(1, Math.round(bounds.height / scale)));
    }

    /**
     * The bounds for a saved geometry at {@code scale}: the size scaled and at least {@code minimum}, the whole
     * window inside the usable area that holds most of it (the first area when none does).
     *
     * @param saved    the saved geometry; {@code null} for none (then the window is centred on the first area)
     * @param minimum  the least the content needs, in pixels
     * @param preferred the size the content would like, used without a saved geometry
     * @param areas    the usable areas of the screens, the primary first; not empty
     */
    static Rectangle place(WindowGeometry saved, float scale, Dimension minimum, Dimension preferred,
                           List<Rectangle> areas) {
        if (saved == null) {
            Rectangle area = areas.get(0);
            Dimension size = new Dimension(Math.max(minimum.width, preferred.width),
                    Math.max(minimum.height, preferred.height));
            Rectangle r = new Rectangle(area.x + (area.width - size.width) / 2,
                    area.y + (area.height - size.height) / 2, size.width, size.height);
            return clamp(r, minimum, area);
        }
        Rectangle wanted = new Rectangle(saved.x(), saved.y(), Math.round(saved.width() * scale),
                Math.round(saved.height() * scale));
        wanted.width = Math.max(wanted.width, minimum.width);
        wanted.height = Math.max(wanted.height, minimum.height);
        return clamp(wanted, minimum, areaOf(wanted, areas));
    }

    /**
     * {@code r} moved (and, when larger than the area, shrunk, but not below {@code minimum}) so that it lies
     * wholly inside {@code area}; a window whose minimum is larger than the area keeps its top left corner in it.
     */
    static Rectangle clamp(Rectangle r, Dimension minimum, Rectangle area) {
        int width = Math.max(Math.min(r.width, area.width), minimum.width);
        int height = Math.max(Math.min(r.height, area.height), minimum.height);
        int x = Math.max(area.x, Math.min(r.x, area.x + area.width - width));
        int y = Math.max(area.y, Math.min(r.y, area.y + area.height - height));
        return new Rectangle(x, y, width, height);
    }

    /** The area that holds the largest part of {@code r}; the first when none holds any. */
    static Rectangle areaOf(Rectangle r, List<Rectangle> areas) {
        Rectangle best = areas.get(0);
        long most = 0;
        for (Rectangle a : areas) {
            Rectangle i = a.intersection(r);
            long size = i.isEmpty() ? 0 : (long) i.width * i.height;
            if (size > most) {
                most = size;
                best = a;
            }
        }
        return best;
    }

    /** The usable area of every screen (its bounds less panels and docks), the default screen first. */
    static List<Rectangle> usableAreas() {
        GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
        List<Rectangle> areas = new ArrayList<>();
        areas.add(usableArea(env.getDefaultScreenDevice().getDefaultConfiguration()));
        for (GraphicsDevice d : env.getScreenDevices()) {
            if (d != env.getDefaultScreenDevice()) {
                areas.add(usableArea(d.getDefaultConfiguration()));
            }
        }
        return areas;
    }

    /** One screen's bounds less its insets (panels, docks). */
    static Rectangle usableArea(GraphicsConfiguration gc) {
        Rectangle b = gc.getBounds();
        Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(b.x + in.left, b.y + in.top, b.width - in.left - in.right, b.height - in.top - in.bottom);
    }
}

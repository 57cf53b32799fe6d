package dev.budmon.ui;

import dev.budmon.ui.view.DashboardView;
import dev.budmon.ui.widget.ModelWidget;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.VolatileImage;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The Swing half of {@link ClockWarmUp}: its views shown by an offscreen copy of the dashboard, never part
 * of the window, and what each changed painted into an image of the screen's kind, as the window's repaint
 * manager paints changed parts into its back buffer: clipped to the labels and widgets whose text or model
 * changed. {@value #PAINTS_PER_EVENT} views per event, so that the window stays responsive meanwhile. EDT only.
 */
final class ClockPaintWarmUp {

    private static final int PAINTS_PER_EVENT = 3;
    private static final int GAP_MS = 15;

    private ClockPaintWarmUp() {
    }

    /**
     * Starts painting {@code views} offscreen, a few per event, beside {@code frame}'s content.
     *
     * @param done runs on the EDT when the last view is painted, or when the window is gone first
     */
    static void start(DashboardFrame frame, List<DashboardView> views, Runnable done) {
        Dimension size = frame.getContentPane().getSize();
        if (!frame.isDisplayable() || views.isEmpty() || size.width <= 0 || size.height <= 0) {
            done.run();
            return;
        }
        DashboardPanel copy = new DashboardPanel();
        copy.show(frame.getView());
        copy.setSize(size);
        layOut(copy);
        Map<Component, Object> shownState = new HashMap<>();
        changedBounds(copy, copy, shownState);
        VolatileImage image = frame.getGraphicsConfiguration().createCompatibleVolatileImage(size.width, size.height);
        Iterator<DashboardView> next = views.iterator();
        Timer painter = new Timer(GAP_MS, null);
        painter.addActionListener(e -> {
            for (int i = 0; i < PAINTS_PER_EVENT && next.hasNext() && frame.isDisplayable(); i++) {
                if (copy.show(next.next())) {
                    layOut(copy);
                }
                Rectangle dirty = changedBounds(copy, copy, shownState);
                if (dirty != null) {
                    Graphics2D g = image.createGraphics();
                    try {
                        g.clip(dirty);
                        copy.paint(g);
                    } finally {
                        g.dispose();
                    }
                }
            }
            if (!next.hasNext() || !frame.isDisplayable()) {
                painter.stop();
                image.flush();
                done.run();
            }
        });
        painter.start();
    }

    /**
     * The union of the bounds (in {@code root}'s coordinates) of the labels and widgets below {@code c}
     * whose text or model changed since the last call with the same {@code shown}; {@code null} if none.
     */
    private static Rectangle changedBounds(Container root, Container c, Map<Component, Object> shown) {
        Rectangle dirty = null;
        for (Component child : c.getComponents()) {
            Object now = child instanceof JLabel l ? l.getText() + '|' + l.getForeground()
                    : child instanceof ModelWidget<?> w ? w.getModel() : null;
            if (now != null && !now.equals(shown.put(child, now))) {
                Rectangle r = SwingUtilities.convertRectangle(c, child.getBounds(), root);
                dirty = dirty == null ? r : dirty.union(r);
            }
            if (child instanceof Container inner) {
                Rectangle r = changedBounds(root, inner, shown);
                if (r != null) {
                    dirty = dirty == null ? r : dirty.union(r);
                }
            }
        }
        return dirty;
    }

    /** Lays out a container that has no native peer, which {@code validate()} would skip. */
    private static void layOut(Container c) {
        c.doLayout();
        for (Component child : c.getComponents()) {
            if (child instanceof Container inner) {
                layOut(inner);
            }
        }
    }
}

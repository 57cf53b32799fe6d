package dev.budmon.ui.widget;

import dev.budmon.threads.ThreadCheck;

import com.formdev.flatlaf.util.UIScale;

import javax.swing.JComponent;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Objects;

/**
 * A custom-painted component that shows one immutable model record. Subclasses only paint; storing the model,
 * skipping equal updates and the painting recipe (own {@code Graphics} copy, antialiasing, stroke
 * normalisation, nothing on an empty size) live here once.
 *
 * <p>EDT only, like every Swing component.
 *
 * @param <M> the model record; must implement value equality
 */
public abstract class ModelWidget<M> extends JComponent {

    private M model;

    /** @param initial the model shown until the first {@link #setModel} */
    protected ModelWidget(M initial) {
        this.model = Objects.requireNonNull(initial, "initial");
        setOpaque(false);
    }

    /** The model currently shown. */
    public final M getModel() {
        return model;
    }

    /**
     * Shows a new model. Equal models are ignored, so the caller may hand over a fresh view every second
     * without causing repaints that change nothing.
     */
    public final void setModel(M newModel) {
        Objects.requireNonNull(newModel, "model");
        ThreadCheck.onEdt("ModelWidget.setModel");
        if (model != null && model.equals(newModel)) {
            return;
        }
        M old = model;
        model = newModel;
        modelChanged(old, newModel);
        repaintChange(old, newModel);
    }

    /**
     * The preferred size at 100 %, in unscaled pixels, or {@code null} for Swing's own; scaled to the user
     * scale by {@link #getPreferredSize} unless a size was set.
     */
    protected Dimension designSize() {
        return null;
    }

    /** The smallest size at 100 %, in unscaled pixels, or {@code null} for Swing's own; see {@link #designSize}. */
    protected Dimension designMinimumSize() {
        return null;
    }

    @Override
    public Dimension getPreferredSize() {
        Dimension d = isPreferredSizeSet() ? null : designSize();
        return d == null ? super.getPreferredSize() : new Dimension(UIScale.scale(d.width), UIScale.scale(d.height));
    }

    @Override
    public Dimension getMinimumSize() {
        Dimension d = isMinimumSizeSet() ? null : designMinimumSize();
        return d == null ? super.getMinimumSize() : new Dimension(UIScale.scale(d.width), UIScale.scale(d.height));
    }

    /**
     * Asks Swing to repaint what a model change changes: by default the whole widget. A widget of which only
     * a part changes most of the time (the ring's time, every second) asks for that part alone.
     */
    protected void repaintChange(M oldModel, M newModel) {
        repaint();
    }

    /** Hook for subclasses that react to a change beyond repainting (the heartbeat starts a pulse). */
    protected void modelChanged(M oldModel, M newModel) {
    }

    @Override
    protected final void paintComponent(Graphics g) {
        int w = getWidth();
        int h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
            paint(g2, model, w, h);
        } finally {
            g2.dispose();
        }
    }

    /**
     * Paints {@code model} into a {@code width} × {@code height} area at the origin. The graphics is a copy
     * with antialiasing on; sizes are in device pixels of FlatLaf's user scale, so subclasses scale their
     * design sizes with {@code UIScale.scale}.
     */
    protected abstract void paint(Graphics2D g, M model, int width, int height);
}

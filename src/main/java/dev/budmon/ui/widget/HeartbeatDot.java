package dev.budmon.ui.widget;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.ui.theme.BudmonTheme;

import javax.swing.Timer;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;

/**
 * A dot that pulses once whenever the model's beat changes: a halo grows out of it and fades. The pulse runs
 * on a short-lived Swing timer that stops itself when the pulse is over, so an idle window runs no animation
 * and costs no CPU. EDT only.
 */
public class HeartbeatDot extends ModelWidget<HeartbeatModel> {

    /** About 30 frames per second: smooth enough for a fade, cheap for a few hundred milliseconds. */
    private static final int FRAME_MILLIS = 33;
    /** How far the halo grows, relative to the dot's diameter. */
    private static final float HALO_GROWTH = 1.3f;
    private static final float HALO_START_ALPHA = 0.6f;

    private final Timer frames = new Timer(FRAME_MILLIS, e -> frame());
    private long pulseStartNanos;

    /** A dim dot at rest. */
    public HeartbeatDot() {
        super(HeartbeatModel.IDLE);
        frames.setRepeats(true);
        frames.setCoalesce(true);
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        int d = diameter();
        int side = Math.round(d * (1 + HALO_GROWTH)) + UIScale.scale(2);
        return new Dimension(side, side);
    }

    @Override
    public Dimension getMinimumSize() {
        return isMinimumSizeSet() ? super.getMinimumSize() : getPreferredSize();
    }

    /** {@code true} while a pulse is animating (its timer is running). */
    public boolean isPulsing() {
        return frames.isRunning();
    }

    @Override
    protected void modelChanged(HeartbeatModel oldModel, HeartbeatModel newModel) {
        if (newModel.beat() != oldModel.beat()) {
            pulseStartNanos = System.nanoTime();
            frames.restart();
        }
    }

    @Override
    public void removeNotify() {
        // a dot that left the window must not keep a timer alive
        frames.stop();
        super.removeNotify();
    }

    private void frame() {
        if (pulsePhase() >= 1) {
            frames.stop();
        }
        repaint();
    }

    /** 0 at the start of a pulse, 1 (or more) when it is over or none runs. */
    private float pulsePhase() {
        if (!frames.isRunning()) {
            return 1;
        }
        long durationMillis = Math.max(1, BudmonTheme.integer(BudmonTheme.HEARTBEAT_PULSE_MILLIS, 700));
        float elapsedMillis = (System.nanoTime() - pulseStartNanos) / 1_000_000f;
        return Math.min(1, elapsedMillis / durationMillis);
    }

    private static int diameter() {
        return BudmonTheme.scaledSize(BudmonTheme.HEARTBEAT_DIAMETER, 8);
    }

    @Override
    protected void paint(Graphics2D g, HeartbeatModel m, int width, int height) {
        float d = Math.min(diameter(), Math.min(width, height));
        float cx = width / 2f;
        float cy = height / 2f;
        Color color = m.tone().color();

        float phase = pulsePhase();
        if (phase < 1) {
            float halo = d * (1 + HALO_GROWTH * phase);
            halo = Math.min(halo, Math.min(width, height));
            Graphics2D faded = (Graphics2D) g.create();
            try {
                faded.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER,
                        HALO_START_ALPHA * (1 - phase)));
                faded.setColor(color);
                faded.fill(new Ellipse2D.Float(cx - halo / 2, cy - halo / 2, halo, halo));
            } finally {
                faded.dispose();
            }
        }
        g.setColor(color);
        g.fill(new Ellipse2D.Float(cx - d / 2, cy - d / 2, d, d));
    }
}

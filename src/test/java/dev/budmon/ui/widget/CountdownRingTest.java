package dev.budmon.ui.widget;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.awt.image.BufferedImage;

import static dev.budmon.ui.widget.ScaledTheme.hex;
import static dev.budmon.ui.widget.ScaledTheme.rgb;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paints the countdown ring headless at scale 1 and 2 and walks around it: the arc must have the tone's
 * colour from twelve o'clock clockwise for the fraction left, and the track colour after it.
 */
class CountdownRingTest {

    private static final int GREEN = 0x22c55e;
    private static final int YELLOW = 0xeab308;
    private static final int RED = 0xef4444;

    @AfterAll
    static void resetScale() {
        ScaledTheme.reset();
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void quarterLeftIsAGreenQuarterFromTwelveOClock(float scale) {
        Ring ring = paint(scale, new RingModel(0.25, "1:15:00", "RESET", Tone.OK));
        int track = rgb(ScaledTheme.color(BudmonTheme.RING_TRACK));

        for (int deg = 5; deg <= 85; deg += 5) {
            assertThat(hex(ring.at(deg))).as("%d° clockwise from twelve", deg).isEqualTo(hex(GREEN));
        }
        for (int deg = 95; deg <= 355; deg += 5) {
            assertThat(hex(ring.at(deg))).as("%d° clockwise from twelve", deg).isEqualTo(hex(track));
        }
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void expiryArcTakesItsToneAndExtent(float scale) {
        Ring ring = paint(scale, new RingModel(0.8, "0:12:00", "EXPIRY", Tone.ALARM));
        int track = rgb(ScaledTheme.color(BudmonTheme.RING_TRACK));

        for (int deg = 5; deg <= 283; deg += 6) {
            assertThat(hex(ring.at(deg))).as("%d°", deg).isEqualTo(hex(RED));
        }
        for (int deg = 293; deg <= 355; deg += 6) {
            assertThat(hex(ring.at(deg))).as("%d°", deg).isEqualTo(hex(track));
        }
        // the label under the time is drawn in the tone's colour: reddish pixels below the centre
        boolean reddishBelowCentre = false;
        for (int y = ring.cy; y < ring.cy + ring.radius / 2; y++) {
            for (int x = ring.cx - ring.radius / 2; x < ring.cx + ring.radius / 2; x++) {
                int p = rgb(ring.img, x, y);
                reddishBelowCentre |= ((p >> 16) & 0xff) > ((p >> 8) & 0xff) + 100;
            }
        }
        assertThat(reddishBelowCentre).as("red EXPIRY label inside the ring").isTrue();
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void fullAndEmptyAndUnknown(float scale) {
        Ring full = paint(scale, new RingModel(1.7, "5:00:00", "RESET", Tone.WARN));
        Ring empty = paint(scale, new RingModel(0, "0:00:00", "RESET", Tone.OK));
        Ring unknown = paint(scale, RingModel.UNKNOWN);
        int track = rgb(ScaledTheme.color(BudmonTheme.RING_TRACK));
        for (int deg = 0; deg < 360; deg += 15) {
            assertThat(hex(full.at(deg))).as("full, %d°", deg).isEqualTo(hex(YELLOW));
            assertThat(hex(empty.at(deg))).as("empty, %d°", deg).isEqualTo(hex(track));
            assertThat(hex(unknown.at(deg))).as("unknown, %d°", deg).isEqualTo(hex(track));
        }
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void aSecondLaterOnlyTheTimeIsRepaintedAndTheResultIsTheFullPicture(float scale) {
        ScaledTheme.install(scale);
        List<Rectangle> asked = new ArrayList<>();
        CountdownRing widget = ScaledTheme.onEdt(() -> new CountdownRing() {
            @Override
            public void repaint(long tm, int x, int y, int width, int height) {
                asked.add(new Rectangle(x, y, width, height));
            }
        });
        Dimension size = ScaledTheme.onEdt(widget::getPreferredSize);
        Rectangle whole = new Rectangle(0, 0, size.width, size.height);
        ScaledTheme.onEdt(() -> {
            widget.setSize(size);
            return null;
        });
        // 2 h 30 min left of 5 h, then one second less: the arc's end moves by a hundredth of a pixel
        RingModel first = new RingModel(0.5, "2:30:00", "RESET", Tone.OK);
        RingModel next = new RingModel(0.5 - 1 / 18000.0, "2:29:59", "RESET", Tone.OK);
        setModel(widget, first);
        assertThat(asked).as("the first model").containsExactly(whole);
        BufferedImage shown = ScaledTheme.paint(widget, size.width, size.height);

        asked.clear();
        setModel(widget, next);
        assertThat(asked).hasSize(1);
        Rectangle time = asked.get(0);
        assertThat(time.width * time.height).as("only the time's area: %s", time)
                .isLessThan(size.width * size.height / 5);
        assertThat(time.x).as("left of the time, clear of the stroke").isGreaterThan(Math.round(6 * scale));
        // what Swing makes of it: the opaque background, then the new model over the old picture, clipped to the
        // asked area
        ScaledTheme.onEdt(() -> {
            Graphics2D g = shown.createGraphics();
            try {
                g.setClip(time);
                g.setColor(BudmonTheme.color(BudmonTheme.BACKGROUND));
                g.fill(time);
                widget.paint(g);
            } finally {
                g.dispose();
            }
            return null;
        });
        BufferedImage full = ScaledTheme.paint(widget, size.width, size.height);
        BufferedImage before = paintModel(widget, first, size);
        int changedInTime = 0;
        for (int y = 0; y < size.height; y++) {
            for (int x = 0; x < size.width; x++) {
                if (time.contains(x, y)) {
                    assertThat(hex(rgb(shown, x, y))).as("inside the time's area at %d,%d", x, y)
                            .isEqualTo(hex(rgb(full, x, y)));
                    changedInTime += rgb(before, x, y) != rgb(full, x, y) ? 1 : 0;
                } else {
                    // outside, the arc of a second ago stays: a hundredth of a pixel longer (painting that
                    // anew each second only made its antialiased edge shimmer)
                    assertThat(hex(rgb(shown, x, y))).as("outside at %d,%d", x, y).isEqualTo(hex(rgb(before, x, y)));
                }
            }
        }
        assertThat(changedInTime).as("pixels of the time that changed inside the area").isPositive();

        // a visible step of the arc, or another tone, repaints the whole ring
        asked.clear();
        setModel(widget, new RingModel(0.49, "2:27:00", "RESET", Tone.OK));
        setModel(widget, new RingModel(0.49, "0:27:00", "EXPIRY", Tone.WARN));
        assertThat(asked).containsExactly(whole, whole);
    }

    private static void setModel(CountdownRing widget, RingModel m) {
        ScaledTheme.onEdt(() -> {
            widget.setModel(m);
            return null;
        });
    }

    /** The widget painted in full with {@code m}; its model is left as it was. */
    private static BufferedImage paintModel(CountdownRing widget, RingModel m, Dimension size) {
        RingModel shown = ScaledTheme.onEdt(widget::getModel);
        setModel(widget, m);
        BufferedImage img = ScaledTheme.paint(widget, size.width, size.height);
        setModel(widget, shown);
        return img;
    }

    private static Ring paint(float scale, RingModel model) {
        ScaledTheme.install(scale);
        CountdownRing widget = ScaledTheme.onEdt(CountdownRing::new);
        ScaledTheme.onEdt(() -> {
            widget.setModel(model);
            return null;
        });
        Dimension pref = ScaledTheme.onEdt(widget::getPreferredSize);
        assertThat(pref).isEqualTo(new Dimension(Math.round(92 * scale), Math.round(92 * scale)));
        BufferedImage img = ScaledTheme.paint(widget, pref.width, pref.height);
        // the ring's stroke is centred on a circle inset by half the thickness (6 px unscaled)
        float thickness = 6 * scale;
        return new Ring(img, (pref.width - thickness) / 2f);
    }

    /** A painted ring, sampled on the middle of its stroke. */
    private static final class Ring {
        final BufferedImage img;
        final int cx;
        final int cy;
        final int radius;
        private final float strokeRadius;

        Ring(BufferedImage img, float strokeRadius) {
            this.img = img;
            this.strokeRadius = strokeRadius;
            this.cx = img.getWidth() / 2;
            this.cy = img.getHeight() / 2;
            this.radius = Math.round(strokeRadius);
        }

        /** The pixel on the stroke's centre line, {@code degrees} clockwise from twelve o'clock. */
        int at(int degrees) {
            double a = Math.toRadians(degrees);
            double x = img.getWidth() / 2.0 + strokeRadius * Math.sin(a);
            double y = img.getHeight() / 2.0 - strokeRadius * Math.cos(a);
            return rgb(img, (int) Math.floor(x), (int) Math.floor(y));
        }
    }
}

package dev.budmon.ui.widget;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Dimension;
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

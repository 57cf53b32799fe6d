package dev.budmon.ui.widget;

import dev.budmon.ui.theme.BudmonTheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import static dev.budmon.ui.widget.ScaledTheme.rgb;
import static org.assertj.core.api.Assertions.assertThat;

/** Paints the 24-hour trail headless at scale 1 and 2: each window's step at its height, the reset marks. */
class QuotaTrailTest {

    @AfterAll
    static void resetScale() {
        ScaledTheme.reset();
    }

    /** 96 quarter hours: 5h climbs to 80 % and starts anew at column 48; 7d stays at 30 %; nothing known at first. */
    private static TrailModel day() {
        double[] five = new double[96];
        boolean[] fiveResets = new boolean[96];
        double[] week = new double[96];
        Arrays.fill(five, 0, 8, Double.NaN);
        Arrays.fill(week, 0, 8, Double.NaN);
        for (int i = 8; i < 96; i++) {
            five[i] = i < 48 ? 0.80 : 0.10;
            week[i] = 0.30;
        }
        fiveResets[48] = true;
        return new TrailModel(five, fiveResets, week, new boolean[96]);
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void eachWindowIsAStepAtItsHeightAndAResetIsMarked(float scale) throws IOException {
        ScaledTheme.install(scale);
        QuotaTrail widget = ScaledTheme.onEdt(QuotaTrail::new);
        ScaledTheme.onEdt(() -> {
            widget.setModel(day());
            return null;
        });
        Dimension pref = ScaledTheme.onEdt(widget::getPreferredSize);
        assertThat(pref).isEqualTo(new Dimension(Math.round(64 * scale), Math.round(16 * scale)));
        BufferedImage img = ScaledTheme.paint(widget, pref.width, pref.height);
        Path out = Path.of("target", "quota-trail-" + (int) scale + "x.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());

        int violet = rgb(ScaledTheme.color(BudmonTheme.TRAIL_FIVE_HOUR));
        int cyan = rgb(ScaledTheme.color(BudmonTheme.TRAIL_SEVEN_DAY));
        int grey = rgb(ScaledTheme.color(BudmonTheme.TRAIL_RESET));
        int track = rgb(ScaledTheme.color(BudmonTheme.QUOTA_TRACK));
        float inset = 2 * scale;
        float h = pref.height;
        // the 5h line at 80 % in column 30, at 10 % in column 70; the 7d line at 30 % in both
        assertThat(rowOf(img, violet, xOf(30, scale))).isCloseTo(y(0.80, h, inset), within(1.5 * scale));
        assertThat(rowOf(img, violet, xOf(70, scale))).isCloseTo(y(0.10, h, inset), within(1.5 * scale));
        assertThat(rowOf(img, cyan, xOf(30, scale))).isCloseTo(y(0.30, h, inset), within(1.5 * scale));
        // nothing known in the first columns: only the track
        for (int y = 0; y < img.getHeight(); y++) {
            assertThat(rgb(img, xOf(3, scale), y)).as("column 3, row %d", y).isNotIn(violet, cyan);
        }
        assertThat(rgb(img, xOf(3, scale), img.getHeight() / 2)).isEqualTo(track);
        // the reset: a grey mark across the track in column 48, above the 7d line and below the 5h line
        int line = Math.max(1, Math.round(scale));
        int markX = (int) Math.floor((48 + 0.5f) * COLUMN * scale - line / 2f);
        assertThat(rgb(img, markX, 1)).isEqualTo(grey);
        assertThat(rgb(img, markX + Math.round(8 * scale), 1)).as("no mark elsewhere").isEqualTo(track);
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    /** The middle of column {@code c} of 96 in device pixels, on a trail 64 pixels wide at 100 %. */
    private static int xOf(int c, float scale) {
        return (int) ((c + 0.5f) * COLUMN * scale);
    }

    private static final float COLUMN = 64f / 96;

    private static double y(double fraction, float height, float inset) {
        return height - inset - fraction * (height - 2 * inset);
    }

    /** The mean row of the colour's pixels in a column. */
    private static double rowOf(BufferedImage img, int colour, int x) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            if (rgb(img, x, y) == colour) {
                sum += y + 0.5;
                n++;
            }
        }
        assertThat(n).as("pixels of %06x in column x=%d", colour, x).isPositive();
        return sum / n;
    }
}

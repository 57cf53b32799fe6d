package dev.budmon.ui.widget;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Dimension;
import java.awt.image.BufferedImage;

import static dev.budmon.ui.widget.ScaledTheme.hex;
import static dev.budmon.ui.widget.ScaledTheme.rgb;
import static org.assertj.core.api.Assertions.assertThat;

/** Paints the cache sparkline headless at scale 1 and 2 and checks its end dot, guide line and extremes. */
class CacheSparklineTest {

    private static final int GREEN = 0x22c55e;
    private static final int YELLOW = 0xeab308;
    private static final int RED = 0xef4444;

    @AfterAll
    static void resetScale() {
        ScaledTheme.reset();
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void endDotHasTheLevelsColourAtTheNewestPoint(float scale) {
        double[] ratios = new double[40];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = 0.9 - i * 0.015; // falling to 0.315
        }
        BufferedImage img = paint(scale, new SparklineModel(ratios, 60, 0.5, Tone.WARN));

        // the dot is the only yellow in the picture: find it and check where it is
        long sumX = 0;
        long sumY = 0;
        int count = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = rgb(img, x, y);
                assertThat(p).as("no green or red anywhere").isNotIn(GREEN, RED);
                if (p == YELLOW) {
                    sumX += x;
                    sumY += y;
                    count++;
                }
            }
        }
        int dot = Math.round(6 * scale);
        assertThat(count).as("solid yellow pixels of a %d px dot", dot).isGreaterThanOrEqualTo(dot * dot / 3);
        double inset = dot / 2.0 + scale;
        double plotHeight = img.getHeight() - 2 * inset;
        double expectedX = img.getWidth() - inset;
        double expectedY = inset + (1 - ratios[ratios.length - 1]) * plotHeight;
        assertThat((double) sumX / count + 0.5).as("dot centre x").isCloseTo(expectedX, org.assertj.core.data.Offset.offset(1.5));
        assertThat((double) sumY / count + 0.5).as("dot centre y").isCloseTo(expectedY, org.assertj.core.data.Offset.offset(1.5));
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void dashedGuideAtFiftyPercent(float scale) {
        // the line stays at the top, far from the guide
        double[] ratios = {1, 1, 1, 1, 1};
        BufferedImage img = paint(scale, new SparklineModel(ratios, 60, 0.5, Tone.OK));
        int guide = rgb(ScaledTheme.color(BudmonTheme.SPARKLINE_GUIDE));
        int background = rgb(ScaledTheme.color(BudmonTheme.BACKGROUND));

        int y = guideRow(img, guide);
        int dot = Math.round(6 * scale);
        double inset = dot / 2.0 + scale;
        double expectedY = inset + 0.5 * (img.getHeight() - 2 * inset);
        assertThat((double) y).as("guide row").isCloseTo(expectedY, org.assertj.core.data.Offset.offset(1.0));

        int dashes = 0;
        int gapPixels = 0;
        boolean inDash = false;
        for (int x = 0; x < img.getWidth(); x++) {
            int p = rgb(img, x, y);
            if (p == guide && !inDash) {
                dashes++;
            }
            inDash = p == guide;
            if (p == background) {
                gapPixels++;
            }
        }
        // 3 px dashes and 3 px gaps over the whole width: many separate dashes, not one solid line
        assertThat(dashes).isGreaterThan(img.getWidth() / (int) (6 * scale) - 3);
        assertThat(gapPixels).isGreaterThan(img.getWidth() / 4);
    }

    @Test
    void moreRatiosThanPixelsKeepEverySpike() {
        float scale = 1;
        double[] ratios = new double[3000];
        java.util.Arrays.fill(ratios, 0.5);
        ratios[1500] = 1.0; // one spike among thousands of points in 180 px
        ratios[1501] = 0.0;
        BufferedImage img = paint(scale, new SparklineModel(ratios, 3000, Double.NaN, Tone.OK));
        int background = rgb(ScaledTheme.color(BudmonTheme.BACKGROUND));

        int dot = 6;
        double inset = dot / 2.0 + scale;
        int topmost = Integer.MAX_VALUE;
        int bottommost = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (rgb(img, x, y) != background) {
                    topmost = Math.min(topmost, y);
                    bottommost = Math.max(bottommost, y);
                }
            }
        }
        assertThat((double) topmost).as("the spike to 100 %% reaches the top").isLessThanOrEqualTo(inset);
        assertThat((double) bottommost).as("the dip to 0 %% reaches the bottom")
                .isGreaterThanOrEqualTo(img.getHeight() - inset - 1);
    }

    @Test
    void equalModelsAreEqualDespiteArrays() {
        SparklineModel a = new SparklineModel(new double[] {0.1, 0.2}, 60, 0.5, Tone.OK);
        SparklineModel b = new SparklineModel(new double[] {0.1, 0.2}, 60, 0.5, Tone.OK);
        SparklineModel c = new SparklineModel(new double[] {0.1, 0.3}, 60, 0.5, Tone.OK);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        double[] out = a.ratios();
        out[0] = 9;
        assertThat(a.ratio(0)).as("the record's array cannot be changed from outside").isEqualTo(0.1);
    }

    private static boolean rowHas(BufferedImage img, int y, int colour) {
        for (int x = 0; x < img.getWidth(); x++) {
            if (rgb(img, x, y) == colour) {
                return true;
            }
        }
        return false;
    }

    private static int guideRow(BufferedImage img, int guide) {
        int best = -1;
        int bestCount = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int count = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                if (rgb(img, x, y) == guide) {
                    count++;
                }
            }
            if (count > bestCount) {
                bestCount = count;
                best = y;
            }
        }
        assertThat(bestCount).as("guide pixels").isGreaterThan(img.getWidth() / 4);
        return best;
    }

    private static BufferedImage paint(float scale, SparklineModel model) {
        ScaledTheme.install(scale);
        CacheSparkline widget = ScaledTheme.onEdt(CacheSparkline::new);
        ScaledTheme.onEdt(() -> {
            widget.setModel(model);
            return null;
        });
        Dimension pref = ScaledTheme.onEdt(widget::getPreferredSize);
        assertThat(pref).isEqualTo(new Dimension(Math.round(180 * scale), Math.round(36 * scale)));
        return ScaledTheme.paint(widget, pref.width, pref.height);
    }
}

package dev.budmon.ui.widget;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.budmon.ui.widget.ScaledTheme.hex;
import static dev.budmon.ui.widget.ScaledTheme.rgb;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paints quota bars headless at scale 1 and 2 and measures the result in pixels: where the bar starts and
 * ends, how long the fill is and in which colour, where the warn and alarm markers sit.
 */
class QuotaBarTest {

    private static final int GREEN = 0x22c55e;
    private static final int YELLOW = 0xeab308;
    private static final int RED = 0xef4444;
    private static final double WARN = 75;
    private static final double ALARM = 90;

    @AfterAll
    static void resetScale() {
        ScaledTheme.reset();
    }

    static Stream<Arguments> levels() {
        List<Arguments> args = new ArrayList<>();
        for (float scale : new float[] {1, 2}) {
            args.add(Arguments.of(scale, 42.0, Tone.OK, GREEN));
            args.add(Arguments.of(scale, 80.0, Tone.WARN, YELLOW));
            args.add(Arguments.of(scale, 95.0, Tone.ALARM, RED));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "scale {0}: {1} % is {3}")
    @MethodSource("levels")
    void fillHasTheLevelsColourAndTheRightLength(float scale, double percent, Tone tone, int expectedColour) {
        Bar bar = paint(scale, new QuotaBarModel(percent, WARN, ALARM, tone, Math.round(percent) + " %"));

        int expectedFill = (int) Math.round(bar.width() * percent / 100);
        assertThat(bar.fillLength(expectedColour))
                .as("fill length of %s %% in a %d px bar", percent, bar.width())
                .isBetween(expectedFill - 1, expectedFill + 1);
        // the fill's own pixels: just inside its start, and halfway to its end
        assertThat(hex(bar.centre(bar.left + 2 * (int) scale))).isEqualTo(hex(expectedColour));
        assertThat(hex(bar.centre(bar.left + expectedFill / 2))).isEqualTo(hex(expectedColour));
        // past the fill the track shows (95 %: the last pixels of the bar)
        int track = rgb(ScaledTheme.color(BudmonTheme.QUOTA_TRACK));
        assertThat(hex(bar.centre(bar.right - (int) scale))).isEqualTo(hex(track));
        // scaled: the bar is as tall as the theme says, times the scale
        assertThat(bar.height()).isEqualTo(Math.round(10 * scale));
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void markersSitAtWarnAndAlarmThresholdsInTheirSeedColours(float scale) {
        Bar bar = paint(scale, new QuotaBarModel(42, WARN, ALARM, Tone.OK, "42 %"));

        // above the bar only the markers' overhang is painted
        List<int[]> runs = bar.runsAbove();
        assertThat(runs).as("marker runs above the bar").hasSize(2);
        int markerWidth = Math.max(1, Math.round(scale));
        for (int i = 0; i < 2; i++) {
            double threshold = i == 0 ? WARN : ALARM;
            int[] run = runs.get(i);
            double centre = (run[0] + run[1]) / 2.0 + 0.5;
            assertThat(centre).as("marker at %s %%", threshold)
                    .isCloseTo(bar.left + bar.width() * threshold / 100, org.assertj.core.data.Offset.offset(1.0));
            assertThat(run[1] - run[0] + 1).as("marker width").isEqualTo(markerWidth);
            // as the original BudMon: the warn marker yellow, the alarm marker red
            assertThat(hex(rgb(bar.img, run[0], bar.top - 1))).as("colour of the marker at %s %%", threshold)
                    .isEqualTo(hex(i == 0 ? YELLOW : RED));
        }
        // the markers cut through the track: the track colour is interrupted at 75 %
        int x75 = (int) Math.round(bar.left + bar.width() * 0.75);
        assertThat(hex(bar.centre(x75))).isEqualTo(hex(YELLOW));
        assertThat(hex(bar.centre(x75 + 3 * (int) scale))).isEqualTo(hex(rgb(ScaledTheme.color(BudmonTheme.QUOTA_TRACK))));
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void aMarkerInsideAFillOfItsOwnColourIsANotch(float scale) {
        Bar bar = paint(scale, new QuotaBarModel(80, WARN, ALARM, Tone.WARN, "80 %"));
        int x75 = (int) Math.round(bar.left + bar.width() * 0.75);
        int track = rgb(ScaledTheme.color(BudmonTheme.QUOTA_TRACK));
        // on the bar a notch of track colour in the yellow fill, above it the yellow overhang
        assertThat(hex(bar.centre(x75))).isEqualTo(hex(track));
        assertThat(hex(bar.centre(x75 - 3 * (int) scale))).isEqualTo(hex(YELLOW));
        assertThat(hex(rgb(bar.img, x75, bar.top - 1))).isEqualTo(hex(YELLOW));
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void overOneHundredPercentFillsTheWholeBar(float scale) {
        Bar bar = paint(scale, new QuotaBarModel(112, WARN, ALARM, Tone.ALARM, "112 %"));

        assertThat(bar.fillLength(RED)).isEqualTo(bar.width());
        assertThat(hex(bar.centre(bar.right))).isEqualTo(hex(RED));
        // the text column holds the real figure, drawn in red
        assertThat(bar.textPixels()).as("reddish text pixels right of the bar")
                .anyMatch(p -> ((p >> 16) & 0xff) > ((p >> 8) & 0xff) + 100);
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void resetWindowIsEmptyAndDimmed(float scale) {
        Bar bar = paint(scale, new QuotaBarModel(0, WARN, ALARM, Tone.DIM, "0 %"));
        int track = rgb(ScaledTheme.color(BudmonTheme.QUOTA_TRACK));

        assertThat(hex(bar.centre(bar.left + 2))).isEqualTo(hex(track));
        assertThat(bar.fillLength(GREEN)).isZero();
        // dim text: grey pixels only, no colour
        assertThat(bar.textPixels()).isNotEmpty().allMatch(QuotaBarTest::isGrey);
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void unknownShowsTrackOnly(float scale) {
        Bar bar = paint(scale, QuotaBarModel.UNKNOWN);
        int track = rgb(ScaledTheme.color(BudmonTheme.QUOTA_TRACK));
        for (int x = bar.left; x <= bar.right; x++) {
            assertThat(hex(bar.centre(x))).as("x=%d", x).isEqualTo(hex(track));
        }
    }

    private static boolean isGrey(int p) {
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        return Math.abs(r - g) <= 2 && Math.abs(g - b) <= 2;
    }

    private static Bar paint(float scale, QuotaBarModel model) {
        ScaledTheme.install(scale);
        QuotaBar widget = ScaledTheme.onEdt(QuotaBar::new);
        ScaledTheme.onEdt(() -> {
            widget.setModel(model);
            return null;
        });
        Dimension pref = ScaledTheme.onEdt(widget::getPreferredSize);
        assertThat(pref.width).isEqualTo(Math.round(240 * scale));
        BufferedImage img = ScaledTheme.paint(widget, Math.round(300 * scale), pref.height);
        return new Bar(img, rgb(ScaledTheme.color(BudmonTheme.BACKGROUND)));
    }

    /** A painted bar, measured from its pixels. */
    private static final class Bar {
        final BufferedImage img;
        final int background;
        final int middle;
        final int left;
        final int right;
        final int top;
        final int bottom;

        Bar(BufferedImage img, int background) {
            this.img = img;
            this.background = background;
            this.middle = img.getHeight() / 2;
            int x = 0;
            while (x < img.getWidth() && rgb(img, x, middle) == background) {
                x++;
            }
            this.left = x;
            while (x < img.getWidth() && rgb(img, x, middle) != background) {
                x++;
            }
            this.right = x - 1;
            // a column inside the bar, away from the markers (at 75 and 90 %)
            int probe = left + (right - left) / 3;
            int y = 0;
            while (y < img.getHeight() && rgb(img, probe, y) == background) {
                y++;
            }
            this.top = y;
            while (y < img.getHeight() && rgb(img, probe, y) != background) {
                y++;
            }
            this.bottom = y - 1;
            assertThat(left).as("bar starts at the left edge").isZero();
            assertThat(right).as("bar ends before the text").isLessThan(img.getWidth() - 20);
        }

        int width() {
            return right - left + 1;
        }

        int height() {
            return bottom - top + 1;
        }

        int centre(int x) {
            return rgb(img, x, middle);
        }

        /** From the left end to the last pixel of {@code colour} on the centre row. */
        int fillLength(int colour) {
            int last = -1;
            for (int x = left; x <= right; x++) {
                if (centre(x) == colour) {
                    last = x;
                }
            }
            return last < 0 ? 0 : last - left + 1;
        }

        /** Runs of painted pixels ({@code [from, to]}) on the row just above the bar. */
        List<int[]> runsAbove() {
            List<int[]> runs = new ArrayList<>();
            int y = top - 1;
            int start = -1;
            for (int x = 0; x <= right + 1; x++) {
                boolean painted = x <= right && rgb(img, x, y) != background;
                if (painted && start < 0) {
                    start = x;
                } else if (!painted && start >= 0) {
                    runs.add(new int[] {start, x - 1});
                    start = -1;
                }
            }
            return runs;
        }

        /** All painted pixels right of the bar (the percentage text). */
        List<Integer> textPixels() {
            List<Integer> pixels = new ArrayList<>();
            for (int x = right + 2; x < img.getWidth(); x++) {
                for (int y = 0; y < img.getHeight(); y++) {
                    int p = rgb(img, x, y);
                    if (p != background) {
                        pixels.add(p);
                    }
                }
            }
            return pixels;
        }
    }
}

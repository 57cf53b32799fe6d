package dev.budmon.ui.widget;

import dev.budmon.ui.theme.BudmonTheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static dev.budmon.ui.widget.ScaledTheme.hex;
import static dev.budmon.ui.widget.ScaledTheme.rgb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Paints the Reports window's cost chart headless at scale 1 and 2: each bar stacked bottom-up in the
 * theme's series colours with heights in proportion to the dollars, an empty bar as no bar, bars as wide as
 * the theme says at either scale, and hovering over a bar marks its slot and gives its tooltip.
 */
class CostChartTest {

    private static final CostChartModel MODEL = new CostChartModel(List.of("opus-4-5", "sonnet-4-6"), List.of(
            new CostChartModel.Bar("12-01", List.of(3.0, 1.0), "first"),
            new CostChartModel.Bar("12-02", List.of(0.0, 0.0), "second"),
            new CostChartModel.Bar("12-03", List.of(2.0, 2.0), "third")),
            List.of(new CostChartModel.GridLine(0, "$0"), new CostChartModel.GridLine(2, "$2"),
                    new CostChartModel.GridLine(4, "$4")), "nothing");

    @AfterAll
    static void resetScale() {
        ScaledTheme.reset();
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void barsAreStackedInTheSeriesColoursInProportion(float scale) {
        ScaledTheme.install(scale);
        int first = rgb(ScaledTheme.color(BudmonTheme.CHART_SERIES_1));
        int second = rgb(ScaledTheme.color(BudmonTheme.CHART_SERIES_2));
        assertThat(first).as("two distinct theme colours, not the missing-key magenta").isNotEqualTo(second)
                .isNotEqualTo(0xff00ff);
        CostChart chart = ScaledTheme.onEdt(CostChart::new);
        ScaledTheme.onEdt(() -> {
            chart.setModel(MODEL);
            return null;
        });
        int width = Math.round(400 * scale);
        int height = Math.round(200 * scale);
        BufferedImage img = ScaledTheme.paint(chart, width, height);

        // the bars' columns: runs of the first colour along a row just above the bottom of the plot
        int bottomRow = lowest(img, first);
        List<int[]> runs = runs(img, bottomRow, first);
        assertThat(runs).as("two bars with dollars in the first series; the empty one has none").hasSize(2);
        for (int[] run : runs) {
            int barWidth = run[1] - run[0];
            assertThat(barWidth).as("the theme's widest bar, scaled").isBetween(Math.round(48 * scale) - 1,
                    Math.round(48 * scale) + 1);
        }
        int[] heights0 = stack(img, (runs.get(0)[0] + runs.get(0)[1]) / 2, first, second);
        int[] heights2 = stack(img, (runs.get(1)[0] + runs.get(1)[1]) / 2, first, second);
        assertThat((double) heights0[0] / heights0[1]).as("$3 of the first series on $1 of the second")
                .isCloseTo(3.0, within(0.25));
        assertThat((double) heights2[0] / heights2[1]).as("$2 on $2").isCloseTo(1.0, within(0.1));
        assertThat(heights0[0] + heights0[1]).as("both $4 bars equally tall")
                .isCloseTo(heights2[0] + heights2[1], within(2));
        assertThat(heights0[2]).as("the first series at the bottom, the second above it").isLessThan(heights0[3]);
        // the $4 guide line is the top of the scale: the bars reach it
        int plotHeight = heights0[0] + heights0[1];
        assertThat(plotHeight).isGreaterThan(height / 3);

        // hovering over the middle, empty slot marks it and offers its tooltip
        int middle = (runs.get(0)[1] + runs.get(1)[0]) / 2;
        int y = bottomRow - 5;
        int hover = rgb(ScaledTheme.color(BudmonTheme.CHART_HOVER));
        assertThat(rgb(img, middle, y)).as("nothing behind the empty bar before the mouse comes")
                .isNotEqualTo(hover);
        String tooltip = ScaledTheme.onEdt(() -> {
            MouseEvent moved = new MouseEvent(chart, MouseEvent.MOUSE_MOVED, 0, 0, middle, y, 0, false);
            chart.dispatchEvent(moved);
            return chart.getToolTipText(moved);
        });
        assertThat(tooltip).isEqualTo("second");
        BufferedImage hovered = ScaledTheme.paint(chart, width, height);
        assertThat(hex(rgb(hovered, middle, y))).as("the hovered slot").isEqualTo(hex(hover));
        assertThat(ScaledTheme.onEdt(() -> chart.barAt(1, y))).as("left of the plot: no bar").isEqualTo(-1);
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void withoutBarsItSaysSo(float scale) {
        ScaledTheme.install(scale);
        CostChart chart = ScaledTheme.onEdt(CostChart::new);
        ScaledTheme.onEdt(() -> {
            chart.setModel(new CostChartModel(List.of(), List.of(), List.of(), "No requests in these days."));
            return null;
        });
        BufferedImage img = ScaledTheme.paint(chart, Math.round(400 * scale), Math.round(200 * scale));
        int dim = rgb(ScaledTheme.color(BudmonTheme.DIM_FOREGROUND));
        int background = rgb(ScaledTheme.color(BudmonTheme.BACKGROUND));
        int text = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = rgb(img, x, y);
                assertThat(p == background || near(p, dim, background)).as("only dim text on the background")
                        .isTrue();
                text += p == background ? 0 : 1;
            }
        }
        assertThat(text).as("the text is painted").isGreaterThan(50);
    }

    /** Whether p lies between the two colours (anti-aliased text). */
    private static boolean near(int p, int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int c = (p >> shift) & 0xff;
            int lo = Math.min((a >> shift) & 0xff, (b >> shift) & 0xff);
            int hi = Math.max((a >> shift) & 0xff, (b >> shift) & 0xff);
            if (c < lo - 2 || c > hi + 2) {
                return false;
            }
        }
        return true;
    }

    /** The lowest row that holds the colour, less a pixel of anti-aliasing. */
    private static int lowest(BufferedImage img, int colour) {
        for (int y = img.getHeight() - 1; y >= 0; y--) {
            if (!runs(img, y, colour).isEmpty()) {
                return y - 1;
            }
        }
        throw new AssertionError("no " + hex(colour) + " in the picture");
    }

    /** The runs of the colour along a row: {start, end exclusive}. */
    private static List<int[]> runs(BufferedImage img, int y, int colour) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int x = 0; x <= img.getWidth(); x++) {
            boolean on = x < img.getWidth() && rgb(img, x, y) == colour;
            if (on && start < 0) {
                start = x;
            } else if (!on && start >= 0) {
                runs.add(new int[] {start, x});
                start = -1;
            }
        }
        return runs;
    }

    /** Down a column: pixels of the first colour, of the second, and the top row of each's mean (y). */
    private static int[] stack(BufferedImage img, int x, int first, int second) {
        int a = 0;
        int b = 0;
        long ya = 0;
        long yb = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int p = rgb(img, x, y);
            if (p == first) {
                a++;
                ya += y;
            } else if (p == second) {
                b++;
                yb += y;
            }
        }
        assertThat(a).as("first series in column %d", x).isPositive();
        assertThat(b).as("second series in column %d", x).isPositive();
        // larger y is lower on the screen: the first series' mean lies below the second's
        return new int[] {a, b, (int) -(ya / a), (int) -(yb / b)};
    }
}

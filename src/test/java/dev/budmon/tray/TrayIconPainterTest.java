package dev.budmon.tray;

import dev.budmon.calc.Level;
import dev.budmon.ui.theme.BudmonTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.swing.SwingUtilities;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tray icon in pixels, at every size a panel asks for and every level: each cell of each digit in the
 * level's colour and every other pixel of the text area in the background's, the bar's fill as long as the
 * percentage, transparent corners.
 */
class TrayIconPainterTest {

    private static final TrayPalette PALETTE = TrayPalette.fromThemeFile();
    private static final int GREEN = 0x22c55e;
    private static final int YELLOW = 0xeab308;
    private static final int RED = 0xef4444;
    private static final int GREY = 0x808080;

    /** The digit glyphs again, row by row, written out as pictures: an independent copy of the font. */
    private static final String[][] PICTURES = {
        {"###", "#.#", "#.#", "#.#", "###"}, {".#.", "##.", ".#.", ".#.", "###"},
        {"###", "..#", "###", "#..", "###"}, {"###", "..#", "###", "..#", "###"},
        {"#.#", "#.#", "###", "..#", "..#"}, {"###", "#..", "###", "..#", "###"},
        {"###", "#..", "###", "#.#", "###"}, {"###", "..#", "..#", "..#", "..#"},
        {"###", "#.#", "###", "#.#", "###"}, {"###", "#.#", "###", "..#", "###"},
    };

    static Stream<Arguments> sizesAndLevels() {
        List<Arguments> args = new ArrayList<>();
        for (int size : TrayIconPainter.SIZES) {
            args.add(Arguments.of(size, new TrayIconModel("5h", 42.0, Level.OK), GREEN));
            args.add(Arguments.of(size, new TrayIconModel("5h", 78.4, Level.WARN), YELLOW));
            args.add(Arguments.of(size, new TrayIconModel("7d", 93.0, Level.ALARM), RED));
            args.add(Arguments.of(size, new TrayIconModel("5h", 100.0, Level.ALARM), RED));
            args.add(Arguments.of(size, new TrayIconModel("5h", 6.0, Level.OK), GREEN));
            args.add(Arguments.of(size, new TrayIconModel("5h", 55.0, Level.NONE), GREY));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} px: {1}")
    @MethodSource("sizesAndLevels")
    void digitsAndBarInTheLevelsColour(int size, TrayIconModel m, int colour) {
        BufferedImage img = TrayIconPainter.paint(m, size, PALETTE);
        assertThat(img.getWidth()).isEqualTo(size);
        assertThat(img.getHeight()).isEqualTo(size);
        String text = m.text();
        TrayIconPainter.Layout l = TrayIconPainter.layout(size, text.length());
        int background = PALETTE.background().getRGB() & 0xffffff;

        // every pixel of the text's box: the level's colour where a glyph has a cell, the background elsewhere
        // (or, in the box's outermost corners, the dark grey of the icon's rounded border)
        for (int y = l.textY(); y < l.textY() + 5 * l.cellHeight(); y++) {
            for (int x = l.textX(); x < l.textX() + l.textWidth(text.length()); x++) {
                int column = (x - l.textX()) / l.cellWidth();
                int glyph = column / 4;
                int col = column % 4;
                int row = (y - l.textY()) / l.cellHeight();
                boolean on = col < 3 && PICTURES[text.charAt(glyph) - '0'][row].charAt(col) == '#';
                if (on) {
                    assertThat(hex(rgb(img, x, y))).as("%s at %d px: pixel %d,%d", text, size, x, y)
                            .isEqualTo(hex(colour));
                } else {
                    assertThat(rgb(img, x, y)).as("%s at %d px: pixel %d,%d is %s", text, size, x, y,
                            hex(rgb(img, x, y))).isIn(background, darkGrey(img, x, y));
                }
            }
        }
        // cells at least 1 px wide and the digits at least 5 px tall: readable, not a smear
        assertThat(l.cellWidth()).isGreaterThanOrEqualTo(1);
        assertThat(5 * l.cellHeight()).isGreaterThanOrEqualTo(text.length() == 3 ? 10 : 10);

        // the bar: filled in the level's colour to the percentage, the rest the track
        int fill = (int) Math.round(l.barWidth() * m.fill());
        int track = PALETTE.track().getRGB() & 0xffffff;
        int mid = l.barY() + l.barHeight() / 2;
        for (int x = l.barX(); x < l.barX() + l.barWidth(); x++) {
            assertThat(hex(rgb(img, x, mid))).as("bar at x=%d of %d px (fill %d)", x, size, fill)
                    .isEqualTo(hex(x < l.barX() + fill ? colour : track));
        }
        assertThat(l.barY() + l.barHeight()).isLessThanOrEqualTo(size - 1);
        assertThat(l.textY() + 5 * l.cellHeight()).isLessThan(l.barY());

        // rounded: the corner pixels are mostly see-through, the middle of each edge is the border
        assertThat(img.getRGB(0, 0) >>> 24).isLessThan(128);
        assertThat(img.getRGB(size - 1, size - 1) >>> 24).isLessThan(128);
        assertThat(hex(rgb(img, size / 2, 0))).isEqualTo(hex(PALETTE.border().getRGB() & 0xffffff));
    }

    @Test
    void textOfTheFigure() {
        assertThat(new TrayIconModel("5h", 42.4, Level.OK).text()).isEqualTo("42");
        assertThat(new TrayIconModel("5h", 99.6, Level.ALARM).text()).isEqualTo("99");
        assertThat(new TrayIconModel("5h", 104.0, Level.ALARM).text()).isEqualTo("100");
        assertThat(new TrayIconModel("5h", 0.2, Level.OK).text()).isEqualTo("0");
        assertThat(TrayIconModel.WAITING.text()).isEqualTo("-");
        assertThat(new TrayIconModel("5h", 130.0, Level.ALARM).fill()).isEqualTo(1.0);
    }

    @Test
    void aWaitingIconShowsADashInGrey() {
        for (int size : TrayIconPainter.SIZES) {
            BufferedImage img = TrayIconPainter.paint(TrayIconModel.WAITING, size, PALETTE);
            TrayIconPainter.Layout l = TrayIconPainter.layout(size, 1);
            int middleRow = l.textY() + 2 * l.cellHeight() + l.cellHeight() / 2;
            int topRow = l.textY() + l.cellHeight() / 2;
            int x = l.textX() + l.cellWidth() + l.cellWidth() / 2;
            assertThat(hex(rgb(img, x, middleRow))).isEqualTo(hex(GREY));
            assertThat(hex(rgb(img, x, topRow))).isEqualTo(hex(PALETTE.background().getRGB() & 0xffffff));
        }
    }

    @Test
    void theThemeFileGivesTheColoursTheInstalledThemeHas() throws Exception {
        AtomicReference<TrayPalette> installed = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            BudmonTheme.setup();
            installed.set(TrayPalette.fromUiManager());
        });
        assertThat(PALETTE).isEqualTo(installed.get());
        assertThat(PALETTE.ok()).isEqualTo(new Color(GREEN));
        assertThat(List.of(PALETTE.background(), PALETTE.border(), PALETTE.track(), PALETTE.dim()))
                .doesNotContain(Color.MAGENTA);
    }

    /** The pixel, if it is a grey no lighter than the border: the antialiased edge of the rounded square. */
    private static int darkGrey(BufferedImage img, int x, int y) {
        int p = rgb(img, x, y);
        int r = p >> 16 & 0xff;
        boolean grey = r == (p >> 8 & 0xff) && r == (p & 0xff);
        return grey && r <= (PALETTE.border().getRed()) ? p : background();
    }

    private static int background() {
        return PALETTE.background().getRGB() & 0xffffff;
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xffffff;
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }
}

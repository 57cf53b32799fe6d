package dev.budmon.setup;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed icons: every size, BudMon's mark, and still what {@link AppIconGenerator} draws. */
class AppIconsTest {

    private static final Path ICONS = Path.of("icons");

    @Test
    void everySizeIsThereMarkedAndMatchesTheGenerator() throws IOException {
        for (int size : AppIcons.SIZES) {
            byte[] png = Files.readAllBytes(ICONS.resolve("budmon-" + size + ".png"));
            assertThat(AppIcons.isOurs(png)).as("mark in %d px", size).isTrue();
            BufferedImage committed = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(committed.getWidth()).isEqualTo(size);
            assertThat(committed.getHeight()).isEqualTo(size);
            BufferedImage drawn = AppIconGenerator.paint(size);
            long diff = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int a = committed.getRGB(x, y);
                    int b = drawn.getRGB(x, y);
                    for (int shift = 0; shift < 32; shift += 8) {
                        diff += Math.abs(((a >>> shift) & 0xff) - ((b >>> shift) & 0xff));
                    }
                }
            }
            // Allows for anti-aliasing differences between JDKs; a changed design differs far more.
            assertThat(diff / (double) (size * size * 4)).as("mean channel difference at %d px", size).isLessThan(2.0);
        }
    }

    @Test
    void theIconShowsTheGaugeColoursOnTheDarkTile() throws IOException {
        BufferedImage img = ImageIO.read(ICONS.resolve("budmon-256.png").toFile());
        // The tile's middle is dark, the outer ring at 3 o'clock (filled) is green, the inner ring at
        // 1-2 o'clock violet; the corners are transparent.
        assertThat(img.getRGB(128, 128) & 0xffffff).isEqualTo(AppIconGenerator.BACKGROUND.getRGB() & 0xffffff);
        assertThat(img.getRGB(128 + 86, 128) & 0xffffff).isEqualTo(AppIconGenerator.GREEN.getRGB() & 0xffffff);
        assertThat(img.getRGB(128 + 34, 128 - 34) & 0xffffff).isEqualTo(AppIconGenerator.ACCENT.getRGB() & 0xffffff);
        assertThat(img.getRGB(0, 0) >>> 24).isZero();
    }

    @Test
    void theSvgCarriesTheMark() throws IOException {
        byte[] svg = Files.readAllBytes(ICONS.resolve("budmon.svg"));
        assertThat(AppIcons.isOurs(svg)).isTrue();
        assertThat(new String(svg, StandardCharsets.UTF_8)).contains("#22c55e", "#a78bfa", "#0a0a0a");
        assertThat(AppIcons.isOurs("<svg/>".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}

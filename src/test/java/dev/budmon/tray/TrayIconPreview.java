package dev.budmon.tray;

import dev.budmon.calc.Level;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a sheet of tray icons for looking at by eye: every size and level, at their real size on a dark and
 * a light panel, and enlarged eight times. {@code java -cp … dev.budmon.tray.TrayIconPreview out.png}
 */
public final class TrayIconPreview {

    private TrayIconPreview() {
    }

    public static void main(String[] args) throws IOException {
        TrayIconModel[] models = {
            new TrayIconModel("5h", 42.0, Level.OK), new TrayIconModel("5h", 78.0, Level.WARN),
            new TrayIconModel("5h", 93.0, Level.ALARM), new TrayIconModel("5h", 100.0, Level.ALARM),
            new TrayIconModel("7d", 7.0, Level.OK), TrayIconModel.WAITING};
        TrayPalette p = TrayPalette.fromThemeFile();
        int zoom = 8;
        int cell = 32 * zoom + 16;
        BufferedImage sheet = new BufferedImage(models.length * cell + 16, TrayIconPainter.SIZES.length * (cell + 48) + 16,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(new Color(0x808080));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        for (int r = 0; r < TrayIconPainter.SIZES.length; r++) {
            int size = TrayIconPainter.SIZES[r];
            for (int c = 0; c < models.length; c++) {
                BufferedImage icon = TrayIconPainter.paint(models[c], size, p);
                int x = 16 + c * cell;
                int y = 16 + r * (cell + 48);
                g.setColor(new Color(0x202020));
                g.fillRect(x, y, 40, 40);
                g.drawImage(icon, x + 4, y + 4, null);
                g.setColor(new Color(0xf0f0f0));
                g.fillRect(x + 48, y, 40, 40);
                g.drawImage(icon, x + 52, y + 4, null);
                g.drawImage(icon, x, y + 48, size * zoom, size * zoom, null);
            }
        }
        g.dispose();
        ImageIO.write(sheet, "png", Path.of(args.length > 0 ? args[0] : "target/tray-preview.png").toFile());
    }
}

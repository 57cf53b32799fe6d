package dev.budmon.setup;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws BudMon's application icon, a quota gauge: an outer ring (the 5-hour window, green) and an inner ring
 * (the weekly window, violet accent) on a dark rounded square. Run {@link #main} to regenerate
 * {@code icons/budmon-<size>.png}; {@code AppIconsTest} checks the committed files still match it.
 */
public final class AppIconGenerator {

    static final Color BACKGROUND = new Color(0x0a0a0a);
    static final Color EDGE = new Color(0x262626);
    static final Color TRACK = new Color(0x1f1f23);
    static final Color GREEN = new Color(0x22c55e);
    static final Color ACCENT = new Color(0xa78bfa);

    /** Share of the outer and inner gauges that is filled. */
    static final double OUTER_FILL = 0.75;
    static final double INNER_FILL = 0.40;

    private AppIconGenerator() {
    }

    /** Writes every size into the folder given as the first argument (default {@code icons}). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "icons");
        Files.createDirectories(dir);
        for (int size : AppIcons.SIZES) {
            Path out = dir.resolve("budmon-" + size + ".png");
            Files.write(out, png(paint(size)));
            System.out.println("wrote " + out);
        }
    }

    /**
     * The icon at one size. Drawn in a 256-unit space scaled to the size; at 24 px and below the two thin
     * rings would blur into each other, so small icons show one thicker ring with a centre dot.
     */
    static BufferedImage paint(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size / 256.0, size / 256.0);

            double inset = size <= 24 ? 0 : 4;
            RoundRectangle2D.Double tile = new RoundRectangle2D.Double(inset, inset, 256 - 2 * inset,
                    256 - 2 * inset, 60, 60);
            g.setColor(BACKGROUND);
            g.fill(tile);
            if (size > 24) {
                g.setColor(EDGE);
                g.setStroke(new BasicStroke(4f));
                g.draw(tile);
            }

            if (size <= 24) {
                ring(g, 82, 44, GREEN, OUTER_FILL);
                g.setColor(ACCENT);
                g.fill(new Ellipse2D.Double(128 - 30, 128 - 30, 60, 60));
            } else {
                ring(g, 86, 28, GREEN, OUTER_FILL);
                ring(g, 48, 22, ACCENT, INNER_FILL);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** A gauge ring around the centre: a dark track and a filled arc clockwise from 12 o'clock. */
    private static void ring(Graphics2D g, double radius, float width, Color color, double fill) {
        double d = 2 * radius;
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(TRACK);
        g.draw(new Ellipse2D.Double(128 - radius, 128 - radius, d, d));
        g.setColor(color);
        g.draw(new Arc2D.Double(128 - radius, 128 - radius, d, d, 90, -360 * fill, Arc2D.OPEN));
    }

    /** The image as PNG bytes carrying BudMon's text chunk, by which uninstall recognises installed icons. */
    static byte[] png(BufferedImage img) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", AppIcons.PNG_TEXT_KEYWORD);
            entry.setAttribute("value", AppIcons.PNG_TEXT_VALUE);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(text);
            meta.mergeTree("javax_imageio_png_1.0", root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img, null, meta), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}

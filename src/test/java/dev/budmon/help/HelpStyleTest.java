package dev.budmon.help;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.swing.JEditorPane;
import javax.swing.SwingUtilities;
import javax.swing.text.html.HTMLDocument;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.StyleSheet;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide rendered by Swing itself with the dark style, headless, into an image. */
class HelpStyleTest {

    private static final int WIDTH = 720;

    /** Renders the guide as the Help window would; saves it under target/ to look at. */
    private static BufferedImage render(String language, int fontSize) throws Exception {
        AtomicReference<BufferedImage> image = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            JEditorPane pane = pane(language, fontSize);
            // As in a scroll pane: as wide as the viewport unless the content cannot be narrower.
            int width = Math.max(WIDTH, pane.getMinimumSize().width);
            pane.setSize(width, 100);
            int height = pane.getPreferredSize().height;
            pane.setSize(width, height);
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                pane.paint(g);
            } finally {
                g.dispose();
            }
            image.set(img);
        });
        Path out = Path.of("target", "help-" + language + "-" + fontSize + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(image.get(), "png", out.toFile());
        return image.get();
    }

    private static JEditorPane pane(String language, int fontSize) {
        JEditorPane pane = new JEditorPane();
        pane.setEditable(false);
        // No insets, and a colour of its own, so every background pixel checked below is the body's.
        pane.setMargin(new java.awt.Insets(0, 0, 0, 0));
        pane.setBackground(Color.MAGENTA);
        pane.setEditorKit(HelpStyle.kit(fontSize));
        pane.setText(HelpPages.html(language));
        return pane;
    }

    private static int[] size(String language, int fontSize) throws Exception {
        AtomicReference<int[]> size = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            JEditorPane pane = pane(language, fontSize);
            pane.setSize(WIDTH, 100);
            size.set(new int[] {pane.getMinimumSize().width, pane.getPreferredSize().height});
        });
        return size.get();
    }

    private static int count(BufferedImage img, String hex) {
        int rgb = Color.decode(hex).getRGB();
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void swingPaintsTheGuideInThePalette() throws Exception {
        for (String language : new String[] {"en", "de"}) {
            BufferedImage img = render(language, 13);
            assertThat(img.getHeight()).as("a long page").isGreaterThan(2000);
            assertThat(new Color(img.getRGB(2, 2))).isEqualTo(Color.decode(HelpStyle.BACKGROUND));
            assertThat(img.getWidth()).as("fits %d pixels without scrolling sideways", WIDTH).isEqualTo(WIDTH);
            assertThat(new Color(img.getRGB(WIDTH - 3, img.getHeight() / 2))).isEqualTo(Color.decode(HelpStyle.BACKGROUND));
            assertThat(new Color(img.getRGB(2, img.getHeight() - 3))).isEqualTo(Color.decode(HelpStyle.BACKGROUND));
            int pixels = img.getWidth() * img.getHeight();
            assertThat(count(img, HelpStyle.BACKGROUND)).as("mostly background").isGreaterThan(pixels / 2);
            assertThat(count(img, HelpStyle.TEXT)).as("body text").isGreaterThan(1000);
            assertThat(count(img, HelpStyle.ACCENT)).as("headings and links").isGreaterThan(500);
            assertThat(count(img, HelpStyle.CYAN)).as("code").isGreaterThan(500);
            assertThat(count(img, HelpStyle.TRACK)).as("code blocks and table heads").isGreaterThan(5000);
            // At most the one-pixel column Swing's layout leaves at the right edge by rounding.
            assertThat(count(img, "#ff00ff")).as("component background showing through")
                    .isLessThanOrEqualTo(img.getHeight());
        }
    }

    @Test
    void largerFontsMakeALongerPage() throws Exception {
        int[] normal = size("en", 13);
        int[] large = size("en", 26);
        assertThat(large[1]).isGreaterThan(normal[1] * 3 / 2);
        assertThat(large[0]).isGreaterThan(normal[0] * 3 / 2);
    }

    @Test
    void theStyleStaysInItsOwnDocuments() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            StyleSheet shared = new HTMLEditorKit().getStyleSheet();
            Color before = shared.getBackground(shared.getRule("body"));
            JEditorPane pane = new JEditorPane();
            pane.setEditorKit(HelpStyle.kit(13));
            pane.setText(MarkdownHtml.document("# x"));
            StyleSheet own = ((HTMLDocument) pane.getDocument()).getStyleSheet();
            assertThat(own.getBackground(own.getRule("body"))).isEqualTo(Color.decode(HelpStyle.BACKGROUND));
            assertThat(own.getForeground(own.getRule("h1"))).isEqualTo(Color.decode(HelpStyle.ACCENT));
            assertThat(shared.getBackground(shared.getRule("body"))).isEqualTo(before);
        });
    }

    @Test
    void theCssUsesOnlyThePaletteAndScalesItsSizes() {
        String css = HelpStyle.css(13);
        assertThat(css).contains("font-size: 13pt", "font-size: 21pt", "font-size: 11pt");
        assertThat(HelpStyle.css(26)).contains("font-size: 26pt", "font-size: 42pt");
        java.util.regex.Matcher colors = java.util.regex.Pattern.compile("#[0-9a-f]{6}").matcher(css);
        while (colors.find()) {
            assertThat(colors.group()).isIn(HelpStyle.BACKGROUND, HelpStyle.TEXT, HelpStyle.DIM, HelpStyle.ACCENT,
                    HelpStyle.CYAN, HelpStyle.TRACK);
        }
        assertThat(new File("target").isDirectory()).isTrue();
    }
}

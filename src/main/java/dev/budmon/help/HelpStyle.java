package dev.budmon.help;

import javax.swing.text.Document;
import javax.swing.text.html.HTMLDocument;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.StyleSheet;
import java.util.Locale;

/**
 * BudMon's dark look for the rendered guide: CSS that Swing's {@code StyleSheet} understands (colours, font
 * family and size, margins, padding; nothing newer), in the window's palette.
 *
 * <p>Use {@link #kit(int)} for the {@code JEditorPane}: the rules go into each document's own style sheet, so
 * the {@code HTMLEditorKit} default sheet, which every HTML view of the application shares, stays untouched.
 * EDT only for the kit's documents, like every Swing text component.
 */
public final class HelpStyle {

    /** Window background. */
    public static final String BACKGROUND = "#0a0a0a";
    /** Normal text. */
    public static final String TEXT = "#d4d4d4";
    /** Secondary text: rules, quotes. */
    public static final String DIM = "#808080";
    /** Headings and links. */
    public static final String ACCENT = "#a78bfa";
    /** Code and sub-headings. */
    public static final String CYAN = "#06b6d4";
    /** Code blocks and table heads: the bar track colour. */
    public static final String TRACK = "#1e1e1e";

    private HelpStyle() {
    }

    /**
     * The style rules.
     *
     * @param baseFontSize the body text size in pixels at the current UI scale, e.g. the label font's size
     */
    public static String css(int baseFontSize) {
        int base = Math.max(8, baseFontSize);
        return String.join("\n",
                // Padding, not margin: Swing paints the body's background inside its margin only.
                "body { background-color: " + BACKGROUND + "; color: " + TEXT + "; font-family: SansSerif; font-size: "
                        + base + "pt; margin: 0; padding-top: 6px; padding-left: 12px; padding-right: 12px;"
                        + " padding-bottom: 12px }",
                "p { margin-top: 4px; margin-bottom: 4px }",
                heading("h1", ACCENT, base * 1.6, 4, 6),
                heading("h2", ACCENT, base * 1.3, 14, 4),
                heading("h3", CYAN, base * 1.1, 10, 2),
                heading("h4", CYAN, base, 8, 2),
                heading("h5", CYAN, base, 8, 2),
                heading("h6", CYAN, base, 8, 2),
                "a { color: " + ACCENT + "; text-decoration: underline }",
                "code { font-family: Monospaced; color: " + CYAN + "; font-size: " + base + "pt }",
                // A size smaller, so that the 90-column usage text fits beside the body text.
                "pre { font-family: Monospaced; color: " + TEXT + "; background-color: " + TRACK + "; font-size: "
                        + Math.max(8, base - 2) + "pt; margin-top: 4px; margin-bottom: 6px; padding: 6px }",
                "table { margin-top: 4px; margin-bottom: 6px }",
                "th { color: " + ACCENT + "; background-color: " + TRACK + "; font-weight: bold }",
                "td { color: " + TEXT + " }",
                "ul { margin-top: 2px; margin-bottom: 4px }",
                "ol { margin-top: 2px; margin-bottom: 4px }",
                "li { margin-top: 1px; margin-bottom: 1px }",
                "blockquote { color: " + DIM + "; margin-left: 16px; margin-top: 4px; margin-bottom: 4px }",
                "hr { color: " + DIM + " }") + "\n";
    }

    private static String heading(String tag, String color, double size, int top, int bottom) {
        return String.format(Locale.ROOT, "%s { color: %s; font-size: %dpt; font-weight: bold; margin-top: %dpx;"
                + " margin-bottom: %dpx }", tag, color, Math.round(size), top, bottom);
    }

    /**
     * An editor kit whose documents carry the dark style. The body's background covers the whole document;
     * give the pane {@link #BACKGROUND} too (or zero margins) so that its insets and the space below a short
     * page match. In-page links ({@code href="#anchor"}) need a {@code HyperlinkListener} that calls
     * {@code JEditorPane.scrollToReference(anchor)}; every heading carries such an anchor.
     *
     * @param baseFontSize the body text size in pixels at the current UI scale
     */
    public static HTMLEditorKit kit(int baseFontSize) {
        String css = css(baseFontSize);
        return new HTMLEditorKit() {
            @Override
            public Document createDefaultDocument() {
                HTMLDocument doc = (HTMLDocument) super.createDefaultDocument();
                StyleSheet own = doc.getStyleSheet();
                own.addRule(css);
                return doc;
            }
        };
    }
}

package dev.budmon.ui;

import com.formdev.flatlaf.util.UIScale;

/**
 * Tooltip texts of the view model as Swing shows them: plain text with line breaks becomes HTML, and a long
 * text wraps at a readable width instead of running across the screen. Pure but for the UI scale; EDT only.
 */
final class Tips {

    /** Longer texts wrap: a tooltip as wide as a sentence of about 60 characters. */
    private static final int WRAP_CHARACTERS = 60;
    /** The wrapping width at 100 %, unscaled pixels. */
    private static final int WRAP_WIDTH = 380;

    private Tips() {
    }

    /** The tooltip for {@code text}: {@code null} (no tooltip) for an empty one. */
    static String html(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean wrap = false;
        for (String line : text.split("\n", -1)) {
            wrap |= line.length() > WRAP_CHARACTERS;
        }
        StringBuilder b = new StringBuilder(text.length() + 48).append("<html>");
        b.append(wrap ? "<p width=\"" + UIScale.scale(WRAP_WIDTH) + "\">" : "<p>");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n' -> b.append("<br>");
                default -> b.append(c);
            }
        }
        return b.append("</p></html>").toString();
    }

    /**
     * Sets the tooltip of {@code c} to {@code text}; an unchanged text costs a comparison only (the clock
     * hands the same texts to most components every second).
     */
    static void set(javax.swing.JComponent c, String text) {
        if (!java.util.Objects.equals(text, c.getClientProperty(RAW))) {
            c.putClientProperty(RAW, text);
            c.setToolTipText(html(text));
        }
    }

    /** The plain text a component's tooltip was made from, or {@code null}; for tests. */
    static String plain(javax.swing.JComponent c) {
        return (String) c.getClientProperty(RAW);
    }

    private static final String RAW = "budmon.tip";
}

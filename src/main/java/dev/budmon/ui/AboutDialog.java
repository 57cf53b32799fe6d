package dev.budmon.ui;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.Version;
import dev.budmon.i18n.Messages;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import java.awt.Cursor;
import java.awt.GridBagLayout;
import java.awt.Window;
import java.util.function.Consumer;

/**
 * Help › About: name and description, then Version, Author, License, Homepage, Original and Runtime as
 * caption and value, as the original BudMon lists them. Plain labels (no text caret); the addresses are
 * links that open in the browser, by mouse or by keyboard (Tab, Space). EDT only.
 */
final class AboutDialog {

    /** This BudMon's home. */
    static final String HOMEPAGE = "https://github.com/budmon/budmon-java";
    /** The original BudMon (Python), whose author and design this one follows. */
    static final String ORIGINAL = "https://github.com/weilhalt/budmon";

    private AboutDialog() {
    }

    /**
     * @param openLink opens an address (on another thread, with a fallback when no browser is set up)
     */
    static JDialog show(Window owner, Messages m, Consumer<String> openLink) {
        JPanel p = new JPanel(new GridBagLayout());
        p.setName("about");
        p.setBorder(BorderFactory.createEmptyBorder(UIScale.scale(14), UIScale.scale(18), UIScale.scale(6),
                UIScale.scale(18)));
        int row = 0;
        ToneLabel name = new ToneLabel("about:name", BudmonTheme.FONT_TITLE, BudmonTheme.ACCENT);
        name.show(m.get("app.name"));
        p.add(name, Cell.at(0, row++).span(2));
        ToneLabel description = new ToneLabel("about:description", BudmonTheme.FONT, Tone.NORMAL);
        description.show(m.get("about.description"));
        p.add(description, Cell.at(0, row++).span(2).gap(2, 0, 10, 0));
        row = pair(p, row, m.get("about.version"), plain("about:version", Version.get()));
        row = pair(p, row, m.get("about.author"), plain("about:author", m.get("about.author_value")));
        row = pair(p, row, m.get("about.license"), plain("about:license", "GPL-3.0-or-later"));
        row = pair(p, row, m.get("about.homepage"), link("about:homepage", HOMEPAGE, openLink));
        row = pair(p, row, m.get("about.original"), link("about:original", ORIGINAL, openLink));
        pair(p, row, m.get("about.runtime_label"), plain("about:runtime", m.get("about.runtime",
                        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                                + System.getProperty("os.arch"))));
        JDialog d = TextDialog.dialog(owner, m.get("about.title"), p, m.get("dialog.close"), null);
        d.setName("about-dialog");
        d.setResizable(false);
        d.pack();
        TextDialog.fitToScreen(d, owner);
        d.setVisible(true);
        return d;
    }

    private static int pair(JPanel p, int row, String caption, JComponent value) {
        ToneLabel c = new ToneLabel("about:caption", BudmonTheme.FONT, Tone.DIM);
        c.show(caption);
        p.add(c, Cell.at(0, row).baseline().gap(2, 0, 2, 12));
        p.add(value, Cell.at(1, row).baseline().grow().gap(2, 0, 2, 0));
        return row + 1;
    }

    private static JLabel plain(String name, String text) {
        ToneLabel l = new ToneLabel(name, BudmonTheme.FONT, Tone.NORMAL);
        l.show(text);
        return l;
    }

    /** A link: a borderless button in the info colour with a hand cursor, focusable and pressed by Space. */
    private static JButton link(String name, String uri, Consumer<String> openLink) {
        JButton b = new JButton(uri);
        b.setName(name);
        b.putClientProperty("JButton.buttonType", "borderless");
        b.setFont(BudmonTheme.font(BudmonTheme.FONT));
        b.setForeground(BudmonTheme.color(Tone.INFO.colorKey()));
        b.setMargin(new java.awt.Insets(0, 0, 0, 0));
        b.setBorder(BorderFactory.createEmptyBorder());
        b.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        b.setToolTipText(uri);
        b.addActionListener(e -> openLink.accept(uri));
        return b;
    }
}

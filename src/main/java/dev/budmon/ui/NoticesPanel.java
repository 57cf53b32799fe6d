package dev.budmon.ui;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.view.NoticeView;

import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import java.awt.GridBagLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notes and warnings about the files, one line each, above the footer: the text, a button that shows every
 * message in a dialog, and one that hides the line until its text changes. Empty and invisible when there is
 * nothing to say. EDT only.
 */
final class NoticesPanel extends JPanel {

    /** What the user hid, by notice id: the notice's text and detail as they were then. */
    private final Map<String, String> hidden = new HashMap<>();
    private List<NoticeView> all = List.of();
    private List<NoticeView> shown = List.of();

    NoticesPanel() {
        super(new GridBagLayout());
        setOpaque(false);
        setName("notices");
        setVisible(false);
    }

    /** @return {@code true} if the lines shown changed (the window may need a new size) */
    boolean show(List<NoticeView> notices) {
        all = notices;
        List<NoticeView> visible = new ArrayList<>();
        for (NoticeView n : notices) {
            if (!key(n).equals(hidden.get(n.id()))) {
                visible.add(n);
            }
        }
        if (visible.equals(shown)) {
            return false;
        }
        shown = visible;
        rebuild();
        return true;
    }

    private static String key(NoticeView n) {
        return n.text() + "\n" + n.detail();
    }

    private void rebuild() {
        removeAll();
        int row = 0;
        for (NoticeView n : shown) {
            ToneLabel text = new ToneLabel("notice:" + n.id(), BudmonTheme.FONT_SMALL, n.tone());
            text.show((n.tone() == dev.budmon.ui.theme.Tone.WARN ? "\u26a0 " : "\u2139 ") + n.text());
            Tips.set(text, n.detail());
            JButton details = linkButton("notice:" + n.id() + ".details", n.detailsLabel());
            Tips.set(details, n.detail());
            details.addActionListener(e -> TextDialog.show(SwingUtilities.getWindowAncestor(this), n.text(),
                    n.detail(), n.closeLabel(), null));
            JButton hide = linkButton("notice:" + n.id() + ".hide", "\u00d7");
            Tips.set(hide, n.dismissLabel());
            hide.getAccessibleContext().setAccessibleName(n.dismissLabel());
            hide.addActionListener(e -> {
                hidden.put(n.id(), key(n));
                if (show(all)) {
                    revalidate();
                    repaint();
                    java.awt.Window w = SwingUtilities.getWindowAncestor(this);
                    if (w instanceof DashboardFrame f) {
                        f.fitToContent();
                    }
                }
            });
            add(text, Cell.at(0, row).grow().gap(row == 0 ? 6 : 2, 0, 0, 6));
            add(details, Cell.at(1, row).gap(row == 0 ? 6 : 2, 0, 0, 4));
            add(hide, Cell.at(2, row).gap(row == 0 ? 6 : 2, 0, 0, 0));
            row++;
        }
        setVisible(!shown.isEmpty());
        revalidate();
        repaint();
    }

    /** A small, flat button that looks like a link in the small font. */
    private static JButton linkButton(String name, String text) {
        JButton b = new JButton(text);
        b.setName(name);
        b.putClientProperty("JButton.buttonType", "borderless");
        b.setFont(BudmonTheme.font(BudmonTheme.FONT_SMALL));
        b.setMargin(new java.awt.Insets(0, 4, 0, 4));
        b.setForeground(BudmonTheme.color(BudmonTheme.ACCENT));
        return b;
    }

}

package dev.budmon.ui;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.ui.theme.BudmonTheme;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.ScrollPaneConstants;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.datatransfer.StringSelection;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;

/**
 * A read-only text in a dialog that fits the screen: the text wraps at a readable width (a long path or
 * setup's output never makes the dialog wider than the screen), scrolls when it is long, and the buttons stay
 * on the screen. Escape closes it, the Close button has the focus. EDT only.
 */
final class TextDialog {

    /** Wrapping width in characters of the dialog font. */
    static final int COLUMNS = 72;
    /** Rows shown before the text scrolls. */
    static final int MAX_ROWS = 24;

    private TextDialog() {
    }

    /**
     * Shows {@code text}.
     *
     * @param copyLabel the text of a button that copies the whole text to the clipboard; {@code null} for none
     * @return the dialog, shown
     */
    static JDialog show(Window owner, String title, String text, String closeLabel, String copyLabel) {
        JTextArea area = new JTextArea(text);
        area.setName("dialog:text");
        area.setEditable(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setFont(BudmonTheme.font(BudmonTheme.FONT));
        area.setBorder(BorderFactory.createEmptyBorder(UIScale.scale(8), UIScale.scale(10), UIScale.scale(8),
                UIScale.scale(10)));
        area.setColumns(COLUMNS);
        // the wrapped height at the width of COLUMNS, at most MAX_ROWS lines; beyond that it scrolls
        int width = area.getPreferredSize().width;
        area.setSize(width, Short.MAX_VALUE);
        Insets in = area.getInsets();
        int maxHeight = MAX_ROWS * area.getFontMetrics(area.getFont()).getHeight() + in.top + in.bottom;
        int height = Math.min(area.getPreferredSize().height, maxHeight);
        JScrollPane scroll = new JScrollPane(area, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setBorder(null);
        scroll.getViewport().setPreferredSize(new Dimension(width, height));
        JButton copy = null;
        if (copyLabel != null) {
            copy = new JButton(copyLabel);
            copy.setName("dialog:copy");
            copy.addActionListener(e -> Toolkit.getDefaultToolkit().getSystemClipboard()
                    .setContents(new StringSelection(text), null));
        }
        JDialog d = dialog(owner, title, scroll, closeLabel, copy);
        d.pack();
        fitToScreen(d, owner);
        d.setVisible(true);
        return d;
    }

    /**
     * A modeless dialog with the content, a Close button (focused, the default button) after any
     * {@code extra} button, and Escape bound to closing it. EDT only.
     */
    static JDialog dialog(Window owner, String title, JComponent content, String closeLabel, JButton extra) {
        JDialog d = new JDialog(owner, title);
        d.setDefaultCloseOperation(JDialog.DISPOSE_ON_CLOSE);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        AbstractAction close = new AbstractAction(closeLabel) {
            @Override
            public void actionPerformed(ActionEvent e) {
                d.dispose();
            }
        };
        if (extra != null) {
            buttons.add(extra);
        }
        JButton closeButton = new JButton(close);
        closeButton.setName("dialog:close");
        buttons.add(closeButton);
        JPanel root = new JPanel(new BorderLayout());
        root.add(content, BorderLayout.CENTER);
        root.add(buttons, BorderLayout.SOUTH);
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "close");
        root.getActionMap().put("close", close);
        d.setContentPane(root);
        d.getRootPane().setDefaultButton(closeButton);
        // Escape works only in the focused window: give the new dialog the focus, on its Close button
        d.addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                d.toFront();
                closeButton.requestFocusInWindow();
            }
        });
        return d;
    }

    /**
     * Shrinks the packed dialog to the usable area of its screen (without panels and docks) and places it
     * over its owner, wholly on that screen.
     */
    static void fitToScreen(Window d, Window owner) {
        GraphicsConfiguration gc = (owner != null ? owner : d).getGraphicsConfiguration();
        Rectangle screen = gc.getBounds();
        Insets insets = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        Rectangle usable = new Rectangle(screen.x + insets.left, screen.y + insets.top,
                screen.width - insets.left - insets.right, screen.height - insets.top - insets.bottom);
        Dimension size = d.getSize();
        d.setSize(Math.min(size.width, usable.width), Math.min(size.height, usable.height));
        d.setLocationRelativeTo(owner);
        Rectangle b = d.getBounds();
        int x = Math.max(usable.x, Math.min(b.x, usable.x + usable.width - b.width));
        int y = Math.max(usable.y, Math.min(b.y, usable.y + usable.height - b.height));
        d.setLocation(x, y);
    }
}

package dev.budmon.ui;

import dev.budmon.Version;
import dev.budmon.help.HelpPages;
import dev.budmon.help.HelpStyle;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.model.ApiResponse;
import dev.budmon.source.transcript.TranscriptStore;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.UsageLimitsFile;
import dev.budmon.threads.ThreadCheck;
import dev.budmon.ui.theme.BudmonTheme;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.event.HyperlinkEvent;
import java.awt.BorderLayout;
import java.awt.Desktop;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The dashboard's dialogs and desktop hand-offs. Everything that touches files or starts processes runs on
 * the I/O executor; dialogs are built on the EDT. Escape closes every dialog.
 */
final class AppDialogs {

    private final ClaudeDirs dirs;
    private final ExecutorService io;
    private final SetupRunner setup;

    AppDialogs(ClaudeDirs dirs, ExecutorService io, SetupRunner setup) {
        this.dirs = dirs;
        this.io = io;
        this.setup = setup;
    }

    /**
     * Whether any data source is there at all: a quota file or a transcript folder. I/O; not on the EDT.
     */
    boolean anySourceExists() {
        ThreadCheck.notOnEdt("looking for the Claude directories' files");
        for (Path d : dirs.dirs()) {
            if (Files.exists(d.resolve(UsageLimitsFile.FILE_NAME)) || Files.isDirectory(d.resolve("projects"))) {
                return true;
            }
        }
        return false;
    }

    /** First run without any data: explain, and offer to install the interceptor now. EDT only. */
    void offerSetup(Window owner, Messages m) {
        String[] options = {m.get("dialog.first_run.install"), m.get("dialog.first_run.later")};
        int choice = JOptionPane.showOptionDialog(owner, m.get("dialog.first_run.message"),
                m.get("dialog.first_run.title"), JOptionPane.DEFAULT_OPTION, JOptionPane.INFORMATION_MESSAGE, null,
                options, options[0]);
        if (choice != 0) {
            return;
        }
        Path override = dirs.primary();
        io.execute(() -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
            int code;
            try {
                code = setup.setup(override, out);
            } catch (RuntimeException e) {
                out.println(e);
                code = 1;
            }
            String text = buffer.toString(StandardCharsets.UTF_8)
                    + System.lineSeparator() + (code == 0 ? m.get("dialog.setup.done")
                    : m.get("dialog.setup.failed", "exit " + code));
            SwingUtilities.invokeLater(() -> showText(owner, m.get("dialog.setup.title"), text, m));
        });
    }

    /** Opens a file or folder with the desktop's default application, off the EDT. */
    void openInDesktop(Window owner, Messages m, Path target) {
        io.execute(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(target.toFile());
                } else {
                    // Many Linux desktops lack the GNOME libraries AWT's Desktop needs; xdg-open is universal.
                    new ProcessBuilder(List.of("xdg-open", target.toString())).inheritIO().start();
                }
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> showError(owner, m, m.get("dialog.open_failed", target,
                        e.getMessage() == null ? e.toString() : e.getMessage())));
            }
        });
    }

    /**
     * Logs › Session log / History log: the per-turn figures, read afresh on the I/O thread (the watcher's
     * store keeps totals, not every turn), shown in a sortable table. EDT only.
     *
     * @param session the active session's id for its log; {@code null} for all sessions
     */
    void showTurnLog(Window owner, Messages m, BudmonConfig config, PriceTable prices, String session, ZoneId zone) {
        String title = m.get(session == null ? "table.history_title" : "table.session_title");
        io.execute(() -> {
            TranscriptStore store = new TranscriptStore();
            store.refresh(dirs.dirs());
            List<ApiResponse> rows = store.responses(session);
            SwingUtilities.invokeLater(() -> TurnLogWindow.show(owner, title, rows, new Pricing(prices, config), m, zone));
        });
    }

    /** Help › User Guide: {@code help/help_<lang>.md} rendered inside BudMon. EDT only. */
    void showUserGuide(Window owner, Messages m) {
        String language = m.language();
        io.execute(() -> {
            String html = HelpPages.html(language);
            SwingUtilities.invokeLater(() -> {
                JEditorPane pane = new JEditorPane();
                pane.setEditable(false);
                int fontSize = BudmonTheme.font(BudmonTheme.FONT).getSize();
                pane.setEditorKit(HelpStyle.kit(fontSize));
                pane.setBackground(BudmonTheme.color(BudmonTheme.BACKGROUND));
                pane.setText(html);
                pane.setCaretPosition(0);
                pane.addHyperlinkListener(e -> {
                    if (e.getEventType() != HyperlinkEvent.EventType.ACTIVATED) {
                        return;
                    }
                    String ref = e.getDescription();
                    if (ref != null && ref.startsWith("#")) {
                        pane.scrollToReference(ref.substring(1));
                    } else if (e.getURL() != null) {
                        openUri(owner, m, e.getURL().toString());
                    }
                });
                JScrollPane scroll = new JScrollPane(pane);
                scroll.setBorder(null);
                JDialog d = dialog(owner, m.get("menu.user_guide"), scroll, m);
                d.setSize(fontSize * 58, fontSize * 50);
                d.setLocationRelativeTo(owner);
                d.setVisible(true);
            });
        });
    }

    private void openUri(Window owner, Messages m, String uri) {
        io.execute(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(java.net.URI.create(uri));
                } else {
                    new ProcessBuilder(List.of("xdg-open", uri)).inheritIO().start();
                }
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> showError(owner, m, m.get("dialog.open_failed", uri, e.getMessage())));
            }
        });
    }

    /** An error message. EDT only. */
    void showError(Window owner, Messages m, String message) {
        JOptionPane.showMessageDialog(owner, message, m.get("app.name"), JOptionPane.ERROR_MESSAGE);
    }

    /** Version, license, homepage and runtime. EDT only. */
    void showAbout(Window owner, Messages m) {
        String text = String.join(System.lineSeparator(),
                m.get("app.name") + " — " + m.get("about.description"),
                "",
                m.get("about.version", Version.get()),
                m.get("about.license", "GPL-3.0-or-later"),
                m.get("about.homepage", "https://github.com/budmon/budmon-java"),
                m.get("about.runtime", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                                + System.getProperty("os.arch")));
        showText(owner, m.get("about.title"), text, m);
    }

    /** A read-only text in a dialog with a Close button. EDT only. */
    void showText(Window owner, String title, String text, Messages m) {
        JTextArea area = new JTextArea(text);
        area.setEditable(false);
        area.setFont(BudmonTheme.font(BudmonTheme.FONT));
        area.setBorder(BorderFactory.createEmptyBorder(8, 10, 8, 10));
        JScrollPane scroll = new JScrollPane(area);
        scroll.setBorder(null);
        JDialog d = dialog(owner, title, scroll, m);
        d.pack();
        d.setSize(Math.min(d.getWidth() + 20, 720), Math.min(d.getHeight() + 10, 520));
        d.setLocationRelativeTo(owner);
        d.setVisible(true);
    }

    /** A modeless dialog with the content, a Close button, and Escape bound to closing it. EDT only. */
    static JDialog dialog(Window owner, String title, JComponent content, Messages m) {
        JDialog d = new JDialog(owner, title);
        d.setDefaultCloseOperation(JDialog.DISPOSE_ON_CLOSE);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        AbstractAction close = new AbstractAction(m.get("dialog.close")) {
            @Override
            public void actionPerformed(ActionEvent e) {
                d.dispose();
            }
        };
        buttons.add(new JButton(close));
        JPanel root = new JPanel(new BorderLayout());
        root.add(content, BorderLayout.CENTER);
        root.add(buttons, BorderLayout.SOUTH);
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "close");
        root.getActionMap().put("close", close);
        d.setContentPane(root);
        return d;
    }

    /** Placeholder text for an empty list. */
    static JLabel emptyLabel(String text) {
        JLabel l = new JLabel(text, JLabel.CENTER);
        l.setBorder(BorderFactory.createEmptyBorder(24, 24, 24, 24));
        return l;
    }
}

package dev.budmon.ui;

import dev.budmon.help.HelpPages;
import dev.budmon.help.HelpStyle;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.history.HistoryReader;
import dev.budmon.history.QuotaHistory;
import dev.budmon.model.ApiResponse;
import dev.budmon.quotacost.JoinedQuota;
import dev.budmon.quotacost.QuotaJoin;
import dev.budmon.source.transcript.TranscriptStore;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.UsageLimitsFile;
import dev.budmon.threads.ThreadCheck;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.view.HistoryChartBuilder;
import dev.budmon.ui.view.HistoryChartView;
import dev.budmon.ui.view.HistoryRange;

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
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.event.HyperlinkEvent;
import java.awt.BorderLayout;
import java.awt.Window;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The dashboard's dialogs and desktop hand-offs. Everything that touches files or starts processes runs on
 * the I/O executor; dialogs are built on the EDT. Escape closes every dialog.
 */
final class AppDialogs {

    private final ClaudeDirs dirs;
    private final ExecutorService io;
    private final SetupRunner setup;
    private final DesktopOpener opener;

    AppDialogs(ClaudeDirs dirs, ExecutorService io, SetupRunner setup) {
        this(dirs, io, setup, DesktopOpener.system());
    }

    /** @param opener how files and addresses are handed to the desktop (tests give one of their own) */
    AppDialogs(ClaudeDirs dirs, ExecutorService io, SetupRunner setup, DesktopOpener opener) {
        this.dirs = dirs;
        this.io = io;
        this.setup = setup;
        this.opener = opener;
    }

    /**
     * Nothing records the quota: say in one dialog what setup does and what the alternative is, and offer to
     * install the interceptor now. Without a Claude directory (Claude Code has not run here yet) the dialog
     * says that too, calmly: setup creates it. EDT only.
     *
     * @param claudeDirExists whether the Claude directory exists
     */
    void offerSetup(Window owner, Messages m, boolean claudeDirExists) {
        String[] options = {m.get("dialog.first_run.install"), m.get("dialog.first_run.later")};
        String message = m.get(claudeDirExists ? "dialog.first_run.message" : "dialog.first_run.no_claude_dir",
                dirs.primary());
        int choice = JOptionPane.showOptionDialog(owner, wrapped(message),
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

    /**
     * Opens a file or folder with the desktop's default application, off the EDT; when the desktop has none,
     * shows the path for the user to copy ({@link #showOpenManually}).
     */
    void openInDesktop(Window owner, Messages m, Path target) {
        io.execute(() -> {
            if (!opener.open(target.toFile())) {
                SwingUtilities.invokeLater(() -> showOpenManually(owner, m, target.toString()));
            }
        });
    }

    /**
     * What is left when no program opens a file, folder or address: the target in a selectable field with a
     * Copy button, and one sentence saying why. EDT only.
     */
    JDialog showOpenManually(Window owner, Messages m, String target) {
        JTextArea why = new JTextArea(m.get("dialog.open_manually.message", target));
        why.setEditable(false);
        why.setFocusable(false);
        why.setOpaque(false);
        why.setLineWrap(true);
        why.setWrapStyleWord(true);
        why.setColumns(TextDialog.COLUMNS - 20);
        why.setFont(BudmonTheme.font(BudmonTheme.FONT));
        // wrapped at its width before the dialog is packed, so that its height is that of the wrapped lines
        why.setSize(why.getPreferredSize().width, Short.MAX_VALUE);
        why.setSize(why.getPreferredSize());
        JTextField path = new JTextField(target);
        path.setName("dialog:path");
        path.setEditable(false);
        path.setFont(BudmonTheme.font(BudmonTheme.FONT));
        path.selectAll();
        JLabel copied = new JLabel(" ");
        copied.setName("dialog:copied");
        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(12, 14, 4, 14));
        content.add(why, BorderLayout.NORTH);
        content.add(path, BorderLayout.CENTER);
        content.add(copied, BorderLayout.SOUTH);
        JButton copy = new JButton(m.get("dialog.copy"));
        copy.setName("dialog:copy");
        copy.addActionListener(e -> {
            java.awt.Toolkit.getDefaultToolkit().getSystemClipboard()
                    .setContents(new java.awt.datatransfer.StringSelection(target), null);
            copied.setText(m.get("dialog.copied"));
        });
        JDialog d = TextDialog.dialog(owner, m.get("dialog.open_manually.title"), content, m.get("dialog.close"), copy);
        d.setName("open-manually");
        d.pack();
        TextDialog.fitToScreen(d, owner);
        d.setVisible(true);
        return d;
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
            Pricing pricing = new Pricing(prices, config);
            JoinedQuota quota = shares(rows, store, pricing);
            SwingUtilities.invokeLater(() -> TurnLogWindow.show(owner, title, rows, pricing, m, zone, quota));
        });
    }

    /**
     * The quota history of the rows' span joined to all requests of the transcripts (a session's log too: the
     * growth between two observations is split among every session's requests), for each row's share of quota;
     * {@code null} without rows. On the I/O thread.
     */
    private JoinedQuota shares(List<ApiResponse> rows, TranscriptStore store, Pricing pricing) {
        Instant first = null;
        Instant last = null;
        for (ApiResponse r : rows) {
            if (r.time() != null) {
                first = first == null || r.time().isBefore(first) ? r.time() : first;
                last = last == null || r.time().isAfter(last) ? r.time() : last;
            }
        }
        if (first == null) {
            return null;
        }
        // a week before the first row: the observation before it, and the start of its weekly period
        Instant from = first.minus(Duration.ofDays(7));
        Instant to = last.plus(Duration.ofDays(1));
        QuotaHistory history = HistoryReader.read(dirs.dirs(), from, to).history();
        return QuotaJoin.join(history, store.responses(null, from), pricing, from, to);
    }

    /**
     * Logs › Quota history: reads the history of the last 30 days (and a week before, for the figure each range
     * starts with) and the transcripts on the I/O thread, builds the three ranges there, shows them. EDT only.
     */
    void showQuotaHistory(Window owner, Messages m, BudmonConfig config, PriceTable prices, ZoneId zone, Instant now) {
        io.execute(() -> {
            Instant from = now.minus(HistoryRange.MONTH.span());
            QuotaHistory history = HistoryReader.read(dirs.dirs(), from.minus(Duration.ofDays(7)), null).history();
            TranscriptStore store = new TranscriptStore();
            store.refresh(dirs.dirs());
            List<ApiResponse> responses = store.responses(null, from);
            Pricing pricing = new Pricing(prices, config);
            Map<HistoryRange, HistoryChartView> views = new EnumMap<>(HistoryRange.class);
            for (HistoryRange r : HistoryRange.values()) {
                views.put(r, HistoryChartBuilder.build(r, history, responses, pricing, config.thresholds(), now, m,
                        zone));
            }
            SwingUtilities.invokeLater(() -> QuotaHistoryWindow.show(owner, views, m));
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

    /** Opens a web address in the browser, off the EDT; without one, shows it for the user to copy. */
    void openUri(Window owner, Messages m, String uri) {
        io.execute(() -> {
            boolean opened;
            try {
                opened = opener.browse(java.net.URI.create(uri));
            } catch (IllegalArgumentException e) {
                opened = false;
            }
            if (!opened) {
                SwingUtilities.invokeLater(() -> showOpenManually(owner, m, uri));
            }
        });
    }

    /**
     * A message for an option pane that wraps at a readable width: JOptionPane makes a dialog as wide as its
     * longest line otherwise.
     */
    private static JTextArea wrapped(String message) {
        JTextArea area = new JTextArea(message);
        area.setEditable(false);
        area.setFocusable(false);
        area.setOpaque(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setColumns(TextDialog.COLUMNS - 12);
        area.setFont(BudmonTheme.font(BudmonTheme.FONT));
        area.setSize(area.getPreferredSize().width, Short.MAX_VALUE);
        area.setSize(area.getPreferredSize());
        return area;
    }

    /** A note, e.g. that a setting holds only until BudMon closes. EDT only. */
    void showInfo(Window owner, Messages m, String message) {
        JOptionPane.showMessageDialog(owner, wrapped(message), m.get("app.name"), JOptionPane.INFORMATION_MESSAGE);
    }

    /** An error message. EDT only. */
    void showError(Window owner, Messages m, String message) {
        JOptionPane.showMessageDialog(owner, wrapped(message), m.get("app.name"), JOptionPane.ERROR_MESSAGE);
    }

    /** Help › About. EDT only. */
    JDialog showAbout(Window owner, Messages m) {
        return AboutDialog.show(owner, m, uri -> openUri(owner, m, uri));
    }

    /** A read-only text that wraps and scrolls in a dialog that fits the screen, with Close and Copy. EDT only. */
    JDialog showText(Window owner, String title, String text, Messages m) {
        return TextDialog.show(owner, title, text, m.get("dialog.close"), m.get("dialog.copy"));
    }

    /** A modeless dialog with the content, a focused Close button, and Escape bound to closing it. EDT only. */
    static JDialog dialog(Window owner, String title, JComponent content, Messages m) {
        return TextDialog.dialog(owner, title, content, m.get("dialog.close"), null);
    }

    /** Placeholder text for an empty list. */
    static JLabel emptyLabel(String text) {
        JLabel l = new JLabel(text, JLabel.CENTER);
        l.setBorder(BorderFactory.createEmptyBorder(24, 24, 24, 24));
        return l;
    }
}

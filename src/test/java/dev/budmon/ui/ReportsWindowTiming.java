package dev.budmon.ui;

import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.HistoryIndex;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.startup.WindowStartup;

import javax.swing.JDialog;
import javax.swing.JMenuItem;
import javax.swing.JTable;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.budmon.ui.DashboardPanelTest.find;
import static dev.budmon.ui.DashboardPanelTest.onEdt;

/**
 * How long Logs › Reports… takes on a long history, for BENCHMARKS.md: the real window on the Claude
 * directories given (with the index in the cache folder given, as {@code budmon} has it), then the Reports
 * window opened and closed {@code runs} times, each from the menu click to the daily table shown with its
 * rows (the history read through the index and every report built on the I/O thread). Run on a display:
 * {@code java -cp target/test-classes:target/classes:target/budmon.jar dev.budmon.ui.ReportsWindowTiming
 * CACHE_DIR RUNS CLAUDE_DIR...}.
 */
public final class ReportsWindowTiming {

    private ReportsWindowTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        List<Path> dirs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            dirs.add(Path.of(args[i]));
        }
        HistoryIndex index = new HistoryIndex(cache, dirs);
        System.out.println("index before the start: " + (Files.exists(index.file()) ? Files.size(index.file()) + " bytes"
                : "none"));
        DashboardApp app = WindowStartup.start(new ClaudeDirs(dirs), TranscriptFeed.indexed(index,
                Duration.ofMinutes(5)), index, (dir, out) -> 1, Clock.systemDefaultZone());
        while (!Files.exists(index.file())) {
            Thread.sleep(20);
        }
        Thread.sleep(3000); // the window's own first read and save are done
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            onEdt(() -> {
                ((JMenuItem) find(app.frame().getJMenuBar(), "menu:logs.reports")).doClick(0);
                return null;
            });
            JDialog d = null;
            int rows = 0;
            while (rows == 0) {
                Thread.sleep(2);
                JDialog[] found = {null};
                int[] n = {0};
                onEdt(() -> {
                    for (Window w : Window.getWindows()) {
                        if (w instanceof JDialog dialog && dialog.isShowing() && ReportsWindow.NAME.equals(dialog.getName())) {
                            found[0] = dialog;
                            JTable t = (JTable) find(dialog.getContentPane(), "reports:table:daily");
                            n[0] = t == null || !t.isShowing() ? 0 : t.getRowCount();
                        }
                    }
                    return null;
                });
                d = found[0];
                rows = n[0];
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("open " + (i + 1) + ": " + ms + " ms to the daily table (" + rows + " rows)");
            JDialog shown = d;
            if (i == runs - 1) {
                // the last one as it looks, for the eye: target/reports-history-<kind>.png
                for (dev.budmon.report.ReportKind kind : dev.budmon.report.ReportKind.values()) {
                    String tab = kind.word();
                    onEdt(() -> {
                        ((javax.swing.JTabbedPane) find(shown.getContentPane(), "reports:tabs"))
                                .setSelectedIndex(kind.ordinal());
                        return null;
                    });
                    Thread.sleep(500);
                    java.awt.Rectangle bounds = onEdt(shown::getBounds);
                    javax.imageio.ImageIO.write(new java.awt.Robot().createScreenCapture(bounds), "png",
                            Path.of("target", "reports-history-" + tab + ".png").toFile());
                }
            }
            onEdt(() -> {
                shown.dispose();
                return null;
            });
            Thread.sleep(500);
        }
        app.closeAndWait();
        System.exit(0);
    }
}

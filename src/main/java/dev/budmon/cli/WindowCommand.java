package dev.budmon.cli;

import dev.budmon.demo.DemoWriter;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.DashboardApp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The commands that open the window. Kept apart from {@link Main} so that the other commands never load a
 * Swing class, not even through the verifier.
 */
final class WindowCommand {

    private WindowCommand() {
    }

    /** {@code budmon}: the dashboard on the user's Claude directories. */
    static int window(ClaudeDirs dirs) {
        return DashboardApp.run(dirs, new TranscriptFeed());
    }

    /**
     * {@code budmon --demo}: the real window, watcher and readers on a temporary Claude directory that a
     * background writer keeps changing; the directory is deleted afterwards.
     */
    static int demo(PrintStream err) {
        try (DemoWriter demo = new DemoWriter()) {
            Path dir = demo.start();
            err.println("budmon: demo data in " + dir);
            return DashboardApp.run(new ClaudeDirs(List.of(dir)), new TranscriptFeed());
        } catch (IOException e) {
            err.println("budmon: cannot create the demo directory: " + e.getMessage());
            return 1;
        }
    }
}

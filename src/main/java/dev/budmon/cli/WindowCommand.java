package dev.budmon.cli;

import dev.budmon.demo.DemoWriter;
import dev.budmon.setup.SetupCommand;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.HistoryIndex;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.SetupRunner;
import dev.budmon.ui.startup.WindowStartup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The commands that open the window. Kept apart from {@link Main} so that the other commands never load a
 * Swing class, not even through the verifier.
 */
final class WindowCommand {

    private WindowCommand() {
    }

    /** The first-run dialog's Install button: {@code budmon --setup} for the Claude directory shown. */
    private static final SetupRunner SETUP = (claudeDir, out) -> SetupCommand.setup(claudeDir, false, out, out);

    /**
     * How often a window that keeps reading new responses saves the transcript index: often enough that the
     * next start reads little, seldom enough that a window open all day does not rewrite it per response.
     */
    private static final Duration INDEX_SAVE_EVERY = Duration.ofMinutes(5);

    /**
     * {@code budmon}: the dashboard on the user's Claude directories.
     *
     * @param cacheDir where the transcript history's index lives, shared with {@code budmon report}
     */
    static int window(ClaudeDirs dirs, Path cacheDir) {
        HistoryIndex index = new HistoryIndex(cacheDir, dirs.dirs());
        return WindowStartup.run(dirs, TranscriptFeed.indexed(index, INDEX_SAVE_EVERY), index, SETUP);
    }

    /**
     * {@code budmon --demo}: the real window, watcher and readers on a temporary Claude directory that a
     * background writer keeps changing; the directory is deleted afterwards.
     */
    static int demo(PrintStream err) {
        try (DemoWriter demo = new DemoWriter()) {
            Path dir = demo.start();
            err.println("budmon: demo data in " + dir);
            return WindowStartup.run(new ClaudeDirs(List.of(dir)), new TranscriptFeed(), SETUP);
        } catch (IOException e) {
            err.println("budmon: cannot create the demo directory: " + e.getMessage());
            return 1;
        }
    }
}

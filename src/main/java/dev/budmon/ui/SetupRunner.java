package dev.budmon.ui;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What the first-run dialog's Install button runs: {@code budmon --setup} for a Claude directory, handed
 * in by the command line so that the window does not depend on the setup package. Runs on the I/O thread.
 */
@FunctionalInterface
public interface SetupRunner {

    /**
     * Sets BudMon up for {@code claudeDir}, writing what it did to {@code out}.
     *
     * @return the exit code of {@code budmon --setup}: 0 done, 1 failed
     */
    int setup(Path claudeDir, PrintStream out);
}

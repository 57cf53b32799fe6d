/**
 * {@code budmon --setup} and {@code budmon --uninstall}: installing BudMon's interceptor into the Claude
 * directory, the {@code claude-budmon} and {@code budmon} launchers, the desktop entry with its icons and the
 * alias lines in the shell start-up files, and removing exactly those again.
 *
 * <p>Everything is computed from a {@link dev.budmon.setup.SetupContext} (home, Claude directory, PATH, OS,
 * the files to install) that {@link dev.budmon.setup.SetupCommand} builds from the real environment, so the
 * tests run against a temporary home. File contents are produced by pure functions; writing happens in one
 * {@link dev.budmon.setup.FileTransaction} that is undone as a whole when one write fails.
 */
package dev.budmon.setup;

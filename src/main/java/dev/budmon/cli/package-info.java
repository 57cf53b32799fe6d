/**
 * The entry point and the commands that need no window: {@link dev.budmon.cli.Main} decides the command
 * before anything else loads, {@code --json} ({@link dev.budmon.cli.JsonCommand}), {@code report}
 * ({@link dev.budmon.cli.ReportCommand}), and the hand-over to the
 * window ({@link dev.budmon.cli.WindowCommand}), the status line and setup.
 *
 * <p>An edge: may depend on every other package; nothing depends on it. Runs on the main thread.
 */
package dev.budmon.cli;

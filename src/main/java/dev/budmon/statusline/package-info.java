/**
 * {@code budmon --statusline}: the compact line Claude Code shows in its status bar, the status-line payload
 * as a data source for the window ({@link dev.budmon.statusline.PayloadLimitsStore}, BudMon's own
 * {@code budmon/statusline.json}), and {@code --statusline on|off} in Claude Code's {@code settings.json}
 * ({@link dev.budmon.statusline.ClaudeSettings}).
 *
 * <p>Claude Code runs the command after every message, so it starts fast; but it reads every file through
 * the shared core, never a copy of its own: {@code budmon.ini} with config, the quota files with source, the
 * session's transcript with source.transcript ({@link dev.budmon.statusline.SessionFigures}), and formats with
 * format. Where the core was heavy for a short-lived process it was made light (no lambdas, regular
 * expressions or {@code ObjectMapper} on these paths).
 *
 * <p>An edge: depends on the core (model, source, config, calc, format, json, files), never on cli or ui.
 * {@link dev.budmon.statusline.PayloadParser} and {@link dev.budmon.statusline.LineRenderer} are pure; the
 * rest does I/O on the main thread.
 */
package dev.budmon.statusline;

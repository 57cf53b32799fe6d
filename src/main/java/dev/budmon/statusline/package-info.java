/**
 * {@code budmon --statusline}: the compact line Claude Code shows in its status bar, the status-line
 * payload as a data source for the dashboard, and {@code --statusline on|off} in Claude Code's
 * {@code settings.json}.
 *
 * <p>Claude Code runs the status-line command after every message, so this package is built for a fast
 * start: it reads the payload, BudMon's own {@code usage-limits.json} and the session's transcript with
 * Jackson's streaming parser (no data binding and no {@code ObjectMapper} on any status-line path), reads
 * only the two sections of {@code budmon.ini} it needs without ini4j, avoids lambdas, regular expressions
 * and {@code java.time} formatters, and never touches Swing. See {@code BENCHMARKS.md}.
 *
 * <p>Everything that decides what the line says is pure ({@link dev.budmon.statusline.PayloadParser},
 * {@link dev.budmon.statusline.LineRenderer}, {@link dev.budmon.statusline.CompactFormat},
 * {@link dev.budmon.statusline.StatuslineIni}, {@code IsoTime}); the I/O sits in
 * {@link dev.budmon.statusline.StatuslineCommand}, {@link dev.budmon.statusline.StdinPayload},
 * {@link dev.budmon.statusline.PayloadLimitsStore}, {@code UsageLimitsQuota},
 * {@link dev.budmon.statusline.SessionTranscript} and {@link dev.budmon.statusline.ClaudeSettings}.
 */
package dev.budmon.statusline;

/**
 * The readers of BudMon's data sources and their merge into one {@link dev.budmon.model.UsageState}:
 * {@code usage-limits.json} and the status line's own file ({@link dev.budmon.source.UsageLimitsFile},
 * {@link dev.budmon.source.QuotaFiles}), the rate-limit headers ({@link dev.budmon.source.UnifiedHeaders}),
 * the Claude directories ({@link dev.budmon.source.ClaudeDirs}) and the state reader that keeps the last good
 * figures ({@link dev.budmon.source.StateReader}), and the whole history as the Reports window reads it
 * ({@link dev.budmon.source.HistoryReports}). Transcripts are in {@code source.transcript}.
 *
 * <p>Depends on model, json, files, source.transcript, and on calc and report for the history's reports. The
 * readers do file I/O: any thread but the EDT; a {@code StateReader} is confined to one thread. Parsing and merging are pure.
 */
package dev.budmon.source;

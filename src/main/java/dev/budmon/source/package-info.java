/**
 * The readers of BudMon's data sources and their merge into one {@link dev.budmon.model.UsageState}:
 * {@code usage-limits.json} and the status line's own file ({@link dev.budmon.source.UsageLimitsFile},
 * {@link dev.budmon.source.QuotaFiles}), the rate-limit headers ({@link dev.budmon.source.UnifiedHeaders}),
 * the Claude directories ({@link dev.budmon.source.ClaudeDirs}) and the state reader that keeps the last good
 * figures ({@link dev.budmon.source.StateReader}). Transcripts are in {@code source.transcript}.
 *
 * <p>Depends on model, json, files and source.transcript. The readers do file I/O: any thread but the EDT;
 * a {@code StateReader} is confined to one thread. Parsing and merging are pure.
 */
package dev.budmon.source;

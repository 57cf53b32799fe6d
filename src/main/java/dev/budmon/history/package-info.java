/**
 * The quota history (issue 13): every quota observation of the interceptor, the status line and BudMon
 * itself, one line each in {@code <claude dir>/budmon/quota-history/YYYY-MM.jsonl} (format in the README).
 * The record ({@link dev.budmon.history.Observation}), its line ({@link dev.budmon.history.ObservationLine}),
 * the compact store a year of it fits in ({@link dev.budmon.history.QuotaHistory}) and the series of one
 * window ({@link dev.budmon.history.WindowSeries}) and its step-chart columns ({@link dev.budmon.history.Trail},
 * {@link dev.budmon.history.DayTrails}) are pure; the reader of the month files
 * ({@link dev.budmon.history.HistoryReader}), the window's incremental reader
 * ({@link dev.budmon.history.LiveHistory}), the tail reader ({@link dev.budmon.history.HistoryTail}) and the
 * appender ({@link dev.budmon.history.HistoryAppender}) do file I/O, never on the EDT.
 *
 * <p>Depends on model, json and files; the status line, {@code cli} and the quota cost depend on it.
 */
package dev.budmon.history;

/**
 * Figures as text: durations ({@link dev.budmon.format.DurationFormat}), points in time
 * ({@link dev.budmon.format.TimeFormat}), amounts ({@link dev.budmon.format.AmountFormat}) in the user's
 * language, and the status line's compact forms ({@link dev.budmon.format.CompactFormat}).
 *
 * <p>Pure; depends on i18n for words and units. Any thread.
 */
package dev.budmon.format;

/**
 * Cost reports of the whole transcript history: the counted responses grouped by day, week or month (in a
 * time zone), by project (the sessions' working directory), session or model
 * ({@link dev.budmon.report.ReportBuilder}), each row with its models and the totals, and the report as a
 * text table for a terminal ({@link dev.budmon.report.ReportTable}) or as CSV
 * ({@link dev.budmon.report.ReportCsv}).
 *
 * <p>Pure: no file access, no clock reads. Depends on model, calc (prices) and format. Records; any thread.
 */
package dev.budmon.report;

package dev.budmon.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a report covers and how it groups.
 *
 * @param kind      the rows
 * @param zone      the time zone whose calendar days the responses are counted in
 * @param weekStart the first day of a week (of weekly reports; the others ignore it)
 * @param since     the first day counted (in {@code zone}), or {@code null} for no limit
 * @param until     the last day counted, inclusive, or {@code null} for no limit
 */
public record ReportOptions(ReportKind kind, ZoneId zone, DayOfWeek weekStart, LocalDate since, LocalDate until) {

    public ReportOptions {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weekStart, "weekStart");
    }
}

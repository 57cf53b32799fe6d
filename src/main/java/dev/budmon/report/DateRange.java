package dev.budmon.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/**
 * The days a report covers, both ends inclusive, either end open ({@code null}): what {@code --since} and
 * {@code --until} give the command line and the date fields give the Reports window. Pure; any thread.
 *
 * @param since the first day counted, or {@code null} for no limit
 * @param until the last day counted, or {@code null} for no limit
 */
public record DateRange(LocalDate since, LocalDate until) {

    /** Every day. */
    public static final DateRange ALL = new DateRange(null, null);

    /** The ranges offered ready-made, each relative to today. */
    public enum Preset {
        /** Every day. */
        ALL,
        /** Today and the six days before. */
        LAST_7_DAYS,
        /** Today and the 29 days before. */
        LAST_30_DAYS,
        /** The calendar month of today, up to its end. */
        THIS_MONTH,
        /** The calendar month before. */
        LAST_MONTH;

        /** The range this preset means on {@code today}. */
        public DateRange on(LocalDate today) {
            return switch (this) {
                case ALL -> DateRange.ALL;
                case LAST_7_DAYS -> new DateRange(today.minusDays(6), today);
                case LAST_30_DAYS -> new DateRange(today.minusDays(29), today);
                case THIS_MONTH -> new DateRange(today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()));
                case LAST_MONTH -> {
                    LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                    yield new DateRange(first, first.with(TemporalAdjusters.lastDayOfMonth()));
                }
            };
        }
    }

    /** Whether the range holds at least one day: its end is not before its start. */
    public boolean isValid() {
        return since == null || until == null || !until.isBefore(since);
    }

    /**
     * A day as the command line and the date fields take it: {@code 2026-12-05} or {@code 20261205}; blank text
     * is no limit.
     *
     * @return the day, or {@code null} for blank text
     * @throws DateTimeParseException when the text is neither form
     */
    public static LocalDate parseDay(String text) {
        String v = text == null ? "" : text.strip();
        if (v.isEmpty()) {
            return null;
        }
        return v.length() == 8 && v.indexOf('-') < 0
                ? LocalDate.parse(v, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(v);
    }
}

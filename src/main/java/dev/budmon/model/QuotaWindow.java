package dev.budmon.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * One quota window as the {@code anthropic-ratelimit-unified-<name>-*} headers describe it.
 *
 * @param name        the header's window name, e.g. {@code 5h}, {@code 7d}, {@code 7d_sonnet}, {@code overage}
 * @param utilization fraction used, 0..1 and beyond when surpassed; {@code null} when absent or not a number
 * @param reset       when the window starts anew; {@code null} when unknown
 * @param status      {@code allowed}, {@code allowed_warning}, {@code rejected}, or {@code null}
 * @param surpassedThreshold the warning threshold the server says was crossed (fraction); {@code null} when none
 * @param length      the window's length when known from its name; {@code null} for unknown names
 */
public record QuotaWindow(String name, Double utilization, Instant reset, String status,
                          Double surpassedThreshold, Duration length) {

    /** 5h first, then 7d, then the per-model windows by name, overage last. */
    public static final Comparator<QuotaWindow> DISPLAY_ORDER = new DisplayOrder();

    /**
     * A class rather than a lambda: this record is loaded by {@code budmon --statusline}, where every lambda
     * bootstrapped at class initialisation costs start-up time.
     */
    private static final class DisplayOrder implements Comparator<QuotaWindow> {
        @Override
        public int compare(QuotaWindow a, QuotaWindow b) {
            int byRank = Integer.compare(displayRank(a), displayRank(b));
            return byRank != 0 ? byRank : a.name().compareTo(b.name());
        }
    }

    private static int displayRank(QuotaWindow w) {
        return switch (w.name()) {
            case "5h" -> 0;
            case "7d" -> 1;
            case "overage" -> 3;
            default -> 2;
        };
    }

    /** Start of the current window, when both reset and length are known. */
    public Instant start() {
        return reset == null || length == null ? null : reset.minus(length);
    }

    /** Window length implied by a header name, or {@code null} when the name is not one we know. */
    public static Duration lengthOf(String name) {
        if (name == null) {
            return null;
        }
        if (name.equals("5h")) {
            return Duration.ofHours(5);
        }
        if (name.equals("7d") || name.startsWith("7d_")) {
            return Duration.ofHours(168);
        }
        return null;
    }
}

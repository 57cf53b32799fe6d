package dev.budmon.statusline;

import dev.budmon.model.QuotaWindow;

import java.time.Instant;

/**
 * One quota window as Claude Code's status-line payload gives it.
 *
 * @param usedPercent {@code used_percentage}, 0–100 (more when surpassed); {@code null} when absent or not a number
 * @param resetsAt    {@code resets_at}; {@code null} when absent or not a time
 */
public record PayloadWindow(Double usedPercent, Instant resetsAt) {

    /** Whether the payload said anything about this window. */
    public boolean isEmpty() {
        return usedPercent == null && resetsAt == null;
    }

    /** The window in BudMon's model, whose utilization is a fraction (0–1), not a percentage. */
    public QuotaWindow toQuotaWindow(String name) {
        return new QuotaWindow(name, usedPercent == null ? null : usedPercent / 100, resetsAt, null, null,
                QuotaWindow.lengthOf(name));
    }
}

package dev.budmon.config;

/**
 * A setting of the original BudMon 1.x (Python) found in {@code budmon.ini} and read under BudMon's own name,
 * e.g. {@code [thresholds] quota_warn_pct} as {@code quota_warn}. Both programs read the same file, so the
 * original's key stays as it is written; BudMon only says once that it read it.
 *
 * @param section the section, e.g. {@code thresholds}
 * @param oldKey  the original's key, e.g. {@code quota_warn_pct}
 * @param newKey  BudMon's key it was read as, e.g. {@code quota_warn}; empty when the setting was read as
 *                nothing (the original's window position {@code +x+y}, which means no size)
 */
public record LegacyKey(String section, String oldKey, String newKey) {
}

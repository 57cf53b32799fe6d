package dev.budmon.config;

import java.time.Duration;

/**
 * Where figures turn from OK to WARN to ALARM.
 *
 * @param quotaWarnPercent   utilization (percent) from which a quota window warns
 * @param quotaAlarmPercent  utilization (percent) from which it alarms
 * @param cacheWarnRatio     cache-hit ratio at or below which the cache warns
 * @param cacheAlarmRatio    cache-hit ratio at or below which it alarms
 * @param burnSafePerHour    burn rate (percent per hour) below which it is safe
 * @param burnWarnPerHour    burn rate (percent per hour) below which it only warns
 * @param reserveSafe        reserve above which a window is safe; above zero it warns, else alarms
 */
public record Thresholds(double quotaWarnPercent, double quotaAlarmPercent, double cacheWarnRatio,
                         double cacheAlarmRatio, double burnSafePerHour, double burnWarnPerHour,
                         Duration reserveSafe) {

    /** BudMon's defaults. */
    public static final Thresholds DEFAULTS = new Thresholds(75, 90, 0.50, 0.20, 15, 25, Duration.ofHours(1));
}

package dev.budmon.config;

import java.time.Duration;

/**
 * The {@code [alerts]} section: which desktop notifications BudMon gives, and when. The warn and alarm rules
 * use the {@code [thresholds]} {@code quota_warn} and {@code quota_alarm} of the window's colours, so that a
 * notification and the colour it announces always agree.
 *
 * @param enabled        every alert at once; {@code false}: none at all
 * @param quotaWarn      a window reaches {@code quota_warn}
 * @param quotaAlarm     a window reaches {@code quota_alarm}
 * @param hysteresis     percentage points a window without a known reset must fall below a threshold before
 *                       the same alert may come again
 * @param exhaustion     a window will run out before its reset at the current pace
 * @param exhaustionLead how long before the predicted exhaustion that alert comes
 * @param serverStatus   Claude's server reports {@code allowed_warning} or {@code rejected}
 * @param quotaBack      a window that was at or above {@code quota_warn} has reset
 * @param noData         Claude Code works but no quota figures arrive (the interceptor is not loaded)
 * @param noDataAfter    how long Claude Code must work without quota figures before that alert comes
 */
public record AlertSettings(boolean enabled, boolean quotaWarn, boolean quotaAlarm, double hysteresis,
                            boolean exhaustion, Duration exhaustionLead, boolean serverStatus, boolean quotaBack,
                            boolean noData, Duration noDataAfter) {

    /** BudMon's defaults: every alert on, 30 minutes' lead, 10 minutes without quota figures. */
    public static final AlertSettings DEFAULTS = new AlertSettings(true, true, true, 5, true, Duration.ofMinutes(30),
            true, true, true, Duration.ofMinutes(10));
}

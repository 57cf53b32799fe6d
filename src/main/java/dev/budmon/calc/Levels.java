package dev.budmon.calc;

import dev.budmon.config.Thresholds;

import java.time.Duration;

/** Classifies figures against the configured thresholds. Pure; any thread. */
public final class Levels {

    /** The window length the burn-rate thresholds are written for. */
    static final Duration BURN_REFERENCE = Duration.ofHours(5);

    private Levels() {
    }

    /** Utilization in percent: from warn on WARN, from alarm on ALARM. */
    public static Level quota(Double percent, Thresholds t) {
        if (percent == null || percent.isNaN()) {
            return Level.NONE;
        }
        if (percent >= t.quotaAlarmPercent()) {
            return Level.ALARM;
        }
        return percent >= t.quotaWarnPercent() ? Level.WARN : Level.OK;
    }

    /** Cache-hit ratio: at or below warn is WARN, at or below alarm is ALARM. */
    public static Level cache(Double ratio, Thresholds t) {
        if (ratio == null || ratio.isNaN()) {
            return Level.NONE;
        }
        if (ratio <= t.cacheAlarmRatio()) {
            return Level.ALARM;
        }
        return ratio <= t.cacheWarnRatio() ? Level.WARN : Level.OK;
    }

    /**
     * Burn rate in percent per hour. The thresholds are meant for the 5-hour window; a longer window is
     * judged by the same share of its length (15 %/h over 5 h is 75 % of the window, and so is
     * 0.45 %/h over 7 days), otherwise every weekly rate would look harmless.
     *
     * @param windowLength the window's length; {@code null} when unknown (then no level)
     */
    public static Level burn(Double percentPerHour, Duration windowLength, Thresholds t) {
        if (percentPerHour == null || windowLength == null || windowLength.isZero()) {
            return Level.NONE;
        }
        double scale = (double) BURN_REFERENCE.toSeconds() / windowLength.toSeconds();
        if (percentPerHour < t.burnSafePerHour() * scale) {
            return Level.OK;
        }
        return percentPerHour < t.burnWarnPerHour() * scale ? Level.WARN : Level.ALARM;
    }

    /** Reserve (expiry minus reset): above the safe margin OK, above zero WARN, else ALARM. */
    public static Level reserve(Duration reserve, Thresholds t) {
        if (reserve == null) {
            return Level.NONE;
        }
        if (reserve.compareTo(t.reserveSafe()) > 0) {
            return Level.OK;
        }
        return reserve.isNegative() || reserve.isZero() ? Level.ALARM : Level.WARN;
    }

    /** The server's own per-window status: {@code rejected} is an alarm, {@code allowed_warning} a warning. */
    public static Level serverStatus(String status) {
        if (status == null) {
            return Level.NONE;
        }
        return switch (status) {
            case "rejected" -> Level.ALARM;
            case "allowed_warning" -> Level.WARN;
            case "allowed" -> Level.OK;
            default -> Level.NONE;
        };
    }
}

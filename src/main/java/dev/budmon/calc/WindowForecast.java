package dev.budmon.calc;

import dev.budmon.model.QuotaWindow;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything derived about one quota window at one moment.
 *
 * @param window        the window as the headers gave it
 * @param resetPassed   its reset lies in the past: the figures belonged to the previous window, which has
 *                      started anew, so {@code percent} is 0 until new headers arrive
 * @param percent       utilization in percent (may exceed 100); {@code null} when unknown
 * @param untilReset    time left until the reset; {@code null} when the reset is unknown or passed
 * @param burnPerHour   percent per hour since the window started; {@code null} when no rate can be given
 * @param expiry        when the window will be used up at this rate; {@code null} without a rate
 * @param reserve       expiry minus reset: positive means the window resets before it runs out
 * @param quotaLevel    level of {@code percent}
 * @param burnLevel     level of {@code burnPerHour}
 * @param reserveLevel  level of {@code reserve}
 */
public record WindowForecast(QuotaWindow window, boolean resetPassed, Double percent, Duration untilReset,
                             Double burnPerHour, Instant expiry, Duration reserve, Level quotaLevel,
                             Level burnLevel, Level reserveLevel) {

    /** Burn rate per day, the unit shown for windows longer than a day. */
    public Double burnPerDay() {
        return burnPerHour == null ? null : burnPerHour * 24;
    }

    /** Whether the rate is better shown per day than per hour. */
    public boolean burnShownPerDay() {
        return window.length() != null && window.length().compareTo(Duration.ofDays(1)) > 0;
    }

    /** The most severe level of this window. */
    public Level level() {
        return quotaLevel.worst(reserveLevel).worst(resetPassed ? Level.NONE : Levels.serverStatus(window.status()));
    }

    /**
     * Whether the window's limit is reached: 100 % or more used, or the server rejecting requests for it. Until
     * the reset nothing more can be used, so what counts then is when the reset comes. Never for a window whose
     * reset has passed.
     */
    public boolean limitReached() {
        return !resetPassed && ((percent != null && percent >= 100) || "rejected".equals(window.status()));
    }

    /** Whether the window will run out before it resets (then the countdown ring shows the expiry). */
    public boolean expiresBeforeReset() {
        return reserve != null && reserve.isNegative();
    }
}

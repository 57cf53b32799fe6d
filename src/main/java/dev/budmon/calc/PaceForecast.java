package dev.budmon.calc;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast a quota window burns now, from its recent observations, and where that pace leads.
 *
 * @param window       the window's header name
 * @param perHour      percent per hour now; {@code null} when the history has too little of this window's
 *                     current period to say
 * @param expiry       when the window runs out at this pace; {@code null} without a pace or at a pace that
 *                     never empties it
 * @param reserve      expiry minus reset: positive means the window resets before it runs out at this pace
 * @param samples      observations the pace was taken from
 * @param paceLevel    level of {@code perHour}, by the burn-rate thresholds
 * @param reserveLevel level of {@code reserve}
 */
public record PaceForecast(String window, Double perHour, Instant expiry, Duration reserve, int samples,
                           Level paceLevel, Level reserveLevel) {

    /** Percent per day, the unit shown for windows longer than a day. */
    public Double perDay() {
        return perHour == null ? null : perHour * 24;
    }
}

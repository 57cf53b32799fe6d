package dev.budmon.calc;

import dev.budmon.config.Thresholds;
import dev.budmon.model.QuotaWindow;

import java.time.Duration;
import java.time.Instant;

/** Burn rate, expiry and reserve of a quota window. Pure; any thread. */
public final class QuotaForecast {

    /** Below this much elapsed time a rate is mostly noise from the first request. */
    static final Duration MIN_ELAPSED = Duration.ofMinutes(3);
    /** Below this rate (percent per hour) the expiry would lie absurdly far out. */
    static final double MIN_RATE_PER_HOUR = 0.01;

    private QuotaForecast() {
    }

    /**
     * Derives the window's figures at {@code now}.
     *
     * <p>The rate is the percent used divided by the hours since the window started (reset minus window
     * length); expiry is now plus the remaining percent at that rate; reserve is expiry minus reset.
     */
    public static WindowForecast of(QuotaWindow w, Instant now, Thresholds t) {
        Instant reset = w.reset();
        if (reset != null && !reset.isAfter(now)) {
            return new WindowForecast(w, true, 0.0, null, null, null, null,
                    Levels.quota(0.0, t), Level.NONE, Level.NONE);
        }
        Double percent = w.utilization() == null ? null : w.utilization() * 100;
        Duration untilReset = reset == null ? null : Duration.between(now, reset);
        Double rate = null;
        Instant expiry = null;
        Duration reserve = null;
        Instant start = w.start();
        if (percent != null && start != null) {
            Duration elapsed = Duration.between(start, now);
            if (elapsed.compareTo(MIN_ELAPSED) >= 0) {
                double hours = elapsed.toMillis() / 3_600_000.0;
                double r = percent / hours;
                if (r >= MIN_RATE_PER_HOUR) {
                    rate = r;
                    double remaining = Math.max(0, 100 - percent);
                    expiry = now.plusMillis(Math.round(remaining / r * 3_600_000.0));
                    reserve = Duration.between(reset, expiry);
                }
            }
        }
        return new WindowForecast(w, false, percent, untilReset, rate, expiry, reserve,
                Levels.quota(percent, t), Levels.burn(rate, w.length(), t), Levels.reserve(reserve, t));
    }
}

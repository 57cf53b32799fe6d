package dev.budmon.calc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which quota window runs out first, and when: of all windows (5h, 7d, the per-model weekly ones), the one
 * whose expiry comes first while still before its reset. Pure; any thread.
 *
 * @param window   the window's header name
 * @param runsOut  when it runs out (now when it is used up or the server rejects it already)
 * @param basis    {@link #PACE} when the current pace gave the expiry, {@link #AVERAGE} when the window's
 *                 average did (no pace known), {@link #NOW} when the window is out already
 */
public record BindingLimit(String window, Instant runsOut, String basis) {

    public static final String PACE = "pace";
    public static final String AVERAGE = "average";
    public static final String NOW = "now";

    /**
     * The binding window at {@code now}; {@code null} when every window resets before it runs out (or nothing
     * is known).
     *
     * @param paces the pace of each window by name; a window without one is judged by its window average
     */
    public static BindingLimit of(List<WindowForecast> windows, Map<String, PaceForecast> paces, Instant now) {
        BindingLimit first = null;
        for (WindowForecast f : windows) {
            if (f.resetPassed() || f.percent() == null) {
                continue;
            }
            BindingLimit candidate;
            if (f.percent() >= 100 || "rejected".equals(f.window().status())) {
                candidate = new BindingLimit(f.window().name(), now, NOW);
            } else {
                PaceForecast pace = paces.get(f.window().name());
                boolean byPace = pace != null && pace.perHour() != null;
                Instant expiry = byPace ? pace.expiry() : f.expiry();
                Instant reset = f.window().reset();
                if (expiry == null || (reset != null && !expiry.isBefore(reset))) {
                    continue;
                }
                candidate = new BindingLimit(f.window().name(), expiry, byPace ? PACE : AVERAGE);
            }
            if (first == null || candidate.runsOut().isBefore(first.runsOut())) {
                first = candidate;
            }
        }
        return first;
    }
}

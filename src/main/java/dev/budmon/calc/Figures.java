package dev.budmon.calc;

import dev.budmon.model.AccountLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.SessionUsage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every figure BudMon shows, derived from one state at one moment under one config. Immutable.
 *
 * @param now              the moment the figures are for
 * @param status           overall status: WAIT without data, NO_QUOTA with data but no quota figures, else the
 *                         worst level of quota and reserve
 * @param windows          one forecast per quota window, 5h and 7d first
 * @param account          the account-wide header fields; {@link AccountLimits#EMPTY} without headers
 * @param quotaSource      who recorded the quota figures ({@code budmon-interceptor}, {@code statusline}, …);
 *                         {@code null} without them
 * @param quotaCapturedAt  when the quota figures were recorded; {@code null} when unknown
 * @param quotaStale       the quota figures are older than an hour
 * @param lastResponse     the newest response; {@code null} when none
 * @param lastRequest      its tokens and cost; {@code null} when none
 * @param activeSession    the session appended to most recently; {@code null} when none
 * @param session          its tokens and cost; {@code null} when none
 * @param sessionClaudeCostUsd Claude Code's own figure for that session; {@code null} when it wrote none
 * @param windowUsage      tokens and cost inside each quota window with a known reset, by window name
 * @param cache            cache-hit ratios
 * @param unknownModels    model ids priced by family because the price table does not know them
 * @param newestData       time of the newest figure from any source; {@code null} without data
 */
public record Figures(Instant now, OverallStatus status, List<WindowForecast> windows, AccountLimits account,
                      String quotaSource, Instant quotaCapturedAt, boolean quotaStale,
                      ApiResponse lastResponse, PricedUsage lastRequest, SessionUsage activeSession,
                      PricedUsage session, Double sessionClaudeCostUsd, Map<String, PricedUsage> windowUsage,
                      CacheStats cache, Set<String> unknownModels, Instant newestData) {

    public Figures {
        windows = List.copyOf(windows);
        windowUsage = Map.copyOf(windowUsage);
        unknownModels = Set.copyOf(unknownModels);
    }

    /** The forecast of the window with that header name, or {@code null}. */
    public WindowForecast window(String name) {
        for (WindowForecast w : windows) {
            if (w.window().name().equals(name)) {
                return w;
            }
        }
        return null;
    }
}

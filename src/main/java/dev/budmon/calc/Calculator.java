package dev.budmon.calc;

import dev.budmon.config.BudmonConfig;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTotals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Derives every shown figure from (state, now, config). Pure; any thread. */
public final class Calculator {

    /** Quota figures older than this get a visible stale mark. */
    public static final Duration STALE_AFTER = Duration.ofHours(1);

    private Calculator() {
    }

    /** All figures for this state at this moment under this config. */
    public static Figures compute(UsageState state, Instant now, BudmonConfig config, PriceTable prices) {
        Pricing pricing = new Pricing(prices, config);
        List<WindowForecast> forecasts = new ArrayList<>();
        Map<String, PricedUsage> windowUsage = new LinkedHashMap<>();
        Set<String> models = new HashSet<>();
        AccountLimits account = AccountLimits.EMPTY;
        String quotaSource = null;
        Instant capturedAt = null;
        if (state.rateLimits() != null) {
            account = state.rateLimits().account();
            quotaSource = state.rateLimits().source();
            capturedAt = state.rateLimits().capturedAt();
            for (QuotaWindow w : state.rateLimits().windows()) {
                WindowForecast f = QuotaForecast.of(w, now, config.thresholds());
                forecasts.add(f);
                Instant start = w.start();
                if (start != null && !f.resetPassed()) {
                    UsageTotals totals = state.timeline().between(start, w.reset());
                    models.addAll(totals.byModel().keySet());
                    windowUsage.put(w.name(), new PricedUsage(totals.requests(), start, totals.tokens(),
                            pricing.cost(totals.byModel()), totals.byModel()));
                }
            }
        }

        ApiResponse last = state.lastResponse();
        PricedUsage lastRequest = null;
        if (last != null) {
            models.add(last.model());
            lastRequest = new PricedUsage(1, last.time(), last.tokens(), pricing.cost(last.model(), last.tokens()),
                    last.model() == null ? Map.of() : Map.of(last.model(), last.tokens()));
        }
        SessionUsage active = state.activeSession();
        PricedUsage session = null;
        if (active != null) {
            models.addAll(active.byModel().keySet());
            session = new PricedUsage(active.requests(), active.start(), active.tokens(),
                    pricing.cost(active.byModel()), active.byModel());
        }

        return new Figures(now, status(state, forecasts), forecasts, account, quotaSource, capturedAt,
                capturedAt != null && Duration.between(capturedAt, now).compareTo(STALE_AFTER) > 0,
                last, lastRequest, active, session, active == null ? null : active.claudeCostUsd(),
                windowUsage, cache(state.cacheRatios(), config), pricing.unknownModels(models),
                state.newestData());
    }

    /**
     * The figures of {@code previous}, which {@link #compute} made for {@code state} and {@code config},
     * moved on to {@code now}: only what depends on the clock is computed again (each quota window's
     * forecast, the overall status, the stale mark), so that the one-second clock of the window costs little.
     * The result equals {@code compute(state, now, config, prices)}.
     *
     * @return the figures at {@code now}, or {@code null} when a window's reset lies between the two moments:
     *         the usage inside the windows changes with it, so everything has to be computed anew
     */
    public static Figures advance(Figures previous, UsageState state, Instant now, BudmonConfig config) {
        List<WindowForecast> forecasts = new ArrayList<>(previous.windows().size());
        for (WindowForecast old : previous.windows()) {
            WindowForecast f = QuotaForecast.of(old.window(), now, config.thresholds());
            if (f.resetPassed() != old.resetPassed()) {
                return null;
            }
            forecasts.add(f);
        }
        Instant capturedAt = previous.quotaCapturedAt();
        return new Figures(now, status(state, forecasts), forecasts, previous.account(), previous.quotaSource(),
                capturedAt, capturedAt != null && Duration.between(capturedAt, now).compareTo(STALE_AFTER) > 0,
                previous.lastResponse(), previous.lastRequest(), previous.activeSession(), previous.session(),
                previous.sessionClaudeCostUsd(), previous.windowUsage(), previous.cache(), previous.unknownModels(),
                previous.newestData());
    }

    private static OverallStatus status(UsageState state, List<WindowForecast> forecasts) {
        if (!state.hasData()) {
            return OverallStatus.WAIT;
        }
        if (state.rateLimits() == null) {
            // Tokens alone say nothing about the quota: an OK here would be a guess.
            return OverallStatus.NO_QUOTA;
        }
        Level worst = Level.NONE;
        for (WindowForecast f : forecasts) {
            worst = worst.worst(f.level());
        }
        if (state.rateLimits() != null) {
            worst = worst.worst(Levels.serverStatus(state.rateLimits().account().status()));
        }
        return OverallStatus.of(worst);
    }

    private static CacheStats cache(List<Double> ratios, BudmonConfig config) {
        if (ratios.isEmpty()) {
            return new CacheStats(null, null, Level.NONE, List.of());
        }
        double sum = 0;
        for (double r : ratios) {
            sum += r;
        }
        Double current = ratios.get(ratios.size() - 1);
        return new CacheStats(current, sum / ratios.size(), Levels.cache(current, config.thresholds()), ratios);
    }

    /** Tokens of a response as the calculator prices them, for callers that show per-turn tables. */
    public static Cost costOf(ApiResponse r, BudmonConfig config, PriceTable prices) {
        return new Pricing(prices, config).cost(r.model(), r.tokens() == null ? TokenCounts.ZERO : r.tokens());
    }
}

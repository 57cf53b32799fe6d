package dev.budmon.ui;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.calc.WindowForecast;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.LegacyKey;
import dev.budmon.config.ModelChoice;
import dev.budmon.history.DayTrails;
import dev.budmon.history.Observation;
import dev.budmon.history.QuotaHistory;
import dev.budmon.history.WindowReading;
import dev.budmon.i18n.Messages;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.SourceWarning;
import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTimeline;
import dev.budmon.model.UsageTotals;
import dev.budmon.quotacost.DollarsPerPercent;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.ui.view.DashboardView;
import dev.budmon.ui.view.DashboardViewBuilder;
import dev.budmon.ui.view.MenuView;
import dev.budmon.ui.view.MonitorPulse;
import dev.budmon.ui.view.Notices;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dashboard views of the situations a user meets, made by the real builder from real states (as the
 * calculator computes them from Claude Code's figures), in English or German: for the preview, the panel
 * tests and the window tests. The moment is fixed ({@link #NOW}, in UTC), so that texts are known.
 */
final class SampleViews {

    /** Tuesday, 8 December 2026, 12:34:56 UTC. */
    static final Instant NOW = Instant.parse("2026-12-08T12:34:56Z");
    static final ZoneId ZONE = ZoneOffset.UTC;
    private static final Duration FIVE_HOURS = Duration.ofHours(5);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final String OPUS = "claude-opus-4-5-20251101";
    private static final String SONNET = "claude-sonnet-4-5-20250929";

    private SampleViews() {
    }

    /** Which situation to show. */
    enum Scenario {
        /** Data flows: 5h at 76 % (WARN) with 20 minutes to its reset, 7 days, a per-model window, overage. */
        NORMAL,
        /** No data yet. */
        WAIT,
        /** Transcripts but no quota source: what a user sees before setup. */
        NO_QUOTA,
        /** The 5h limit reached (100 %, rejected): blocked until its reset. */
        AT_LIMIT,
        /** ALARM by a per-model weekly window whose reserve is negative while its bar is still green. */
        WEEKLY_ALARM,
        /** The quota figures of NORMAL, two hours old. */
        STALE,
        /** 5h over its limit, the 7d window reset with no request since, a per-model window in alarm. */
        ALARM,
        /** The longest texts the formats make: far dates, long reserves, big figures, every notice. */
        LONGEST
    }

    static DashboardView view(Scenario scenario, int tick, boolean german) {
        Messages m = Messages.of(german ? "de" : "en");
        Instant now = NOW.plusSeconds(tick);
        BudmonConfig config = scenario == Scenario.LONGEST
                ? new BudmonConfig("auto", 2000, ModelChoice.CUSTOM, BudmonConfig.DEFAULT_CUSTOM_PRICES,
                        BudmonConfig.DEFAULTS.thresholds(), BudmonConfig.DEFAULTS.statusline(), null)
                : BudmonConfig.DEFAULTS;
        Figures f = Calculator.compute(state(scenario), now, config, PriceTable.bundled());
        MonitorPulse pulse = scenario == Scenario.LONGEST
                ? new MonitorPulse(987_654, 1_234_567, now.minusSeconds(1))
                : new MonitorPulse(412 + tick, 3_071 + tick, now.minusSeconds(1));
        QuotaHistory observed = observations(f, now);
        return DashboardViewBuilder.build(f, history(scenario, f, observed, config, now),
                observed == null ? null : DayTrails.of(observed, now), config, m, ZONE, pulse,
                scenario == Scenario.LONGEST ? notices(m) : List.of());
    }

    /**
     * Each window observed every five minutes of the last hour, rising by a tenth of its utilization (a steady
     * pace), as the interceptor records them; {@code null} while there is no quota data.
     */
    static QuotaHistory observations(Figures f, Instant now) {
        if (f.windows().isEmpty()) {
            return null;
        }
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i <= 12; i++) {
            Map<String, WindowReading> w = new LinkedHashMap<>();
            for (WindowForecast wf : f.windows()) {
                QuotaWindow q = wf.window();
                if (q.utilization() != null) {
                    w.put(q.name(), new WindowReading(q.utilization() * (0.9 + 0.1 * i / 12), q.reset(), q.status()));
                }
            }
            obs.add(new Observation(now.minus(Duration.ofMinutes(60 - 5L * i)), Observation.INTERCEPTOR, null, null,
                    "allowed", w));
        }
        return QuotaHistory.of(obs);
    }

    /**
     * What the quota history adds: the pace from {@link #observations}, the shares of the last request and the
     * session, and what 1 % is worth (fitted for 5h; in LONGEST the largest figures). None without observations.
     */
    static HistoryFigures history(Scenario scenario, Figures f, QuotaHistory observed, BudmonConfig config,
                                  Instant now) {
        if (observed == null) {
            return null;
        }
        HistoryFigures h = HistoryFigures.compute(f, observed, List.of(), Map.of(),
                new Pricing(PriceTable.bundled(), config), config.thresholds(), now);
        boolean longest = scenario == Scenario.LONGEST;
        Map<String, DollarsPerPercent> worth = new LinkedHashMap<>(h.worth());
        worth.put("5h", longest ? new DollarsPerPercent(1234.56, 999.99, 6, 14, null)
                : new DollarsPerPercent(0.41, 0.05, 6, 14, null));
        Map<String, Double> last = new LinkedHashMap<>();
        last.put("5h", longest ? 99.9 : 0.8);
        last.put("7d", 0.1);
        Map<String, Double> session = new LinkedHashMap<>();
        session.put("5h", longest ? 100.0 : 12.3);
        return new HistoryFigures(h.paces(), h.binding(), h.joined(), h.shares(), worth, last, session);
    }

    /** The menu in a language. */
    static MenuView menu(boolean german) {
        return view(Scenario.WAIT, 0, german).menu();
    }

    private static UsageState state(Scenario s) {
        return switch (s) {
            case WAIT -> UsageState.EMPTY;
            case NO_QUOTA -> withTranscripts(null);
            case NORMAL -> withTranscripts(limits(NOW, "allowed",
                    window("5h", 0.76, NOW.plus(Duration.ofMinutes(20)), "allowed_warning"),
                    window("7d", 0.42, NOW.plus(Duration.ofDays(3).plusHours(19)), "allowed"),
                    window("7d_sonnet", 0.12, NOW.plus(Duration.ofDays(3).plusHours(19)), "allowed"),
                    new QuotaWindow("overage", 0.0, null, "allowed", null, null)));
            case STALE -> {
                Instant then = NOW.minus(Duration.ofHours(2));
                yield withTranscripts(limits(then, "allowed",
                        window("5h", 0.76, NOW.plus(Duration.ofMinutes(20)), "allowed_warning"),
                        window("7d", 0.42, NOW.plus(Duration.ofDays(3).plusHours(19)), "allowed")));
            }
            case AT_LIMIT -> withTranscripts(limits(NOW, "rejected",
                    window("5h", 1.0, NOW.plus(Duration.ofMinutes(65)), "rejected"),
                    window("7d", 0.61, NOW.plus(Duration.ofDays(2).plusHours(3)), "allowed"),
                    window("7d_sonnet", 0.31, NOW.plus(Duration.ofDays(2).plusHours(3)), "allowed")));
            case WEEKLY_ALARM -> withTranscripts(limits(NOW, "allowed",
                    window("5h", 0.22, NOW.plus(Duration.ofHours(3)), "allowed"),
                    window("7d", 0.30, NOW.plus(Duration.ofDays(4)), "allowed"),
                    window("7d_opus", 0.65, NOW.plus(Duration.ofDays(4)), "allowed")));
            case ALARM -> withTranscripts(limits(NOW, "allowed",
                    window("5h", 1.12, NOW.plus(Duration.ofMinutes(65)), "rejected"),
                    window("7d", 0.93, NOW.minus(Duration.ofMinutes(94)), "allowed"),
                    window("7d_opus", 0.93, NOW.plus(Duration.ofDays(3).plusHours(5)), "allowed_warning")));
            case LONGEST -> {
                Instant then = NOW.minus(Duration.ofMinutes(59));
                // a week that began an hour ago: 0.01 % in it lasts 400 days at that pace
                Instant weekReset = NOW.plus(WEEK).minus(Duration.ofHours(1)).plusSeconds(30);
                yield longestTranscripts(limits(then, "allowed_warning",
                        window("5h", 9.99, NOW.plus(Duration.ofMinutes(299)), "rejected"),
                        window("7d", 0.0001, weekReset, "allowed"),
                        window("7d_sonnet", 0.42, weekReset, "allowed_warning"),
                        window("7d_opus", 0.9999, NOW.plus(Duration.ofDays(6).plusHours(23)), "allowed"),
                        new QuotaWindow("7d_oauth_apps", 0.55, weekReset, "allowed", null, WEEK),
                        new QuotaWindow("overage", 0.0, null, "allowed", null, null)));
            }
        };
    }

    private static QuotaWindow window(String name, double utilization, Instant reset, String status) {
        return new QuotaWindow(name, utilization, reset, status, null, QuotaWindow.lengthOf(name));
    }

    private static RateLimits limits(Instant capturedAt, String accountStatus, QuotaWindow... windows) {
        return new RateLimits(capturedAt, "budmon-interceptor", List.of(windows),
                new AccountLimits(accountStatus, null, "five_hour", "rejected", false, "org_level_disabled", 0.5));
    }

    /** Claude Code's transcripts of a working morning: a session of 137 responses, cache ratios around 80 %. */
    private static UsageState withTranscripts(RateLimits limits) {
        TokenCounts last = new TokenCounts(3, 1_184, 2_310, 0, 44_702);
        TokenCounts session = new TokenCounts(1_209, 88_140, 412_880, 0, 5_912_004);
        ApiResponse response = new ApiResponse("msg_1", "req_1", "8f2c6d1e-0000-4000-8000-000000000001", OPUS,
                NOW.minusSeconds(5), last);
        SessionUsage active = new SessionUsage("8f2c6d1e-0000-4000-8000-000000000001", "/home/u/project", null,
                NOW.minus(Duration.ofHours(3).plusMinutes(22)), NOW.minusSeconds(5), 137, Map.of(OPUS, session), 9.86);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ratios.add(0.78 + 0.17 * Math.sin(i / 4.0) * Math.cos(i / 9.0));
        }
        ratios.set(41, 0.12); // a fresh session: nothing cached yet
        ratios.set(42, 0.38);
        UsageTimeline timeline = (from, to) -> new UsageTotals(211, Map.of(OPUS,
                new TokenCounts(2_400, 131_000, 655_000, 0, 11_020_000)));
        return new UsageState(limits, response, active, timeline, ratios, NOW.minusSeconds(5), List.of());
    }

    /** The largest figures: a month-long session with billions of tokens. */
    private static UsageState longestTranscripts(RateLimits limits) {
        TokenCounts huge = new TokenCounts(9_876_543_210L, 987_654_321L, 8_765_432_109L, 765_432_109L,
                98_765_432_109L);
        ApiResponse response = new ApiResponse("msg_1", "req_1", "8f2c6d1e", SONNET, NOW.minusSeconds(5),
                new TokenCounts(987_654, 123_456, 876_543, 0, 9_876_543));
        SessionUsage active = new SessionUsage("8f2c6d1e", "/w", null, NOW.minus(Duration.ofDays(30)),
                NOW.minusSeconds(5), 1_234_567, Map.of(SONNET, huge), null);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ratios.add(i % 7 == 0 ? 0.1 : 0.99);
        }
        UsageTimeline timeline = (from, to) -> new UsageTotals(1_234_567, Map.of(SONNET, huge));
        return new UsageState(limits, response, active, timeline, ratios, NOW.minusSeconds(5), List.of());
    }

    /** Every kind of notice, with as many messages as a bad day brings. */
    private static List<dev.budmon.ui.view.NoticeView> notices(Messages m) {
        List<LegacyKey> legacy = List.of(new LegacyKey("thresholds", "quota_warn_pct", "quota_warn"),
                new LegacyKey("thresholds", "burn_safe_pct_h", "burn_safe"),
                new LegacyKey("window", "geometry", ""));
        List<SourceWarning> config = List.of(new SourceWarning("budmon.ini",
                "[thresholds] quota_panic_pct is not a known key; ignored"));
        List<SourceWarning> sources = new ArrayList<>();
        for (int i = 0; i < 123; i++) {
            sources.add(new SourceWarning("projects/-w/s" + i + ".jsonl", "line 7 is not JSON; skipped"));
        }
        return Notices.of(legacy, config, sources, m);
    }
}

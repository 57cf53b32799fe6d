package dev.budmon.ui.view;

import dev.budmon.calc.CacheStats;
import dev.budmon.calc.Figures;
import dev.budmon.calc.Level;
import dev.budmon.calc.OverallStatus;
import dev.budmon.calc.PricedUsage;
import dev.budmon.calc.WindowForecast;
import dev.budmon.Version;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ModelChoice;
import dev.budmon.config.Thresholds;
import dev.budmon.format.AmountFormat;
import dev.budmon.format.DurationFormat;
import dev.budmon.format.TimeFormat;
import dev.budmon.i18n.Messages;
import dev.budmon.model.QuotaWindow;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.widget.HeartbeatModel;
import dev.budmon.ui.widget.QuotaBarModel;
import dev.budmon.ui.widget.RingModel;
import dev.budmon.ui.widget.SparklineModel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the whole {@link DashboardView} from the figures, the config and the texts of one language. Pure:
 * every input is a parameter, nothing is read from files or clocks, so every rule of the window is tested
 * here rather than in pixels. Any thread.
 */
public final class DashboardViewBuilder {

    private static final Duration ONE_DAY = Duration.ofDays(1);

    private DashboardViewBuilder() {
    }

    /**
     * The view for these figures.
     *
     * @param f         the figures, computed for the moment to show ({@link Figures#now()})
     * @param config    the config in use (thresholds, model choice, language)
     * @param m         the texts
     * @param zone      the zone local times are shown in
     * @param refreshes how many new states have arrived so far; the heartbeat pulses when it grows
     */
    public static DashboardView build(Figures f, BudmonConfig config, Messages m, ZoneId zone, long refreshes) {
        return withClockParts(f, config, m, zone, refreshes, menu(config, m),
                new QuotaCaptions(m.get("label.reset"), m.get("label.expiry"), m.get("label.reserve"),
                        m.get("label.burn_rate")),
                requests(f, m, zone), cache(f.cache(), m), null);
    }

    /**
     * The view for figures that differ from those {@code previous} was built from only by the clock: builds
     * what depends on the time (header status, ring, quota sections, title, stale mark) and takes the rest
     * (menu, captions, requests, cache) from {@code previous}, so that the one-second clock costs little.
     * Equals {@code build(f, config, m, zone, refreshes)} when {@code previous} was built by {@link #build}
     * (or by this method) with the same config, texts, zone and refresh count from figures that
     * {@link dev.budmon.calc.Calculator#advance} moved on to {@code f}.
     */
    public static DashboardView advance(DashboardView previous, Figures f, BudmonConfig config, Messages m,
                                        ZoneId zone, long refreshes) {
        return withClockParts(f, config, m, zone, refreshes, previous.menu(), previous.captions(),
                previous.requests(), previous.cache(), previous.footer());
    }

    /** @param footer the footer shown so far, kept when its stale mark is still right; {@code null} to build it */
    private static DashboardView withClockParts(Figures f, BudmonConfig config, Messages m, ZoneId zone,
                                                long refreshes, MenuView menu, QuotaCaptions captions,
                                                RequestsView requests, CacheView cache, FooterView footer) {
        Locale locale = m.locale();
        boolean waiting = f.status() == OverallStatus.WAIT;
        Tone statusTone = waiting ? Tone.DIM : tone(levelOf(f.status()));
        HeaderView header = new HeaderView(m.get("app.title"), m.get("app.version", Version.get()),
                waiting ? HeartbeatModel.IDLE : new HeartbeatModel(refreshes, statusTone),
                m.get("status." + f.status().name().toLowerCase(Locale.ROOT)), statusTone);

        List<QuotaSectionView> quotas = new ArrayList<>();
        for (WindowForecast w : f.windows()) {
            quotas.add(section(w, f, config.thresholds(), m, zone));
        }
        if (quotas.isEmpty()) {
            // Before the first headers the two main windows are still shown, as unknown, so the layout
            // does not jump when data arrives.
            quotas.add(unknownSection("5h", m.get("quota.5h")));
            quotas.add(unknownSection("7d", m.get("quota.7d")));
        }

        String title = m.get("app.name");
        WindowForecast five = f.window("5h");
        if (five != null && five.percent() != null) {
            title = m.get("app.window_title", windowLabel("5h", m), AmountFormat.percent(five.percent(), locale));
        }
        // the footer's texts do not depend on the clock, only whether the quota data is stale does
        boolean footerKept = footer != null && !waiting && footer.stale() == f.quotaStale();
        return new DashboardView(title, menu, header, ring(five, m), captions, quotas, requests, cache,
                footerKept ? footer : footer(f, m, zone, refreshes));
    }

    /** The window's display name: {@code 5 hours}, {@code 7 days Sonnet}, or {@code Window x} for names we do not know. */
    static String windowLabel(String name, Messages m) {
        String key = "quota." + name;
        return m.has(key) ? m.get(key) : m.get("quota.other", name);
    }

    private static QuotaSectionView section(WindowForecast w, Figures f, Thresholds t, Messages m, ZoneId zone) {
        QuotaWindow q = w.window();
        Instant now = f.now();
        Locale locale = m.locale();
        String label = windowLabel(q.name(), m);
        boolean compact = !(q.name().equals("5h") || q.name().equals("7d"));
        if (w.resetPassed()) {
            boolean requestSince = f.lastResponse() != null && f.lastResponse().time() != null
                    && f.lastResponse().time().isAfter(q.reset());
            String at = TimeFormat.forWindow(q.reset(), q.length(), now, zone, m);
            String note = m.get(requestSince ? "quota.reset_at" : "quota.reset_no_request", at);
            return new QuotaSectionView(q.name(), label, new QuotaBarModel(0, t.quotaWarnPercent(), t.quotaAlarmPercent(),
                    Tone.DIM, AmountFormat.percent(0.0, locale)), compact, true, note,
                    TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN);
        }
        QuotaBarModel bar = w.percent() == null
                ? new QuotaBarModel(Double.NaN, t.quotaWarnPercent(), t.quotaAlarmPercent(), Tone.DIM, "--")
                : new QuotaBarModel(w.percent(), t.quotaWarnPercent(), t.quotaAlarmPercent(), tone(w.quotaLevel()),
                        AmountFormat.percent(w.percent(), locale));
        String note = "";
        if (q.name().equals("overage") && Boolean.TRUE.equals(f.account().overageInUse())) {
            note = m.get("quota.overage_in_use");
        } else if ("rejected".equals(q.status())) {
            note = m.get("quota.limit_reached");
        }
        TonedText reset = text(TimeFormat.forWindow(q.reset(), q.length(), now, zone, m), Tone.NORMAL);
        TonedText countdown = w.untilReset() == null ? TonedText.UNKNOWN
                : TonedText.plain(isLong(q) ? DurationFormat.words(w.untilReset(), m)
                        : DurationFormat.clock(w.untilReset()));
        Tone expiryTone = w.reserveLevel() == Level.OK ? Tone.INFO : tone(w.reserveLevel());
        TonedText expiry = w.expiry() == null ? TonedText.UNKNOWN
                : new TonedText(TimeFormat.forWindow(w.expiry(), q.length(), now, zone, m), expiryTone);
        TonedText reserve = w.reserve() == null ? TonedText.UNKNOWN
                : new TonedText(DurationFormat.signedWords(w.reserve(), m), tone(w.reserveLevel()));
        TonedText burn = w.burnPerHour() == null ? TonedText.UNKNOWN
                : new TonedText(AmountFormat.burnRate(w.burnPerHour(), q.length(), m), tone(w.burnLevel()));
        return new QuotaSectionView(q.name(), label, bar, compact, false, note, reset, countdown, expiry, reserve, burn);
    }

    private static QuotaSectionView unknownSection(String window, String label) {
        return new QuotaSectionView(window, label, QuotaBarModel.UNKNOWN, false, true, "", TonedText.UNKNOWN,
                TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN);
    }

    /**
     * The ring counts down to whichever comes first: the reset (green) or, when the 5h window will run out
     * before it resets, the expiry (yellow, red once the window is in alarm).
     */
    static RingModel ring(WindowForecast five, Messages m) {
        if (five == null || five.resetPassed() || five.untilReset() == null || five.window().length() == null) {
            return RingModel.UNKNOWN;
        }
        double length = five.window().length().toMillis();
        if (five.expiresBeforeReset()) {
            Duration left = Duration.between(five.window().reset().minus(five.untilReset()), five.expiry());
            if (left.isNegative()) {
                left = Duration.ZERO;
            }
            Tone t = five.quotaLevel() == Level.ALARM || five.burnLevel() == Level.ALARM ? Tone.ALARM : Tone.WARN;
            return new RingModel(clamp(left.toMillis() / length), DurationFormat.clock(left), m.get("ring.expiry"), t);
        }
        return new RingModel(clamp(five.untilReset().toMillis() / length), DurationFormat.clock(five.untilReset()),
                m.get("ring.reset"), Tone.OK);
    }

    private static RequestsView requests(Figures f, Messages m, ZoneId zone) {
        RequestColumnView last = column(m.get("label.last_request"), f.lastRequest(), m, zone);
        RequestColumnView total = column(m.get("label.total_requests"), f.session(), m, zone);
        PricedUsage five = f.windowUsage().get("5h");
        TonedText line = five == null ? TonedText.UNKNOWN : TonedText.plain(tokensAndCost(five, m));
        return new RequestsView(last, total, new FigureRow(m.get("label.window_caption", windowLabel("5h", m)), line));
    }

    private static RequestColumnView column(String title, PricedUsage u, Messages m, ZoneId zone) {
        String upper = title.toUpperCase(m.locale());
        List<FigureRow> rows = new ArrayList<>();
        if (u == null) {
            for (String key : new String[] {"label.requests", "label.since", "label.input", "label.output",
                    "label.cache_c", "label.cache_r"}) {
                rows.add(new FigureRow(m.get(key), TonedText.UNKNOWN));
            }
            return new RequestColumnView(upper, TonedText.UNKNOWN, rows);
        }
        Locale locale = m.locale();
        rows.add(FigureRow.of(m.get("label.requests"), AmountFormat.tokensFull((long) u.requests(), locale)));
        rows.add(FigureRow.of(m.get("label.since"), TimeFormat.time(u.since(), zone)));
        rows.add(FigureRow.of(m.get("label.input"), AmountFormat.tokensFull(u.tokens().input(), locale)));
        rows.add(FigureRow.of(m.get("label.output"), AmountFormat.tokensFull(u.tokens().output(), locale)));
        rows.add(FigureRow.of(m.get("label.cache_c"), AmountFormat.tokensFull(u.tokens().cacheWrite(), locale)));
        rows.add(FigureRow.of(m.get("label.cache_r"), AmountFormat.tokensFull(u.tokens().cacheRead(), locale)));
        return new RequestColumnView(upper, TonedText.plain(tokensAndCost(u, m)), rows);
    }

    private static String tokensAndCost(PricedUsage u, Messages m) {
        return m.get("label.tokens_cost", AmountFormat.tokensCompact(u.tokens().total(), m.locale()),
                AmountFormat.dollars(u.cost().total(), m.locale()));
    }

    private static CacheView cache(CacheStats c, Messages m) {
        String title = m.get("label.cache_ratio").toUpperCase(m.locale());
        if (c.current() == null) {
            return new CacheView(title, TonedText.UNKNOWN,
                    new TonedText(m.get("label.average_value", "--"), Tone.DIM), SparklineModel.EMPTY);
        }
        Tone t = tone(c.level());
        double[] ratios = new double[c.history().size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = c.history().get(i);
        }
        return new CacheView(title, new TonedText(AmountFormat.ratioAsPercent(c.current(), m.locale()), t),
                new TonedText(m.get("label.average_value", AmountFormat.ratioAsPercent(c.average(), m.locale())),
                        Tone.DIM),
                new SparklineModel(ratios, dev.budmon.model.UsageState.CACHE_HISTORY, 0.5, t));
    }

    private static FooterView footer(Figures f, Messages m, ZoneId zone, long refreshes) {
        if (f.status() == OverallStatus.WAIT) {
            return new FooterView(m.get("footer.waiting"), "");
        }
        String text = m.get("footer.refresh", refreshes, TimeFormat.time(f.newestData(), zone));
        return new FooterView(text, f.quotaStale() ? m.get("footer.stale").toUpperCase(m.locale()) : "");
    }

    private static MenuView menu(BudmonConfig config, Messages m) {
        List<MenuOption<String>> languages = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            languages.add(new MenuOption<>(lang, m.get("choice.language." + lang)));
        }
        List<MenuOption<ModelChoice>> models = new ArrayList<>();
        for (ModelChoice c : ModelChoice.values()) {
            models.add(new MenuOption<>(c, m.get("choice.model." + c.iniValue())));
        }
        return new MenuView(m.get("menu.logs"), m.get("menu.session_log"), m.get("menu.history_log"),
                m.get("menu.folder"), m.get("menu.settings"), m.get("menu.language"), languages, m.language(),
                m.get("menu.model"), models, config.model(), m.get("menu.ini"), m.get("menu.help"),
                m.get("menu.user_guide"), m.get("menu.about"));
    }

    private static boolean isLong(QuotaWindow q) {
        return q.length() != null && q.length().compareTo(ONE_DAY) > 0;
    }

    private static TonedText text(String s, Tone t) {
        return "--".equals(s) ? TonedText.UNKNOWN : new TonedText(s, t);
    }

    private static double clamp(double d) {
        return Math.max(0, Math.min(1, d));
    }

    private static Level levelOf(OverallStatus s) {
        return switch (s) {
            case OK -> Level.OK;
            case WARN -> Level.WARN;
            case ALARM -> Level.ALARM;
            case WAIT -> Level.NONE;
        };
    }

    /** Calculator levels as the theme's tones; an unknown level is dim. */
    public static Tone tone(Level level) {
        return switch (level) {
            case OK -> Tone.OK;
            case WARN -> Tone.WARN;
            case ALARM -> Tone.ALARM;
            case NONE -> Tone.DIM;
        };
    }
}

package dev.budmon.ui.view;

import dev.budmon.calc.BindingLimit;
import dev.budmon.calc.CacheStats;
import dev.budmon.calc.Figures;
import dev.budmon.calc.Level;
import dev.budmon.calc.Levels;
import dev.budmon.calc.OverallStatus;
import dev.budmon.calc.PaceForecast;
import dev.budmon.calc.WindowForecast;
import dev.budmon.Version;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ModelChoice;
import dev.budmon.config.SettingSwitch;
import dev.budmon.config.Thresholds;
import dev.budmon.format.AmountFormat;
import dev.budmon.format.DurationFormat;
import dev.budmon.format.TimeFormat;
import dev.budmon.i18n.Messages;
import dev.budmon.history.DayTrails;
import dev.budmon.history.Trail;
import dev.budmon.model.QuotaWindow;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.widget.HeartbeatModel;
import dev.budmon.ui.widget.RingModel;
import dev.budmon.ui.widget.SparklineModel;
import dev.budmon.ui.widget.TrailModel;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.budmon.ui.view.ViewTones.tone;

/**
 * Builds the whole {@link DashboardView} from the figures, the config and the texts of one language. Pure:
 * every input is a parameter, nothing is read from files or clocks, so every rule of the window is tested
 * here rather than in pixels. Any thread.
 *
 * <p>What the window says around the figures is decided here too: the overall status and what drives it
 * (named in its tooltip, and coloured where it stands), old quota figures shown dimmed with their age, the
 * limit reached shown with the time it ends, and a tooltip for every caption and figure.
 *
 * <p>The header, the cache, the footer and the menu are built here; the quota sections in
 * {@link QuotaSectionBuilder}, the ring in {@link RingBuilder}, the request columns in {@link RequestsBuilder}.
 */
public final class DashboardViewBuilder {

    private DashboardViewBuilder() {
    }

    /**
     * The view for these figures, knowing only how many states have arrived (no checks counted, no notices).
     *
     * @param refreshes how many new states have arrived so far; the heartbeat pulses when it grows
     */
    public static DashboardView build(Figures f, BudmonConfig config, Messages m, ZoneId zone, long refreshes) {
        return build(f, config, m, zone, MonitorPulse.ofStates(refreshes), List.of());
    }

    /**
     * The view for these figures.
     *
     * @param f       the figures, computed for the moment to show ({@link Figures#now()})
     * @param config  the config in use (thresholds, model choice, language)
     * @param m       the texts
     * @param zone    the zone local times are shown in
     * @param pulse   states and checks so far, for the heartbeat and the footer
     * @param notices notes and warnings about the files ({@link Notices#of})
     */
    public static DashboardView build(Figures f, BudmonConfig config, Messages m, ZoneId zone, MonitorPulse pulse,
                                      List<NoticeView> notices) {
        return build(f, null, null, config, m, zone, pulse, notices);
    }

    /**
     * The view for these figures and what the quota history adds to them.
     *
     * @param h      the history figures (pace, binding limit, shares, worth of a percent), computed for a moment
     *               close to {@code f}'s; {@code null} before they are known, which shows none of them
     * @param trails the last day of the 5-hour and 7-day windows; {@code null} before the history is read
     * @see #build(Figures, BudmonConfig, Messages, ZoneId, MonitorPulse, List)
     */
    public static DashboardView build(Figures f, HistoryFigures h, DayTrails trails, BudmonConfig config, Messages m,
                                      ZoneId zone, MonitorPulse pulse, List<NoticeView> notices) {
        return withClockParts(f, h, trails, config, m, zone, pulse, menu(config, m), QuotaSectionBuilder.captions(config.thresholds(), m),
                RequestsBuilder.requests(f, h, config, m, zone), cache(f.cache(), config.thresholds(), m), notices);
    }

    /** {@link #advance(DashboardView, Figures, BudmonConfig, Messages, ZoneId, MonitorPulse)} knowing only the states. */
    public static DashboardView advance(DashboardView previous, Figures f, BudmonConfig config, Messages m,
                                        ZoneId zone, long refreshes) {
        return advance(previous, f, config, m, zone, MonitorPulse.ofStates(refreshes));
    }

    /**
     * The view for figures that differ from those {@code previous} was built from only by the clock: builds
     * what depends on the time (header status, ring, quota sections, title, footer with the age of the data)
     * and takes the rest (menu, captions, requests, cache, notices) from {@code previous}, so that the
     * one-second clock costs little. Equals {@code build(f, config, m, zone, pulse, previous.notices())} when
     * {@code previous} was built by {@link #build} (or by this method) with the same config, texts and zone
     * from figures that {@link dev.budmon.calc.Calculator#advance} moved on to {@code f}.
     */
    public static DashboardView advance(DashboardView previous, Figures f, BudmonConfig config, Messages m,
                                        ZoneId zone, MonitorPulse pulse) {
        return advance(previous, f, null, null, config, m, zone, pulse);
    }

    /**
     * {@link #advance(DashboardView, Figures, BudmonConfig, Messages, ZoneId, MonitorPulse)} with the history
     * figures {@code previous} was built with.
     */
    public static DashboardView advance(DashboardView previous, Figures f, HistoryFigures h, DayTrails trails,
                                        BudmonConfig config, Messages m, ZoneId zone, MonitorPulse pulse) {
        return withClockParts(f, h, trails, config, m, zone, pulse, previous.menu(), previous.captions(),
                previous.requests(), previous.cache(), previous.notices());
    }

    private static DashboardView withClockParts(Figures f, HistoryFigures h, DayTrails trails, BudmonConfig config,
                                                Messages m,
                                                ZoneId zone, MonitorPulse pulse, MenuView menu,
                                                QuotaCaptions captions, RequestsView requests, CacheView cache,
                                                List<NoticeView> notices) {
        Locale locale = m.locale();
        boolean stale = isStale(f);
        List<QuotaSectionView> quotas = new ArrayList<>();
        for (WindowForecast w : f.windows()) {
            quotas.add(QuotaSectionBuilder.section(w, f, h, config.thresholds(), m, zone, stale));
        }
        if (quotas.isEmpty()) {
            // Before the first quota figures the two main windows are still shown, as unknown, so the layout
            // does not jump when data arrives.
            boolean noQuota = f.status() == OverallStatus.NO_QUOTA;
            quotas.add(QuotaSectionBuilder.unknownSection("5h", QuotaSectionBuilder.windowLabel("5h", m), noQuota, m));
            quotas.add(QuotaSectionBuilder.unknownSection("7d", QuotaSectionBuilder.windowLabel("7d", m), noQuota, m));
        }

        String title = m.get("app.name");
        WindowForecast five = f.window("5h");
        if (five != null && five.percent() != null) {
            title = m.get("app.window_title", QuotaSectionBuilder.windowLabel("5h", m), AmountFormat.percent(five.percent(), locale));
        }
        BindingLimit binding = h == null ? null : h.binding();
        RingModel ring = RingBuilder.ring(five, binding, f, m, zone, stale);
        String ringTip = RingBuilder.ringTip(five, ring, m);
        TonedText binds = binds(binding, f, h, m, zone, stale);
        if (!binds.text().isEmpty()) {
            ringTip += "\n" + binds.text() + ".";
        }
        return new DashboardView(title, menu, header(f, binding, binds, trails, config.thresholds(), m, zone, pulse,
                stale),
                ring, ringTip, captions, quotas, requests, cache, notices, footer(f, config, m, zone, pulse, stale));
    }

    /** Quota figures that are there and older than an hour. */
    private static boolean isStale(Figures f) {
        return f.quotaStale() && f.status() != OverallStatus.WAIT && f.status() != OverallStatus.NO_QUOTA;
    }

    // ---- header ----

    private static HeaderView header(Figures f, BindingLimit binding, TonedText binds, DayTrails trails, Thresholds t,
                                     Messages m, ZoneId zone, MonitorPulse pulse, boolean stale) {
        TrailModel trail = trail(trails);
        String trailTip = trailTip(trails, m);
        String title = m.get("app.title");
        String version = m.get("app.version", Version.get());
        String titleTip = m.get("tip.header.title");
        String beatTip = pulse.lastCheck() == null
                ? m.get("tip.header.heartbeat", pulse.states())
                : m.get("tip.header.heartbeat_checked", pulse.states(), pulse.checks(),
                        TimeFormat.timeSeconds(pulse.lastCheck(), zone));
        OverallStatus s = f.status();
        String word = m.get("status." + s.name().toLowerCase(Locale.ROOT));
        switch (s) {
            case WAIT:
                return new HeaderView(title, version, HeartbeatModel.IDLE, word, Tone.DIM, titleTip, beatTip,
                        m.get("tip.status.wait"), TonedText.NONE, "", trail, trailTip);
            case NO_QUOTA:
                return new HeaderView(title, version, new HeartbeatModel(pulse.states(), Tone.INFO), word, Tone.INFO,
                        titleTip, beatTip, m.get("tip.status.no_quota"), TonedText.NONE, "", trail, trailTip);
            default:
                break;
        }
        String cause = cause(f, t, m, zone);
        String bindsTip = bindsTip(binding, m);
        if (!binds.text().isEmpty()) {
            cause += "\n" + binds.text() + ". " + bindsTip;
        }
        if (stale) {
            Duration age = Duration.between(f.quotaCapturedAt(), f.now());
            String staleWord = m.get("status.stale", DurationFormat.age(age, m));
            return new HeaderView(title, version, new HeartbeatModel(pulse.states(), Tone.DIM), staleWord, Tone.DIM,
                    titleTip, beatTip, m.get("tip.status.stale", DurationFormat.age(age, m),
                            TimeFormat.time(f.quotaCapturedAt(), zone), word) + "\n" + cause, binds, bindsTip, trail, trailTip);
        }
        Tone tone = tone(levelOf(s));
        return new HeaderView(title, version, new HeartbeatModel(pulse.states(), tone), word, tone, titleTip, beatTip,
                cause, binds, bindsTip, trail, trailTip);
    }

    /** The trails as the widget's model; empty before the history is read. */
    static TrailModel trail(DayTrails t) {
        if (t == null) {
            return TrailModel.EMPTY;
        }
        return new TrailModel(t.fiveHour().values(), t.fiveHour().resets(), t.sevenDay().values(),
                t.sevenDay().resets());
    }

    /** What the trail shows, and where each window stands at its right edge. */
    static String trailTip(DayTrails t, Messages m) {
        if (t == null) {
            return m.get("tip.trail.none");
        }
        return m.get("tip.trail", last(t.fiveHour(), m), last(t.sevenDay(), m), resets(t.fiveHour()));
    }

    private static String last(Trail t, Messages m) {
        double v = t.value(t.columns() - 1);
        return Double.isNaN(v) ? "--" : AmountFormat.percent(v * 100, m.locale());
    }

    private static int resets(Trail t) {
        int n = 0;
        for (int i = 0; i < t.columns(); i++) {
            n += t.reset(i) ? 1 : 0;
        }
        return n;
    }

    /**
     * Which window runs out first and when, in words: {@code 7 days Sonnet runs out Thu 14:20, before its reset};
     * empty when every window lasts until its reset, when the history figures are not known, or when the quota
     * figures are old (their pace says nothing about now).
     */
    static TonedText binds(BindingLimit b, Figures f, HistoryFigures h, Messages m, ZoneId zone, boolean stale) {
        if (b == null || stale) {
            return TonedText.NONE;
        }
        WindowForecast w = f.window(b.window());
        String label = QuotaSectionBuilder.windowLabel(b.window(), m);
        if (BindingLimit.NOW.equals(b.basis())) {
            return new TonedText(m.get("binds.now", label), Tone.ALARM);
        }
        Level level = Level.WARN;
        PaceForecast p = h.paces().get(b.window());
        Level reserve = BindingLimit.PACE.equals(b.basis()) && p != null ? p.reserveLevel()
                : w == null ? Level.NONE : w.reserveLevel();
        if (reserve == Level.ALARM) {
            level = Level.ALARM;
        }
        // the clock time alone today, with its weekday after midnight: the line stays short and cannot be misread
        return new TonedText(m.get("binds.runs_out", label, TimeFormat.near(b.runsOut(), f.now(), zone, m)),
                tone(level));
    }

    private static String bindsTip(BindingLimit b, Messages m) {
        return b == null ? "" : m.get("tip.binds." + b.basis());
    }

    /**
     * What drives the overall status, in words: for WARN and ALARM every window (and the account) whose level
     * is the overall one, and why; for OK that every window is within its limits.
     */
    static String cause(Figures f, Thresholds t, Messages m, ZoneId zone) {
        Level overall = levelOf(f.status());
        String word = m.get("status." + f.status().name().toLowerCase(Locale.ROOT));
        if (overall != Level.WARN && overall != Level.ALARM) {
            return m.get("tip.status.ok", AmountFormat.percent(t.quotaWarnPercent(), m.locale()));
        }
        StringBuilder b = new StringBuilder(m.get("tip.status.because", word));
        for (WindowForecast w : f.windows()) {
            if (w.resetPassed() || w.level() != overall) {
                continue;
            }
            QuotaWindow q = w.window();
            String label = QuotaSectionBuilder.windowLabel(q.name(), m);
            b.append('\n').append("• ");
            if (w.limitReached()) {
                b.append(m.get("cause.limit", label, TimeFormat.forWindow(q.reset(), q.length(), f.now(), zone, m)));
            } else if (w.reserveLevel() == overall && w.reserve() != null) {
                b.append(m.get(w.reserve().isNegative() ? "cause.reserve_negative" : "cause.reserve_thin", label,
                        DurationFormat.signedWords(w.reserve(), m), DurationFormat.words(t.reserveSafe(), m)));
            } else if (w.quotaLevel() == overall) {
                double threshold = overall == Level.ALARM ? t.quotaAlarmPercent() : t.quotaWarnPercent();
                b.append(m.get("cause.quota", label, AmountFormat.percent(w.percent(), m.locale()),
                        AmountFormat.percent(threshold, m.locale())));
            } else {
                b.append(m.get("cause.server", label, String.valueOf(q.status())));
            }
        }
        String account = f.account().status();
        if (Levels.serverStatus(account) == overall) {
            b.append('\n').append("• ").append(m.get("cause.account", account));
        }
        return b.toString();
    }

    // ---- cache ----

    private static CacheView cache(CacheStats c, Thresholds t, Messages m) {
        String title = m.get("label.cache_ratio").toUpperCase(m.locale());
        String tip = m.get("tip.cache", AmountFormat.ratioAsPercent(t.cacheWarnRatio(), m.locale()),
                AmountFormat.ratioAsPercent(t.cacheAlarmRatio(), m.locale()));
        if (c.current() == null) {
            return new CacheView(title, TonedText.UNKNOWN,
                    new TonedText(m.get("label.average_value", "--"), Tone.DIM), SparklineModel.EMPTY, tip);
        }
        Tone tone = tone(c.level());
        double[] ratios = new double[c.history().size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = c.history().get(i);
        }
        return new CacheView(title, new TonedText(AmountFormat.ratioAsPercent(c.current(), m.locale()), tone),
                new TonedText(m.get("label.average_value", AmountFormat.ratioAsPercent(c.average(), m.locale())),
                        Tone.DIM),
                new SparklineModel(ratios, dev.budmon.model.UsageState.CACHE_HISTORY, 0.5, tone), tip);
    }

    // ---- footer ----

    private static FooterView footer(Figures f, BudmonConfig config, Messages m, ZoneId zone, MonitorPulse pulse,
                                     boolean stale) {
        String checked = pulse.lastCheck() == null ? m.get("footer.states", pulse.states())
                : m.get("footer.alive", pulse.checks(), TimeFormat.timeSeconds(pulse.lastCheck(), zone));
        String aliveTip = pulse.lastCheck() == null ? m.get("tip.footer.states", pulse.states())
                : m.get("tip.footer.alive", pulse.checks(), TimeFormat.timeSeconds(pulse.lastCheck(), zone),
                        pulse.states(), AmountFormat.plain(config.refreshMs() / 1000.0, m.locale()));
        String prices = config.model() == ModelChoice.AUTO ? ""
                : m.get("footer.prices", m.get("choice.model." + config.model().iniValue()));
        String pricesTip = config.model() == ModelChoice.AUTO ? ""
                : m.get("tip.footer.prices", RequestsBuilder.pricesInWords(config, m), config.model().iniValue());
        if (f.status() == OverallStatus.WAIT) {
            return new FooterView(m.get("footer.waiting") + " · " + checked, TonedText.NONE, prices, aliveTip, "",
                    pricesTip);
        }
        TonedText data;
        String dataTip;
        if (stale) {
            String age = DurationFormat.age(Duration.between(f.quotaCapturedAt(), f.now()), m);
            data = new TonedText(m.get("footer.quota_age", age), Tone.WARN);
            dataTip = m.get("tip.footer.stale", age, TimeFormat.time(f.quotaCapturedAt(), zone));
        } else {
            data = new TonedText(m.get("footer.data", TimeFormat.time(f.newestData(), zone)), Tone.DIM);
            dataTip = m.get("tip.footer.data");
        }
        return new FooterView(checked, data, prices, aliveTip, dataTip, pricesTip);
    }

    // ---- menu ----

    private static MenuView menu(BudmonConfig config, Messages m) {
        List<MenuOption<String>> languages = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            languages.add(new MenuOption<>(lang, m.get("choice.language." + lang)));
        }
        List<MenuOption<ModelChoice>> models = new ArrayList<>();
        for (ModelChoice c : ModelChoice.values()) {
            models.add(new MenuOption<>(c, m.get("choice.model." + c.iniValue())));
        }
        List<MenuSwitch> switches = new ArrayList<>();
        for (SettingSwitch s : SettingSwitch.values()) {
            switches.add(new MenuSwitch(s, MenuText.of(m.get(s.textKey()), m.get("mnemonic.setting." + s.key())),
                    s.isOn(config)));
        }
        return new MenuView(item(m, "logs"), item(m, "session_log"), item(m, "history_log"),
                item(m, "quota_history"), item(m, "reports"),
                item(m, "folder"), item(m, "settings"), item(m, "language"), languages, m.language(),
                item(m, "model"), models, config.model(), item(m, "alerts"), switches, item(m, "ini"), item(m, "help"),
                item(m, "user_guide"), item(m, "about"));
    }

    /** The text {@code menu.<name>} with its mnemonic {@code mnemonic.<name>}. */
    private static MenuText item(Messages m, String name) {
        return MenuText.of(m.get("menu." + name), m.get("mnemonic." + name));
    }

    private static Level levelOf(OverallStatus s) {
        return switch (s) {
            case OK -> Level.OK;
            case WARN -> Level.WARN;
            case ALARM -> Level.ALARM;
            case WAIT, NO_QUOTA -> Level.NONE;
        };
    }
}

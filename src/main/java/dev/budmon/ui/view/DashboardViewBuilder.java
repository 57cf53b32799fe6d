package dev.budmon.ui.view;

import dev.budmon.calc.BindingLimit;
import dev.budmon.calc.CacheStats;
import dev.budmon.calc.Figures;
import dev.budmon.calc.Level;
import dev.budmon.calc.Levels;
import dev.budmon.calc.OverallStatus;
import dev.budmon.calc.PaceForecast;
import dev.budmon.calc.PricedUsage;
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
import dev.budmon.quotacost.DollarsPerPercent;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.widget.HeartbeatModel;
import dev.budmon.ui.widget.QuotaBarModel;
import dev.budmon.ui.widget.RingModel;
import dev.budmon.ui.widget.SparklineModel;
import dev.budmon.ui.widget.TrailModel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the whole {@link DashboardView} from the figures, the config and the texts of one language. Pure:
 * every input is a parameter, nothing is read from files or clocks, so every rule of the window is tested
 * here rather than in pixels. Any thread.
 *
 * <p>What the window says around the figures is decided here too: the overall status and what drives it
 * (named in its tooltip, and coloured where it stands), old quota figures shown dimmed with their age, the
 * limit reached shown with the time it ends, and a tooltip for every caption and figure.
 */
public final class DashboardViewBuilder {

    private static final Duration ONE_DAY = Duration.ofDays(1);

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
        return withClockParts(f, h, trails, config, m, zone, pulse, menu(config, m), captions(config.thresholds(), m),
                requests(f, h, config, m, zone), cache(f.cache(), config.thresholds(), m), notices);
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
            quotas.add(section(w, f, h, config.thresholds(), m, zone, stale));
        }
        if (quotas.isEmpty()) {
            // Before the first quota figures the two main windows are still shown, as unknown, so the layout
            // does not jump when data arrives.
            boolean noQuota = f.status() == OverallStatus.NO_QUOTA;
            quotas.add(unknownSection("5h", windowLabel("5h", m), noQuota, m));
            quotas.add(unknownSection("7d", windowLabel("7d", m), noQuota, m));
        }

        String title = m.get("app.name");
        WindowForecast five = f.window("5h");
        if (five != null && five.percent() != null) {
            title = m.get("app.window_title", windowLabel("5h", m), AmountFormat.percent(five.percent(), locale));
        }
        BindingLimit binding = h == null ? null : h.binding();
        RingModel ring = ring(five, binding, f, m, zone, stale);
        String ringTip = ringTip(five, ring, m);
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
        String label = windowLabel(b.window(), m);
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
        // the clock time alone within a day, as for a 5-hour window: the line stays short
        return new TonedText(m.get("binds.runs_out", label, TimeFormat.forWindow(b.runsOut(), null, f.now(), zone, m)),
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
            String label = windowLabel(q.name(), m);
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

    // ---- quota sections ----

    /** The window's display name: {@code 5 hours}, {@code 7 days Sonnet}, or {@code Window x} for names we do not know. */
    static String windowLabel(String name, Messages m) {
        String key = "quota." + name;
        return m.has(key) ? m.get(key) : m.get("quota.other", name);
    }

    private static QuotaSectionView section(WindowForecast w, Figures f, HistoryFigures h, Thresholds t, Messages m,
                                            ZoneId zone, boolean stale) {
        QuotaWindow q = w.window();
        Instant now = f.now();
        Locale locale = m.locale();
        String label = windowLabel(q.name(), m);
        boolean compact = !(q.name().equals("5h") || q.name().equals("7d"));
        String resetAt = TimeFormat.forWindow(q.reset(), q.length(), now, zone, m);
        String markers = m.get("tip.quota.markers", AmountFormat.percent(t.quotaWarnPercent(), locale),
                AmountFormat.percent(t.quotaAlarmPercent(), locale));
        if (w.resetPassed()) {
            boolean requestSince = f.lastResponse() != null && f.lastResponse().time() != null
                    && f.lastResponse().time().isAfter(q.reset());
            String note = m.get(requestSince ? "quota.reset_at" : "quota.reset_no_request", resetAt);
            return new QuotaSectionView(q.name(), label, new QuotaBarModel(0, t.quotaWarnPercent(),
                    t.quotaAlarmPercent(), Tone.DIM, AmountFormat.percent(0.0, locale)), compact, true, note,
                    TonedText.NONE, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN,
                    TonedText.UNKNOWN, TonedText.NONE, m.get("tip.quota.reset_passed", label, resetAt) + "\n" + markers,
                    PaceView.NONE);
        }
        boolean limit = w.limitReached();
        Tone barTone = stale ? Tone.DIM : limit ? Tone.ALARM : tone(w.quotaLevel());
        QuotaBarModel bar = w.percent() == null
                ? new QuotaBarModel(Double.NaN, t.quotaWarnPercent(), t.quotaAlarmPercent(), Tone.DIM, "--")
                : new QuotaBarModel(w.percent(), t.quotaWarnPercent(), t.quotaAlarmPercent(), barTone,
                        AmountFormat.percent(w.percent(), locale));
        String note = "";
        if (q.name().equals("overage") && Boolean.TRUE.equals(f.account().overageInUse())) {
            note = m.get("quota.overage_in_use");
        }
        TonedText alert = !limit ? TonedText.NONE : dim(new TonedText(q.reset() == null ? m.get("quota.limit_reached")
                : m.get("quota.limit_reached_until", resetAt), Tone.ALARM), stale);
        TonedText reset = dim(text(resetAt, limit ? Tone.ALARM : Tone.NORMAL), stale);
        TonedText countdown = w.untilReset() == null ? TonedText.UNKNOWN
                : dim(new TonedText(isLong(q) ? DurationFormat.words(w.untilReset(), m)
                        : DurationFormat.clock(w.untilReset()), limit ? Tone.ALARM : Tone.NORMAL), stale);
        Tone expiryTone = w.reserveLevel() == Level.OK ? Tone.INFO : tone(w.reserveLevel());
        TonedText expiry = limit ? dim(new TonedText(m.get("quota.expiry_reached"), Tone.ALARM), stale)
                : w.expiry() == null ? TonedText.UNKNOWN
                : dim(new TonedText(TimeFormat.forWindow(w.expiry(), q.length(), now, zone, m), expiryTone), stale);
        TonedText reserve = w.reserve() == null ? TonedText.UNKNOWN
                : dim(new TonedText(DurationFormat.signedWords(w.reserve(), m), tone(w.reserveLevel())), stale);
        TonedText burn = w.burnPerHour() == null ? TonedText.UNKNOWN
                : dim(new TonedText(AmountFormat.burnRate(w.burnPerHour(), q.length(), m), tone(w.burnLevel())), stale);
        TonedText mark = TonedText.NONE;
        if (compact) {
            if (limit) {
                mark = new TonedText(m.get("quota.mark_blocked"), Tone.ALARM);
            } else if (w.reserveLevel() == Level.WARN || w.reserveLevel() == Level.ALARM) {
                mark = new TonedText(DurationFormat.signedShort(w.reserve(), m), tone(w.reserveLevel()));
            } else if (Levels.serverStatus(q.status()).ordinal() > w.quotaLevel().ordinal()) {
                mark = new TonedText(m.get("quota.mark_server_warning"), tone(Levels.serverStatus(q.status())));
            }
            mark = dim(mark, stale);
        }

        StringBuilder tip = new StringBuilder(m.get("tip.quota.window", label,
                w.percent() == null ? "--" : AmountFormat.percent(w.percent(), locale), resetAt,
                countdown.text()));
        tip.append('\n').append(markers);
        if (limit) {
            tip.append('\n').append(m.get("tip.quota.limit", resetAt));
        }
        PaceView pace = pace(w, f, h, m, zone, stale);
        if (compact) {
            tip.append('\n').append(m.get("tip.quota.compact_figures", expiry.text(), reserve.text(), burn.text()));
            if (!pace.burnRate().text().isEmpty()) {
                tip.append('\n').append(m.get("tip.quota.compact_pace", pace.burnRate().text(),
                        pace.expiry().text(), pace.reserve().text()));
            }
            pace = PaceView.NONE;
        }
        Worth worth = worth(w, h, m);
        if (worth != null) {
            tip.append('\n').append(worth.text().text());
        }
        if (stale) {
            tip.append('\n').append(m.get("tip.quota.stale", DurationFormat.age(
                    Duration.between(f.quotaCapturedAt(), now), m)));
        }
        return new QuotaSectionView(q.name(), label, bar, compact, stale, note, alert, reset, countdown, expiry,
                reserve, burn, mark, tip.toString(), pace);
    }

    /**
     * The window's figures at the current pace ({@code now 18.0 %/h}, {@code now 14:55}, {@code now −40 min});
     * {@link PaceView#NONE} without history figures. A pace too new to say
     * shows {@code now --}, and expiry and reserve only with a pace and while the window is not used up.
     */
    static PaceView pace(WindowForecast w, Figures f, HistoryFigures h, Messages m, ZoneId zone, boolean stale) {
        if (h == null) {
            return PaceView.NONE;
        }
        QuotaWindow q = w.window();
        PaceForecast p = h.paces().get(q.name());
        TonedText burn;
        TonedText expiry = TonedText.NONE;
        TonedText reserve = TonedText.NONE;
        if (p == null || p.perHour() == null) {
            burn = new TonedText(m.get("quota.pace_now", "--"), Tone.DIM);
        } else {
            burn = new TonedText(m.get("quota.pace_now", AmountFormat.burnRate(p.perHour(), q.length(), m)),
                    tone(p.paceLevel()));
            if (!w.limitReached()) {
                expiry = p.expiry() == null ? new TonedText(m.get("quota.pace_now", "--"), Tone.DIM)
                        : new TonedText(m.get("quota.pace_now", isLong(q)
                                // beside the average's full date the weekday says enough, and the line stays short
                                ? TimeFormat.weekdayTime(p.expiry(), f.now(), zone, m)
                                : TimeFormat.forWindow(p.expiry(), q.length(), f.now(), zone, m)),
                                p.reserveLevel() == Level.OK ? Tone.INFO : tone(p.reserveLevel()));
                reserve = p.reserve() == null ? new TonedText(m.get("quota.pace_now", "--"), Tone.DIM)
                        : new TonedText(m.get("quota.pace_now", DurationFormat.signedShort(roughly(p.reserve()), m)),
                                tone(p.reserveLevel()));
            }
        }
        return new PaceView(dim(expiry, stale), dim(reserve, stale), dim(burn, stale));
    }

    /**
     * What 1 % of a window is worth: in full for tooltips ({@code 1% ≈ $0.41 ± $0.05}), short for the line beside
     * the window's cost ({@code 1% ≈ $0.41}, {@code 1% ≈ ?}), and how it was fitted.
     */
    record Worth(TonedText text, TonedText shortText, String tip) {
    }

    /**
     * What one percent of the window is worth ({@code 1% ≈ $0.41 ± $0.05}), or that the history is too short to
     * say; the tooltip says how it was fitted and what is left of the window at that rate. {@code null} without
     * history figures.
     */
    static Worth worth(WindowForecast w, HistoryFigures h, Messages m) {
        if (h == null || w == null) {
            return null;
        }
        DollarsPerPercent d = h.worth().get(w.window().name());
        Locale l = m.locale();
        if (d == null || d.dollarsPerPercent() == null) {
            return new Worth(new TonedText(m.get("quota.worth_none"), Tone.DIM),
                    new TonedText(m.get("quota.worth_none_short"), Tone.DIM), m.get("tip.quota.worth_none",
                    DollarsPerPercent.MIN_BATCHES, AmountFormat.plain(DollarsPerPercent.BATCH_POINTS, l),
                    d == null ? 0 : d.batches()));
        }
        String one = AmountFormat.dollars(d.dollarsPerPercent(), l);
        String error = AmountFormat.dollars(d.standardError(), l);
        Double left = w.percent() == null || w.resetPassed() ? null : d.dollarsLeft(w.percent());
        return new Worth(new TonedText(m.get("quota.worth", one, error), Tone.NORMAL),
                new TonedText(m.get("quota.worth_short", one), Tone.NORMAL), m.get("tip.quota.worth", one,
                error, d.batches(), AmountFormat.plain(Math.round(d.percentPoints()), l),
                left == null ? "--" : AmountFormat.dollars(left, l)));
    }

    private static QuotaSectionView unknownSection(String window, String label, boolean noQuota, Messages m) {
        return new QuotaSectionView(window, label, QuotaBarModel.UNKNOWN, false, true,
                noQuota ? m.get("quota.no_source") : "", TonedText.NONE, TonedText.UNKNOWN, TonedText.UNKNOWN,
                TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.NONE,
                m.get(noQuota ? "tip.quota.no_source" : "tip.quota.waiting", label), PaceView.NONE);
    }

    private static QuotaCaptions captions(Thresholds t, Messages m) {
        Locale l = m.locale();
        String pace = "\n" + m.get("tip.caption.pace");
        return new QuotaCaptions(m.get("label.reset"), m.get("label.expiry"), m.get("label.reserve"),
                m.get("label.burn_rate"), m.get("tip.caption.reset"), m.get("tip.caption.expiry") + pace,
                m.get("tip.caption.reserve", DurationFormat.words(t.reserveSafe(), m)) + pace,
                m.get("tip.caption.burn_rate", AmountFormat.plain(t.burnSafePerHour(), l),
                        AmountFormat.plain(t.burnWarnPerHour(), l)) + pace);
    }

    // ---- ring ----

    /**
     * The ring counts down to whichever comes first: the reset (green) or, when the 5h window will run out
     * before it resets, the expiry (yellow, red once the window is in alarm). With the limit reached nothing
     * can be used until the reset, so it counts down to the reset in red: blocked until then.
     */
    static RingModel ring(WindowForecast five, Messages m, ZoneId zone, boolean stale) {
        return ring(five, null, null, m, zone, stale);
    }

    /**
     * {@link #ring(WindowForecast, Messages, ZoneId, boolean)}, and under its label the window that runs out first
     * at the current pace and when, if within a day and the ring does not show it already ({@code 7d Sonnet 14:20}).
     */
    static RingModel ring(WindowForecast five, BindingLimit binding, Figures f, Messages m, ZoneId zone,
                          boolean stale) {
        RingModel r = ring5h(five, m, zone, stale);
        // the ring is narrow and counts the near term: a day or more ahead is for the header alone
        if (binding == null || stale || r.equals(RingModel.UNKNOWN) || five.limitReached()
                || BindingLimit.NOW.equals(binding.basis())
                || ("5h".equals(binding.window()) && five.expiresBeforeReset())
                || !binding.runsOut().isBefore(f.now().plus(ONE_DAY))) {
            return r;
        }
        String at = TimeFormat.time(binding.runsOut(), zone);
        return new RingModel(r.fractionLeft(), r.timeText(), r.label(), r.tone(),
                m.get("ring.binds", shortLabel(binding.window(), m), at));
    }

    /** A window's name in few letters, for the ring and the share rows: {@code 5h}, {@code 7d}, {@code Sonnet}. */
    static String shortLabel(String name, Messages m) {
        String key = "quota.short." + name;
        return m.has(key) ? m.get(key) : name.replace('_', ' ');
    }

    private static RingModel ring5h(WindowForecast five, Messages m, ZoneId zone, boolean stale) {
        if (five == null || five.resetPassed() || five.untilReset() == null || five.window().length() == null) {
            return RingModel.UNKNOWN;
        }
        double length = five.window().length().toMillis();
        RingModel r;
        if (five.limitReached()) {
            r = new RingModel(clamp(five.untilReset().toMillis() / length), DurationFormat.clock(five.untilReset()),
                    m.get("ring.blocked"), Tone.ALARM, m.get("ring.until", TimeFormat.time(five.window().reset(), zone)));
        } else if (five.expiresBeforeReset()) {
            Duration left = Duration.between(five.window().reset().minus(five.untilReset()), five.expiry());
            if (left.isNegative()) {
                left = Duration.ZERO;
            }
            Tone t = five.quotaLevel() == Level.ALARM || five.burnLevel() == Level.ALARM ? Tone.ALARM : Tone.WARN;
            r = new RingModel(clamp(left.toMillis() / length), DurationFormat.clock(left), m.get("ring.expiry"), t);
        } else {
            r = new RingModel(clamp(five.untilReset().toMillis() / length), DurationFormat.clock(five.untilReset()),
                    m.get("ring.reset"), Tone.OK);
        }
        return stale ? new RingModel(r.fractionLeft(), r.timeText(), r.label(), Tone.DIM, r.detail()) : r;
    }

    private static String ringTip(WindowForecast five, RingModel ring, Messages m) {
        if (ring.equals(RingModel.UNKNOWN)) {
            return m.get("tip.ring.unknown");
        }
        if (five.limitReached()) {
            return m.get("tip.ring.blocked", ring.timeText());
        }
        return m.get(five.expiresBeforeReset() ? "tip.ring.expiry" : "tip.ring.reset", ring.timeText());
    }

    // ---- requests and cache ----

    private static RequestsView requests(Figures f, HistoryFigures h, BudmonConfig config, Messages m, ZoneId zone) {
        String prices = pricesInWords(config, m);
        RequestColumnView last = column(m.get("label.last_request"), f.lastRequest(), m, zone,
                m.get("tip.requests.last", prices), quotaRow(h == null ? null : h.lastRequest(), m,
                        "tip.requests.quota_last"));
        RequestColumnView total = column(m.get("label.total_requests"), f.session(), m, zone,
                m.get("tip.requests.total", prices), quotaRow(h == null ? null : h.session(), m,
                        "tip.requests.quota_total"));
        PricedUsage five = f.windowUsage().get("5h");
        TonedText line = five == null ? TonedText.UNKNOWN : TonedText.plain(tokensAndCost(five, m));
        String tip = m.get("tip.requests.window", prices);
        // what 1 % of the window is worth stands beside what the window cost so far
        Worth worth = worth(f.window("5h"), h, m);
        if (worth != null) {
            line = new TonedText(line.text() + " · " + worth.shortText().text(), line.tone());
            tip += "\n" + worth.text().text() + ". " + worth.tip();
        }
        return new RequestsView(last, total, new FigureRow(m.get("label.window_caption", windowLabel("5h", m)), line,
                tip));
    }

    private static final String[] ROW_KEYS = {"label.requests", "label.since", "label.input", "label.output",
            "label.cache_c", "label.cache_r"};
    private static final String[] ROW_TIPS = {"tip.requests.requests", "tip.requests.since", "tip.requests.input",
            "tip.requests.output", "tip.requests.cache_c", "tip.requests.cache_r"};

    /**
     * The share of quota a request or a session took: {@code 0.8% of 5h} (the 5-hour window, else the first
     * window known), every window's in the tooltip; unknown without history figures or a share.
     *
     * @param shares percentage points by window name, {@code null} values for unknown shares
     */
    static FigureRow quotaRow(Map<String, Double> shares, Messages m, String tipKey) {
        String label = m.get("label.quota_share");
        if (shares == null) {
            return new FigureRow(label, TonedText.UNKNOWN, m.get("tip.requests.quota_unknown"));
        }
        StringBuilder tip = new StringBuilder(m.get(tipKey));
        String first = null;
        String firstWindow = null;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String share = AmountFormat.percentPoints(e.getValue(), m.locale());
            tip.append("\n• ").append(windowLabel(e.getKey(), m)).append(": ").append(share);
            if (first == null || ("5h".equals(e.getKey()) && !"5h".equals(firstWindow))) {
                first = share;
                firstWindow = e.getKey();
            }
        }
        if (first == null) {
            return new FigureRow(label, TonedText.UNKNOWN, tip.append("\n").append(m.get("tip.requests.quota_none"))
                    .toString());
        }
        return FigureRow.of(label, m.get("requests.share", first, shortLabel(firstWindow, m)), tip.toString());
    }

    private static RequestColumnView column(String title, PricedUsage u, Messages m, ZoneId zone, String tip,
                                            FigureRow quota) {
        String upper = title.toUpperCase(m.locale());
        List<FigureRow> rows = new ArrayList<>();
        if (u == null) {
            for (int i = 0; i < ROW_KEYS.length; i++) {
                rows.add(new FigureRow(m.get(ROW_KEYS[i]), TonedText.UNKNOWN, m.get(ROW_TIPS[i])));
            }
            rows.add(new FigureRow(quota.label(), TonedText.UNKNOWN, quota.tip()));
            return new RequestColumnView(upper, TonedText.UNKNOWN, rows, tip);
        }
        Locale locale = m.locale();
        String[] values = {AmountFormat.tokensFull((long) u.requests(), locale), TimeFormat.time(u.since(), zone),
                AmountFormat.tokensFull(u.tokens().input(), locale), AmountFormat.tokensFull(u.tokens().output(), locale),
                AmountFormat.tokensFull(u.tokens().cacheWrite(), locale),
                AmountFormat.tokensFull(u.tokens().cacheRead(), locale)};
        for (int i = 0; i < ROW_KEYS.length; i++) {
            rows.add(FigureRow.of(m.get(ROW_KEYS[i]), values[i], m.get(ROW_TIPS[i])));
        }
        rows.add(quota);
        return new RequestColumnView(upper, TonedText.plain(tokensAndCost(u, m)), rows, tip);
    }

    private static String tokensAndCost(PricedUsage u, Messages m) {
        return m.get("label.tokens_cost", AmountFormat.tokensCompact(u.tokens().total(), m.locale()),
                AmountFormat.dollars(u.cost().total(), m.locale()));
    }

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
                : m.get("tip.footer.prices", pricesInWords(config, m), config.model().iniValue());
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

    /** Which prices the dollar figures use, in words: each model's own, or one model's, or the custom ones. */
    static String pricesInWords(BudmonConfig config, Messages m) {
        return switch (config.model()) {
            case AUTO -> m.get("pricing.auto");
            case CUSTOM -> m.get("pricing.custom",
                    AmountFormat.plain(config.customPrices().input(), m.locale()),
                    AmountFormat.plain(config.customPrices().output(), m.locale()));
            default -> m.get("pricing.model", m.get("choice.model." + config.model().iniValue()));
        };
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

    // ---- helpers ----

    private static boolean isLong(QuotaWindow q) {
        return q.length() != null && q.length().compareTo(ONE_DAY) > 0;
    }

    private static TonedText text(String s, Tone t) {
        return "--".equals(s) ? TonedText.UNKNOWN : new TonedText(s, t);
    }

    /** {@code t} in the dim colour when the figures are old; an empty text stays as it is. */
    private static TonedText dim(TonedText t, boolean stale) {
        return stale && !t.text().isEmpty() ? new TonedText(t.text(), Tone.DIM) : t;
    }

    private static double clamp(double d) {
        return Math.max(0, Math.min(1, d));
    }

    private static Level levelOf(OverallStatus s) {
        return switch (s) {
            case OK -> Level.OK;
            case WARN -> Level.WARN;
            case ALARM -> Level.ALARM;
            case WAIT, NO_QUOTA -> Level.NONE;
        };
    }

    /**
     * A forecast at the pace of the last hour, to the hour when it is an hour or more away: its minutes would
     * claim a precision the pace does not have (and the line beside the ring has no room for them).
     */
    static Duration roughly(Duration d) {
        if (d.abs().compareTo(Duration.ofHours(1)) < 0) {
            return d;
        }
        return Duration.ofHours(Math.round(d.toMinutes() / 60.0));
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

package dev.budmon.ui.view;

import dev.budmon.calc.Figures;
import dev.budmon.calc.Level;
import dev.budmon.calc.Levels;
import dev.budmon.calc.PaceForecast;
import dev.budmon.calc.WindowForecast;
import dev.budmon.config.Thresholds;
import dev.budmon.format.AmountFormat;
import dev.budmon.format.DurationFormat;
import dev.budmon.format.TimeFormat;
import dev.budmon.i18n.Messages;
import dev.budmon.model.QuotaWindow;
import dev.budmon.quotacost.DollarsPerPercent;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.widget.QuotaBarModel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static dev.budmon.ui.view.ViewTones.dim;
import static dev.budmon.ui.view.ViewTones.text;
import static dev.budmon.ui.view.ViewTones.tone;

/**
 * The quota windows' sections of the {@link DashboardView}: bar, reset, countdown, expiry, reserve and burn
 * rate, the same at the history's pace, and what 1 % of a window is worth. Pure, any thread; part of
 * {@link DashboardViewBuilder}.
 */
final class QuotaSectionBuilder {

    private static final Duration ONE_DAY = Duration.ofDays(1);

    private QuotaSectionBuilder() {
    }

    /** The window's display name: {@code 5 hours}, {@code 7 days Sonnet}, or {@code Window x} for names we do not know. */
    static String windowLabel(String name, Messages m) {
        String key = "quota." + name;
        return m.has(key) ? m.get(key) : m.get("quota.other", name);
    }

    static QuotaSectionView section(WindowForecast w, Figures f, HistoryFigures h, Thresholds t, Messages m,
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

    static QuotaSectionView unknownSection(String window, String label, boolean noQuota, Messages m) {
        return new QuotaSectionView(window, label, QuotaBarModel.UNKNOWN, false, true,
                noQuota ? m.get("quota.no_source") : "", TonedText.NONE, TonedText.UNKNOWN, TonedText.UNKNOWN,
                TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.NONE,
                m.get(noQuota ? "tip.quota.no_source" : "tip.quota.waiting", label), PaceView.NONE);
    }

    static QuotaCaptions captions(Thresholds t, Messages m) {
        Locale l = m.locale();
        String pace = "\n" + m.get("tip.caption.pace");
        return new QuotaCaptions(m.get("label.reset"), m.get("label.expiry"), m.get("label.reserve"),
                m.get("label.burn_rate"), m.get("tip.caption.reset"), m.get("tip.caption.expiry") + pace,
                m.get("tip.caption.reserve", DurationFormat.words(t.reserveSafe(), m)) + pace,
                m.get("tip.caption.burn_rate", AmountFormat.plain(t.burnSafePerHour(), l),
                        AmountFormat.plain(t.burnWarnPerHour(), l)) + pace);
    }

    private static boolean isLong(QuotaWindow q) {
        return q.length() != null && q.length().compareTo(ONE_DAY) > 0;
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
}

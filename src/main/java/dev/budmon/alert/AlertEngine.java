package dev.budmon.alert;

import dev.budmon.alert.AlertState.GapMemory;
import dev.budmon.alert.AlertState.ServerMemory;
import dev.budmon.alert.AlertState.WindowMemory;
import dev.budmon.calc.Level;
import dev.budmon.calc.Levels;
import dev.budmon.config.AlertSettings;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.Thresholds;
import dev.budmon.model.QuotaWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which alerts are due: a pure function of (previous alert state, new readings, now, config) to
 * (alerts, next state). No I/O, no clock; any thread.
 *
 * <p>The rules, each once per window instance (from a window's start to its reset):
 * <ul>
 * <li>a window reaches the warn or the alarm threshold ({@code [thresholds] quota_warn}, {@code quota_alarm});
 *     straight to alarm gives the alarm only;</li>
 * <li>at the current pace the window runs out before its reset, and within the lead time; found together with
 *     a threshold, both go into one alert;</li>
 * <li>the server's status turns {@code allowed_warning} or {@code rejected};</li>
 * <li>a window that was at or above warn has reset (quota back), unless that reset is more than an hour old
 *     by the time BudMon sees it;</li>
 * <li>Claude Code's transcripts have been growing for a while without any quota figure arriving.</li>
 * </ul>
 * A window whose reset is unknown has no instances to count; for it, a threshold alert may come again only
 * after the window fell below the warn threshold by the hysteresis. Figures whose reset has passed belong to
 * an instance that is over and never alert. A switched-off rule is still followed in the state, silently, so
 * that switching it on does not bring up old news.
 */
public final class AlertEngine {

    /** A reset that moves by more than this is a new instance; less is the server's rounding. */
    static final Duration RESET_TOLERANCE = Duration.ofHours(1);
    /** A reset older than this when first seen is old news: no quota-back alert for it. */
    static final Duration QUOTA_BACK_FRESHNESS = Duration.ofHours(1);
    /** A pause in Claude Code's work longer than this starts a new stretch of work for the no-data rule. */
    static final Duration WORK_PAUSE = Duration.ofHours(1);
    /** Window memories whose reset lies this far back are forgotten, so the state file stays small. */
    static final Duration FORGET_AFTER = Duration.ofDays(8);

    private AlertEngine() {
    }

    /**
     * One evaluation.
     *
     * @param previous what the last evaluation returned as {@link AlertOutcome#next()}, or
     *                 {@link AlertState#EMPTY} on the first run
     * @param input    the readings of the newest state
     * @param now      the moment of the evaluation
     * @param config   the thresholds and the {@code [alerts]} settings
     */
    public static AlertOutcome evaluate(AlertState previous, AlertInput input, Instant now, BudmonConfig config) {
        AlertSettings rules = config.alerts();
        Thresholds t = config.thresholds();
        List<Alert> alerts = new ArrayList<>();
        Map<String, WindowReading> readings = new LinkedHashMap<>();
        for (WindowReading r : input.windows()) {
            readings.put(r.name(), r);
        }
        Set<String> names = new LinkedHashSet<>(readings.keySet());
        names.addAll(previous.windows().keySet());
        Map<String, WindowMemory> memories = new LinkedHashMap<>();
        for (String name : names) {
            WindowMemory m = window(name, readings.get(name), previous.windows().get(name), now, rules, t, alerts);
            if (m != null && !forgotten(m, now)) {
                memories.put(name, m);
            }
        }
        ServerMemory server = server(input.server(), previous.server(), now, rules, alerts);
        GapMemory gap = gap(input, previous.gap(), now, rules, alerts);
        return new AlertOutcome(rules.enabled() ? alerts : List.of(), new AlertState(memories, server, gap));
    }

    private static WindowMemory window(String name, WindowReading r, WindowMemory m, Instant now,
                                       AlertSettings rules, Thresholds t, List<Alert> alerts) {
        boolean live = r != null && r.percent() != null && !r.percent().isNaN()
                && (r.reset() == null || r.reset().isAfter(now));
        if (m != null && !m.closed() && instanceOver(r, m, live, now, t, rules)) {
            boolean fresh = m.reset() == null || !now.isAfter(m.reset().plus(QUOTA_BACK_FRESHNESS));
            if (m.peak() >= t.quotaWarnPercent() && fresh && rules.quotaBack()) {
                double available = live ? Math.max(0, 100 - r.percent()) : 100;
                Duration length = r != null && r.length() != null ? r.length() : QuotaWindow.lengthOf(name);
                alerts.add(new Alert.QuotaBack(name, available, m.reset(), length));
            }
            // a live reading is already the next instance's
            m = live ? null : new WindowMemory(m.reset(), m.notified(), m.exhaustion(), m.peak(), true);
        }
        if (!live) {
            return m;
        }
        if (m == null || m.closed() && !sameInstance(r, m)) {
            m = WindowMemory.open(r.reset(), r.percent());
        } else if (m.closed()) {
            return m; // the reset moved a little after it had passed: still the instance that is over
        }
        double p = r.percent();
        Level target = p >= t.quotaAlarmPercent() ? Level.ALARM : p >= t.quotaWarnPercent() ? Level.WARN : Level.NONE;
        Level notified = m.notified();
        Alert.QuotaReached reached = null;
        if (target.ordinal() > notified.ordinal()) {
            boolean on = target == Level.ALARM ? rules.quotaAlarm() : rules.quotaWarn();
            if (on) {
                double threshold = target == Level.ALARM ? t.quotaAlarmPercent() : t.quotaWarnPercent();
                reached = new Alert.QuotaReached(name, target, p, threshold, r.reset(), r.length(), null);
            }
            notified = target;
        }
        boolean exhaustion = m.exhaustion();
        Instant e = r.predictedExhaustion();
        if (!exhaustion && e != null && r.reset() != null && e.isAfter(now) && e.isBefore(r.reset())
                && !e.isAfter(now.plus(rules.exhaustionLead())) && p < 100) {
            exhaustion = true;
            if (rules.exhaustion()) {
                if (reached != null) {
                    reached = new Alert.QuotaReached(name, reached.level(), p, reached.threshold(), r.reset(),
                            r.length(), e);
                } else {
                    alerts.add(new Alert.RunsOut(name, p, e, r.reset(), r.length()));
                }
            }
        }
        if (reached != null) {
            alerts.add(reached);
        }
        // the server's rounding may move the reset a little: follow it
        Instant reset = r.reset() != null ? r.reset() : m.reset();
        return new WindowMemory(reset, notified, exhaustion, Math.max(m.peak(), p), false);
    }

    /** Whether the remembered, open instance has ended, by this reading or by the clock. */
    private static boolean instanceOver(WindowReading r, WindowMemory m, boolean live, Instant now, Thresholds t,
                                        AlertSettings rules) {
        if (m.reset() != null) {
            if (!now.isBefore(m.reset())) {
                // over by the clock, unless the server has just moved the reset a little later
                return !(live && r.reset() != null && sameInstance(r, m));
            }
            return live && !sameInstance(r, m);
        }
        // no reset known: the instance ends when the window is clearly below warn again
        return live && r.reset() == null && m.peak() >= t.quotaWarnPercent()
                && r.percent() < t.quotaWarnPercent() - rules.hysteresis();
    }

    /**
     * Whether the reading belongs to the remembered instance: its reset is the memory's, give or take the
     * server's rounding. A reading or memory without a reset is taken as the same: a missing figure is no
     * news.
     */
    private static boolean sameInstance(WindowReading r, WindowMemory m) {
        if (r.reset() == null || m.reset() == null) {
            return true;
        }
        return Duration.between(m.reset(), r.reset()).abs().compareTo(RESET_TOLERANCE) <= 0;
    }

    private static boolean forgotten(WindowMemory m, Instant now) {
        return m.closed() && (m.reset() == null || m.reset().plus(FORGET_AFTER).isBefore(now));
    }

    private static ServerMemory server(ServerReading s, ServerMemory m, Instant now, AlertSettings rules,
                                       List<Alert> alerts) {
        Level level = Levels.serverStatus(s.status());
        boolean live = level != Level.NONE && (s.reset() == null || s.reset().isAfter(now));
        if (m.notified() != Level.NONE) {
            boolean over = m.reset() != null
                    ? !now.isBefore(m.reset()) || live && s.reset() != null
                            && Duration.between(m.reset(), s.reset()).abs().compareTo(RESET_TOLERANCE) > 0
                    : live && level == Level.OK;
            if (over) {
                m = ServerMemory.NONE;
            }
        }
        if (!live || level.ordinal() <= m.notified().ordinal()) {
            return m;
        }
        if (level == Level.WARN || level == Level.ALARM) {
            if (rules.serverStatus()) {
                alerts.add(new Alert.ServerStatus(s.status(), s.claim(), s.reset()));
            }
            return new ServerMemory(s.reset() != null ? s.reset() : m.reset(), level);
        }
        return m;
    }

    private static GapMemory gap(AlertInput input, GapMemory g, Instant now, AlertSettings rules,
                                 List<Alert> alerts) {
        Instant last = input.lastActivity();
        Instant quota = input.quotaObservedAt();
        if (last == null) {
            return g;
        }
        if (quota != null && !last.isAfter(quota)) {
            return GapMemory.NONE; // the quota figures are as new as the work
        }
        boolean newStretch = g.since() == null
                || quota != null && !g.since().isAfter(quota)
                || g.last() != null && Duration.between(g.last(), last).compareTo(WORK_PAUSE) > 0;
        GapMemory next = newStretch ? new GapMemory(last, last, false)
                : new GapMemory(g.since(), last.isAfter(g.last()) ? last : g.last(), g.notified());
        Duration working = Duration.between(next.since(), next.last());
        boolean stillWorking = Duration.between(next.last(), now).compareTo(rules.noDataAfter()) <= 0;
        if (!next.notified() && working.compareTo(rules.noDataAfter()) >= 0 && stillWorking) {
            if (rules.noData()) {
                alerts.add(new Alert.NoQuotaData(working));
            }
            next = new GapMemory(next.since(), next.last(), true);
        }
        return next;
    }
}

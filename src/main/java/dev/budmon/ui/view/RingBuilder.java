package dev.budmon.ui.view;

import dev.budmon.calc.BindingLimit;
import dev.budmon.calc.Figures;
import dev.budmon.calc.Level;
import dev.budmon.calc.WindowForecast;
import dev.budmon.format.DurationFormat;
import dev.budmon.format.TimeFormat;
import dev.budmon.i18n.Messages;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.widget.RingModel;

import java.time.Duration;
import java.time.ZoneId;

/** The countdown ring of the {@link DashboardView} and its tooltip. Pure, any thread; part of {@link DashboardViewBuilder}. */
final class RingBuilder {

    private RingBuilder() {
    }

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
     * at the current pace and when, if that is today and the ring does not show it already ({@code 7d Sonnet 14:20}).
     */
    static RingModel ring(WindowForecast five, BindingLimit binding, Figures f, Messages m, ZoneId zone,
                          boolean stale) {
        RingModel r = ring5h(five, m, zone, stale);
        // the ring is narrow and counts the near term: what is not today is for the header alone, which has
        // room for its weekday
        if (binding == null || stale || r.equals(RingModel.UNKNOWN) || five.limitReached()
                || BindingLimit.NOW.equals(binding.basis())
                || ("5h".equals(binding.window()) && five.expiresBeforeReset())
                || !TimeFormat.sameDay(binding.runsOut(), f.now(), zone)) {
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

    static String ringTip(WindowForecast five, RingModel ring, Messages m) {
        if (ring.equals(RingModel.UNKNOWN)) {
            return m.get("tip.ring.unknown");
        }
        if (five.limitReached()) {
            return m.get("tip.ring.blocked", ring.timeText());
        }
        return m.get(five.expiresBeforeReset() ? "tip.ring.expiry" : "tip.ring.reset", ring.timeText());
    }

    private static double clamp(double d) {
        return Math.max(0, Math.min(1, d));
    }
}

package dev.budmon.alert;

import dev.budmon.format.AmountFormat;
import dev.budmon.format.DurationFormat;
import dev.budmon.format.TimeFormat;
import dev.budmon.i18n.Messages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The words of each alert, in the language of the given texts. Pure; any thread. */
public final class AlertTexts {

    private AlertTexts() {
    }

    /**
     * The notification of an alert.
     *
     * @param now  the moment of the evaluation, for countdowns
     * @param zone the time zone for clock times
     */
    public static Notice notice(Alert alert, Instant now, ZoneId zone, Messages m) {
        List<String> body = new ArrayList<>(3);
        String summary;
        if (alert instanceof Alert.QuotaReached a) {
            summary = m.get("alert.reached.summary", window(a.window(), m), percent(a.percent(), m));
            body.add(m.get(a.level() == dev.budmon.calc.Level.ALARM ? "alert.reached.alarm" : "alert.reached.warn",
                    percent(a.threshold(), m)));
            if (a.exhaustion() != null) {
                body.add(runsOut(a.window(), a.exhaustion(), a.reset(), a.length(), now, zone, m));
            } else if (a.reset() != null) {
                body.add(m.get("alert.resets_at", TimeFormat.withCountdown(a.reset(), a.length(), now, zone, m)));
            }
        } else if (alert instanceof Alert.RunsOut a) {
            summary = m.get("alert.runs_out.summary", window(a.window(), m),
                    DurationFormat.words(Duration.between(now, a.exhaustion()), m));
            body.add(runsOut(a.window(), a.exhaustion(), a.reset(), a.length(), now, zone, m));
            body.add(m.get("alert.used", percent(a.percent(), m)));
        } else if (alert instanceof Alert.ServerStatus a) {
            boolean rejected = "rejected".equals(a.status());
            summary = m.get(rejected ? "alert.server.rejected" : "alert.server.warning");
            String claim = claimWindow(a.claim());
            body.add(claim == null ? m.get("alert.server.status", a.status())
                    : m.get("alert.server.status_of", a.status(), window(claim, m)));
            if (a.reset() != null) {
                body.add(m.get("alert.resets_at", TimeFormat.withCountdown(a.reset(),
                        claim == null ? null : dev.budmon.model.QuotaWindow.lengthOf(claim), now, zone, m)));
            }
        } else if (alert instanceof Alert.QuotaBack a) {
            summary = m.get("alert.back.summary", window(a.window(), m), percent(a.available(), m));
            body.add(a.reset() == null ? m.get("alert.back.body")
                    : m.get("alert.back.body_at", TimeFormat.forWindow(a.reset(), a.length(), now, zone, m)));
        } else if (alert instanceof Alert.NoQuotaData a) {
            summary = m.get("alert.no_data.summary");
            body.add(m.get("alert.no_data.body", DurationFormat.words(a.working(), m)));
            body.add(m.get("alert.no_data.fix"));
        } else {
            throw new IllegalArgumentException("unknown alert " + alert);
        }
        return new Notice(summary, String.join(" ", body), alert.urgency());
    }

    /**
     * {@code 5-hour quota runs out in about 25 min, 1 h 10 min before its reset at 14:00.}
     */
    static String runsOut(String window, Instant exhaustion, Instant reset, Duration length, Instant now,
                          ZoneId zone, Messages m) {
        return m.get("alert.runs_out.sentence", window(window, m),
                DurationFormat.words(Duration.between(now, exhaustion), m),
                DurationFormat.words(Duration.between(exhaustion, reset), m),
                TimeFormat.forWindow(reset, length, now, zone, m));
    }

    /** {@code 5-hour quota}, {@code 7-day Opus quota}, or {@code quota window x} for a name not known. */
    public static String window(String name, Messages m) {
        String key = "alert.window." + name;
        return m.has(key) ? m.get(key) : m.get("alert.window_other", name);
    }

    private static String percent(double p, Messages m) {
        return AmountFormat.percent(p, m.locale());
    }

    /** The window name of the server's {@code representative-claim}; {@code null} when not one we know. */
    static String claimWindow(String claim) {
        if (claim == null) {
            return null;
        }
        return switch (claim) {
            case "five_hour" -> "5h";
            case "seven_day" -> "7d";
            case "seven_day_opus" -> "7d_opus";
            case "seven_day_sonnet" -> "7d_sonnet";
            case "overage" -> "overage";
            default -> null;
        };
    }
}

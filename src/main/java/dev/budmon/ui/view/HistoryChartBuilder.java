package dev.budmon.ui.view;

import dev.budmon.calc.Pricing;
import dev.budmon.config.Thresholds;
import dev.budmon.format.AmountFormat;
import dev.budmon.format.TimeFormat;
import dev.budmon.history.QuotaHistory;
import dev.budmon.history.Trail;
import dev.budmon.i18n.Messages;
import dev.budmon.model.ApiResponse;
import dev.budmon.ui.widget.HistoryChartModel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the quota history window's views from the history and the transcripts' requests. Pure: every input is
 * a parameter. Any thread (the window builds them on its I/O thread).
 */
public final class HistoryChartBuilder {

    private HistoryChartBuilder() {
    }

    /**
     * The view of one range ending at {@code now}.
     *
     * @param history   the history of at least the range
     * @param responses the requests of at least the range, for the requests and cost of each hour
     */
    public static HistoryChartView build(HistoryRange range, QuotaHistory history, List<ApiResponse> responses,
                                         Pricing pricing, Thresholds t, Instant now, Messages m, ZoneId zone) {
        Instant from = now.minus(range.span());
        int columns = range.columns();
        List<String> windows = windowsOf(history, from, now);
        List<HistoryChartModel.Line> lines = new ArrayList<>();
        List<HistoryChartView.Legend> legend = new ArrayList<>();
        List<Trail> trails = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            Trail trail = Trail.of(history, windows.get(i), from, now, columns);
            trails.add(trail);
            lines.add(new HistoryChartModel.Line(windows.get(i), trail.values(), trail.resets(), i));
            legend.add(new HistoryChartView.Legend(QuotaSectionBuilder.windowLabel(windows.get(i), m), i));
        }
        // the 5-hour line on top: it moves most
        List<HistoryChartModel.Line> drawn = new ArrayList<>(lines);
        java.util.Collections.reverse(drawn);
        Locale l = m.locale();
        HistoryChartModel chart = new HistoryChartModel(drawn, columns, t.quotaWarnPercent() / 100,
                t.quotaAlarmPercent() / 100, ticks(range, from, now, zone, l),
                List.of(AmountFormat.percent(0.0, l), AmountFormat.percent(50.0, l), AmountFormat.percent(100.0, l)));

        Map<Long, double[]> hours = hours(responses, pricing, from, now);
        long width = range.span().toMillis() / columns;
        List<String> hovers = new ArrayList<>(columns);
        List<String> hourTexts = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            Instant at = from.plusMillis(c * width + width / 2);
            StringBuilder figures = new StringBuilder();
            for (int i = 0; i < trails.size(); i++) {
                double v = trails.get(i).value(c);
                if (!Double.isNaN(v)) {
                    figures.append(figures.length() == 0 ? "" : " · ").append(legend.get(i).label()).append(' ')
                            .append(AmountFormat.percent(v * 100, l));
                }
            }
            Instant hour = at.truncatedTo(ChronoUnit.HOURS);
            double[] h = hours.getOrDefault(hour.toEpochMilli(), new double[2]);
            hovers.add(m.get("history.hover", TimeFormat.weekdayDateTime(at, zone, m),
                    figures.length() == 0 ? m.get("history.no_figure") : figures.toString()));
            hourTexts.add(m.get("history.hour", TimeFormat.time(hour, zone),
                    TimeFormat.time(hour.plus(Duration.ofHours(1)), zone), (long) h[0], AmountFormat.dollars(h[1], l)));
        }
        String summary = windows.isEmpty() ? m.get("history.empty") : m.get("history.prompt");
        return new HistoryChartView(range, chart, legend, hovers, hourTexts, summary);
    }

    /** The windows observed in the span, 5h and 7d first, then the others by name; overage is not a quota. */
    static List<String> windowsOf(QuotaHistory history, Instant from, Instant to) {
        List<String> out = new ArrayList<>();
        for (String name : history.windowNames()) {
            if (!"overage".equals(name) && history.series(name, from.toEpochMilli() - Duration.ofDays(7).toMillis(),
                    to.toEpochMilli()).size() > 0) {
                out.add(name);
            }
        }
        out.sort((a, b) -> {
            int ra = rank(a);
            int rb = rank(b);
            return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
        });
        return out;
    }

    private static int rank(String window) {
        return switch (window) {
            case "5h" -> 0;
            case "7d" -> 1;
            default -> 2;
        };
    }

    /** Requests and their cost per hour (epoch millis of its start) in the span: {count, dollars}. */
    static Map<Long, double[]> hours(List<ApiResponse> responses, Pricing pricing, Instant from, Instant to) {
        Map<Long, double[]> out = new HashMap<>();
        long start = from.truncatedTo(ChronoUnit.HOURS).toEpochMilli();
        long end = to.toEpochMilli();
        for (ApiResponse r : responses) {
            if (r.time() == null) {
                continue;
            }
            long t = r.time().toEpochMilli();
            if (t < start || t >= end) {
                continue;
            }
            double[] h = out.computeIfAbsent(t - Math.floorMod(t, 3_600_000L), k -> new double[2]);
            h[0]++;
            h[1] += pricing.cost(r.model(), r.tokens()).total();
        }
        return out;
    }

    /** Every 3 hours for a day, each midnight for a week, every 5th midnight for a month. */
    private static List<HistoryChartModel.Tick> ticks(HistoryRange range, Instant from, Instant to, ZoneId zone,
                                                      Locale l) {
        List<HistoryChartModel.Tick> out = new ArrayList<>();
        ZonedDateTime t = from.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        Duration step;
        DateTimeFormatter format;
        if (range == HistoryRange.DAY) {
            t = t.plusHours(3 - Math.floorMod(t.getHour(), 3));
            step = Duration.ofHours(3);
            format = DateTimeFormatter.ofPattern("HH:mm", l);
        } else {
            t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            step = Duration.ofDays(range == HistoryRange.WEEK ? 1 : 5);
            format = DateTimeFormatter.ofPattern(range == HistoryRange.WEEK ? "EEE d" : "d MMM", l);
        }
        double span = Duration.between(from, to).toMillis();
        while (t.toInstant().isBefore(to)) {
            out.add(new HistoryChartModel.Tick(Duration.between(from, t.toInstant()).toMillis() / span,
                    format.format(t)));
            t = t.plus(step);
        }
        return out;
    }
}

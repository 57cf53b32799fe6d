package dev.budmon.ui.view;

import dev.budmon.format.AmountFormat;
import dev.budmon.format.TimeFormat;
import dev.budmon.i18n.Messages;
import dev.budmon.report.ModelLine;
import dev.budmon.report.Report;
import dev.budmon.report.ReportKind;
import dev.budmon.report.ReportRow;
import dev.budmon.report.ReportTable;
import dev.budmon.ui.widget.CostChartModel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost chart of a daily, weekly or monthly report: a bar per day, week or month from the first to the
 * last with usage (those without usage as empty bars, so that the axis is one of time), stacked by model,
 * the most expensive model at the bottom; models beyond the fifth share one series, "other". Each model keeps
 * its colour from range to range: the colours go by the models' rank over the whole history, not in the range
 * shown. Pure; any thread.
 */
public final class CostChartBuilder {

    /** Guide lines aimed at: the step is the round figure that gives about this many. */
    private static final int GUIDES = 4;

    private CostChartBuilder() {
    }

    /** The chart of {@code report}, its colours by the models' rank in it; an empty one for reports not by time. */
    public static CostChartModel chart(Report report, Messages m) {
        return chart(report, List.of(), m);
    }

    /**
     * The chart of {@code report}; an empty one for reports that are not by time.
     *
     * @param colourOrder the models by their cost over the whole history, most first: the first five have the
     *                    theme's first five colours in every chart, the others take the colours left free
     */
    public static CostChartModel chart(Report report, List<String> colourOrder, Messages m) {
        ReportKind kind = report.options().kind();
        if (!kind.isTime()) {
            return new CostChartModel(List.of(), List.of(), List.of(), m.get("reports.chart.empty"));
        }
        List<ModelLine> models = report.total().models();
        boolean other = models.size() > CostChartModel.MAX_SERIES;
        int own = other ? CostChartModel.MAX_SERIES - 1 : models.size();
        List<String> series = new ArrayList<>();
        Map<String, Integer> seriesOf = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            seriesOf.put(models.get(i).model(), Math.min(i, own));
            if (i < own) {
                series.add(ReportTable.shortModel(models.get(i).model()));
            }
        }
        if (other) {
            series.add(m.get("reports.chart.other"));
        }
        List<Integer> colours = colours(series.size(), models.subList(0, own), other, colourOrder);
        Map<String, ReportRow> byKey = new HashMap<>();
        for (ReportRow row : report.rows()) {
            byKey.put(row.key(), row);
        }
        List<CostChartModel.Bar> bars = new ArrayList<>();
        double highest = 0;
        for (String key : keys(report)) {
            ReportRow row = byKey.get(key);
            double[] costs = new double[series.size()];
            if (row != null) {
                for (ModelLine line : row.models()) {
                    costs[seriesOf.get(line.model())] += line.cost().total();
                }
                highest = Math.max(highest, row.cost().total());
            }
            List<Double> list = new ArrayList<>(costs.length);
            for (double c : costs) {
                list.add(c);
            }
            bars.add(new CostChartModel.Bar(label(kind, key), list, tooltip(kind, key, row, m)));
        }
        return new CostChartModel(series, colours, bars, grid(highest, m.locale()), m.get("reports.chart.empty"));
    }

    /**
     * The series' colours: a model among the first five of {@code colourOrder} has the colour of its place
     * there; the others, in the order shown, the lowest colours no such model holds; "other" the last.
     */
    static List<Integer> colours(int count, List<ModelLine> own, boolean other, List<String> colourOrder) {
        int fixed = CostChartModel.MAX_SERIES - 1;
        Integer[] colours = new Integer[count];
        boolean[] taken = new boolean[CostChartModel.MAX_SERIES];
        if (other) {
            colours[count - 1] = fixed;
            taken[fixed] = true;
        }
        for (int i = 0; i < own.size(); i++) {
            int place = colourOrder.indexOf(own.get(i).model());
            if (place >= 0 && place < fixed) {
                colours[i] = place;
                taken[place] = true;
            }
        }
        int free = 0;
        for (int i = 0; i < own.size(); i++) {
            if (colours[i] == null) {
                while (taken[free]) {
                    free++;
                }
                colours[i] = free;
                taken[free] = true;
            }
        }
        return List.of(colours);
    }

    /** The rows' keys from the first to the last, with those between that have no row. */
    static List<String> keys(Report report) {
        List<ReportRow> rows = report.rows();
        List<String> keys = new ArrayList<>();
        if (rows.isEmpty()) {
            return keys;
        }
        String first = rows.get(0).key();
        String last = rows.get(rows.size() - 1).key();
        if (report.options().kind() == ReportKind.MONTHLY) {
            YearMonth end = YearMonth.parse(last);
            for (YearMonth ym = YearMonth.parse(first); !ym.isAfter(end); ym = ym.plusMonths(1)) {
                keys.add(ym.toString());
            }
        } else {
            int step = report.options().kind() == ReportKind.WEEKLY ? 7 : 1;
            LocalDate end = LocalDate.parse(last);
            for (LocalDate d = LocalDate.parse(first); !d.isAfter(end); d = d.plusDays(step)) {
                keys.add(d.toString());
            }
        }
        return keys;
    }

    /** Below a bar: {@code 12-05} for a day or a week, {@code 2026-12} for a month. */
    private static String label(ReportKind kind, String key) {
        return kind == ReportKind.MONTHLY ? key : key.substring(5);
    }

    /** The bar's title and, per model, its cost; then the total and the requests. */
    private static String tooltip(ReportKind kind, String key, ReportRow row, Messages m) {
        String title = switch (kind) {
            case MONTHLY -> {
                YearMonth ym = YearMonth.parse(key);
                yield m.get("month." + ym.getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT)) + " "
                        + ym.getYear();
            }
            case WEEKLY -> m.get("reports.chart.week_of", day(key, m));
            default -> day(key, m);
        };
        StringBuilder b = new StringBuilder("<html><b>").append(escape(title)).append("</b>");
        if (row == null) {
            return b.append("<br>").append(escape(m.get("reports.chart.nothing"))).append("</html>").toString();
        }
        for (ModelLine line : row.models()) {
            b.append("<br>").append(escape(ReportTable.shortModel(line.model()))).append(": ")
                    .append(escape(AmountFormat.dollars(line.cost().total(), m.locale())));
        }
        b.append("<br><b>").append(escape(m.get("reports.chart.total",
                AmountFormat.dollars(row.cost().total(), m.locale()),
                AmountFormat.tokensFull((long) row.requests(), m.locale())))).append("</b>");
        return b.append("</html>").toString();
    }

    /** A day in the language's order with its year: {@code Sat Dec 5 2026}, {@code Sa 05.12.2026}. */
    private static String day(String key, Messages m) {
        LocalDate d = LocalDate.parse(key);
        String date = TimeFormat.weekdayDate(d.atStartOfDay(ZoneOffset.UTC), m);
        return date.endsWith(".") ? date + d.getYear() : date + " " + d.getYear();
    }

    /**
     * Guide lines from $0 up to the first round step (1, 2 or 5 times a power of ten) at or above the highest
     * bar, about {@link #GUIDES} of them.
     */
    static List<CostChartModel.GridLine> grid(double highest, Locale locale) {
        List<CostChartModel.GridLine> lines = new ArrayList<>();
        if (highest <= 0) {
            lines.add(new CostChartModel.GridLine(0, dollars(0, true, locale)));
            return lines;
        }
        double raw = highest / GUIDES;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power * 10;
        for (double f : new double[] {1, 2, 5}) {
            if (f * power >= raw) {
                step = f * power;
                break;
            }
        }
        int count = (int) Math.ceil(highest / step - 1e-9);
        for (int k = 0; k <= count; k++) {
            double v = k * step;
            lines.add(new CostChartModel.GridLine(v, dollars(v, step >= 1, locale)));
        }
        return lines;
    }

    /** A guide's label; whole dollars without their cents when every step is whole. */
    private static String dollars(double v, boolean whole, Locale locale) {
        return whole ? AmountFormat.wholeDollars(v, locale) : AmountFormat.dollars(v, locale);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

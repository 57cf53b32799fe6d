package dev.budmon.report;

import dev.budmon.calc.Cost;
import dev.budmon.calc.Pricing;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.TokenCounts;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups counted responses into a {@link Report}: by day, week or month in the report's time zone, by
 * project, session or model. Pure: a function of the responses, the sessions, the options and the prices.
 * Orders are classes, not lambdas: a report starts in a fresh JVM each time, and the first lambda costs it
 * its bootstrap. Any thread.
 */
public final class ReportBuilder {

    /** The project of a session whose working directory and folder are both unknown. */
    public static final String UNKNOWN_PROJECT = "(unknown)";

    private static final Comparator<ReportRow> BY_KEY = new RowOrder(false, false);
    private static final Comparator<ReportRow> BY_LAST = new RowOrder(true, false);
    private static final Comparator<ReportRow> BY_COST = new RowOrder(false, true);
    private static final Comparator<ModelLine> LINE_ORDER = new LineOrder();

    private ReportBuilder() {
    }

    /**
     * Builds the report.
     *
     * @param responses every counted response (each once), in any order
     * @param sessions  the sessions, for the projects their responses belong to
     * @param pricing   the prices to apply
     */
    public static Report build(List<ApiResponse> responses, List<SessionUsage> sessions, ReportOptions options,
                               Pricing pricing) {
        Map<String, String> projectOf = new HashMap<>();
        for (SessionUsage s : sessions) {
            projectOf.put(s.sessionId(), projectOf(s));
        }
        Map<String, Group> groups = new HashMap<>();
        Group total = new Group("total", null);
        Set<String> models = new HashSet<>();
        ReportKind kind = options.kind();
        // The day of the previous response, kept while the next ones fall into it: most do, and working it
        // out (and its key as text) for each of tens of thousands of responses would cost a report's start.
        long dayFrom = Long.MAX_VALUE;
        long dayTo = Long.MIN_VALUE;
        boolean dayCounts = false;
        String dayKey = null;
        for (ApiResponse r : responses) {
            long second = r.time().getEpochSecond();
            if (second < dayFrom || second >= dayTo) {
                LocalDate day = LocalDate.ofInstant(r.time(), options.zone());
                dayFrom = day.atStartOfDay(options.zone()).toEpochSecond();
                dayTo = day.plusDays(1).atStartOfDay(options.zone()).toEpochSecond();
                dayCounts = (options.since() == null || !day.isBefore(options.since()))
                        && (options.until() == null || !day.isAfter(options.until()));
                dayKey = switch (kind) {
                    case DAILY -> day.toString();
                    case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(options.weekStart())).toString();
                    case MONTHLY -> YearMonth.from(day).toString();
                    default -> null;
                };
            }
            if (!dayCounts) {
                continue;
            }
            String project = projectOf.getOrDefault(r.sessionId(), UNKNOWN_PROJECT);
            String key = switch (kind) {
                case DAILY, WEEKLY, MONTHLY -> dayKey;
                case PROJECTS -> project;
                case SESSIONS -> r.sessionId();
                case MODELS -> r.model();
            };
            Group g = groups.get(key);
            if (g == null) {
                g = new Group(key, kind == ReportKind.SESSIONS ? project : null);
                groups.put(key, g);
            }
            g.add(r);
            total.add(r);
            models.add(r.model());
        }
        Set<String> unknown = pricing.unknownModels(models);
        List<ReportRow> rows = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            rows.add(g.row(pricing, unknown));
        }
        rows.sort(switch (options.kind()) {
            case DAILY, WEEKLY, MONTHLY -> BY_KEY;
            case SESSIONS -> BY_LAST;
            case PROJECTS, MODELS -> BY_COST;
        });
        return new Report(options, rows, total.row(pricing, unknown), List.copyOf(unknown));
    }

    /**
     * A session's project: the working directory Claude Code recorded, else the name of the folder its
     * transcript lies in (Claude Code's mangled form of the directory, which cannot be turned back).
     */
    static String projectOf(SessionUsage s) {
        if (s.cwd() != null && !s.cwd().isBlank()) {
            return s.cwd();
        }
        Path folder = s.transcript() == null ? null : s.transcript().getParent();
        Path name = folder == null ? null : folder.getFileName();
        return name == null ? UNKNOWN_PROJECT : name.toString();
    }

    /** Rows by their last response, or most expensive first, then by key. */
    private static final class RowOrder implements Comparator<ReportRow> {
        private final boolean byLast;
        private final boolean byCost;

        RowOrder(boolean byLast, boolean byCost) {
            this.byLast = byLast;
            this.byCost = byCost;
        }

        @Override
        public int compare(ReportRow a, ReportRow b) {
            int c = byLast ? a.last().compareTo(b.last())
                    : byCost ? Double.compare(b.cost().total(), a.cost().total()) : 0;
            return c != 0 ? c : a.key().compareTo(b.key());
        }
    }

    /** Models most expensive first, then by name. */
    private static final class LineOrder implements Comparator<ModelLine> {
        @Override
        public int compare(ModelLine a, ModelLine b) {
            int c = Double.compare(b.cost().total(), a.cost().total());
            return c != 0 ? c : a.model().compareTo(b.model());
        }
    }

    /** The responses of one row, summed per model. */
    private static final class Group {
        final String key;
        final String project;
        /** Per model: requests, input, output, 5-minute write, 1-hour write, read. */
        final Map<String, long[]> byModel = new HashMap<>();
        Instant first;
        Instant last;

        Group(String key, String project) {
            this.key = key;
            this.project = project;
        }

        void add(ApiResponse r) {
            long[] t = byModel.get(r.model());
            if (t == null) {
                t = new long[6];
                byModel.put(r.model(), t);
            }
            TokenCounts k = r.tokens();
            t[0]++;
            t[1] += k.input();
            t[2] += k.output();
            t[3] += k.cacheWrite5m();
            t[4] += k.cacheWrite1h();
            t[5] += k.cacheRead();
            if (first == null || r.time().isBefore(first)) {
                first = r.time();
            }
            if (last == null || r.time().isAfter(last)) {
                last = r.time();
            }
        }

        ReportRow row(Pricing pricing, Set<String> unknown) {
            List<ModelLine> lines = new ArrayList<>(byModel.size());
            int requests = 0;
            TokenCounts tokens = TokenCounts.ZERO;
            Cost cost = Cost.ZERO;
            for (Map.Entry<String, long[]> e : byModel.entrySet()) {
                long[] t = e.getValue();
                TokenCounts k = new TokenCounts(t[1], t[2], t[3], t[4], t[5]);
                Cost c = pricing.cost(e.getKey(), k);
                lines.add(new ModelLine(e.getKey(), (int) t[0], k, c, !unknown.contains(e.getKey())));
                requests += (int) t[0];
                tokens = tokens.plus(k);
                cost = cost.plus(c);
            }
            lines.sort(LINE_ORDER);
            return new ReportRow(key, project, first, last, requests, tokens, cost, lines);
        }
    }
}

package dev.budmon.report;

import dev.budmon.format.CompactFormat;
import dev.budmon.model.TokenCounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report as a text table for a terminal of a given width: a title, one line per row with its models
 * indented below it, a totals line, and notes. Token counts are shown in full ({@code 4,738,157,704}) when
 * the table fits so, else in short ({@code 4.7G}); then long project paths and session ids are shortened,
 * keeping their ends; a terminal too narrow even so gets fewer columns (no cache columns, then no input).
 * English, with US number formats, as the rest of the command line; formatted by hand
 * ({@link CompactFormat}), since a report should start as fast as the status line. Pure; any thread.
 */
public final class ReportTable {

    /** Narrower terminals are drawn as if they were this wide (the fewest columns need about as much). */
    public static final int MIN_WIDTH = 40;
    private static final String GAP = "  ";
    private static final String INDENT = "  ";
    private static final String[] FIGURE_HEADERS = {"Reqs", "Input", "Output", "Write 5m", "Write 1h", "Read", "Cost"};
    private static final int SHORT_ID = 8;
    private static final int MIN_LABEL = 12;
    /** Which columns are shown (label, requests, input, output, 5m, 1h, read, cost): all of them … */
    private static final boolean[] ALL = {true, true, true, true, true, true, true, true};
    /** … those of a narrow terminal … */
    private static final boolean[] WITHOUT_CACHE = {true, true, true, true, false, false, false, true};
    /** … and of a very narrow one. */
    private static final boolean[] FEWEST = {true, true, false, true, false, false, false, true};

    private ReportTable() {
    }

    /**
     * The table as lines, each at most {@code width} columns wide (when that is at least {@link #MIN_WIDTH}).
     *
     * @param home the user's home directory, shown as {@code ~} in project paths; {@code null} for none
     */
    public static List<String> render(Report report, int width, String home) {
        width = Math.max(MIN_WIDTH, width);
        // Full figures and labels, then short figures, then shortened labels, then fewer columns: the first
        // that fits.
        Layout full = new Layout(report, false, Integer.MAX_VALUE, home);
        if (full.width(ALL) <= width) {
            return full.lines(report, width, ALL);
        }
        Layout brief = new Layout(report, true, Integer.MAX_VALUE, home);
        if (brief.width(ALL) <= width) {
            return brief.lines(report, width, ALL);
        }
        for (boolean[] columns : new boolean[][] {ALL, WITHOUT_CACHE, FEWEST}) {
            int label = width - (brief.width(columns) - brief.widths[0]);
            if (label >= MIN_LABEL || columns == FEWEST) {
                return new Layout(report, true, Math.max(MIN_LABEL, label), home).lines(report, width, columns);
            }
        }
        throw new AssertionError("FEWEST is always taken");
    }

    /** The cells of every line and the widths of the columns, for one choice of figures and label width. */
    private static final class Layout {
        final List<String[]> cells = new ArrayList<>();
        final List<Boolean> separatorBefore = new ArrayList<>();
        final int[] widths = new int[1 + FIGURE_HEADERS.length];
        final boolean shortFigures;
        final int maxLabel;
        final String home;

        Layout(Report report, boolean shortFigures, int maxLabel, String home) {
            this.shortFigures = shortFigures;
            this.maxLabel = maxLabel;
            this.home = home;
            ReportKind kind = report.options().kind();
            String[] header = new String[widths.length];
            header[0] = firstHeader(kind);
            System.arraycopy(FIGURE_HEADERS, 0, header, 1, FIGURE_HEADERS.length);
            add(header, false);
            for (ReportRow row : report.rows()) {
                add(row, kind, false);
            }
            add(report.total(), kind, true);
        }

        private void add(ReportRow row, ReportKind kind, boolean total) {
            String label = total ? "Total" : label(row, kind);
            if (kind == ReportKind.MODELS && !total && !row.models().isEmpty() && !row.models().get(0).priceKnown()) {
                label = fit(row.key(), maxLabel - 1, false) + "*";
            }
            add(figures(fit(label, maxLabel, kind != ReportKind.MODELS), row.requests(), row.tokens(),
                    row.cost().total()), total);
            if (kind == ReportKind.MODELS && !total) {
                return; // the row is its model
            }
            for (ModelLine m : row.models()) {
                String name = INDENT + shortModel(m.model());
                name = fit(name, maxLabel - (m.priceKnown() ? 0 : 1), false) + (m.priceKnown() ? "" : "*");
                add(figures(name, m.requests(), m.tokens(), m.cost().total()), false);
            }
        }

        private void add(String[] line, boolean separator) {
            cells.add(line);
            separatorBefore.add(separator);
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }

        private String label(ReportRow row, ReportKind kind) {
            return switch (kind) {
                case PROJECTS -> withHome(row.key());
                case SESSIONS -> {
                    String id = maxLabel == Integer.MAX_VALUE || row.key().length() <= SHORT_ID
                            ? row.key() : row.key().substring(0, SHORT_ID);
                    String project = row.project() == null ? "" : withHome(row.project());
                    yield id + " " + fit(project, maxLabel - id.length() - 1, true);
                }
                default -> row.key();
            };
        }

        private String withHome(String path) {
            if (home != null && !home.isEmpty() && path.startsWith(home)
                    && (path.length() == home.length() || path.charAt(home.length()) == '/')) {
                return "~" + path.substring(home.length());
            }
            return path;
        }

        private String[] figures(String label, int requests, TokenCounts t, double cost) {
            return new String[] {label, CompactFormat.grouped(requests), tokens(t.input()), tokens(t.output()),
                tokens(t.cacheWrite5m()), tokens(t.cacheWrite1h()), tokens(t.cacheRead()),
                CompactFormat.dollarsWithCents(cost)};
        }

        private String tokens(long n) {
            return shortFigures ? CompactFormat.tokens(n) : CompactFormat.grouped(n);
        }

        int width(boolean[] columns) {
            int w = -GAP.length();
            for (int i = 0; i < widths.length; i++) {
                if (columns[i]) {
                    w += GAP.length() + widths[i];
                }
            }
            return w;
        }

        List<String> lines(Report report, int width, boolean[] columns) {
            List<String> out = new ArrayList<>();
            wrap(title(report), width, out);
            out.add("");
            int w = width(columns);
            for (int i = 0; i < cells.size(); i++) {
                if (separatorBefore.get(i) || i == 1) {
                    out.add("─".repeat(w));
                }
                String[] line = cells.get(i);
                StringBuilder b = new StringBuilder(w);
                b.append(line[0]).append(" ".repeat(widths[0] - line[0].length()));
                for (int c = 1; c < line.length; c++) {
                    if (columns[c]) {
                        b.append(GAP).append(" ".repeat(widths[c] - line[c].length())).append(line[c]);
                    }
                }
                out.add(b.toString());
            }
            out.add("");
            if (columns == ALL) {
                wrap("Write 5m, Write 1h: cache writes that live 5 minutes or 1 hour. Read: cache reads.", width, out);
            } else {
                wrap("The terminal is too narrow for every column: a wider one, --json or --csv show them all.",
                        width, out);
            }
            if (!report.unknownModels().isEmpty()) {
                wrap("* Not in BudMon's price table, priced by its family: " + String.join(", ", report.unknownModels())
                        + ".", width, out);
            }
            return out;
        }
    }

    /** Adds the text as lines of at most {@code width} columns, broken at spaces where it can be. */
    private static void wrap(String text, int width, List<String> out) {
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                cut = width;
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
    }

    private static String title(Report report) {
        ReportOptions o = report.options();
        StringBuilder b = new StringBuilder("Claude Code usage by ").append(switch (o.kind()) {
            case DAILY -> "day";
            case WEEKLY -> "week (from " + dayName(o) + ")";
            case MONTHLY -> "month";
            case PROJECTS -> "project";
            case SESSIONS -> "session";
            case MODELS -> "model";
        });
        if (o.since() != null || o.until() != null) {
            b.append(", ").append(o.since() == null ? "…" : o.since()).append(" to ")
                    .append(o.until() == null ? "…" : o.until());
        }
        return b.append(" (").append(o.zone().getId()).append(")").toString();
    }

    private static String dayName(ReportOptions o) {
        String name = o.weekStart().name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String firstHeader(ReportKind kind) {
        return switch (kind) {
            case DAILY -> "Date";
            case WEEKLY -> "Week of";
            case MONTHLY -> "Month";
            case PROJECTS -> "Project";
            case SESSIONS -> "Session";
            case MODELS -> "Model";
        };
    }

    /** A model id without the {@code claude-} every id starts with. */
    public static String shortModel(String model) {
        return model.startsWith("claude-") && model.length() > "claude-".length()
                ? model.substring("claude-".length()) : model;
    }

    /**
     * The text cut to {@code max} columns with an ellipsis: its end kept (paths, whose last folders say
     * most), or its start.
     */
    static String fit(String s, int max, boolean keepEnd) {
        if (s.length() <= max) {
            return s;
        }
        if (max <= 1) {
            return "…";
        }
        return keepEnd ? "…" + s.substring(s.length() - (max - 1)) : s.substring(0, max - 1) + "…";
    }
}

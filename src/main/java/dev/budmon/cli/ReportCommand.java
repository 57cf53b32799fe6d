package dev.budmon.cli;

import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.ConfigStore;
import dev.budmon.config.LoadedConfig;
import dev.budmon.model.SourceWarning;
import dev.budmon.report.DateRange;
import dev.budmon.report.Report;
import dev.budmon.report.ReportBuilder;
import dev.budmon.report.ReportCsv;
import dev.budmon.report.ReportKind;
import dev.budmon.report.ReportOptions;
import dev.budmon.report.ReportTable;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.HistoryIndex;
import dev.budmon.source.transcript.TranscriptStore;
import dev.budmon.source.transcript.TranscriptSummary;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code budmon report KIND [options]}: the cost report of the whole transcript history, read through the
 * {@link HistoryIndex} so that only what is new is read, and printed as a table, JSON or CSV.
 */
final class ReportCommand {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: budmon report daily|weekly|monthly|projects|sessions|models [OPTIONS]",
            "",
            "Requests, tokens by kind and cost of every Claude Code transcript, by day, week, month,",
            "project (working directory), session or model; each row with its models, and the totals.",
            "",
            "Options:",
            "  --since DATE           first day counted (YYYY-MM-DD or YYYYMMDD)",
            "  --until DATE           last day counted",
            "  --timezone TZ          the time zone of the days, e.g. Europe/Berlin (default: the system's)",
            "  --week-start DAY       first day of a week, e.g. monday (default: the locale's)",
            "  --json                 print JSON instead of a table",
            "  --csv                  print CSV, one line per row and model",
            "  --claude-dir DIR       read this Claude directory instead of $CLAUDE_CONFIG_DIR or ~/.claude",
            "",
            "Counts are kept in an index in $XDG_CACHE_HOME/budmon (else ~/.cache/budmon), so that later",
            "runs read only what is new. It is a cache: deleting it is safe.");

    /** How the report is printed. */
    enum Format {
        TABLE, JSON, CSV
    }

    /**
     * A parsed {@code report} command line.
     *
     * @param claudeDir the {@code --claude-dir} value, or {@code null}
     */
    record Request(ReportOptions options, Format format, Path claudeDir, boolean help) {
    }

    private ReportCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args      the words after {@code report}
     * @param claudeDir a {@code --claude-dir} given before {@code report}, or {@code null}
     * @param env       the environment: {@code CLAUDE_CONFIG_DIR}, {@code COLUMNS}
     * @param cacheDir  where the index lives
     * @return the exit code: 0, 1 when the report cannot be written, 2 for bad usage
     */
    static int run(List<String> args, Path claudeDir, Map<String, String> env, Path home, Path cacheDir,
                   PrintStream out, PrintStream err) {
        Request request;
        try {
            request = parse(args, claudeDir, ZoneId.systemDefault(), null);
        } catch (CommandLine.UsageException e) {
            err.println("budmon: " + e.getMessage());
            err.println();
            err.println(USAGE);
            return 2;
        }
        if (request.help()) {
            out.println(USAGE);
            return 0;
        }
        ClaudeDirs dirs = ClaudeDirs.resolve(request.claudeDir(), env, home);
        Preparation prices = new Preparation(dirs.primary());
        prices.start();
        HistoryIndex index = new HistoryIndex(cacheDir, dirs.dirs());
        TranscriptStore store = index.load();
        TranscriptSummary summary = store.refresh(dirs.dirs());
        // From here on the store is only read, so its index is saved beside the report (after a first read
        // of a long history that takes a while: serialising, and the disk's flush).
        IndexSave save = new IndexSave(index, store);
        save.start();
        LoadedConfig loaded = prices.config();
        Report report = ReportBuilder.build(store.responses(null), store.sessions(), request.options(),
                new Pricing(prices.table(), loaded.config()));
        List<SourceWarning> warnings = new ArrayList<>(loaded.warnings());
        warnings.addAll(summary.warnings());
        if (summary.skippedLines() > 0) {
            warnings.add(new SourceWarning("transcripts", summary.skippedLines()
                    + " lines were not JSON or had an unexpected shape and were skipped"));
        }
        int exit = print(report, request.format(), dirs.dirs(), warnings, width(env), home, out, err);
        String problem = save.problem();
        if (problem != null) {
            err.println("budmon: the report index was not saved, so the next report reads everything again: "
                    + problem);
        }
        return exit;
    }

    /**
     * Reads {@code budmon.ini} and the bundled price table while the calling thread loads the index: each
     * takes a fresh JVM tens of milliseconds (ini4j, Jackson), and the machine has a second core.
     */
    private static final class Preparation extends Thread {
        private final Path claudeDir;
        private LoadedConfig config;
        private PriceTable table;
        private RuntimeException failure;

        Preparation(Path claudeDir) {
            super("budmon-report-prices");
            this.claudeDir = claudeDir;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                config = new ConfigStore(claudeDir).load();
                table = PriceTable.bundled();
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        LoadedConfig config() {
            awaitEnd(this);
            if (failure != null) {
                throw failure;
            }
            return config;
        }

        PriceTable table() {
            config();
            return table;
        }
    }

    /** Saves the index of a store that is only read meanwhile (its responses and sessions for the report). */
    private static final class IndexSave extends Thread {
        private final HistoryIndex index;
        private final TranscriptStore store;
        private String problem;

        IndexSave(HistoryIndex index, TranscriptStore store) {
            super("budmon-report-index");
            this.index = index;
            this.store = store;
        }

        @Override
        public void run() {
            problem = index.save(store);
        }

        /** Waits for the save; returns {@code null} or why it failed. */
        String problem() {
            awaitEnd(this);
            return problem;
        }
    }

    /** Waits for the thread to end; the command's own thread is never interrupted, but should it be, it fails. */
    private static void awaitEnd(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + thread.getName() + " was at work", e);
        }
    }

    private static int print(Report report, Format format, List<Path> dirs, List<SourceWarning> warnings, int width,
                             Path home, PrintStream out, PrintStream err) {
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            switch (format) {
                case JSON -> ReportJson.write(w, report, dirs, warnings);
                case CSV -> ReportCsv.write(report, w);
                case TABLE -> {
                    for (String line : ReportTable.render(report, width, home.toString())) {
                        w.write(line);
                        w.write(System.lineSeparator());
                    }
                }
            }
            w.flush();
        } catch (IOException e) {
            err.println("budmon: cannot write the report: " + e.getMessage());
            return 1;
        }
        if (format != Format.JSON) {
            for (SourceWarning warning : warnings) {
                err.println("budmon: " + warning.source() + ": " + warning.message());
            }
        }
        return 0;
    }

    /**
     * Parses the words after {@code report}.
     *
     * @param claudeDir        a {@code --claude-dir} given before {@code report}, or {@code null}
     * @param defaultZone      the time zone without {@code --timezone}
     * @param defaultWeekStart the first day of a week without {@code --week-start}; {@code null} for the
     *                         locale's (looked up only when needed: the locale data cost a fresh JVM 20 ms)
     */
    static Request parse(List<String> args, Path claudeDir, ZoneId defaultZone, DayOfWeek defaultWeekStart)
            throws CommandLine.UsageException {
        ReportKind kind = null;
        LocalDate since = null;
        LocalDate until = null;
        ZoneId zone = defaultZone;
        DayOfWeek weekStart = defaultWeekStart;
        Format format = Format.TABLE;
        for (int i = 0; i < args.size(); i++) {
            // --option=value or --option value
            String word = args.get(i);
            String[] optionAndValue = word.startsWith("--") ? word.split("=", 2) : new String[] {word};
            String a = optionAndValue[0];
            String value = optionAndValue.length > 1 ? optionAndValue[1] : null;
            switch (a) {
                case "--help", "-h" -> {
                    return new Request(null, format, claudeDir, true);
                }
                case "--json", "--csv" -> {
                    Format f = a.equals("--json") ? Format.JSON : Format.CSV;
                    if (format != Format.TABLE && format != f) {
                        throw new CommandLine.UsageException("--json and --csv cannot be combined");
                    }
                    format = f;
                }
                case "--since", "--until", "--timezone", "--week-start", "--claude-dir" -> {
                    if (value == null) {
                        if (i + 1 >= args.size() || args.get(i + 1).isEmpty()) {
                            throw new CommandLine.UsageException(a + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    switch (a) {
                        case "--since" -> since = date(a, value);
                        case "--until" -> until = date(a, value);
                        case "--timezone" -> zone = zone(value);
                        case "--week-start" -> weekStart = day(value);
                        default -> claudeDir = Path.of(value);
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new CommandLine.UsageException("unknown option of report: " + word);
                    }
                    if (kind != null) {
                        throw new CommandLine.UsageException("one report at a time, not also: " + a);
                    }
                    kind = ReportKind.of(a);
                    if (kind == null) {
                        throw new CommandLine.UsageException("no report called '" + a
                                + "': daily, weekly, monthly, projects, sessions or models");
                    }
                }
            }
        }
        if (kind == null) {
            throw new CommandLine.UsageException("which report? daily, weekly, monthly, projects, sessions or models");
        }
        if (since != null && until != null && until.isBefore(since)) {
            throw new CommandLine.UsageException("--until " + until + " is before --since " + since);
        }
        if (weekStart == null) {
            weekStart = kind == ReportKind.WEEKLY
                    ? WeekFields.of(Locale.getDefault(Locale.Category.FORMAT)).getFirstDayOfWeek() : DayOfWeek.MONDAY;
        }
        return new Request(new ReportOptions(kind, zone, weekStart, since, until), format, claudeDir, false);
    }

    private static LocalDate date(String option, String value) throws CommandLine.UsageException {
        try {
            LocalDate day = DateRange.parseDay(value);
            if (day != null) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw new CommandLine.UsageException(option + " needs a date as YYYY-MM-DD or YYYYMMDD, not: " + value);
    }

    private static ZoneId zone(String value) throws CommandLine.UsageException {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new CommandLine.UsageException("unknown time zone: " + value + " (e.g. UTC, Europe/Berlin)");
        }
    }

    private static DayOfWeek day(String value) throws CommandLine.UsageException {
        String v = value.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (v.length() >= 2 && d.name().startsWith(v)) {
                return d;
            }
        }
        throw new CommandLine.UsageException("--week-start needs a day of the week, e.g. monday or sun, not: " + value);
    }

    /**
     * The terminal's width: {@code COLUMNS}, else the size of the terminal the output goes to, else 80 (the
     * output goes to a file or a pipe).
     */
    static int width(Map<String, String> env) {
        String columns = env.get("COLUMNS");
        if (columns != null) {
            try {
                int c = Integer.parseInt(columns.trim());
                if (c > 0) {
                    return c;
                }
            } catch (NumberFormatException e) {
                // not a number: ask the terminal
            }
        }
        if (System.console() != null && new File("/dev/tty").exists()) {
            try {
                Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String size = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    int c = Integer.parseInt(size.substring(size.indexOf(' ') + 1));
                    if (c > 0) {
                        return c;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no stty: the usual width
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 80;
    }
}

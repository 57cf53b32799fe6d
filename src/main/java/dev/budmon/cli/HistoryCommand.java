package dev.budmon.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.budmon.history.HistoryReader;
import dev.budmon.history.Observation;
import dev.budmon.history.ObservationLine;
import dev.budmon.history.QuotaHistory;
import dev.budmon.history.WindowReading;
import dev.budmon.history.WindowSummary;
import dev.budmon.json.JsonStreams;
import dev.budmon.model.SourceWarning;
import dev.budmon.source.ClaudeDirs;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code budmon history [--since DATE] [--json|--csv]}: the quota history's observations (as recorded, in the
 * order of the files) and a summary of each window. Text shows local times; JSON and CSV show UTC.
 */
final class HistoryCommand {

    /** The command's own usage, after the word {@code history}. */
    static final String USAGE = "history [--since DATE] [--json|--csv]";

    private HistoryCommand() {
    }

    enum Format { TEXT, JSON, CSV }

    /** The parsed operands. */
    record Options(Instant since, Format format) {
    }

    /**
     * Parses the words after {@code history}.
     *
     * @throws CommandLine.UsageException for an unknown word or a bad date
     */
    static Options parse(List<String> operands, Instant now, ZoneId zone) throws CommandLine.UsageException {
        Instant since = null;
        Format format = Format.TEXT;
        for (int i = 0; i < operands.size(); i++) {
            String a = operands.get(i);
            String value = null;
            if (a.startsWith("--since=")) {
                value = a.substring("--since=".length());
                a = "--since";
            }
            switch (a) {
                case "--since" -> {
                    if (value == null) {
                        if (i + 1 >= operands.size()) {
                            throw new CommandLine.UsageException("history --since needs a date");
                        }
                        value = operands.get(++i);
                    }
                    since = since(value, now, zone);
                }
                case "--json" -> format = only(format, Format.JSON);
                case "--csv" -> format = only(format, Format.CSV);
                default -> throw new CommandLine.UsageException("history does not take " + a + "; usage: budmon " + USAGE);
            }
        }
        return new Options(since, format);
    }

    private static Format only(Format current, Format next) throws CommandLine.UsageException {
        if (current != Format.TEXT && current != next) {
            throw new CommandLine.UsageException("history takes --json or --csv, not both");
        }
        return next;
    }

    /** {@code 2026-12-01} (midnight, local time), an ISO-8601 time, or a span back from now: {@code 24h}, {@code 7d}. */
    static Instant since(String value, Instant now, ZoneId zone) throws CommandLine.UsageException {
        String v = value.trim();
        if (v.length() > 1 && (v.endsWith("h") || v.endsWith("d"))) {
            try {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                if (n >= 0 && n < 100_000) {
                    return now.minus(v.endsWith("h") ? Duration.ofHours(n) : Duration.ofDays(n));
                }
            } catch (NumberFormatException e) {
                // not a span: tried as a date below
            }
        }
        try {
            return LocalDate.parse(v).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            // not a date: a time?
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.UsageException("history --since takes a date (2026-12-01), a time "
                    + "(2026-12-01T09:00:00Z) or a span back from now (24h, 7d), not: " + value);
        }
    }

    static int run(ClaudeDirs dirs, List<String> operands, Instant now, ZoneId zone, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(operands, now, zone);
        } catch (CommandLine.UsageException e) {
            err.println("budmon: " + e.getMessage());
            return 2;
        }
        HistoryReader.Read read = HistoryReader.read(dirs.dirs(), o.since(), null);
        QuotaHistory history = read.history();
        List<WindowSummary> summaries = new ArrayList<>();
        for (String w : history.windowNames()) {
            summaries.add(WindowSummary.of(history, w, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        for (SourceWarning w : read.stats().warnings()) {
            err.println("budmon: " + w.source() + ": " + w.message());
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            switch (o.format()) {
                case JSON -> json(w, dirs, o.since(), history.windowNames(), summaries, read.stats());
                case CSV -> csv(w, dirs, o.since(), history.windowNames());
                default -> text(w, dirs, o.since(), zone, history.windowNames(), summaries, read.stats());
            }
            w.flush();
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("budmon: cannot write the history: " + e.getMessage());
            return 1;
        }
    }

    // ---- text ----

    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter TEXT_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private static void text(Writer w, ClaudeDirs dirs, Instant since, ZoneId zone, List<String> windows,
                             List<WindowSummary> summaries, HistoryReader.Stats stats) throws IOException {
        PrintWriter p = new PrintWriter(w);
        p.printf("Quota history of %s, %s, times in %s%n", dirs.primary(),
                since == null ? "everything kept" : "since " + TEXT_MINUTE.format(since.atZone(zone)), zone.getId());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-23s  %-11s", "time", "source"));
        for (String name : windows) {
            head.append(String.format(Locale.ROOT, "  %9s", name));
        }
        p.println(head.append("  request or session"));
        HistoryReader.forEach(dirs.dirs(), since, null, new TextRows(p, zone, windows));
        p.println();
        p.printf("%d observations; %d lines were no observation and were skipped%n", stats.observations(),
                stats.badLines());
        p.printf("%-10s %12s  %-16s  %-16s  %7s  %7s  %7s  %s%n", "window", "observations", "first", "last",
                "periods", "peak", "latest", "reset");
        for (WindowSummary s : summaries) {
            p.printf("%-10s %12d  %-16s  %-16s  %7d  %7s  %7s  %s%n", s.window(), s.observations(),
                    minute(s.first(), zone), minute(s.last(), zone), s.periods(), percent(s.peakPercent()),
                    percent(s.latestPercent()), minute(s.latestReset(), zone));
        }
        p.flush();
    }

    private static String minute(Instant t, ZoneId zone) {
        return t == null ? "--" : TEXT_MINUTE.format(t.atZone(zone));
    }

    private static String percent(Double p) {
        return p == null ? "--" : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** One line per observation: time, source, each window's utilization, the request or session. */
    private static final class TextRows implements HistoryReader.ObservationSink {
        private final PrintWriter p;
        private final ZoneId zone;
        private final List<String> windows;

        TextRows(PrintWriter p, ZoneId zone, List<String> windows) {
            this.p = p;
            this.zone = zone;
            this.windows = windows;
        }

        @Override
        public void observation(Observation o) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-23s  %-11s",
                    TEXT_TIME.format(o.time().atZone(zone)), o.source()));
            for (String name : windows) {
                WindowReading r = o.windows().get(name);
                line.append(String.format(Locale.ROOT, "  %9s",
                        r == null || r.utilization() == null ? "" : percent(r.utilization() * 100)));
            }
            String who = o.requestId() != null ? o.requestId() : o.sessionId();
            p.println(line.append("  ").append(who == null ? "" : who).toString().stripTrailing());
        }
    }

    // ---- JSON ----

    private static void json(Writer w, ClaudeDirs dirs, Instant since, List<String> windows,
                             List<WindowSummary> summaries, HistoryReader.Stats stats) throws IOException {
        try (JsonGenerator g = JsonStreams.FACTORY.createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("claude_dirs");
            for (Path d : dirs.dirs()) {
                g.writeString(d.toString());
            }
            g.writeEndArray();
            g.writeStringField("since", since == null ? null : since.toString());
            g.writeArrayFieldStart("windows");
            for (WindowSummary s : summaries) {
                g.writeStartObject();
                g.writeStringField("name", s.window());
                g.writeNumberField("observations", s.observations());
                g.writeStringField("first", s.first() == null ? null : s.first().toString());
                g.writeStringField("last", s.last() == null ? null : s.last().toString());
                g.writeNumberField("periods", s.periods());
                number(g, "peak_percent", s.peakPercent());
                number(g, "latest_percent", s.latestPercent());
                g.writeStringField("latest_reset", s.latestReset() == null ? null : s.latestReset().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("bad_lines", stats.badLines());
            g.writeArrayFieldStart("warnings");
            for (SourceWarning warning : stats.warnings()) {
                g.writeStartObject();
                g.writeStringField("source", warning.source());
                g.writeStringField("message", warning.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            // each observation as its history line, one to a line
            g.writeArrayFieldStart("observations");
            HistoryReader.forEach(dirs.dirs(), since, null, new JsonRows(g));
            g.writeEndArray();
            g.writeEndObject();
        }
        w.write(System.lineSeparator());
    }

    private static void number(JsonGenerator g, String name, Double d) throws IOException {
        if (d == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, Math.round(d * 1e4) / 1e4);
        }
    }

    private static final class JsonRows implements HistoryReader.ObservationSink {
        private final JsonGenerator g;

        JsonRows(JsonGenerator g) {
            this.g = g;
        }

        @Override
        public void observation(Observation o) {
            byte[] line = ObservationLine.format(o);
            try {
                g.writeRawValue(new String(line, 0, line.length - 1, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---- CSV ----

    private static void csv(Writer w, ClaudeDirs dirs, Instant since, List<String> windows) throws IOException {
        StringBuilder head = new StringBuilder("time,source,request_id,session_id,status");
        for (String name : windows) {
            head.append(',').append(CsvRows.cell(name + "_utilization")).append(',').append(CsvRows.cell(name + "_reset"))
                    .append(',').append(CsvRows.cell(name + "_status"));
        }
        w.write(head.append("\r\n").toString());
        HistoryReader.forEach(dirs.dirs(), since, null, new CsvRows(w, windows));
    }

    /** One row per observation, RFC 4180: fields with a comma, quote or line break quoted, CRLF between rows. */
    private static final class CsvRows implements HistoryReader.ObservationSink {
        private final Writer w;
        private final List<String> windows;

        CsvRows(Writer w, List<String> windows) {
            this.w = w;
            this.windows = windows;
        }

        @Override
        public void observation(Observation o) {
            StringBuilder row = new StringBuilder();
            row.append(DateTimeFormatter.ISO_INSTANT.format(o.time().truncatedTo(ChronoUnit.MILLIS))).append(',').append(cell(o.source())).append(',')
                    .append(cell(o.requestId())).append(',').append(cell(o.sessionId())).append(',').append(cell(o.status()));
            for (String name : windows) {
                WindowReading r = o.windows().get(name);
                row.append(',').append(r == null || r.utilization() == null ? "" : plain(r.utilization()))
                        .append(',').append(r == null || r.reset() == null ? "" : r.reset().toString())
                        .append(',').append(r == null ? "" : cell(r.status()));
            }
            try {
                w.write(row.append("\r\n").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String cell(String s) {
            if (s == null) {
                return "";
            }
            boolean quote = false;
            for (int i = 0; i < s.length() && !quote; i++) {
                char c = s.charAt(i);
                quote = c == ',' || c == '"' || c == '\n' || c == '\r';
            }
            return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
        }

        private static String plain(double d) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }
}

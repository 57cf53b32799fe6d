package dev.budmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.budmon.model.TokenCounts;
import dev.budmon.report.HistoryFixture;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.HistoryIndex;
import dev.budmon.source.transcript.ClaudeLines;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code budmon report}: every kind in every format, its options and errors, on a history of known truth. */
class ReportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path claudeDir;
    private Path cache;
    private HistoryFixture truth;
    private final Map<String, String> env = new HashMap<>();
    private String err;

    private void history() {
        claudeDir = tmp.resolve("home").resolve(".claude");
        cache = tmp.resolve("cache").resolve("budmon");
        truth = HistoryFixture.write(claudeDir);
        env.put("COLUMNS", "80");
    }

    private String run(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int exit = ReportCommand.run(List.of(args), claudeDir, env, tmp.resolve("home"), cache,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        err = errBytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyKindAsATableThatFitsTheTerminal() {
        history();
        for (String kind : List.of("daily", "weekly", "monthly", "projects", "sessions", "models")) {
            for (String columns : List.of("80", "40", "200")) {
                env.put("COLUMNS", columns);
                String table = run(0, kind, "--timezone", "UTC");
                List<String> lines = table.lines().toList();
                assertThat(lines).as(kind + " at " + columns).allSatisfy(l -> assertThat(l.codePointCount(0, l.length()))
                        .isLessThanOrEqualTo(Integer.parseInt(columns)));
                assertThat(table).contains("Total").contains("Reqs").contains("Cost");
                assertThat(lines.stream().filter(l -> l.startsWith("Total")).findFirst().orElseThrow())
                        .contains("12");
            }
        }
        assertThat(err).isEmpty();
    }

    @Test
    void aWideTerminalGetsFullNumbersANarrowOneShortOnes() {
        history();
        env.put("COLUMNS", "200");
        long read = truth.responses.stream().mapToLong(e -> e.tokens().cacheRead()).sum();
        String wide = run(0, "daily", "--timezone", "UTC");
        assertThat(wide).contains(String.format("%,d", read));
        env.put("COLUMNS", "68");
        String narrow = run(0, "daily", "--timezone", "UTC");
        assertThat(narrow).doesNotContain(String.format("%,d", read)).contains(Math.round(read / 1000.0) + "k")
                .contains("Write 1h");
        env.put("COLUMNS", "50");
        String narrower = run(0, "daily", "--timezone", "UTC");
        assertThat(narrower).doesNotContain("Write 1h").contains("Output").contains("too narrow for every column");
    }

    @Test
    void tableRowsShowProjectsByWorkingDirectoryAndModelsBelowEachRow() {
        history();
        env.put("COLUMNS", "120");
        String projects = run(0, "projects", "--timezone", "UTC");
        assertThat(projects).contains(HistoryFixture.APP_DOT).contains(HistoryFixture.APP_DASH)
                .contains(HistoryFixture.TOOL).doesNotContain(HistoryFixture.folderOf(HistoryFixture.APP_DOT));
        assertThat(projects).contains("  sonnet-4-6").contains("  opus-5-5").contains("  haiku-4-5")
                .contains("  opus-9-1*").contains("* Not in BudMon's price table");
        String sessions = run(0, "sessions", "--timezone", "UTC");
        assertThat(sessions).contains(HistoryFixture.S1 + " " + HistoryFixture.APP_DOT);
        env.put("COLUMNS", "60");
        String narrow = run(0, "sessions", "--timezone", "UTC");
        assertThat(narrow).contains(HistoryFixture.S1.substring(0, 8) + " ").doesNotContain(HistoryFixture.S1);
    }

    @Test
    void jsonHasEveryRowWithItsModelsAndTheTotals() throws IOException {
        history();
        JsonNode daily = JSON.readTree(run(0, "daily", "--json", "--timezone", "Europe/Berlin"));
        assertThat(daily.path("report").asText()).isEqualTo("daily");
        assertThat(daily.path("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(daily.has("week_start")).isFalse();
        Map<String, Map<String, TokenCounts>> expected = truth.tokensBy(HistoryFixture.day(ZoneId.of("Europe/Berlin")));
        Map<String, Map<String, TokenCounts>> got = new HashMap<>();
        for (JsonNode row : daily.path("rows")) {
            Map<String, TokenCounts> models = new HashMap<>();
            for (JsonNode m : row.path("models")) {
                models.put(m.path("model").asText(), tokens(m.path("tokens")));
            }
            got.put(row.path("date").asText(), models);
            assertThat(Instant.parse(row.path("first").asText())).isBeforeOrEqualTo(Instant.parse(row.path("last").asText()));
        }
        assertThat(got).isEqualTo(expected);
        JsonNode totals = daily.path("totals");
        assertThat(totals.path("requests").asInt()).isEqualTo(12);
        double sum = 0;
        for (JsonNode row : daily.path("rows")) {
            sum += row.path("cost").path("total").asDouble();
        }
        assertThat(totals.path("cost").path("total").asDouble()).isCloseTo(sum, within(1e-5)).isPositive();
        assertThat(daily.path("unknown_models").get(0).asText()).isEqualTo(HistoryFixture.UNKNOWN);
        assertThat(daily.path("warnings")).isEmpty();

        JsonNode weekly = JSON.readTree(run(0, "weekly", "--json", "--timezone", "UTC", "--week-start", "sun"));
        assertThat(weekly.path("week_start").asText()).isEqualTo("sunday");
        assertThat(weekly.path("rows").get(0).path("week_start").asText()).isEqualTo("2026-03-22");
        JsonNode sessions = JSON.readTree(run(0, "sessions", "--json", "--timezone", "UTC"));
        assertThat(sessions.path("rows")).anySatisfy(r -> {
            assertThat(r.path("session_id").asText()).isEqualTo(HistoryFixture.S2);
            assertThat(r.path("project").asText()).isEqualTo(HistoryFixture.APP_DASH);
        });
    }

    private static TokenCounts tokens(JsonNode t) {
        assertThat(t.path("total").asLong()).isEqualTo(t.path("input").asLong() + t.path("output").asLong()
                + t.path("cache_write_5m").asLong() + t.path("cache_write_1h").asLong() + t.path("cache_read").asLong());
        return new TokenCounts(t.path("input").asLong(), t.path("output").asLong(), t.path("cache_write_5m").asLong(),
                t.path("cache_write_1h").asLong(), t.path("cache_read").asLong());
    }

    @Test
    void csvParsesWithACsvLibraryAndSumsToTheTruth() throws IOException {
        history();
        // a working directory with a comma and a quote, which CSV must quote
        String odd = "/home/dev/a, \"b\"";
        Path file = claudeDir.resolve("projects").resolve(HistoryFixture.folderOf(odd)).resolve("odd.jsonl");
        ClaudeLines.append(file, ClaudeLines.assistant("odd", odd, "msg_odd", "req_odd", HistoryFixture.OPUS,
                Instant.parse("2026-05-05T05:05:05Z"), new ClaudeLines.Usage(1, 2, 3, 4, 5), false, null));
        for (String kind : List.of("daily", "weekly", "monthly", "projects", "sessions", "models")) {
            String csv = run(0, kind, "--csv", "--timezone", "UTC");
            List<CSVRecord> records;
            try (CSVParser p = CSVParser.parse(new StringReader(csv),
                    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                records = p.getRecords();
                assertThat(p.getHeaderNames()).contains("model", "requests", "input", "output", "cache_write_5m",
                        "cache_write_1h", "cache_read", "total_tokens", "cost_usd");
            }
            long requests = 0;
            long read = 0;
            for (CSVRecord r : records) {
                requests += Long.parseLong(r.get("requests"));
                read += Long.parseLong(r.get("cache_read"));
                assertThat(Double.parseDouble(r.get("cost_usd"))).isPositive();
            }
            assertThat(requests).as(kind).isEqualTo(13);
            assertThat(read).isEqualTo(truth.responses.stream().mapToLong(e -> e.tokens().cacheRead()).sum() + 5);
            if (kind.equals("projects")) {
                assertThat(records).extracting(r -> r.get("project")).contains(odd, HistoryFixture.APP_DOT);
            }
            if (kind.equals("daily")) {
                assertThat(records).extracting(r -> r.get("date")).contains("2026-03-28", "2026-05-05");
            }
        }
    }

    @Test
    void sinceAndUntilLimitTheDays() throws IOException {
        history();
        JsonNode r = JSON.readTree(run(0, "daily", "--json", "--timezone", "UTC", "--since", "20260329", "--until",
                "2026-09-30"));
        List<String> days = new ArrayList<>();
        r.path("rows").forEach(row -> days.add(row.path("date").asText()));
        assertThat(days).containsExactly("2026-03-29", "2026-03-31", "2026-09-27", "2026-09-30");
        assertThat(r.path("since").asText()).isEqualTo("2026-03-29");
        assertThat(JSON.readTree(run(0, "daily", "--json", "--timezone=UTC", "--since=20260329", "--until=2026-09-30")))
                .isEqualTo(r);
        assertThat(run(0, "models", "--since", "2030-01-01", "--timezone", "UTC")).contains("Total").contains("$0.00");
    }

    @Test
    void badUsageSaysWhatIsWrong() {
        history();
        run(2, "hourly");
        assertThat(err).contains("no report called 'hourly'").contains("Usage: budmon report");
        run(2);
        assertThat(err).contains("which report?");
        run(2, "daily", "--since", "yesterday");
        assertThat(err).contains("--since needs a date");
        run(2, "daily", "--timezone", "Mars/Olympus");
        assertThat(err).contains("unknown time zone: Mars/Olympus");
        run(2, "weekly", "--week-start", "funday");
        assertThat(err).contains("--week-start needs a day");
        run(2, "daily", "--json", "--csv");
        assertThat(err).contains("cannot be combined");
        run(2, "daily", "--since", "2026-05-02", "--until", "2026-05-01");
        assertThat(err).contains("before --since");
        run(2, "daily", "--until");
        assertThat(err).contains("--until needs a value");
        assertThat(run(0, "--help")).contains("Usage: budmon report").contains("--week-start");
        assertThat(cache).doesNotExist();
    }

    @Test
    void theIndexIsKeptAndALaterRunReadsWhatWasAppended() throws IOException {
        history();
        String first = run(0, "sessions", "--json", "--timezone", "UTC");
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".idx")).toList()).hasSize(1);
        }
        assertThat(run(0, "sessions", "--json", "--timezone", "UTC")).isEqualTo(first);
        Path s3 = claudeDir.resolve("projects").resolve(HistoryFixture.folderOf(HistoryFixture.TOOL))
                .resolve(HistoryFixture.S3 + ".jsonl");
        ClaudeLines.append(s3, ClaudeLines.assistant(HistoryFixture.S3, HistoryFixture.TOOL, "msg_new", "req_new",
                HistoryFixture.HAIKU, Instant.parse("2026-11-01T10:00:00Z"), new ClaudeLines.Usage(1, 1, 1, 1, 1), false,
                null));
        JsonNode after = JSON.readTree(run(0, "sessions", "--json", "--timezone", "UTC"));
        assertThat(after.path("totals").path("requests").asInt()).isEqualTo(13);
        // the same with the index deleted
        deleteIndex();
        assertThat(JSON.readTree(run(0, "sessions", "--json", "--timezone", "UTC"))).isEqualTo(after);
    }

    private void deleteIndex() throws IOException {
        try (var files = Files.list(cache)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void severalClaudeDirectoriesFromTheEnvironmentCountEachResponseOnce() throws IOException {
        history();
        Path second = tmp.resolve("synced");
        truth.writeSecondDir(claudeDir, second);
        env.put("CLAUDE_CONFIG_DIR", claudeDir + "," + second);
        Path before = claudeDir;
        claudeDir = null; // no --claude-dir: CLAUDE_CONFIG_DIR says where
        JsonNode r = JSON.readTree(run(0, "models", "--json", "--timezone", "UTC"));
        assertThat(r.path("claude_dirs")).hasSize(2);
        assertThat(r.path("totals").path("requests").asInt()).isEqualTo(13);
        claudeDir = before;
        JsonNode one = JSON.readTree(run(0, "models", "--json", "--timezone", "UTC"));
        assertThat(one.path("totals").path("requests").asInt()).isEqualTo(12);
    }

    @Test
    void twoReportsStartingTogetherBothFinishAndLeaveAGoodIndex() throws Exception {
        history();
        // enough lines that the two runs overlap: each reads the history and saves its index
        for (int f = 0; f < 4; f++) {
            String session = "5555555" + f + "-5555-4555-8555-555555555555";
            String[] lines = new String[1500];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = ClaudeLines.assistant(session, "/w/big", "msg_big_" + f + "_" + i, "req_big_" + f + "_" + i,
                        HistoryFixture.OPUS, Instant.parse("2026-06-01T00:00:00Z").plusSeconds(60L * i),
                        new ClaudeLines.Usage(1, 2, 3, 4, 5), false, null);
            }
            ClaudeLines.append(claudeDir.resolve("projects").resolve("-w-big").resolve(session + ".jsonl"), lines);
        }
        Path xdg = tmp.resolve("xdg");
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path out = tmp.resolve("out" + i + ".json");
            outputs.add(out);
            ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "report", "sessions", "--json",
                    "--timezone", "UTC", "--claude-dir", claudeDir.toString()))
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("XDG_CACHE_HOME", xdg.toString());
            processes.add(pb.start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        JsonNode first = JSON.readTree(outputs.get(0).toFile());
        assertThat(first.path("totals").path("requests").asInt()).isEqualTo(12 + 4 * 1500);
        assertThat(JSON.readTree(outputs.get(1).toFile())).isEqualTo(first);
        // the index they left is whole, and a third run from it reports the same
        HistoryIndex index = new HistoryIndex(xdg.resolve("budmon"), List.of(claudeDir.toAbsolutePath().normalize()));
        assertThat(index.load().responses(null)).hasSize(12 + 4 * 1500);
        cache = xdg.resolve("budmon");
        assertThat(JSON.readTree(run(0, "sessions", "--json", "--timezone", "UTC"))).isEqualTo(first);
    }

    @Test
    void jsonReadsThroughTheIndexToo() throws IOException {
        history();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClaudeDirs dirs = new ClaudeDirs(List.of(claudeDir));
        assertThat(JsonCommand.run(dirs, cache, Instant.parse("2026-11-01T00:00:00Z"), new PrintStream(out), System.err))
                .isZero();
        assertThat(new HistoryIndex(cache, dirs.dirs()).file()).isRegularFile();
        JsonNode first = JSON.readTree(out.toByteArray());
        assertThat(first.path("session").path("id").asText()).isNotEmpty();
        out.reset();
        // the same again, now from the index
        assertThat(JsonCommand.run(dirs, cache, Instant.parse("2026-11-01T00:00:00Z"), new PrintStream(out), System.err))
                .isZero();
        assertThat(JSON.readTree(out.toByteArray())).isEqualTo(first);
    }

    @Test
    void theCommandLineGivesTheReportEveryWordAfterIt() throws CommandLine.UsageException {
        CommandLine cl = CommandLine.parse("--claude-dir", "/x", "report", "daily", "--json", "--claude-dir", "/y");
        assertThat(cl.command()).isEqualTo(CommandLine.Command.REPORT);
        assertThat(cl.claudeDir()).isEqualTo(Path.of("/x"));
        assertThat(cl.operands()).containsExactly("daily", "--json", "--claude-dir", "/y");
        ReportCommand.Request r = ReportCommand.parse(cl.operands(), cl.claudeDir(), ZoneId.of("UTC"), null);
        assertThat(r.claudeDir()).isEqualTo(Path.of("/y"));
        assertThat(r.format()).isEqualTo(ReportCommand.Format.JSON);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandLine.parse("--json", "report", "daily"))
                .hasMessageContaining("cannot be combined");
    }

    @Test
    void theCommandLineHandsTheReportItsWordsAndLoadsNoWindowingClasses() throws Exception {
        history();
        Path log = tmp.resolve("classes.log");
        Path out = tmp.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--claude-dir", claudeDir.toString(), "report", "models", "--timezone", "UTC", "--csv"))
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("xdg").toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(out)).isZero();
        assertThat(Files.readString(out)).startsWith("model,requests,");
        assertThat(tmp.resolve("xdg").resolve("budmon")).isDirectory();
        List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(loaded).noneMatch(l -> l.contains(" javax.swing.") || l.contains(" java.awt.")
                || l.contains(" com.formdev."));
    }
}

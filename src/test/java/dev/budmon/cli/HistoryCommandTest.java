package dev.budmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.budmon.history.HistoryAppender;
import dev.budmon.history.HistoryFiles;
import dev.budmon.history.Observation;
import dev.budmon.history.WindowReading;
import dev.budmon.source.ClaudeDirs;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code budmon history} on a history written by its writers, in its three formats. */
class HistoryCommandTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant RESET_1 = Instant.parse("2026-11-30T14:00:00Z");
    static final Instant RESET_2 = Instant.parse("2026-12-06T14:00:00Z");

    @TempDir
    Path claude;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Observation observation(String time, String source, String req, String sid, double five,
                                           Instant reset, Double sonnet) {
        Map<String, WindowReading> w = new LinkedHashMap<>();
        w.put("5h", new WindowReading(five, reset, source.equals("statusline") ? null : "allowed"));
        if (sonnet != null) {
            w.put("7d_sonnet", new WindowReading(sonnet, Instant.parse("2026-12-09T00:00:00Z"), null));
        }
        return new Observation(Instant.parse(time), source, req, sid, source.equals("statusline") ? null : "allowed", w);
    }

    @BeforeEach
    void history() throws IOException {
        HistoryAppender.append(claude, observation("2026-11-30T10:00:00.250Z", "interceptor", "req_1", null, 0.10, RESET_1, 0.02));
        HistoryAppender.append(claude, observation("2026-11-30T10:05:00Z", "interceptor", "req_2", null, 0.25, RESET_1, 0.03));
        HistoryAppender.append(claude, observation("2026-12-06T10:00:00Z", "statusline", null, "sess, \"quoted\"", 0.05, RESET_2, null));
        HistoryAppender.append(claude, observation("2026-12-06T11:00:00Z", "interceptor", "req_3", null, 0.07, RESET_2, 0.04));
        Files.writeString(HistoryFiles.folder(claude).resolve("2026-12.jsonl"), "not an observation\n",
                StandardOpenOption.APPEND);
    }

    private int run(String... operands) {
        return HistoryCommand.run(new ClaudeDirs(List.of(claude)), List.of(operands), NOW, BERLIN,
                new PrintStream(out, true), new PrintStream(err, true));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvIsOneRowPerObservationThatACsvReaderReads() throws IOException {
        assertThat(run("--csv")).isZero();
        List<CSVRecord> rows;
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(output()))) {
            assertThat(p.getHeaderNames()).containsExactly("time", "source", "request_id", "session_id", "status",
                    "5h_utilization", "5h_reset", "5h_status", "7d_sonnet_utilization", "7d_sonnet_reset", "7d_sonnet_status");
            rows = p.getRecords();
        }
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("time")).isEqualTo("2026-11-30T10:00:00.250Z");
        assertThat(rows.get(0).get("request_id")).isEqualTo("req_1");
        assertThat(rows.get(1).get("5h_utilization")).isEqualTo("0.25");
        assertThat(rows.get(1).get("5h_reset")).isEqualTo("2026-11-30T14:00:00Z");
        assertThat(rows.get(2).get("session_id")).isEqualTo("sess, \"quoted\"");
        assertThat(rows.get(2).get("7d_sonnet_utilization")).isEmpty();
        assertThat(rows.get(3).get("7d_sonnet_utilization")).isEqualTo("0.04");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 line is not a quota observation and was skipped");
    }

    @Test
    void jsonHasTheObservationsAsTheHistoryWritesThemAndASummaryOfEachWindow() throws IOException {
        assertThat(run("--json")).isZero();
        JsonNode root = new ObjectMapper().readTree(output());
        assertThat(root.path("observations")).hasSize(4);
        assertThat(root.path("observations").get(1).path("req").asText()).isEqualTo("req_2");
        assertThat(root.path("observations").get(1).path("w").path("5h").path("u").asDouble()).isEqualTo(0.25);
        JsonNode five = root.path("windows").get(0);
        assertThat(five.path("name").asText()).isEqualTo("5h");
        assertThat(five.path("observations").asInt()).isEqualTo(3); // the status line's is left out where headers were
        assertThat(five.path("periods").asInt()).isEqualTo(2);
        assertThat(five.path("peak_percent").asDouble()).isEqualTo(25.0);
        assertThat(five.path("latest_percent").asDouble()).isEqualTo(7.0);
        assertThat(five.path("latest_reset").asText()).isEqualTo("2026-12-06T14:00:00Z");
        assertThat(root.path("bad_lines").asInt()).isEqualTo(1);
        assertThat(root.path("warnings")).hasSize(1);
    }

    @Test
    void sinceReadsOnlyWhatItNeedsInAnyOfItsForms() throws IOException {
        // a folder in November's place: reading November would warn
        Files.delete(HistoryFiles.folder(claude).resolve("2026-11.jsonl"));
        Files.createDirectory(HistoryFiles.folder(claude).resolve("2026-11.jsonl"));
        for (String since : List.of("2026-12-06", "2026-12-06T09:00:00Z", "24h", "1d")) {
            out.reset();
            err.reset();
            assertThat(run("--since", since, "--json")).isZero();
            JsonNode root = new ObjectMapper().readTree(output());
            assertThat(root.path("observations")).as(since).hasSize(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(since).doesNotContain("folder");
        }
        assertThat(run("--since=2026-12-06T10:30:00+01:00", "--csv")).isZero();
        assertThat(output().lines().filter(l -> l.startsWith("2026-12-06T11:00")).count()).isEqualTo(1);
    }

    @Test
    void textShowsLocalTimesAndTheSummaries() {
        assertThat(run()).isZero();
        String text = output();
        assertThat(text).contains("times in Europe/Berlin");
        assertThat(text).contains("2026-11-30 11:00:00.250  interceptor");
        assertThat(text).contains("req_1");
        assertThat(text).contains("4 observations; 1 lines were no observation and were skipped");
        assertThat(text).containsPattern("5h\\s+3\\s+2026-11-30 11:00\\s+2026-12-06 12:00\\s+2\\s+25\\.0%\\s+7\\.0%");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("--since")).isEqualTo(2);
        assertThat(run("--since", "last tuesday")).isEqualTo(2);
        assertThat(run("--json", "--csv")).isEqualTo(2);
        assertThat(run("--verbose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not: last tuesday").contains("--verbose");
    }

    @Test
    void theCommandLineHandsHistoryItsOwnOptions() throws Exception {
        CommandLine cl = CommandLine.parse("history", "--since", "7d", "--claude-dir", "/tmp/c", "--json");
        assertThat(cl.command()).isEqualTo(CommandLine.Command.HISTORY);
        assertThat(cl.operands()).containsExactly("--since", "7d", "--json");
        assertThat(cl.claudeDir()).isEqualTo(Path.of("/tmp/c"));
        assertThat(CommandLine.parse("--claude-dir=/tmp/c", "history").command()).isEqualTo(CommandLine.Command.HISTORY);
        assertThat(CommandLine.USAGE).contains("history [--since DATE] [--json|--csv]");
    }
}

package dev.budmon.cli;

import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.ConfigStore;
import dev.budmon.report.HistoryFixture;
import dev.budmon.report.ReportCsv;
import dev.budmon.report.ReportKind;
import dev.budmon.report.ReportOptions;
import dev.budmon.source.HistoryReports;
import dev.budmon.source.transcript.ClaudeLines;
import dev.budmon.source.transcript.HistoryIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Reports window and {@code budmon report} show the same figures: on a history of known truth, each
 * kind of report the window builds ({@link HistoryReports}, as the window reads it, through an index of its
 * own) written as CSV equals the command line's {@code --csv} output to the byte, for the whole history and
 * for a range of days, with a cold index and again after a response was appended.
 */
class ReportsWindowAgreesTest {

    @TempDir
    Path tmp;

    @Test
    void everyReportOfTheWindowEqualsTheCommandLines() throws IOException {
        Path claudeDir = tmp.resolve("home").resolve(".claude");
        HistoryFixture.write(claudeDir);
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Pricing pricing = new Pricing(PriceTable.bundled(), new ConfigStore(claudeDir).load().config());
        HistoryIndex windowIndex = new HistoryIndex(tmp.resolve("window-cache"), List.of(claudeDir));
        List<String> compared = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            HistoryReports window = HistoryReports.read(windowIndex, List.of(claudeDir));
            assertThat(window.warnings()).isEmpty();
            for (ReportKind kind : ReportKind.values()) {
                for (LocalDate[] range : List.of(new LocalDate[] {null, null},
                        new LocalDate[] {LocalDate.parse("2026-03-29"), LocalDate.parse("2026-09-30")})) {
                    List<String> args = new ArrayList<>(List.of(kind.word(), "--csv", "--timezone", zone.getId(),
                            "--week-start", "sunday"));
                    if (range[0] != null) {
                        args.addAll(List.of("--since", range[0].toString(), "--until", range[1].toString()));
                    }
                    String cli = cli(claudeDir, args);
                    StringBuilder csv = new StringBuilder();
                    ReportCsv.write(window.build(new ReportOptions(kind, zone, DayOfWeek.SUNDAY, range[0], range[1]),
                            pricing), csv);
                    assertThat(csv.toString()).as("%s %s, round %d", kind, args, round).isEqualTo(cli);
                    compared.add(cli);
                }
            }
            // one more response in a session's file: both read it from their index's offset on
            ClaudeLines.append(claudeDir.resolve("projects").resolve(HistoryFixture.folderOf(HistoryFixture.TOOL))
                    .resolve(HistoryFixture.S3 + ".jsonl"), ClaudeLines.assistant(HistoryFixture.S3, HistoryFixture.TOOL,
                    "msg_appended", "req_appended", HistoryFixture.SONNET, Instant.parse("2026-10-26T10:00:00Z"),
                    new ClaudeLines.Usage(5, 50, 0, 0, 500), false, null));
        }
        assertThat(compared).as("every comparison had rows to compare").allSatisfy(c ->
                assertThat(c.lines().count()).isGreaterThan(1));
        String appended = "\n2026-10-26," + HistoryFixture.SONNET + ",1,5,50,0,0,500,";
        assertThat(compared.get(0)).as("the first round's daily report").doesNotContain(appended);
        assertThat(compared.get(12)).as("the second round's daily report has the appended response")
                .contains(appended);
    }

    private String cli(Path claudeDir, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ReportCommand.run(args, claudeDir, Map.of(), tmp.resolve("home"), tmp.resolve("cli-cache"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}

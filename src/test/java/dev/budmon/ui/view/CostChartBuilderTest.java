package dev.budmon.ui.view;

import dev.budmon.calc.Cost;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.model.TokenCounts;
import dev.budmon.report.HistoryFixture;
import dev.budmon.report.ModelLine;
import dev.budmon.report.Report;
import dev.budmon.report.ReportKind;
import dev.budmon.report.ReportOptions;
import dev.budmon.report.ReportRow;
import dev.budmon.source.transcript.TranscriptStore;
import dev.budmon.ui.widget.CostChartModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the Reports window's chart is fed: a bar per day, week or month on a time axis without holes, each
 * bar's models summing to its row's cost, the most expensive model at the bottom, round guide lines, and
 * the figures for the tooltip; on the history of known truth that the report tests use.
 */
class CostChartBuilderTest {

    @TempDir
    Path tmp;

    private static final Pricing PRICING = new Pricing(PriceTable.bundled(), BudmonConfig.DEFAULTS);

    private Report report(ReportKind kind) {
        return report(kind, null, null);
    }

    private Report report(ReportKind kind, java.time.LocalDate since, java.time.LocalDate until) {
        Path dir = tmp.resolve(".claude");
        if (!dir.toFile().exists()) {
            HistoryFixture.write(dir);
        }
        TranscriptStore store = new TranscriptStore();
        store.refresh(List.of(dir));
        return dev.budmon.report.ReportBuilder.build(store.responses(null), store.sessions(),
                new ReportOptions(kind, ZoneId.of("Europe/Berlin"), DayOfWeek.MONDAY, since, until), PRICING);
    }

    @Test
    void aModelKeepsItsColourFromRangeToRange() {
        List<String> order = new ArrayList<>();
        for (ModelLine line : report(ReportKind.MODELS).total().models()) {
            order.add(line.model());
        }
        Messages en = Messages.of("en");
        CostChartModel all = CostChartBuilder.chart(report(ReportKind.DAILY), order, en);
        // from October on the models rank otherwise than over the whole history
        CostChartModel october = CostChartBuilder.chart(report(ReportKind.DAILY, java.time.LocalDate.of(2026, 10, 1),
                null), order, en);
        assertThat(october.series()).isNotEqualTo(all.series().subList(0, october.series().size()));
        for (int s = 0; s < october.series().size(); s++) {
            String model = october.series().get(s);
            int inAll = all.series().indexOf(model);
            assertThat(october.colours().get(s)).as(model).isEqualTo(all.colours().get(inAll));
        }
        // by rank in the range alone, as before, the colours would have moved
        CostChartModel byRank = CostChartBuilder.chart(report(ReportKind.DAILY, java.time.LocalDate.of(2026, 10, 1),
                null), en);
        assertThat(byRank.colours()).isNotEqualTo(october.colours());
    }

    @Test
    void coloursGoByTheWholeHistorysRankAndFillTheFreeOnesInOrder() {
        List<ModelLine> shown = List.of(line("claude-c"), line("claude-x"), line("claude-a"));
        // a and c hold their places of the whole history; x, not among its first five, takes the lowest free one
        assertThat(CostChartBuilder.colours(3, shown, false, List.of("claude-a", "claude-b", "claude-c")))
                .containsExactly(2, 1, 0);
        // "other" has the last colour
        assertThat(CostChartBuilder.colours(4, shown, true, List.of())).containsExactly(0, 1, 2, 5);
    }

    private static ModelLine line(String model) {
        return new ModelLine(model, 1, TokenCounts.ZERO, new Cost(0, 0, 0, 0, 0), true);
    }

    @Test
    void dailyBarsRunFromTheFirstDayToTheLastAndSumToTheRows() {
        Report daily = report(ReportKind.DAILY);
        CostChartModel chart = CostChartBuilder.chart(daily, Messages.of("en"));
        // 2026-03-28 (Berlin) to 2026-10-26: every day a bar, those without requests empty
        assertThat(chart.bars()).hasSize(213);
        assertThat(chart.bars().get(0).label()).isEqualTo("03-28");
        assertThat(chart.bars().get(chart.bars().size() - 1).label()).isEqualTo("10-26");
        assertThat(chart.bars().get(5).total()).as("2026-04-02 had no requests").isZero();
        assertThat(chart.bars().get(5).tooltip()).contains("Thu Apr 2 2026").contains("no requests");
        double sum = 0;
        for (CostChartModel.Bar b : chart.bars()) {
            sum += b.total();
        }
        assertThat(sum).isCloseTo(daily.total().cost().total(), within(1e-9));
        for (ReportRow row : daily.rows()) {
            CostChartModel.Bar bar = chart.bars().stream().filter(b -> b.label().equals(row.key().substring(5)))
                    .findFirst().orElseThrow();
            assertThat(bar.total()).as(row.key()).isCloseTo(row.cost().total(), within(1e-9));
        }
        // series: the models, most expensive first, without "claude-"
        List<String> expected = new ArrayList<>();
        for (ModelLine line : daily.total().models()) {
            expected.add(line.model().substring("claude-".length()));
        }
        assertThat(chart.series()).isEqualTo(expected);
        assertThat(chart.scaleTop()).isGreaterThanOrEqualTo(highest(chart));
    }

    @Test
    void weeksAndMonthsStepByTheirLength() {
        CostChartModel weekly = CostChartBuilder.chart(report(ReportKind.WEEKLY), Messages.of("de"));
        assertThat(weekly.bars().get(0).label()).as("the Monday of 2026-03-28's week").isEqualTo("03-23");
        assertThat(weekly.bars().get(1).label()).isEqualTo("03-30");
        assertThat(weekly.bars().get(0).tooltip()).contains("Woche ab Mo 23.03.2026").contains("Summe");
        CostChartModel monthly = CostChartBuilder.chart(report(ReportKind.MONTHLY), Messages.of("en"));
        assertThat(monthly.bars()).extracting(CostChartModel.Bar::label).containsExactly("2026-03", "2026-04",
                "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10");
        assertThat(monthly.bars().get(0).tooltip()).startsWith("<html><b>Mar 2026</b>").contains("sonnet-4-6: $");
    }

    @Test
    void reportsNotByTimeHaveNoBars() {
        assertThat(CostChartBuilder.chart(report(ReportKind.PROJECTS), Messages.of("en")).bars()).isEmpty();
    }

    @Test
    void modelsBeyondTheFifthShareOneSeries() {
        List<ModelLine> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add(new ModelLine("claude-m" + i, 1, TokenCounts.ZERO, new Cost(8 - i, 0, 0, 0, 0), true));
        }
        Instant t = Instant.parse("2026-12-05T12:00:00Z");
        ReportRow row = new ReportRow("2026-12-05", null, t, t, 8, TokenCounts.ZERO, new Cost(36, 0, 0, 0, 0), lines);
        Report r = new Report(new ReportOptions(ReportKind.DAILY, ZoneOffset.UTC, DayOfWeek.MONDAY, null, null),
                List.of(row), row, List.of());
        CostChartModel chart = CostChartBuilder.chart(r, Messages.of("en"));
        assertThat(chart.series()).containsExactly("m0", "m1", "m2", "m3", "m4", "other");
        assertThat(chart.bars().get(0).costs()).containsExactly(8.0, 7.0, 6.0, 5.0, 4.0, 3.0 + 2 + 1);
        assertThat(chart.bars().get(0).tooltip()).contains("m7: $1.00").contains("Total $36.00 · 8 requests");
    }

    @Test
    void guideLinesAreRoundSteps() {
        assertThat(CostChartBuilder.grid(37.2, Locale.US)).extracting(CostChartModel.GridLine::label)
                .containsExactly("$0", "$10", "$20", "$30", "$40");
        assertThat(CostChartBuilder.grid(1234, Locale.GERMANY)).extracting(CostChartModel.GridLine::label)
                .containsExactly("0 $", "500 $", "1.000 $", "1.500 $");
        assertThat(CostChartBuilder.grid(0.7, Locale.US)).extracting(CostChartModel.GridLine::label)
                .containsExactly("$0.00", "$0.20", "$0.40", "$0.60", "$0.80");
        assertThat(CostChartBuilder.grid(0, Locale.US)).hasSize(1);
    }

    private static double highest(CostChartModel chart) {
        double h = 0;
        for (CostChartModel.Bar b : chart.bars()) {
            h = Math.max(h, b.total());
        }
        return h;
    }
}

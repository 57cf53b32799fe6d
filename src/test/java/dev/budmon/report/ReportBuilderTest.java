package dev.budmon.report;

import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.TokenCounts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The grouping and pricing of {@link ReportBuilder} on responses given by hand. */
class ReportBuilderTest {

    private static final Pricing PRICES = new Pricing(PriceTable.bundled(), BudmonConfig.DEFAULTS);
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final List<ApiResponse> responses = new ArrayList<>();
    private final List<SessionUsage> sessions = new ArrayList<>();
    private int n;

    private void response(String session, String model, String time, long output) {
        n++;
        responses.add(new ApiResponse("msg_" + n, "req_" + n, session, model, Instant.parse(time),
                new TokenCounts(10, output, 100, 20, 1000)));
    }

    private void session(String id, String cwd, String transcript) {
        sessions.add(new SessionUsage(id, cwd, transcript == null ? null : Path.of(transcript), null, null, 0,
                Map.of(), null));
    }

    private Report report(ReportKind kind, ZoneId zone) {
        return report(new ReportOptions(kind, zone, DayOfWeek.MONDAY, null, null));
    }

    private Report report(ReportOptions options) {
        return ReportBuilder.build(responses, sessions, options, PRICES);
    }

    private static List<String> keys(Report r) {
        return r.rows().stream().map(ReportRow::key).toList();
    }

    private static List<Integer> requests(Report r) {
        return r.rows().stream().map(ReportRow::requests).toList();
    }

    @Test
    void aDayIsTheCalendarDayOfTheReportsTimeZone() {
        response("s", "claude-opus-5-5", "2026-03-10T23:30:00Z", 1);
        response("s", "claude-opus-5-5", "2026-03-11T00:30:00Z", 1);
        response("s", "claude-opus-5-5", "2026-03-11T18:40:00Z", 1);

        assertThat(keys(report(ReportKind.DAILY, UTC))).containsExactly("2026-03-10", "2026-03-11");
        assertThat(requests(report(ReportKind.DAILY, UTC))).containsExactly(1, 2);
        // 00:30 and 01:30 in Berlin, and 19:40
        assertThat(keys(report(ReportKind.DAILY, BERLIN))).containsExactly("2026-03-11");
        // 16:30 and 17:30 the day before in Los Angeles (summer time, UTC-7, since March 8th), then 11:40
        Report la = report(ReportKind.DAILY, ZoneId.of("America/Los_Angeles"));
        assertThat(keys(la)).containsExactly("2026-03-10", "2026-03-11");
        assertThat(requests(la)).containsExactly(2, 1);
        // half-hour offset: 05:00 and 06:00 on the 11th, and 00:10 on the 12th in Kolkata (UTC+5:30)
        Report kolkata = report(ReportKind.DAILY, ZoneId.of("Asia/Kolkata"));
        assertThat(keys(kolkata)).containsExactly("2026-03-11", "2026-03-12");
        assertThat(requests(kolkata)).containsExactly(2, 1);
    }

    @Test
    void daysAcrossTheDaylightSavingChanges() {
        // Berlin moves to summer time on 2026-03-29 at 01:00 UTC (a 23-hour day) and back on 2026-10-25 at
        // 01:00 UTC (a 25-hour day).
        response("s", "claude-opus-5-5", "2026-03-28T22:59:00Z", 1); // 23:59 +1 on the 28th
        response("s", "claude-opus-5-5", "2026-03-28T23:00:00Z", 1); // 00:00 +1 on the 29th
        response("s", "claude-opus-5-5", "2026-03-29T21:59:00Z", 1); // 23:59 +2 on the 29th
        response("s", "claude-opus-5-5", "2026-03-29T22:00:00Z", 1); // 00:00 +2 on the 30th
        response("s", "claude-opus-5-5", "2026-10-24T22:00:00Z", 1); // 00:00 +2 on the 25th
        response("s", "claude-opus-5-5", "2026-10-25T22:59:00Z", 1); // 23:59 +1 on the 25th
        response("s", "claude-opus-5-5", "2026-10-25T23:00:00Z", 1); // 00:00 +1 on the 26th

        Report r = report(ReportKind.DAILY, BERLIN);
        assertThat(keys(r)).containsExactly("2026-03-28", "2026-03-29", "2026-03-30", "2026-10-25", "2026-10-26");
        assertThat(requests(r)).containsExactly(1, 2, 1, 2, 1);
        // the same instants in UTC
        assertThat(keys(report(ReportKind.DAILY, UTC))).containsExactly("2026-03-28", "2026-03-29", "2026-10-24",
                "2026-10-25");
    }

    @Test
    void weeksStartOnTheGivenDayAndCrossMonths() {
        response("s", "claude-opus-5-5", "2026-09-27T12:00:00Z", 1); // Sunday
        response("s", "claude-opus-5-5", "2026-09-28T12:00:00Z", 1); // Monday
        response("s", "claude-opus-5-5", "2026-09-30T12:00:00Z", 1); // Wednesday
        response("s", "claude-opus-5-5", "2026-10-01T12:00:00Z", 1); // Thursday
        response("s", "claude-opus-5-5", "2026-10-04T12:00:00Z", 1); // Sunday

        Report monday = report(new ReportOptions(ReportKind.WEEKLY, UTC, DayOfWeek.MONDAY, null, null));
        assertThat(keys(monday)).containsExactly("2026-09-21", "2026-09-28");
        assertThat(requests(monday)).containsExactly(1, 4);
        Report sunday = report(new ReportOptions(ReportKind.WEEKLY, UTC, DayOfWeek.SUNDAY, null, null));
        assertThat(keys(sunday)).containsExactly("2026-09-27", "2026-10-04");
        assertThat(requests(sunday)).containsExactly(4, 1);
        Report months = report(ReportKind.MONTHLY, UTC);
        assertThat(keys(months)).containsExactly("2026-09", "2026-10");
        assertThat(requests(months)).containsExactly(3, 2);
        // Sunday noon UTC is already Monday in Auckland (UTC+13)
        Report auckland = report(new ReportOptions(ReportKind.WEEKLY, ZoneId.of("Pacific/Auckland"), DayOfWeek.MONDAY,
                null, null));
        assertThat(keys(auckland)).containsExactly("2026-09-28", "2026-10-05");
        assertThat(requests(auckland)).containsExactly(4, 1);
    }

    @Test
    void sinceAndUntilAreDaysOfTheTimeZoneBothIncluded() {
        response("s", "claude-opus-5-5", "2026-05-01T23:30:00Z", 1); // May 2nd in Berlin
        response("s", "claude-opus-5-5", "2026-05-02T12:00:00Z", 1);
        response("s", "claude-opus-5-5", "2026-05-03T21:59:00Z", 1); // 23:59 on May 3rd in Berlin
        response("s", "claude-opus-5-5", "2026-05-03T22:00:00Z", 1); // May 4th in Berlin

        Report r = report(new ReportOptions(ReportKind.DAILY, BERLIN, DayOfWeek.MONDAY, LocalDate.parse("2026-05-02"),
                LocalDate.parse("2026-05-03")));
        assertThat(keys(r)).containsExactly("2026-05-02", "2026-05-03");
        assertThat(r.total().requests()).isEqualTo(3);
        Report utc = report(new ReportOptions(ReportKind.MODELS, UTC, DayOfWeek.MONDAY, LocalDate.parse("2026-05-02"),
                LocalDate.parse("2026-05-02")));
        assertThat(utc.total().requests()).isEqualTo(1);
    }

    @Test
    void projectsAreWorkingDirectoriesNotFolderNames() {
        // Claude Code turns both paths into the folder -home-dev-my-app
        session("a", "/home/dev/my.app", "/c/projects/-home-dev-my-app/a.jsonl");
        session("b", "/home/dev/my-app", "/c/projects/-home-dev-my-app/b.jsonl");
        session("c", null, "/c/projects/-srv-old/c.jsonl");
        response("a", "claude-opus-5-5", "2026-05-02T12:00:00Z", 1);
        response("a", "claude-opus-5-5", "2026-05-02T12:01:00Z", 1);
        response("b", "claude-sonnet-4-6", "2026-05-02T12:02:00Z", 1);
        response("c", "claude-sonnet-4-6", "2026-05-02T12:03:00Z", 1);
        response("gone", "claude-sonnet-4-6", "2026-05-02T12:04:00Z", 1);

        Report r = report(ReportKind.PROJECTS, UTC);
        assertThat(keys(r)).containsExactlyInAnyOrder("/home/dev/my.app", "/home/dev/my-app", "-srv-old",
                ReportBuilder.UNKNOWN_PROJECT);
        assertThat(r.rows().get(0).key()).isEqualTo("/home/dev/my.app"); // the most expensive first
        assertThat(r.rows().get(0).requests()).isEqualTo(2);
        for (int i = 1; i < r.rows().size(); i++) {
            assertThat(r.rows().get(i).cost().total()).isLessThanOrEqualTo(r.rows().get(i - 1).cost().total());
        }
    }

    @Test
    void aSessionSpanningDaysIsOneSessionRowAndSeveralDays() {
        session("long", "/w/p", null);
        session("short", "/w/q", null);
        response("long", "claude-opus-5-5", "2026-06-01T22:00:00Z", 1);
        response("long", "claude-haiku-4-5", "2026-06-02T09:00:00Z", 1);
        response("short", "claude-opus-5-5", "2026-06-02T10:00:00Z", 1);
        response("long", "claude-opus-5-5", "2026-06-03T01:00:00Z", 1);

        Report s = report(ReportKind.SESSIONS, UTC);
        assertThat(keys(s)).containsExactly("short", "long"); // by their last response
        ReportRow longRow = s.rows().get(1);
        assertThat(longRow.project()).isEqualTo("/w/p");
        assertThat(longRow.first()).isEqualTo(Instant.parse("2026-06-01T22:00:00Z"));
        assertThat(longRow.last()).isEqualTo(Instant.parse("2026-06-03T01:00:00Z"));
        assertThat(longRow.requests()).isEqualTo(3);
        assertThat(longRow.models()).extracting(ModelLine::model).containsExactly("claude-opus-5-5", "claude-haiku-4-5");
        assertThat(requests(report(ReportKind.DAILY, UTC))).containsExactly(1, 2, 1);
    }

    @Test
    void rowsModelsAndTotalsAddUpAndArePricedPerModel() {
        response("s", "claude-opus-5-5", "2026-06-01T10:00:00Z", 100);
        response("s", "claude-sonnet-4-6", "2026-06-01T11:00:00Z", 200);
        response("s", "claude-opus-5-5", "2026-06-02T10:00:00Z", 300);

        Report r = report(ReportKind.DAILY, UTC);
        ReportRow first = r.rows().get(0);
        assertThat(first.models()).hasSize(2);
        TokenCounts opus = new TokenCounts(10, 100, 100, 20, 1000);
        ModelLine opusLine = first.models().stream().filter(l -> l.model().equals("claude-opus-5-5")).findFirst()
                .orElseThrow();
        assertThat(opusLine.tokens()).isEqualTo(opus);
        // claude-opus-5-5: $4 input, $20 output, $5 5-minute write, $8 1-hour write, $0.20 read per million
        assertThat(opusLine.cost().total()).isCloseTo((10 * 4 + 100 * 20 + 100 * 5 + 20 * 8 + 1000 * 0.2) / 1e6,
                within(1e-12));
        assertThat(first.cost().total()).isCloseTo(first.models().stream().mapToDouble(l -> l.cost().total()).sum(),
                within(1e-12));
        assertThat(r.total().requests()).isEqualTo(3);
        assertThat(r.total().tokens()).isEqualTo(r.rows().get(0).tokens().plus(r.rows().get(1).tokens()));
        assertThat(r.total().cost().total()).isCloseTo(r.rows().stream().mapToDouble(x -> x.cost().total()).sum(),
                within(1e-9));
        assertThat(r.total().models()).extracting(ModelLine::requests).containsExactly(2, 1);
        assertThat(r.unknownModels()).isEmpty();
    }

    @Test
    void unknownModelsArePricedByFamilyAndNamed() {
        response("s", "claude-opus-9-1", "2026-06-01T10:00:00Z", 100);
        response("s", "gpt-something", "2026-06-01T10:00:00Z", 100);
        response("s", "claude-opus-5-5", "2026-06-01T10:00:00Z", 100);

        Report r = report(ReportKind.MODELS, UTC);
        assertThat(r.unknownModels()).containsExactly("claude-opus-9-1", "gpt-something");
        ReportRow opus9 = r.rows().stream().filter(x -> x.key().equals("claude-opus-9-1")).findFirst().orElseThrow();
        ReportRow opus55 = r.rows().stream().filter(x -> x.key().equals("claude-opus-5-5")).findFirst().orElseThrow();
        assertThat(opus9.models().get(0).priceKnown()).isFalse();
        assertThat(opus55.models().get(0).priceKnown()).isTrue();
        // an unknown Opus is priced as the opus family's model, never at $0
        assertThat(opus9.cost().total()).isEqualTo(opus55.cost().total()).isPositive();
    }

    @Test
    void noResponsesGiveNoRowsAndZeroTotals() {
        Report r = report(ReportKind.DAILY, UTC);
        assertThat(r.rows()).isEmpty();
        assertThat(r.total().requests()).isZero();
        assertThat(r.total().tokens()).isEqualTo(TokenCounts.ZERO);
        assertThat(r.total().models()).isEmpty();
    }
}

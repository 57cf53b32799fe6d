package dev.budmon.ui;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTimeline;
import dev.budmon.ui.view.DashboardView;
import dev.budmon.ui.view.DashboardViewBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClockWarmUpTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;

    /** It runs the clock's real path: where it ends is where the clock would be after as many seconds. */
    @Test
    void endsOnTheViewTheClockWouldShowThatManySecondsLaterAcrossAReset() {
        ApiResponse last = new ApiResponse("m", "q", "s", "claude-sonnet-4-5", NOW.minusSeconds(40),
                new TokenCounts(100, 200, 300, 400, 500));
        // the 5h window resets in the middle of the run, which the clock handles with a full build
        UsageState s = state(last,
                new QuotaWindow("5h", 0.78, NOW.plusSeconds(ClockWarmUp.SECONDS / 2), "allowed", null, Duration.ofHours(5)),
                new QuotaWindow("7d", 0.2, NOW.plus(Duration.ofDays(3)), "allowed", null, Duration.ofHours(168)),
                new QuotaWindow("7d_sonnet", 0.05, NOW.plus(Duration.ofDays(3)), "allowed", null, Duration.ofHours(168)));
        for (String language : List.of("en", "de")) {
            Messages m = Messages.of(language);
            Figures start = Calculator.compute(s, NOW, BudmonConfig.DEFAULTS, PriceTable.bundled());
            DashboardView shown = DashboardViewBuilder.build(start, BudmonConfig.DEFAULTS, m, UTC, 7);

            List<DashboardView> views = ClockWarmUp.run(s, start, shown, BudmonConfig.DEFAULTS, PriceTable.bundled(),
                    m, UTC, 7);
            // after the reset nothing shows seconds any more: a new view a minute
            assertThat(views).hasSizeBetween(ClockWarmUp.PAINTED / 60, ClockWarmUp.PAINTED);
            for (int i = 1; i < views.size(); i++) {
                assertThat(views.get(i)).isNotEqualTo(views.get(i - 1));
            }
            DashboardView end = views.get(views.size() - 1);

            Instant then = NOW.plusSeconds(ClockWarmUp.SECONDS);
            DashboardView expected = DashboardViewBuilder.build(
                    Calculator.compute(s, then, BudmonConfig.DEFAULTS, PriceTable.bundled()),
                    BudmonConfig.DEFAULTS, m, UTC, 7);
            assertThat(end).as(language).isEqualTo(expected);
            assertThat(end).isNotEqualTo(shown);
            assertThat(end.quotas().get(0).dimmed()).as("the 5h window shows as reset").isTrue();
        }
    }

    @Test
    void whileACountdownRunsEverySecondGivesAViewToPaint() {
        UsageState s = state(null,
                new QuotaWindow("5h", 0.4, NOW.plus(Duration.ofHours(3)), "allowed", null, Duration.ofHours(5)));
        Messages m = Messages.of("en");
        Figures start = Calculator.compute(s, NOW, BudmonConfig.DEFAULTS, PriceTable.bundled());
        DashboardView shown = DashboardViewBuilder.build(start, BudmonConfig.DEFAULTS, m, UTC, 7);

        List<DashboardView> views = ClockWarmUp.run(s, start, shown, BudmonConfig.DEFAULTS, PriceTable.bundled(), m,
                UTC, 7);

        assertThat(views).hasSize(ClockWarmUp.PAINTED);
        assertThat(views.get(views.size() - 1).ring().timeText()).isEqualTo("2:40:00");
    }

    private static UsageState state(ApiResponse last, QuotaWindow... windows) {
        RateLimits limits = new RateLimits(NOW, "budmon-interceptor", List.of(windows),
                new AccountLimits("allowed", null, "five_hour", null, null, null, null));
        return new UsageState(limits, last, null, UsageTimeline.EMPTY, List.of(), NOW, List.of());
    }
}

package dev.budmon.ui.view;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.history.DayTrails;
import dev.budmon.history.Observation;
import dev.budmon.history.QuotaHistory;
import dev.budmon.history.WindowReading;
import dev.budmon.i18n.Messages;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTimeline;
import dev.budmon.quotacost.DollarsPerPercent;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.ui.theme.Tone;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the quota history adds to the window's view: pace, the binding limit, shares, what 1 % is worth. */
class HistoryViewTest {

    /** A Thursday. */
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Messages EN = Messages.of("en");
    private static final Messages DE = Messages.of("de");
    private static final Instant FIVE_RESET = NOW.plus(Duration.ofHours(3));
    private static final Instant WEEK_RESET = NOW.plus(Duration.ofDays(3));

    private static QuotaWindow window(String name, double u, Instant reset, Duration length) {
        return new QuotaWindow(name, u, reset, "allowed", null, length);
    }

    /** 5h at 20 % and quiet; 7d at 40 %; 7d Sonnet at 60 %, up 10 points in the last hour. */
    private static UsageState state() {
        RateLimits limits = new RateLimits(NOW, "budmon-interceptor", List.of(
                window("5h", 0.20, FIVE_RESET, Duration.ofHours(5)),
                window("7d", 0.40, WEEK_RESET, Duration.ofDays(7)),
                window("7d_sonnet", 0.60, WEEK_RESET, Duration.ofDays(7))),
                new AccountLimits("allowed", null, "five_hour", null, null, null, null));
        return new UsageState(limits, null, null, UsageTimeline.EMPTY, List.of(), NOW, List.of());
    }

    /** An observation every five minutes of the last hour, as the interceptor records them. */
    private static QuotaHistory history() {
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i <= 12; i++) {
            Instant t = NOW.minus(Duration.ofMinutes(60 - 5L * i));
            Map<String, WindowReading> w = new LinkedHashMap<>();
            w.put("5h", new WindowReading(0.20, FIVE_RESET, "allowed"));
            w.put("7d", new WindowReading(0.40, WEEK_RESET, "allowed"));
            w.put("7d_sonnet", new WindowReading(0.50 + 0.10 * i / 12, WEEK_RESET, "allowed"));
            obs.add(new Observation(t, Observation.INTERCEPTOR, null, null, "allowed", w));
        }
        return QuotaHistory.of(obs);
    }

    private static Figures figures() {
        return Calculator.compute(state(), NOW, BudmonConfig.DEFAULTS, PriceTable.bundled());
    }

    private static HistoryFigures historyFigures() {
        return HistoryFigures.compute(figures(), history(), List.of(), Map.of(),
                new Pricing(PriceTable.bundled(), BudmonConfig.DEFAULTS), BudmonConfig.DEFAULTS.thresholds(), NOW);
    }

    private static DashboardView view(HistoryFigures h, Messages m) {
        return view(h, m, UTC);
    }

    private static DashboardView view(HistoryFigures h, Messages m, ZoneId zone) {
        return DashboardViewBuilder.build(figures(), h, h == null ? null : DayTrails.of(history(), NOW),
                BudmonConfig.DEFAULTS, m, zone, MonitorPulse.ofStates(3), List.of());
    }

    private static QuotaSectionView section(DashboardView v, String window) {
        return v.quotas().stream().filter(q -> q.window().equals(window)).findFirst().orElseThrow();
    }

    @Test
    void theHeaderAndTheRingSayWhichLimitBindsFirstAndWhen() {
        DashboardView v = view(historyFigures(), EN);
        // 7d Sonnet at 60 %, 10 points an hour now: out at 16:00, days before its reset; 5h and 7d last
        assertThat(v.header().binds()).isEqualTo(new TonedText(
                "7 days Sonnet runs out 16:00, before its reset", Tone.ALARM));
        assertThat(v.header().bindsTip()).contains("current pace");
        assertThat(v.header().statusTip()).contains("7 days Sonnet runs out 16:00");
        assertThat(v.ring().label()).isEqualTo("RESET");
        assertThat(v.ring().detail()).isEqualTo("Sonnet 16:00");
        assertThat(v.ringTip()).contains("7 days Sonnet runs out");

        DashboardView de = view(historyFigures(), DE);
        assertThat(de.header().binds().text()).isEqualTo("7 Tage Sonnet leer ab 16:00, vor dem Reset");
        assertThat(de.ring().detail()).isEqualTo("Sonnet 16:00");
    }

    @Test
    void aLimitThatRunsOutAfterMidnightIsNamedWithItsWeekdayAndLeftToTheHeader() {
        // the same 16:00 UTC seen from Tokyo at 21:00 on Thursday: 01:00 on Friday
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        DashboardView v = view(historyFigures(), EN, tokyo);
        assertThat(v.header().binds().text()).isEqualTo("7 days Sonnet runs out Fri 01:00, before its reset");
        assertThat(v.ring().detail()).as("the ring keeps to today").isEmpty();
        assertThat(view(historyFigures(), DE, tokyo).header().binds().text())
                .isEqualTo("7 Tage Sonnet leer ab Fr 01:00, vor dem Reset");
    }

    @Test
    void paceStandsBesideTheWindowAverage() {
        DashboardView v = view(historyFigures(), EN);
        QuotaSectionView sonnet = section(v, "7d_sonnet");
        assertThat(sonnet.compact()).isTrue();
        assertThat(sonnet.pace()).isEqualTo(PaceView.NONE);
        assertThat(sonnet.tip()).contains("At the current pace: Burn Rate → 240 %/d · Expiry → Thu 16:00");

        QuotaSectionView five = section(v, "5h");
        // average since 10:00: 10 %/h; pace: nothing used in the last hour
        assertThat(five.burnRate().text()).isEqualTo("10.0 %/h");
        assertThat(five.pace().burnRate()).isEqualTo(new TonedText("→ 0.0 %/h", Tone.OK));
        assertThat(five.pace().expiry()).isEqualTo(new TonedText("→ --", Tone.DIM));
        QuotaSectionView week = section(v, "7d");
        assertThat(week.pace().burnRate().text()).isEqualTo("→ 0.0 %/d");
        assertThat(v.captions().burnRateTip()).contains("After →");
        assertThat(section(view(historyFigures(), DE), "5h").pace().burnRate().text()).isEqualTo("→ 0,0 %/h");
    }

    @Test
    void theHeaderCarriesTheLastDayOfTheTwoMainWindows() {
        DashboardView v = view(historyFigures(), EN);
        double[] five = v.header().trail().fiveHour();
        double[] week = v.header().trail().sevenDay();
        assertThat(five).hasSize(96);
        // observed in the last hour only: the columns before are unknown, the last ones show 20 % and 40 %
        assertThat(five[90]).isNaN();
        assertThat(five[95]).isEqualTo(0.20);
        assertThat(week[95]).isEqualTo(0.40);
        assertThat(v.header().trailTip()).contains("Now: 5 hours 20%, 7 days 40%").contains("(0 times)");
        assertThat(view(historyFigures(), DE).header().trailTip()).contains("Jetzt: 5 Stunden 20 %, 7 Tage 40 %");
        assertThat(view(null, EN).header().trail()).isEqualTo(dev.budmon.ui.widget.TrailModel.EMPTY);
        assertThat(view(null, EN).header().trailTip()).contains("once the quota history is read");
    }

    @Test
    void withoutHistoryFiguresNothingOfThemIsShown() {
        DashboardView v = view(null, EN);
        assertThat(v.header().binds()).isEqualTo(TonedText.NONE);
        assertThat(v.ring().detail()).isEmpty();
        assertThat(section(v, "5h").pace()).isEqualTo(PaceView.NONE);
        assertThat(v.requests().last().rows().get(6)).satisfies(r -> {
            assertThat(r.label()).isEqualTo("quota");
            assertThat(r.value()).isEqualTo(TonedText.UNKNOWN);
            assertThat(r.tip()).contains("quota history");
        });
    }

    @Test
    void whatOnePercentIsWorthOrThatTheHistoryIsTooShort() {
        HistoryFigures h = historyFigures();
        DashboardView v = view(h, EN);
        // beside what the 5-hour window cost so far, and in each window's tooltip
        assertThat(v.requests().windowLine().value().text()).endsWith(" · 1% ≈ ?");
        assertThat(v.requests().windowLine().tip()).contains("1%: not enough history yet").contains("5 spans of 2 percentage points").contains("have 0")
                .contains("does not guess");
        assertThat(section(v, "7d").tip()).endsWith("\n1%: not enough history yet");

        Map<String, DollarsPerPercent> worth = new LinkedHashMap<>(h.worth());
        worth.put("5h", new DollarsPerPercent(0.41, 0.05, 6, 14.2, null));
        HistoryFigures fitted = new HistoryFigures(h.paces(), h.binding(), h.joined(), h.shares(), worth,
                h.lastRequest(), h.session());
        DashboardView f = view(fitted, EN);
        assertThat(f.requests().windowLine().value().text()).endsWith(" · 1% ≈ $0.41");
        // 80 % of the window left at $0.41 a percent
        assertThat(f.requests().windowLine().tip()).contains("1% ≈ $0.41 ± $0.05").contains("6 spans covering 14 percentage points")
                .contains("about $32.80 of API use");
        assertThat(section(f, "5h").tip()).endsWith("\n1% ≈ $0.41 ± $0.05");
        assertThat(view(fitted, DE).requests().windowLine().value().text()).endsWith(" · 1 % ≈ 0,41 $");
    }

    @Test
    void theQuotaShareOfTheLastRequestAndOfTheSession() {
        Map<String, Double> last = new LinkedHashMap<>();
        last.put("7d", 0.1);
        last.put("5h", 0.8);
        last.put("7d_sonnet", null);
        FigureRow row = RequestsBuilder.quotaRow(last, EN, "tip.requests.quota_last");
        assertThat(row.value().text()).isEqualTo("0.8% of 5h");
        assertThat(row.tip()).contains("last request's share").contains("• 7 days: 0.1%").contains("• 5 hours: 0.8%")
                .doesNotContain("Sonnet");
        assertThat(RequestsBuilder.quotaRow(Map.of("7d", 0.04), DE, "tip.requests.quota_total").value().text())
                .isEqualTo("<0,1 % von 7d");
        Map<String, Double> none = new LinkedHashMap<>();
        none.put("5h", null);
        assertThat(RequestsBuilder.quotaRow(none, EN, "tip.requests.quota_last").value())
                .isEqualTo(TonedText.UNKNOWN);
    }
}

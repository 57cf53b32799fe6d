package dev.budmon.ui.view;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTimeline;
import dev.budmon.ui.theme.Tone;
import dev.budmon.config.ModelChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardViewBuilderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Messages EN = Messages.of("en");
    private static final Messages DE = Messages.of("de");

    private static QuotaWindow five(double utilization, Duration untilReset) {
        return new QuotaWindow("5h", utilization, NOW.plus(untilReset), "allowed", null, Duration.ofHours(5));
    }

    private static QuotaWindow week(String name, double utilization) {
        return new QuotaWindow(name, utilization, NOW.plus(Duration.ofDays(3)), "allowed", null, Duration.ofHours(168));
    }

    private static UsageState state(Instant capturedAt, ApiResponse last, QuotaWindow... windows) {
        RateLimits limits = new RateLimits(capturedAt, "budmon-interceptor", List.of(windows),
                new AccountLimits("allowed", null, "five_hour", null, null, null, null));
        return new UsageState(limits, last, null, UsageTimeline.EMPTY, List.of(), capturedAt, List.of());
    }

    private static DashboardView view(UsageState s, Messages m) {
        Figures f = Calculator.compute(s, NOW, BudmonConfig.DEFAULTS, PriceTable.bundled());
        return DashboardViewBuilder.build(f, BudmonConfig.DEFAULTS, m, UTC, 7);
    }

    private static QuotaSectionView section(DashboardView v, String label) {
        return v.quotas().stream().filter(q -> q.label().equals(label)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"0.42, OK", "0.80, WARN", "0.95, ALARM"})
    void theBarIsColouredByItsLevel(double utilization, Tone tone) {
        // 4 h 50 min left of 5 h: the rate is low enough that only the quota level counts.
        DashboardView v = view(state(NOW, null, five(utilization, Duration.ofMinutes(290))), EN);
        QuotaSectionView s = section(v, "5 hours");
        assertThat(s.bar().tone()).isEqualTo(tone);
        assertThat(s.bar().percent()).isEqualTo(utilization * 100);
        assertThat(s.bar().warnPercent()).isEqualTo(75);
        assertThat(s.bar().alarmPercent()).isEqualTo(90);
        assertThat(s.bar().text()).isEqualTo(Math.round(utilization * 100) + "%");
    }

    @Test
    void overOneHundredPercentIsShownAsSuch() {
        DashboardView v = view(state(NOW, null, five(1.12, Duration.ofHours(1))), EN);
        assertThat(section(v, "5 hours").bar().text()).isEqualTo("112%");
        assertThat(section(v, "5 hours").bar().tone()).isEqualTo(Tone.ALARM);
    }

    @Test
    void theRingCountsDownToTheResetWhenTheWindowLastsThatLong() {
        // 2 h in, 20 %: 10 %/h, lasts 8 more hours, resets in 3: RESET, green.
        DashboardView v = view(state(NOW, null, five(0.20, Duration.ofHours(3))), EN);
        assertThat(v.ring().label()).isEqualTo("RESET");
        assertThat(v.ring().tone()).isEqualTo(Tone.OK);
        assertThat(v.ring().timeText()).isEqualTo("3:00:00");
        assertThat(v.ring().fractionLeft()).isEqualTo(0.6);
        QuotaSectionView s = section(v, "5 hours");
        assertThat(s.expiry().tone()).isEqualTo(Tone.INFO);
        assertThat(s.reserve().text()).startsWith("+");
        assertThat(s.reserve().tone()).isEqualTo(Tone.OK);
    }

    @Test
    void theRingCountsDownToTheExpiryWhenThatComesFirst() {
        // 1 h in, 50 %: 50 %/h, runs out in 1 h, resets in 4: EXPIRY.
        DashboardView v = view(state(NOW, null, five(0.50, Duration.ofHours(4))), EN);
        assertThat(v.ring().label()).isEqualTo("EXPIRY");
        assertThat(v.ring().tone()).isEqualTo(Tone.ALARM);
        assertThat(v.ring().timeText()).isEqualTo("1:00:00");
        assertThat(v.ring().fractionLeft()).isEqualTo(0.2);
        QuotaSectionView s = section(v, "5 hours");
        assertThat(s.expiry().tone()).isEqualTo(Tone.ALARM);
        assertThat(s.reserve().text()).startsWith("\u2212");
        assertThat(s.burnRate().text()).isEqualTo("50.0 %/h");
        assertThat(s.burnRate().tone()).isEqualTo(Tone.ALARM);
    }

    @Test
    void expiryIsYellowWhenTheReserveIsThinButPositive() {
        // 3 h 20 min in, 60 %: 18 %/h, lasts 2 h 13 min, reset in 1 h 40 min: reserve +33 min: WARN.
        DashboardView v = view(state(NOW, null, five(0.60, Duration.ofMinutes(100))), EN);
        QuotaSectionView s = section(v, "5 hours");
        assertThat(s.reserve().tone()).isEqualTo(Tone.WARN);
        assertThat(s.expiry().tone()).isEqualTo(Tone.WARN);
        assertThat(v.ring().label()).isEqualTo("RESET");
    }

    @Test
    void unknownFiguresShowDashes() {
        QuotaWindow noReset = new QuotaWindow("5h", 0.3, null, "allowed", null, Duration.ofHours(5));
        DashboardView v = view(state(NOW, null, noReset), EN);
        QuotaSectionView s = section(v, "5 hours");
        assertThat(s.reset()).isEqualTo(TonedText.UNKNOWN);
        assertThat(s.countdown()).isEqualTo(TonedText.UNKNOWN);
        assertThat(s.expiry()).isEqualTo(TonedText.UNKNOWN);
        assertThat(s.reserve()).isEqualTo(TonedText.UNKNOWN);
        assertThat(s.burnRate()).isEqualTo(TonedText.UNKNOWN);
        assertThat(v.ring().timeText()).isEqualTo("--");
        assertThat(v.requests().last().headline()).isEqualTo(TonedText.UNKNOWN);
        assertThat(v.cache().current()).isEqualTo(TonedText.UNKNOWN);
    }

    @Test
    void anUnreadableUtilizationKeepsTheRestOfTheSection() {
        QuotaWindow bad = new QuotaWindow("5h", null, NOW.plus(Duration.ofHours(1)), "allowed", null, Duration.ofHours(5));
        QuotaSectionView s = section(view(state(NOW, null, bad), EN), "5 hours");
        assertThat(s.bar().text()).isEqualTo("--");
        assertThat(s.reset().text()).isEqualTo("13:00");
        assertThat(s.countdown().text()).isEqualTo("1:00:00");
    }

    @Test
    void aPassedResetShowsTheWindowAsResetUntilNewDataArrives() {
        QuotaWindow old = new QuotaWindow("5h", 0.93, NOW.minus(Duration.ofMinutes(10)), "allowed", null,
                Duration.ofHours(5));
        DashboardView v = view(state(NOW.minus(Duration.ofMinutes(30)), null, old), EN);
        QuotaSectionView s = section(v, "5 hours");
        assertThat(s.dimmed()).isTrue();
        assertThat(s.bar().percent()).isZero();
        assertThat(s.bar().tone()).isEqualTo(Tone.DIM);
        assertThat(s.note()).isEqualTo("reset 11:50, no request since");
        assertThat(v.ring()).isEqualTo(dev.budmon.ui.widget.RingModel.UNKNOWN);

        ApiResponse after = new ApiResponse("m", "r", "s", "claude-sonnet-4-5", NOW.minusSeconds(60), TokenCounts.ZERO);
        assertThat(section(view(state(NOW.minus(Duration.ofMinutes(30)), after, old), EN), "5 hours").note())
                .isEqualTo("reset 11:50");
    }

    @Test
    void weeklyWindowsShowWeekdayDateAndRatePerDay() {
        DashboardView v = view(state(NOW, null, five(0.2, Duration.ofHours(3)), week("7d", 0.42)), EN);
        QuotaSectionView s = section(v, "7 days");
        assertThat(s.compact()).isFalse();
        assertThat(s.reset().text()).isEqualTo("Sun Nov 29 12:00");
        assertThat(s.burnRate().text()).endsWith("%/d");
        assertThat(s.countdown().text()).isEqualTo("3 d");
    }

    @Test
    void perModelWindowsAreCompactAndComeAfterTheMainOnes() {
        DashboardView v = view(state(NOW, null, five(0.2, Duration.ofHours(3)), week("7d", 0.42),
                week("7d_sonnet", 0.1), week("7d_oi", 0.05)), EN);
        assertThat(v.quotas()).extracting(QuotaSectionView::label)
                .containsExactly("5 hours", "7 days", "7 days Sonnet", "Window 7d_oi");
        assertThat(v.quotas()).extracting(QuotaSectionView::compact).containsExactly(false, false, true, true);
    }

    @Test
    void waitWithoutData() {
        Figures f = Calculator.compute(UsageState.EMPTY, NOW, BudmonConfig.DEFAULTS, PriceTable.bundled());
        DashboardView v = DashboardViewBuilder.build(f, BudmonConfig.DEFAULTS, EN, UTC, 0);
        assertThat(v.header().status()).isEqualTo("WAIT");
        assertThat(v.header().statusTone()).isEqualTo(Tone.DIM);
        assertThat(v.footer().alive()).startsWith("Waiting for data...");
        assertThat(v.footer().data()).isEqualTo(TonedText.NONE);
        assertThat(v.quotas()).hasSize(2).allSatisfy(q -> assertThat(q.bar()).isEqualTo(
                dev.budmon.ui.widget.QuotaBarModel.UNKNOWN));
    }

    @Test
    void staleQuotaFiguresLookStaleWithTheirAgeInWords() {
        DashboardView fresh = view(state(NOW.minus(Duration.ofMinutes(50)), null, five(0.2, Duration.ofHours(3))), EN);
        DashboardView stale = view(state(NOW.minus(Duration.ofMinutes(125)), null, five(0.2, Duration.ofHours(3)),
                week("7d", 0.42)), EN);
        assertThat(fresh.header().status()).isEqualTo("OK");
        assertThat(fresh.footer().data()).isEqualTo(new TonedText("data 11:10", Tone.DIM));
        assertThat(fresh.quotas().get(0).dimmed()).isFalse();

        // the header says STALE with the age, greyed; the footer says it in words; every figure is dimmed
        assertThat(stale.header().status()).isEqualTo("STALE · 2 h");
        assertThat(stale.header().statusTone()).isEqualTo(Tone.DIM);
        assertThat(stale.header().statusTip()).contains("2 h old (from 09:55)").contains("said OK then");
        assertThat(stale.footer().data()).isEqualTo(new TonedText("quota from 2 h ago", Tone.WARN));
        for (QuotaSectionView q : stale.quotas()) {
            assertThat(q.dimmed()).as(q.window()).isTrue();
            assertThat(q.bar().tone()).as(q.window()).isEqualTo(Tone.DIM);
            assertThat(List.of(q.reset(), q.countdown(), q.expiry(), q.reserve(), q.burnRate()))
                    .extracting(TonedText::tone).containsOnly(Tone.DIM);
        }
        assertThat(stale.ring().tone()).isEqualTo(Tone.DIM);
        assertThat(view(state(NOW.minus(Duration.ofMinutes(125)), null, five(0.2, Duration.ofHours(3))), DE)
                .header().status()).isEqualTo("VERALTET · 2 h");
    }

    @Test
    void transcriptsWithoutAQuotaSourceSayNoQuotaDataNotOk() {
        ApiResponse last = new ApiResponse("m", "r", "s", "claude-sonnet-4-5", NOW.minusSeconds(30),
                new TokenCounts(1, 2, 3, 0, 4));
        UsageState s = new UsageState(null, last, null, UsageTimeline.EMPTY, List.of(0.5), NOW, List.of());
        DashboardView v = view(s, EN);
        assertThat(v.header().status()).isEqualTo("NO QUOTA DATA");
        assertThat(v.header().statusTone()).isEqualTo(Tone.INFO);
        assertThat(v.header().statusTip()).contains("budmon --setup").contains("budmon --statusline on");
        assertThat(v.quotas()).extracting(QuotaSectionView::note)
                .containsOnly("unknown: no quota source yet");
        assertThat(view(s, DE).header().status()).isEqualTo("KEINE KONTINGENTDATEN");
    }

    @Test
    void atTheLimitTheResetStaysAndTheRingCountsDownToIt() {
        QuotaWindow full = new QuotaWindow("5h", 1.0, NOW.plus(Duration.ofMinutes(65)), "rejected", null,
                Duration.ofHours(5));
        DashboardView v = view(state(NOW, null, full), EN);
        QuotaSectionView s = section(v, "5 hours");
        assertThat(s.hasNote()).as("the figures stay").isFalse();
        assertThat(s.alert()).isEqualTo(new TonedText("Limit reached · blocked until 13:05", Tone.ALARM));
        assertThat(s.reset()).isEqualTo(new TonedText("13:05", Tone.ALARM));
        assertThat(s.countdown()).isEqualTo(new TonedText("1:05:00", Tone.ALARM));
        assertThat(s.expiry()).isEqualTo(new TonedText("reached", Tone.ALARM));
        assertThat(v.ring().label()).isEqualTo("BLOCKED");
        assertThat(v.ring().detail()).isEqualTo("until 13:05");
        assertThat(v.ring().timeText()).isEqualTo("1:05:00");
        assertThat(v.ring().tone()).isEqualTo(Tone.ALARM);
        assertThat(v.ring().fractionLeft()).isCloseTo(65 / 300.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(v.ringTip()).contains("blocked for 1:05:00");
        assertThat(v.header().statusTip()).contains("5 hours: limit reached, blocked until 13:05");

        // over 100 % without the server's word is the limit too, and so is a rejected weekly model window
        QuotaWindow over = new QuotaWindow("5h", 1.04, NOW.plus(Duration.ofMinutes(10)), "allowed", null,
                Duration.ofHours(5));
        assertThat(view(state(NOW, null, over), EN).ring().label()).isEqualTo("BLOCKED");
        QuotaWindow opus = new QuotaWindow("7d_opus", 0.5, NOW.plus(Duration.ofDays(2)), "rejected", null,
                Duration.ofHours(168));
        QuotaSectionView compact = section(view(state(NOW, null, five(0.2, Duration.ofHours(3)), opus), EN),
                "7 days Opus");
        assertThat(compact.mark()).isEqualTo(new TonedText("blocked", Tone.ALARM));
        assertThat(compact.reset().text()).as("the reset stays in the compact row").isEqualTo("Sat Nov 28 12:00");
    }

    @Test
    void anAlarmByAWeeklyModelWindowIsVisibleWhereItStands() {
        // 7 days Opus: 65 % after 3 of 7 days: runs out a good two days before its reset; its bar is green
        QuotaWindow opus = new QuotaWindow("7d_opus", 0.65, NOW.plus(Duration.ofDays(4)), "allowed", null,
                Duration.ofHours(168));
        DashboardView v = view(state(NOW, null, five(0.2, Duration.ofHours(3)),
                new QuotaWindow("7d", 0.3, NOW.plus(Duration.ofDays(4)), "allowed", null, Duration.ofHours(168)),
                opus), EN);
        assertThat(v.header().status()).isEqualTo("ALARM");
        QuotaSectionView s = section(v, "7 days Opus");
        assertThat(s.compact()).isTrue();
        assertThat(s.bar().tone()).as("65 % is below the warn threshold").isEqualTo(Tone.OK);
        assertThat(s.mark().tone()).isEqualTo(Tone.ALARM);
        assertThat(s.mark().text()).isEqualTo("\u22122 d 10 h");
        assertThat(v.header().statusTip()).startsWith("ALARM because:")
                .contains("7 days Opus: at this pace it runs out before its reset (reserve \u22122 d");
        assertThat(s.tip()).contains("Reserve \u22122 d");
        // a fine weekly window has no mark
        assertThat(section(v, "7 days").mark()).isEqualTo(TonedText.NONE);
    }

    @Test
    void theFooterShowsThatTheMonitorIsAliveAndWhichPrices() {
        UsageState s = state(NOW, null, five(0.2, Duration.ofHours(3)));
        Figures f = Calculator.compute(s, NOW, BudmonConfig.DEFAULTS, PriceTable.bundled());
        MonitorPulse pulse = new MonitorPulse(7, 3_120, NOW.minusSeconds(2));
        DashboardView v = DashboardViewBuilder.build(f, BudmonConfig.DEFAULTS, EN, UTC, pulse, List.of());
        assertThat(v.footer().alive()).isEqualTo("#3120 · checked 11:59:58");
        assertThat(v.footer().aliveTip()).contains("3120 checks").contains("7 of them");
        assertThat(v.footer().prices()).as("Auto: nothing to say").isEmpty();
        assertThat(v.header().heartbeatTip()).contains("checked 3120 times, last at 11:59:58");

        BudmonConfig opus = new BudmonConfig("auto", 2000, dev.budmon.config.ModelChoice.OPUS,
                BudmonConfig.DEFAULT_CUSTOM_PRICES, BudmonConfig.DEFAULTS.thresholds(),
                BudmonConfig.DEFAULTS.statusline(), null);
        DashboardView o = DashboardViewBuilder.build(Calculator.compute(s, NOW, opus, PriceTable.bundled()), opus, DE,
                UTC, pulse, List.of());
        assertThat(o.footer().prices()).isEqualTo("Preise: Opus");
        assertThat(o.footer().pricesTip()).contains("Opus-Preisen").contains("model = opus");
        assertThat(o.requests().last().tip()).contains("Opus-Preisen");
        assertThat(o.footer().alive()).isEqualTo("#3120 · geprüft 11:59:58");
    }

    @Test
    void everyCaptionAndFigureHasATooltipInBothLanguages() {
        ApiResponse last = new ApiResponse("m", "r", "s", "claude-sonnet-4-5", NOW.minusSeconds(30),
                new TokenCounts(1, 2, 3, 0, 4));
        UsageState s = new UsageState(state(NOW, last, five(0.2, Duration.ofHours(3)), week("7d", 0.4),
                week("7d_sonnet", 0.1)).rateLimits(), last, null, UsageTimeline.EMPTY, List.of(0.5), NOW, List.of());
        DashboardView en = view(s, EN);
        DashboardView de = view(s, DE);
        for (DashboardView v : List.of(en, de)) {
            List<String> tips = new ArrayList<>(List.of(v.header().titleTip(), v.header().heartbeatTip(),
                    v.header().statusTip(), v.ringTip(), v.captions().resetTip(), v.captions().expiryTip(),
                    v.captions().reserveTip(), v.captions().burnRateTip(), v.cache().tip(), v.footer().aliveTip(),
                    v.footer().dataTip(), v.requests().last().tip(), v.requests().total().tip(),
                    v.requests().windowLine().tip()));
            v.quotas().forEach(q -> tips.add(q.tip()));
            v.requests().last().rows().forEach(r -> tips.add(r.tip()));
            assertThat(tips).allSatisfy(t -> assertThat(t).isNotBlank().doesNotContain("{0}").doesNotContain("tip."));
        }
        assertThat(de.captions().reserveTip()).isNotEqualTo(en.captions().reserveTip());
        assertThat(en.captions().reserveTip()).contains("Expiry minus reset").contains("Green above 1 h");
        assertThat(en.captions().burnRateTip()).contains("15 %/h").contains("25 %/h");
        assertThat(en.requests().last().rows().get(4).tip()).contains("Cache creation");
        assertThat(de.cache().tip()).contains("50 %").contains("20 %");
    }

    @Test
    void theHeaderCarriesTheOverallStatus() {
        DashboardView alarm = view(state(NOW, null, five(0.95, Duration.ofHours(4))), EN);
        assertThat(alarm.header().status()).isEqualTo("ALARM");
        assertThat(alarm.header().statusTone()).isEqualTo(Tone.ALARM);
        assertThat(alarm.header().heartbeat().beat()).isEqualTo(7);
        assertThat(alarm.windowTitle()).isEqualTo("BudMon · 5 hours 95%");
    }

    @Test
    void requestsColumnsShowTokensAndCost() {
        TokenCounts t = new TokenCounts(1200, 3400, 5000, 0, 90_000);
        ApiResponse last = new ApiResponse("m", "r", "s", "claude-sonnet-4-5", NOW.minusSeconds(30), t);
        SessionUsage session = new SessionUsage("s", "/w", null, NOW.minus(Duration.ofHours(1)), NOW, 12,
                Map.of("claude-sonnet-4-5", t), null);
        List<Double> ratios = new ArrayList<>(List.of(0.9, 0.1));
        UsageState s = new UsageState(null, last, session, UsageTimeline.EMPTY, ratios, NOW, List.of());
        DashboardView v = DashboardViewBuilder.build(Calculator.compute(s, NOW, BudmonConfig.DEFAULTS,
                PriceTable.bundled()), BudmonConfig.DEFAULTS, EN, UTC, 1);
        assertThat(v.requests().last().title()).isEqualTo("LAST REQUEST");
        // 99,600 tokens shown with three digits; 1200*3 + 3400*15 + 5000*3.75 + 90000*0.3 per million = $0.1004
        assertThat(v.requests().last().headline().text()).isEqualTo("100k tok  $0.10");
        assertThat(v.requests().total().rows()).extracting(r -> r.value().text())
                .containsExactly("12", "11:00", "1,200", "3,400", "5,000", "90,000", "--");
        assertThat(v.cache().current()).isEqualTo(new TonedText("10%", Tone.ALARM));
        assertThat(v.cache().average().text()).isEqualTo("avg 50%");
        assertThat(v.cache().sparkline().endTone()).isEqualTo(Tone.ALARM);
        assertThat(v.cache().sparkline().size()).isEqualTo(2);
    }

    @Test
    void everythingSwitchesLanguage() {
        UsageState s = state(NOW, null, five(0.2, Duration.ofHours(3)), week("7d", 0.42));
        DashboardView en = view(s, EN);
        DashboardView de = view(s, DE);
        assertThat(de.quotas().get(0).label()).isEqualTo("5 Stunden");
        assertThat(de.quotas().get(1).reset().text()).isEqualTo("So 29.11. 12:00");
        assertThat(en.quotas().get(1).reset().text()).isEqualTo("Sun Nov 29 12:00");
        assertThat(de.menu().settings()).isNotEqualTo(en.menu().settings());
        assertThat(de.menu().selectedLanguage()).isEqualTo("de");
        assertThat(de.captions()).isNotEqualTo(en.captions());
    }

    @Test
    void sectionsKeepTheirWindowKeyInEveryLanguage() {
        UsageState s = state(NOW, null, five(0.2, Duration.ofHours(3)), week("7d", 0.42), week("7d_sonnet", 0.1));
        for (Messages m : List.of(EN, DE)) {
            assertThat(view(s, m).quotas()).extracting(QuotaSectionView::window)
                    .containsExactly("5h", "7d", "7d_sonnet");
        }
        assertThat(view(UsageState.EMPTY, DE).quotas()).as("the unknown sections while waiting")
                .extracting(QuotaSectionView::window).containsExactly("5h", "7d");
    }

    @Test
    void theClockAloneRebuildsTheTimedPartsToTheSameViewAsAFullBuild() {
        // 5h at 78 % with 2 h to go: it reaches alarm as its expiry nears; the data turns stale after an hour
        ApiResponse last = new ApiResponse("m", "q", "s", "claude-sonnet-4-5", NOW.minusSeconds(40),
                new TokenCounts(100, 200, 300, 400, 500));
        UsageState s = state(NOW.minus(Duration.ofMinutes(59)), last, five(0.78, Duration.ofHours(2)),
                week("7d", 0.2), week("7d_sonnet", 0.05));
        for (Messages m : List.of(EN, DE)) {
            Figures start = Calculator.compute(s, NOW, BudmonConfig.DEFAULTS, PriceTable.bundled());
            DashboardView shown = DashboardViewBuilder.build(start, BudmonConfig.DEFAULTS, m, UTC, 7);
            Figures f = start;
            for (Duration d : List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(61),
                    Duration.ofMinutes(45), Duration.ofHours(2).minusSeconds(1))) {
                Instant at = NOW.plus(d);
                f = Calculator.advance(f, s, at, BudmonConfig.DEFAULTS);
                shown = DashboardViewBuilder.advance(shown, f, BudmonConfig.DEFAULTS, m, UTC, 7);
                DashboardView anew = DashboardViewBuilder.build(
                        Calculator.compute(s, at, BudmonConfig.DEFAULTS, PriceTable.bundled()),
                        BudmonConfig.DEFAULTS, m, UTC, 7);
                assertThat(shown).as("%s at +%s", m.language(), d).isEqualTo(anew);
            }
            assertThat(shown.header().statusTone()).as("stale after the hour").isEqualTo(Tone.DIM);
            assertThat(shown.ring().timeText()).isEqualTo("0:00:01");
        }
    }

    @Test
    void theClockAloneGivesTheFullBuildAtTheLimitWithNoticesAndChecks() {
        // 5h at its limit with 10 minutes to the reset, a weekly Opus window running out; notices and checks
        UsageState s = state(NOW.minus(Duration.ofMinutes(50)), null,
                new QuotaWindow("5h", 1.0, NOW.plus(Duration.ofMinutes(10)), "rejected", null, Duration.ofHours(5)),
                new QuotaWindow("7d_opus", 0.65, NOW.plus(Duration.ofDays(4)), "allowed", null, Duration.ofHours(168)));
        List<NoticeView> notices = Notices.of(List.of(new dev.budmon.config.LegacyKey("thresholds", "quota_warn_pct",
                "quota_warn")), List.of(), List.of(), EN);
        MonitorPulse pulse = new MonitorPulse(9, 412, NOW.minusSeconds(1));
        Figures f = Calculator.compute(s, NOW, BudmonConfig.DEFAULTS, PriceTable.bundled());
        DashboardView shown = DashboardViewBuilder.build(f, BudmonConfig.DEFAULTS, EN, UTC, pulse, notices);
        for (Duration d : List.of(Duration.ofSeconds(1), Duration.ofMinutes(9), Duration.ofMinutes(11))) {
            Instant at = NOW.plus(d);
            Figures next = Calculator.advance(f, s, at, BudmonConfig.DEFAULTS);
            DashboardView anew = DashboardViewBuilder.build(
                    Calculator.compute(s, at, BudmonConfig.DEFAULTS, PriceTable.bundled()), BudmonConfig.DEFAULTS,
                    EN, UTC, pulse, notices);
            if (next == null) {
                // the reset passed: the caller builds anew
                assertThat(anew.ring()).isEqualTo(dev.budmon.ui.widget.RingModel.UNKNOWN);
                continue;
            }
            f = next;
            shown = DashboardViewBuilder.advance(shown, f, BudmonConfig.DEFAULTS, EN, UTC, pulse);
            assertThat(shown).as("at +%s", d).isEqualTo(anew);
        }
        assertThat(shown.notices()).hasSize(1);
        assertThat(shown.ring().label()).isEqualTo("BLOCKED");
        assertThat(shown.header().status()).as("50 min + 9 min: not yet stale").isEqualTo("ALARM");
    }
}

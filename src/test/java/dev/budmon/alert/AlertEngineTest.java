package dev.budmon.alert;

import dev.budmon.alert.Alert.NoQuotaData;
import dev.budmon.alert.Alert.QuotaBack;
import dev.budmon.alert.Alert.QuotaReached;
import dev.budmon.alert.Alert.RunsOut;
import dev.budmon.alert.Alert.ServerStatus;
import dev.budmon.calc.Level;
import dev.budmon.config.AlertSettings;
import dev.budmon.config.BudmonConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert engine rule by rule, as a sequence of evaluations the way the window makes them: every reading
 * goes in with the state the previous evaluation returned.
 */
class AlertEngineTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration FIVE_HOURS = Duration.ofHours(5);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Instant RESET = T0.plus(Duration.ofHours(3)); // the 5-hour window started at 07:00

    /** Feeds readings through the engine, keeping its state, and collects what it alerted. */
    private static final class Run {
        AlertState state = AlertState.EMPTY;
        BudmonConfig config = BudmonConfig.DEFAULTS;

        List<Alert> at(Instant now, AlertInput input) {
            AlertOutcome o = AlertEngine.evaluate(state, input, now, config);
            state = o.next();
            return o.alerts();
        }

        List<Alert> at(Instant now, WindowReading... windows) {
            return at(now, new AlertInput(List.of(windows), ServerReading.NONE, now, null));
        }
    }

    private static WindowReading fiveHour(double percent) {
        return new WindowReading("5h", percent, RESET, FIVE_HOURS, null);
    }

    private static WindowReading fiveHour(double percent, Instant reset, Instant exhaustion) {
        return new WindowReading("5h", percent, reset, FIVE_HOURS, exhaustion);
    }

    private static BudmonConfig withAlerts(AlertSettings a) {
        BudmonConfig d = BudmonConfig.DEFAULTS;
        return new BudmonConfig(d.language(), d.refreshMs(), d.model(), d.customPrices(), d.thresholds(),
                d.statusline(), d.windowGeometry(), a, d.tray());
    }

    // ---- Thresholds ----

        @Test
        void warnOnceWhenTheWindowReachesIt() {
            Run run = new Run();
            assertThat(run.at(T0, fiveHour(60))).isEmpty();
            assertThat(run.at(T0.plusSeconds(60), fiveHour(74.9))).isEmpty();
            assertThat(run.at(T0.plusSeconds(120), fiveHour(75))).containsExactly(
                    new QuotaReached("5h", Level.WARN, 75, 75, RESET, FIVE_HOURS, null));
            assertThat(run.at(T0.plusSeconds(180), fiveHour(80))).isEmpty();
            assertThat(run.at(T0.plusSeconds(240), fiveHour(89.9))).isEmpty();
        }

        @Test
        void alarmAfterWarnAndOnlyAlarmWhenJumpingPastBoth() {
            Run run = new Run();
            run.at(T0, fiveHour(76));
            assertThat(run.at(T0.plusSeconds(60), fiveHour(90))).containsExactly(
                    new QuotaReached("5h", Level.ALARM, 90, 90, RESET, FIVE_HOURS, null));
            assertThat(run.at(T0.plusSeconds(120), fiveHour(99))).isEmpty();

            Run jump = new Run();
            List<Alert> alerts = jump.at(T0, fiveHour(93));
            assertThat(alerts).hasSize(1);
            assertThat(((QuotaReached) alerts.get(0)).level()).isEqualTo(Level.ALARM);
        }

        @Test
        void jitterAroundTheThresholdInOneInstanceAlertsOnce() {
            Run run = new Run();
            int alerts = 0;
            double[] figures = {74.8, 75.1, 74.9, 75.2, 74.7, 75.0, 76};
            for (int i = 0; i < figures.length; i++) {
                alerts += run.at(T0.plusSeconds(i * 30L), fiveHour(figures[i])).size();
            }
            assertThat(alerts).isEqualTo(1);
        }

        @Test
        void everyWindowCountsOnItsOwn() {
            Run run = new Run();
            Instant weekReset = T0.plus(Duration.ofDays(2));
            List<Alert> alerts = run.at(T0, fiveHour(80),
                    new WindowReading("7d", 91.0, weekReset, WEEK, null),
                    new WindowReading("7d_opus", 77.0, weekReset, WEEK, null),
                    new WindowReading("overage", 50.0, null, null, null));
            assertThat(alerts).extracting(a -> ((QuotaReached) a).window() + " " + ((QuotaReached) a).level())
                    .containsExactly("5h WARN", "7d ALARM", "7d_opus WARN");
        }

        @Test
        void aNewInstanceMayAlertAgain() {
            Run run = new Run();
            assertThat(run.at(T0, fiveHour(80))).hasSize(1);
            Instant later = RESET.plus(Duration.ofMinutes(30));
            Instant nextReset = later.plus(FIVE_HOURS);
            run.at(later, fiveHour(5, nextReset, null));
            assertThat(run.at(later.plus(Duration.ofHours(2)), fiveHour(78, nextReset, null))).containsExactly(
                    new QuotaReached("5h", Level.WARN, 78, 75, nextReset, FIVE_HOURS, null));
        }

        @Test
        void aResetMovedByTheServersRoundingIsTheSameInstance() {
            Run run = new Run();
            run.at(T0, fiveHour(80));
            Instant rounded = RESET.plusSeconds(59);
            assertThat(run.at(T0.plusSeconds(60), fiveHour(81, rounded, null))).isEmpty();
            assertThat(run.at(T0.plusSeconds(120), fiveHour(82, RESET, null))).isEmpty();
        }

        @Test
        void figuresWhoseResetHasPassedNeverAlert() {
            Run run = new Run();
            assertThat(run.at(RESET.plusSeconds(1), fiveHour(95))).isEmpty();
        }

        @Test
        void withoutAResetTheHysteresisDecidesWhenTheSameAlertMayComeAgain() {
            Run run = new Run(); // hysteresis 5: below 70 re-arms the warn threshold of 75
            WindowReading at = new WindowReading("overage", 76.0, null, null, null);
            assertThat(run.at(T0, at)).hasSize(1);
            assertThat(run.at(T0.plusSeconds(60), new WindowReading("overage", 72.0, null, null, null))).isEmpty();
            assertThat(run.at(T0.plusSeconds(120), new WindowReading("overage", 76.0, null, null, null)))
                    .as("72 is inside the hysteresis: no new alert").isEmpty();
            List<Alert> down = run.at(T0.plusSeconds(180), new WindowReading("overage", 69.0, null, null, null));
            assertThat(down).as("clearly below warn: that instance is over, its quota back")
                    .containsExactly(new QuotaBack("overage", 31, null, null));
            assertThat(run.at(T0.plusSeconds(240), new WindowReading("overage", 75.5, null, null, null)))
                    .hasSize(1);
        }

        @Test
        void switchedOffRulesStaySilentAndDoNotBringUpOldNewsWhenSwitchedOn() {
            Run run = new Run();
            AlertSettings d = AlertSettings.DEFAULTS;
            run.config = withAlerts(new AlertSettings(true, false, true, d.hysteresis(), d.exhaustion(),
                    d.exhaustionLead(), d.serverStatus(), d.quotaBack(), d.noData(), d.noDataAfter()));
            assertThat(run.at(T0, fiveHour(80))).isEmpty();
            run.config = BudmonConfig.DEFAULTS;
            assertThat(run.at(T0.plusSeconds(60), fiveHour(81))).isEmpty();
            assertThat(run.at(T0.plusSeconds(120), fiveHour(91))).hasSize(1);
        }

        @Test
        void notifyOffSilencesEverything() {
            Run run = new Run();
            AlertSettings d = AlertSettings.DEFAULTS;
            run.config = withAlerts(new AlertSettings(false, true, true, d.hysteresis(), true, d.exhaustionLead(),
                    true, true, true, d.noDataAfter()));
            assertThat(run.at(T0, fiveHour(95))).isEmpty();
            assertThat(run.state.windows().get("5h").notified()).isEqualTo(Level.ALARM);
        }

    // ---- Exhaustion ----

        @Test
        void alertsOnceWhenThePredictedExhaustionComesWithinTheLeadBeforeTheReset() {
            Run run = new Run();
            Instant now = T0;
            // runs out in 40 min: outside the 30-minute lead
            assertThat(run.at(now, fiveHour(60, RESET, now.plus(Duration.ofMinutes(40))))).isEmpty();
            Instant later = now.plus(Duration.ofMinutes(5));
            Instant exhaustion = later.plus(Duration.ofMinutes(25));
            assertThat(run.at(later, fiveHour(65, RESET, exhaustion)))
                    .containsExactly(new RunsOut("5h", 65, exhaustion, RESET, FIVE_HOURS));
            assertThat(run.at(later.plusSeconds(60), fiveHour(66, RESET, exhaustion.minusSeconds(30)))).isEmpty();
        }

        @Test
        void anExhaustionAfterTheResetIsNoAlert() {
            Run run = new Run();
            Instant reset = T0.plus(Duration.ofMinutes(20));
            assertThat(run.at(T0, fiveHour(60, reset, reset.plus(Duration.ofMinutes(5))))).isEmpty();
        }

        @Test
        void togetherWithAThresholdItIsOneAlert() {
            Run run = new Run();
            Instant exhaustion = T0.plus(Duration.ofMinutes(10));
            assertThat(run.at(T0, fiveHour(92, RESET, exhaustion))).containsExactly(
                    new QuotaReached("5h", Level.ALARM, 92, 90, RESET, FIVE_HOURS, exhaustion));
            assertThat(run.at(T0.plusSeconds(60), fiveHour(93, RESET, exhaustion))).isEmpty();
        }

        @Test
        void theLeadTimeIsConfigurable() {
            Run run = new Run();
            AlertSettings d = AlertSettings.DEFAULTS;
            run.config = withAlerts(new AlertSettings(true, true, true, d.hysteresis(), true, Duration.ofHours(1),
                    true, true, true, d.noDataAfter()));
            assertThat(run.at(T0, fiveHour(50, RESET, T0.plus(Duration.ofMinutes(50))))).hasSize(1);
        }

    // ---- Server ----

        private AlertInput status(Instant now, String status, Instant reset) {
            return new AlertInput(List.of(), new ServerReading(status, "five_hour", reset), now, null);
        }

        @Test
        void warningThenRejectedEachOnce() {
            Run run = new Run();
            assertThat(run.at(T0, status(T0, "allowed", RESET))).isEmpty();
            assertThat(run.at(T0.plusSeconds(60), status(T0, "allowed_warning", RESET)))
                    .containsExactly(new ServerStatus("allowed_warning", "five_hour", RESET));
            assertThat(run.at(T0.plusSeconds(120), status(T0, "allowed_warning", RESET))).isEmpty();
            assertThat(run.at(T0.plusSeconds(180), status(T0, "rejected", RESET)))
                    .containsExactly(new ServerStatus("rejected", "five_hour", RESET));
            assertThat(run.at(T0.plusSeconds(240), status(T0, "allowed", RESET))).isEmpty();
            assertThat(run.at(T0.plusSeconds(300), status(T0, "rejected", RESET)))
                    .as("once per instance, even after an allowed in between").isEmpty();
        }

        @Test
        void theNextResetOpensANewInstance() {
            Run run = new Run();
            run.at(T0, status(T0, "rejected", RESET));
            Instant next = RESET.plus(FIVE_HOURS);
            Instant later = RESET.plusSeconds(600);
            assertThat(run.at(later, status(later, "rejected", next))).hasSize(1);
        }

        @Test
        void withoutAResetAllowedAgainEndsTheInstance() {
            Run run = new Run();
            assertThat(run.at(T0, status(T0, "allowed_warning", null))).hasSize(1);
            assertThat(run.at(T0.plusSeconds(60), status(T0, "allowed_warning", null))).isEmpty();
            run.at(T0.plusSeconds(120), status(T0, "allowed", null));
            assertThat(run.at(T0.plusSeconds(180), status(T0, "allowed_warning", null))).hasSize(1);
        }

        @Test
        void aStatusWhoseResetHasPassedIsOldNews() {
            Run run = new Run();
            assertThat(run.at(RESET.plusSeconds(5), status(T0, "rejected", RESET))).isEmpty();
        }

    // ---- QuotaBackRule ----

        @Test
        void aWindowThatWasAtWarnTellsWhenItResets() {
            Run run = new Run();
            run.at(T0, fiveHour(80));
            assertThat(run.at(RESET.minusSeconds(1), fiveHour(85))).isEmpty();
            // the clock passes the reset; the file still holds the old figures
            assertThat(run.at(RESET.plusSeconds(30), fiveHour(85)))
                    .containsExactly(new QuotaBack("5h", 100, RESET, FIVE_HOURS));
            assertThat(run.at(RESET.plusSeconds(90), fiveHour(85))).isEmpty();
            // the next instance's first figures
            Instant next = RESET.plus(Duration.ofMinutes(10)).plus(FIVE_HOURS);
            assertThat(run.at(RESET.plus(Duration.ofMinutes(10)), fiveHour(2, next, null))).isEmpty();
        }

        @Test
        void aWindowBelowWarnResetsSilently() {
            Run run = new Run();
            run.at(T0, fiveHour(60));
            assertThat(run.at(RESET.plusSeconds(30), fiveHour(60))).isEmpty();
        }

        @Test
        void seenFirstInTheNextInstanceItTellsWhatIsAvailable() {
            Run run = new Run();
            run.at(T0, fiveHour(91));
            Instant after = RESET.plus(Duration.ofMinutes(20));
            Instant next = after.plus(FIVE_HOURS);
            assertThat(run.at(after, fiveHour(4, next, null)))
                    .containsExactly(new QuotaBack("5h", 96, RESET, FIVE_HOURS));
        }

        @Test
        void aResetLongPastWhenBudmonComesBackIsOldNews() {
            Run run = new Run();
            run.at(T0, fiveHour(91));
            Instant nextDay = RESET.plus(Duration.ofHours(20));
            assertThat(run.at(nextDay, fiveHour(3, nextDay.plus(FIVE_HOURS), null))).isEmpty();
        }

        @Test
        void aWindowThatDisappearsStillTellsItsReset() {
            Run run = new Run();
            Instant weekReset = T0.plus(Duration.ofHours(1));
            run.at(T0, new WindowReading("7d_opus", 88.0, weekReset, WEEK, null));
            assertThat(run.at(weekReset.plusSeconds(10))).containsExactly(
                    new QuotaBack("7d_opus", 100, weekReset, WEEK));
        }

        @Test
        void oldWindowsAreForgotten() {
            Run run = new Run();
            run.at(T0, fiveHour(80));
            run.at(RESET.plusSeconds(10));
            assertThat(run.state.windows()).containsKey("5h");
            run.at(RESET.plus(Duration.ofDays(9)));
            assertThat(run.state.windows()).isEmpty();
        }

    // ---- NoData ----

        private AlertInput work(Instant quota, Instant lastResponse) {
            return new AlertInput(List.of(), ServerReading.NONE, quota, lastResponse);
        }

        @Test
        void tenMinutesOfWorkWithoutQuotaFiguresAlertOnce() {
            Run run = new Run();
            Instant quota = T0.minus(Duration.ofHours(2));
            List<Alert> all = new ArrayList<>();
            for (int minute = 0; minute <= 30; minute++) {
                Instant now = T0.plus(Duration.ofMinutes(minute));
                all.addAll(run.at(now, work(quota, now.minusSeconds(20))));
            }
            assertThat(all).containsExactly(new NoQuotaData(Duration.ofMinutes(10)));
        }

        @Test
        void quotaFiguresThatKeepComingAreNoGap() {
            Run run = new Run();
            for (int minute = 0; minute <= 30; minute++) {
                Instant now = T0.plus(Duration.ofMinutes(minute));
                assertThat(run.at(now, work(now.minusSeconds(5), now.minusSeconds(20)))).isEmpty();
            }
        }

        @Test
        void oldTranscriptsAtTheStartAreNoWork() {
            Run run = new Run();
            Instant lastWork = T0.minus(Duration.ofDays(1));
            for (int minute = 0; minute <= 30; minute++) {
                assertThat(run.at(T0.plus(Duration.ofMinutes(minute)), work(null, lastWork))).isEmpty();
            }
        }

        @Test
        void aNewQuotaFigureEndsTheStretchAndAPauseStartsANewOne() {
            Run run = new Run();
            List<Alert> all = new ArrayList<>();
            for (int minute = 0; minute <= 15; minute++) {
                Instant now = T0.plus(Duration.ofMinutes(minute));
                all.addAll(run.at(now, work(null, now)));
            }
            assertThat(all).hasSize(1);
            // after a two-hour pause Claude Code works again, still without the interceptor
            Instant back = T0.plus(Duration.ofHours(2));
            for (int minute = 0; minute <= 15; minute++) {
                Instant now = back.plus(Duration.ofMinutes(minute));
                all.addAll(run.at(now, work(null, now)));
            }
            assertThat(all).hasSize(2);
            // figures arrive: the stretch ends; later work without them counts from scratch
            Instant fixed = back.plus(Duration.ofMinutes(20));
            assertThat(run.state.gap().notified()).isTrue();
            run.at(fixed, work(fixed, fixed.minusSeconds(1)));
            assertThat(run.state.gap()).isEqualTo(AlertState.GapMemory.NONE);
        }

    // ---- Restart ----

        @Test
        void aRestartRepeatsNothing(@TempDir Path dir) throws Exception {
            AlertStateStore store = AlertStateStore.in(dir);
            Run first = new Run();
            Instant exhaustion = T0.plus(Duration.ofMinutes(10));
            assertThat(first.at(T0, new AlertInput(List.of(fiveHour(92, RESET, exhaustion)),
                    new ServerReading("rejected", "five_hour", RESET), T0.minus(Duration.ofHours(1)), null)))
                    .hasSize(2);
            store.save(first.state);
            assertThat(dir.resolve("budmon").resolve("alerts.json")).isRegularFile();

            Run second = new Run();
            second.state = AlertStateStore.in(dir).load();
            assertThat(second.state).isEqualTo(first.state);
            assertThat(second.at(T0.plusSeconds(30), new AlertInput(List.of(fiveHour(93, RESET, exhaustion)),
                    new ServerReading("rejected", "five_hour", RESET), T0.minus(Duration.ofHours(1)), null)))
                    .isEmpty();
        }

        @Test
        void aBrokenStateFileStartsAfresh(@TempDir Path dir) throws Exception {
            java.nio.file.Files.createDirectories(dir.resolve("budmon"));
            java.nio.file.Files.writeString(dir.resolve("budmon").resolve("alerts.json"), "{\"version\": 1, \"windo");
            assertThat(AlertStateStore.in(dir).load()).isEqualTo(AlertState.EMPTY);
            java.nio.file.Files.writeString(dir.resolve("budmon").resolve("alerts.json"),
                    "{\"version\": 1, \"windows\": {\"5h\": {\"notified\": \"loud\", \"peak\": 3},"
                            + " \"7d\": {\"reset\": \"2026-03-03T00:00:00Z\", \"notified\": \"warn\", \"peak\": 80}}}");
            AlertState s = AlertStateStore.in(dir).load();
            assertThat(s.windows()).containsOnlyKeys("7d");
            assertThat(s.windows().get("7d").notified()).isEqualTo(Level.WARN);
        }
    }

package dev.budmon.tray;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.Level;
import dev.budmon.calc.PriceTable;
import dev.budmon.config.AlertSettings;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.TraySettings;
import dev.budmon.i18n.Messages;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTimeline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tray shows of the figures: the most urgent window, the tooltip, the menu and what it does. */
class TrayModelTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:30:00Z");

    private static Figures figures(double fiveHour, double week, String weekStatus) {
        RateLimits limits = new RateLimits(NOW, "budmon-interceptor", List.of(
                new QuotaWindow("5h", fiveHour, NOW.plus(Duration.ofMinutes(90)), "allowed", null, Duration.ofHours(5)),
                new QuotaWindow("7d", week, NOW.plus(Duration.ofDays(2)), weekStatus, null, Duration.ofDays(7))),
                AccountLimits.EMPTY);
        UsageState s = new UsageState(limits, null, null, UsageTimeline.EMPTY, List.of(), NOW, List.of());
        return Calculator.compute(s, NOW, BudmonConfig.DEFAULTS, PriceTable.bundled());
    }

    @Test
    void theIconShowsTheMostUrgentWindow() {
        assertThat(TrayIconModel.of(figures(0.42, 0.18, "allowed")))
                .isEqualTo(new TrayIconModel("5h", 42.0, Level.OK));
        // the week at 80 % after 5 of its 7 days runs out before its reset (an alarm); 60 % of 5 hours is fine
        TrayIconModel week = TrayIconModel.of(figures(0.60, 0.80, "allowed"));
        assertThat(week).isEqualTo(new TrayIconModel("7d", 80.0, Level.ALARM));
        // the server's rejection of the week outweighs a higher five-hour figure
        assertThat(TrayIconModel.of(figures(0.55, 0.50, "rejected")).window()).isEqualTo("7d");
        assertThat(TrayIconModel.of(Calculator.compute(UsageState.EMPTY, NOW, BudmonConfig.DEFAULTS,
                PriceTable.bundled()))).isEqualTo(TrayIconModel.WAITING);
    }

    @Test
    void theTooltipHasEveryWindowsPercentageResetAndPace() {
        TrayTooltip tip = TrayTooltip.of(figures(0.42, 0.18, "allowed"), Messages.of("en"), ZoneOffset.UTC);
        assertThat(tip.title()).isEqualTo("BudMon \u00b7 OK");
        // 42 % in the 3.5 h since 10:00 is 12.0 %/h
        assertThat(tip.lines()).containsExactly(
                "5-hour quota: 42% \u00b7 reset 14:00 (1 h 30 min) \u00b7 12.0 %/h",
                "7-day quota: 18% \u00b7 reset Wed Mar 4 12:30 (2 d) \u00b7 3.6 %/d");
        TrayTooltip de = TrayTooltip.of(figures(0.42, 0.18, "allowed"), Messages.of("de"), ZoneOffset.UTC);
        assertThat(de.lines().get(0)).isEqualTo("5-Stunden-Kontingent: 42 % \u00b7 Reset 14:00 (1 h 30 min) \u00b7 12,0 %/h");
    }

    @Test
    void theMenuOffersTheWindowTheHistoryEveryRuleAndQuit() {
        BudmonConfig d = BudmonConfig.DEFAULTS;
        AlertSettings a = d.alerts();
        BudmonConfig config = new BudmonConfig(d.language(), d.refreshMs(), d.model(), d.customPrices(),
                d.thresholds(), d.statusline(), d.windowGeometry(),
                new AlertSettings(true, false, true, a.hysteresis(), a.exhaustion(), a.exhaustionLead(),
                        a.serverStatus(), a.quotaBack(), a.noData(), a.noDataAfter()), new TraySettings(true, false));
        TrayMenu.Item root = TrayMenu.build(Messages.of("en"), config, false);
        assertThat(root.children()).extracting(TrayMenu.Item::label)
                .containsExactly("Show window", "Quota history…", "Settings", null, "Quit BudMon");
        assertThat(TrayMenu.build(Messages.of("en"), config, true).children().get(0).label()).isEqualTo("Hide window");
        TrayMenu.Item settings = root.children().get(2);
        assertThat(settings.children()).filteredOn(i -> i.setting() != null)
                .extracting(i -> i.setting() + "=" + i.checked())
                .containsExactly("alerts/notify=true", "alerts/quota_warn=false", "alerts/quota_alarm=true",
                        "alerts/exhaustion=true", "alerts/server_status=true", "alerts/quota_back=true",
                        "alerts/no_data=true", "tray/close_to_tray=false");

        List<String> done = new ArrayList<>();
        TrayActions actions = new TrayActions() {
            public void toggleWindow() {
                done.add("window");
            }

            public void showHistory() {
                done.add("history");
            }

            public void setSetting(String setting, boolean on) {
                done.add(setting + "=" + on);
            }

            public void openIni() {
                done.add("ini");
            }

            public void quit() {
                done.add("quit");
            }
        };
        for (int id : new int[] {1, 2, 12, 19, 21, 5, 3, 4}) {
            actions.perform(root.find(id));
        }
        assertThat(done).containsExactly("window", "history", "alerts/quota_warn=true", "tray/close_to_tray=true",
                "ini", "quit");
    }

    @Test
    void withoutABusOrADisplayThereIsNoIconAndNoError() {
        Tray tray = Tray.show(null, TrayPalette.fromThemeFile(), null);
        assertThat(tray.exists()).isFalse();
        tray.update(figures(0.5, 0.5, "allowed"), BudmonConfig.DEFAULTS, Messages.of("en"), ZoneOffset.UTC, true);
        tray.close();
    }
}

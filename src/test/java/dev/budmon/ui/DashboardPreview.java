package dev.budmon.ui;

import dev.budmon.config.ModelChoice;
import dev.budmon.config.SettingSwitch;
import dev.budmon.ui.theme.BudmonTheme;

import javax.swing.SwingUtilities;
import javax.swing.Timer;
import java.util.Locale;

/**
 * Shows the dashboard window with hand-built views, for looking at it by eye and for screenshots. A timer
 * ticks once a second like the real clock: countdowns run, the heartbeat pulses, the sparkline moves.
 *
 * <p>Usage: {@code DashboardPreview [normal|wait|alarm] [en|de]}; add {@code -Dflatlaf.uiScale=2} for 2×.
 * The menu's language choice switches the texts at once.
 */
public final class DashboardPreview {

    private DashboardPreview() {
    }

    public static void main(String[] args) {
        SampleViews.Scenario scenario = args.length > 0
                ? SampleViews.Scenario.valueOf(args[0].toUpperCase(Locale.ROOT)) : SampleViews.Scenario.NORMAL;
        boolean[] german = {args.length > 1 && args[1].equals("de")};
        SwingUtilities.invokeLater(() -> {
            BudmonTheme.setup();
            int[] tick = {0};
            DashboardFrame[] frame = new DashboardFrame[1];
            DashboardActions actions = new DashboardActions() {
                @Override
                public void showSessionLog() {
                    System.out.println("action: session log");
                }

                @Override
                public void showHistoryLog() {
                    System.out.println("action: history log");
                }

                @Override
                public void openClaudeFolder() {
                    System.out.println("action: folder");
                }

                @Override
                public void selectLanguage(String code) {
                    german[0] = code.equals("de");
                    frame[0].setView(SampleViews.view(scenario, tick[0], german[0]));
                }

                @Override
                public void selectModel(ModelChoice model) {
                    System.out.println("action: model " + model);
                }

                @Override
                public void switchSetting(SettingSwitch setting, boolean on) {
                    System.out.println("action: switch " + setting + " " + on);
                }

                @Override
                public void openIni() {
                    System.out.println("action: ini");
                }

                @Override
                public void showUserGuide() {
                    System.out.println("action: user guide");
                }

                @Override
                public void showAbout() {
                    System.out.println("action: about");
                }
            };
            frame[0] = new DashboardFrame(actions, SampleViews.view(scenario, 0, german[0]));
            frame[0].setLocation(40, 40);
            frame[0].setDefaultCloseOperation(javax.swing.WindowConstants.EXIT_ON_CLOSE);
            frame[0].setVisible(true);
            Timer clock = new Timer(1000, e -> {
                tick[0]++;
                frame[0].setView(SampleViews.view(scenario, tick[0], german[0]));
            });
            clock.start();
        });
    }
}

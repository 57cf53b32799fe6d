package dev.budmon.ui;

import dev.budmon.config.ModelChoice;
import dev.budmon.config.SettingSwitch;

/**
 * What the dashboard's menus do. The window only calls these; the application decides what happens.
 * Every method is called on the EDT and must return quickly: file I/O and processes belong on a worker.
 */
public interface DashboardActions {

    /** Logs › Session log: the active transcript's per-turn figures. */
    void showSessionLog();

    /** Logs › History log: per-turn figures across sessions. */
    void showHistoryLog();

    /**
     * Logs › Quota history: the windows' utilization over 24 hours, 7 or 30 days, with the requests of each hour.
     * A default that does nothing, so that the windows' tests that need no history window need no change.
     */
    default void showQuotaHistory() {
    }

    /**
     * Logs › Reports: cost by day, week, month, project, session and model. Does nothing unless implemented:
     * the dashboard's test doubles need not.
     */
    default void showReports() {
    }

    /** Logs › Folder: the Claude directory in the file manager. */
    void openClaudeFolder();

    /** Settings › Language: switch to {@code code} ({@code de}, {@code en}) at once. */
    void selectLanguage(String code);

    /** Settings › Model: apply {@code model}'s prices at once. */
    void selectModel(ModelChoice model);

    /** Settings › Alerts: switch an alert rule or the tray icon, saved to {@code budmon.ini}. */
    void switchSetting(SettingSwitch setting, boolean on);

    /** Settings › INI: open {@code budmon.ini} in the system editor. */
    void openIni();

    /** Help › User Guide. */
    void showUserGuide();

    /** Help › About. */
    void showAbout();
}

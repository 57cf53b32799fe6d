package dev.budmon.cli;

import dev.budmon.background.TrayAndAlerts;
import dev.budmon.calc.PaceForecast;
import dev.budmon.config.BudmonConfig;
import dev.budmon.model.UsageState;
import dev.budmon.ui.WindowCompanion;

import java.util.Map;

/**
 * The window's side of {@link TrayAndAlerts}: what the window tells the tray and the alerts. Any thread.
 *
 * @param trayAndAlerts the process's one tray icon and alerts
 * @param owned         whether the window owns them: in window mode it feeds the alerts its states and
 *                      ends them when it ends; a window opened from {@code --background} does neither, as
 *                      the background's watcher feeds them and they outlive the window
 */
record TrayCompanion(TrayAndAlerts trayAndAlerts, boolean owned) implements WindowCompanion {

    @Override
    public void accept(UsageState s) {
        if (owned) {
            trayAndAlerts.accept(s);
        }
    }

    @Override
    public void paces(Map<String, PaceForecast> p) {
        if (owned) {
            trayAndAlerts.paces(p);
        }
    }

    @Override
    public void configure(BudmonConfig c) {
        trayAndAlerts.configure(c);
    }

    @Override
    public void windowShown(boolean shown) {
        trayAndAlerts.windowShown(shown);
    }

    @Override
    public boolean hasTray() {
        return trayAndAlerts.iconVisible();
    }

    @Override
    public void close() {
        if (owned) {
            trayAndAlerts.close();
        }
    }
}

package dev.budmon.ui;

import dev.budmon.calc.PaceForecast;
import dev.budmon.config.BudmonConfig;
import dev.budmon.model.UsageState;

import java.util.Map;

/**
 * What runs beside the window and may outlive it: the tray icon and the alerts. The window tells it each new
 * state and config and whether it is shown, and asks it whether there is an icon to close to. The command line
 * puts one together ({@code dev.budmon.background.TrayAndAlerts}); ui does not depend on it. Every method any
 * thread, quick.
 */
public interface WindowCompanion extends AutoCloseable {

    /** Nothing beside the window: no icon, no alerts (the window tests, {@code [tray] icon = off} aside). */
    WindowCompanion NONE = new WindowCompanion() {
        @Override
        public void accept(UsageState s) {
        }

        @Override
        public void paces(Map<String, PaceForecast> p) {
        }

        @Override
        public void configure(BudmonConfig c) {
        }

        @Override
        public void windowShown(boolean shown) {
        }

        @Override
        public boolean hasTray() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    /** A new state of the sources (on the watcher's thread). */
    void accept(UsageState s);

    /** The windows' pace from the quota history, by window name, when computed anew (on the watcher's thread). */
    void paces(Map<String, PaceForecast> p);

    /** The config in use changed (read again, or saved from a menu). */
    void configure(BudmonConfig c);

    /** The window was shown or hidden. */
    void windowShown(boolean shown);

    /**
     * Whether a tray icon is on screen to bring the window back: then closing the window may only hide it
     * ({@code [tray] close_to_tray}).
     */
    boolean hasTray();

    /** Ends what runs beside the window. */
    @Override
    void close();
}

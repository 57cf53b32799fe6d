/**
 * BudMon without its window: the tray icon and the alerts, fed by the same watcher as the window
 * ({@link dev.budmon.background.BackgroundMode}), for {@code budmon --background} and the login autostart.
 * Loads neither Swing nor, on a desktop with a StatusNotifierItem tray, AWT's toolkit.
 *
 * <p>An edge: depends on watch, source, config, alert, notify and tray.
 */
package dev.budmon.background;

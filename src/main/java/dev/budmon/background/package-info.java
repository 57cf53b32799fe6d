/**
 * The tray icon and the alerts of a BudMon process ({@link dev.budmon.background.TrayAndAlerts}), one owner for
 * both ways BudMon runs: beside the window, fed by its watcher, and without it
 * ({@link dev.budmon.background.BackgroundMode}, {@code budmon --background} and the login autostart), fed by
 * a watcher of its own. Loads neither Swing nor, on a desktop with a StatusNotifierItem tray, AWT's toolkit.
 *
 * <p>An edge: depends on watch, source, config, alert, notify and tray; the window reaches it only through
 * the command line's glue (cli), as ui does not depend on it.
 */
package dev.budmon.background;

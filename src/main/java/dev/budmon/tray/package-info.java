/**
 * BudMon's tray icon: its picture ({@link dev.budmon.tray.TrayIconPainter}: the most urgent window's percentage
 * in its level's colour, with a small quota bar), its tooltip and menu, and the two ways of showing it: the
 * StatusNotifierItem protocol over D-Bus ({@link dev.budmon.tray.StatusNotifierItem}, with its menu over
 * {@code com.canonical.dbusmenu}) on Linux desktops, and AWT's {@code SystemTray} elsewhere
 * ({@link dev.budmon.tray.AwtTray}). Where neither exists there is no icon and no error.
 *
 * <p>The model and the painter are pure (no Swing, any thread; painting works headless); the two trays are
 * I/O at the edge. Depends on calc, format, i18n and notify (the session bus).
 */
package dev.budmon.tray;

package dev.budmon.config;

/**
 * The {@code [tray]} section.
 *
 * @param icon        show BudMon's icon in the panel's tray (StatusNotifierItem, or the AWT system tray)
 * @param closeToTray closing the window hides it while the tray icon exists, instead of quitting
 */
public record TraySettings(boolean icon, boolean closeToTray) {

    /** BudMon's defaults: an icon, and closing the window keeps BudMon running beside it. */
    public static final TraySettings DEFAULTS = new TraySettings(true, true);
}

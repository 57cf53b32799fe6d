package dev.budmon.tray;

/**
 * What the tray's menu and clicks ask of the application. Called on a D-Bus or AWT thread: implementations
 * pass the work on to the EDT or an I/O thread.
 */
public interface TrayActions {

    /** Show the window when hidden, hide it when shown (a click on the icon, the first menu item). */
    void toggleWindow();

    /** Show the history log. */
    void showHistory();

    /**
     * Switch a setting of budmon.ini.
     *
     * @param setting {@code section/key}, e.g. {@code alerts/quota_warn}
     * @param on      the new value
     */
    void setSetting(String setting, boolean on);

    /** Open budmon.ini in the user's editor. */
    void openIni();

    /** End BudMon. */
    void quit();

    /** Carries out a menu item's action. */
    default void perform(TrayMenu.Item item) {
        switch (item.action()) {
            case TOGGLE_WINDOW -> toggleWindow();
            case HISTORY -> showHistory();
            case TOGGLE_SETTING -> setSetting(item.setting(), !Boolean.TRUE.equals(item.checked()));
            case OPEN_INI -> openIni();
            case QUIT -> quit();
            case NONE -> { }
            default -> throw new IllegalStateException("unknown action " + item.action());
        }
    }
}

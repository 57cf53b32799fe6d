package dev.budmon.tray;

import dev.budmon.config.BudmonConfig;
import dev.budmon.config.SettingSwitch;
import dev.budmon.i18n.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * The tray icon's menu as data: both trays (the D-Bus menu of the StatusNotifierItem and AWT's popup) show
 * this. Show/Hide window, the history, Settings (each alert rule and the tray's own switches, and the INI
 * file), Quit. Pure; any thread.
 */
public final class TrayMenu {

    /** What an item does when chosen. */
    public enum Action {
        /** Show the window, or hide it when it is shown. */
        TOGGLE_WINDOW,
        /** Show the history log. */
        HISTORY,
        /** Switch the item's {@link Item#setting()} to the opposite of {@link Item#checked()}. */
        TOGGLE_SETTING,
        /** Open budmon.ini in the user's editor. */
        OPEN_INI,
        /** End BudMon. */
        QUIT,
        /** None: a separator or a submenu. */
        NONE
    }

    /**
     * One entry.
     *
     * @param id       stable across rebuilds: the D-Bus menu's item id (0 is the root)
     * @param label    the words; {@code null} for a separator
     * @param action   what choosing it does
     * @param setting  {@code section/key} of a switch in budmon.ini; {@code null} for other items
     * @param checked  a switch's state; {@code null} for other items
     * @param children a submenu's items; empty otherwise
     */
    public record Item(int id, String label, Action action, String setting, Boolean checked, List<Item> children) {

        public Item {
            children = List.copyOf(children);
        }

        /** Whether the item is a separator line. */
        public boolean separator() {
            return label == null;
        }

        /** The item of that id here or below; {@code null} when none. */
        public Item find(int wanted) {
            if (id == wanted) {
                return this;
            }
            for (Item c : children) {
                Item f = c.find(wanted);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }
    }

    private TrayMenu() {
    }

    /**
     * The menu, its root (id 0) holding the items.
     *
     * @param windowShown whether the window is on screen (the first item then hides it)
     */
    public static Item build(Messages m, BudmonConfig config, boolean windowShown) {
        List<Item> items = new ArrayList<>();
        items.add(action(1, m.get(windowShown ? "tray.hide_window" : "tray.show_window"), Action.TOGGLE_WINDOW));
        items.add(action(2, m.get("menu.quota_history"), Action.HISTORY));
        List<Item> settings = new ArrayList<>();
        int id = 11; // 11 to 17: the same ids as before the list was shared with the window's menu
        for (SettingSwitch s : SettingSwitch.ALERTS) {
            settings.add(toggle(id++, m, s, config));
        }
        settings.add(separator(18));
        // no switch for the icon itself here: it would take its own menu away
        settings.add(toggle(19, m, SettingSwitch.CLOSE_TO_TRAY, config));
        settings.add(separator(20));
        settings.add(action(21, m.get("tray.open_ini"), Action.OPEN_INI));
        items.add(new Item(3, m.get("menu.settings"), Action.NONE, null, null, settings));
        items.add(separator(4));
        items.add(action(5, m.get("tray.quit"), Action.QUIT));
        return new Item(0, "", Action.NONE, null, null, items);
    }

    private static Item action(int id, String label, Action a) {
        return new Item(id, label, a, null, null, List.of());
    }

    private static Item toggle(int id, Messages m, SettingSwitch s, BudmonConfig config) {
        return new Item(id, m.get(s.textKey()), Action.TOGGLE_SETTING, s.setting(), s.isOn(config), List.of());
    }

    private static Item separator(int id) {
        return new Item(id, null, Action.NONE, null, null, List.of());
    }
}

package dev.budmon.ui;

import dev.budmon.config.ModelChoice;
import dev.budmon.config.SettingSwitch;
import dev.budmon.ui.view.MenuSwitch;
import dev.budmon.ui.view.MenuOption;
import dev.budmon.ui.view.MenuText;
import dev.budmon.ui.view.MenuView;

import javax.swing.ButtonGroup;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.KeyStroke;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Logs (with Reports…), Settings (with the Alerts switches) and Help. Labels and their mnemonics come from the
 * view (Alt+L, Alt+S, Alt+H in English),
 * so a language switch is just a new view; the language and model submenus are rebuilt only when their
 * choices change. The frequent items have accelerators: Ctrl+L session log, Ctrl+H history log, Ctrl+O folder,
 * Ctrl+E budmon.ini, F1 user guide. EDT only.
 */
final class DashboardMenuBar extends JMenuBar {

    private final JMenu logs = menu("menu:logs");
    private final JMenu settings = menu("menu:settings");
    private final JMenu help = menu("menu:help");
    private final JMenuItem sessionLog = item("menu:logs.session");
    private final JMenuItem historyLog = item("menu:logs.history");
    private final JMenuItem quotaHistory = item("menu:logs.quota_history");
    private final JMenuItem reports = item("menu:logs.reports");
    private final JMenuItem folder = item("menu:logs.folder");
    private final JMenu language = menu("menu:settings.language");
    private final JMenu model = menu("menu:settings.model");
    private final JMenu alerts = menu("menu:settings.alerts");
    private final Switches switches;
    private final JMenuItem ini = item("menu:settings.ini");
    private final JMenuItem userGuide = item("menu:help.guide");
    private final JMenuItem about = item("menu:help.about");
    private final Choices<String> languages;
    private final Choices<ModelChoice> models;

    DashboardMenuBar(DashboardActions actions) {
        setName("menu");
        add(logs);
        add(settings);
        add(help);
        // accelerators for what is used often: the logs, the folder, the settings file, the guide
        int menuKey = GraphicsEnvironment.isHeadless() ? InputEvent.CTRL_DOWN_MASK
                : Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        sessionLog.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_L, menuKey));
        historyLog.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_H, menuKey));
        folder.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_O, menuKey));
        ini.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_E, menuKey));
        userGuide.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0));
        sessionLog.addActionListener(e -> actions.showSessionLog());
        historyLog.addActionListener(e -> actions.showHistoryLog());
        quotaHistory.addActionListener(e -> actions.showQuotaHistory());
        reports.addActionListener(e -> actions.showReports());
        folder.addActionListener(e -> actions.openClaudeFolder());
        ini.addActionListener(e -> actions.openIni());
        userGuide.addActionListener(e -> actions.showUserGuide());
        about.addActionListener(e -> actions.showAbout());
        languages = new Choices<>(language, "menu:settings.language.", actions::selectLanguage);
        models = new Choices<>(model, "menu:settings.model.", actions::selectModel);
        switches = new Switches(alerts, actions);

        logs.add(sessionLog);
        logs.add(historyLog);
        logs.add(quotaHistory);
        logs.add(reports);
        logs.addSeparator();
        logs.add(folder);
        settings.add(language);
        settings.add(model);
        settings.add(alerts);
        settings.addSeparator();
        settings.add(ini);
        help.add(userGuide);
        help.addSeparator();
        help.add(about);
    }

    void show(MenuView v) {
        text(logs, v.logs());
        text(settings, v.settings());
        text(help, v.help());
        text(sessionLog, v.sessionLog());
        text(historyLog, v.historyLog());
        text(quotaHistory, v.quotaHistory());
        text(reports, v.reports());
        text(folder, v.folder());
        text(language, v.language());
        languages.show(v.languages(), v.selectedLanguage());
        text(model, v.model());
        models.show(v.models(), v.selectedModel());
        text(alerts, v.alerts());
        switches.show(v.switches());
        text(ini, v.ini());
        text(userGuide, v.userGuide());
        text(about, v.about());
    }

    /** Sets text and mnemonic (Alt+letter on a menu, the letter inside an open menu) when they changed. */
    private static void text(JMenuItem item, MenuText text) {
        if (!text.text().equals(item.getText())) {
            item.setText(text.text());
        }
        int mnemonic = text.mnemonic() == 0 ? 0 : KeyEvent.getExtendedKeyCodeForChar(text.mnemonic());
        if (item.getMnemonic() != mnemonic) {
            item.setMnemonic(mnemonic);
        }
        if (item.getDisplayedMnemonicIndex() != text.mnemonicIndex()) {
            item.setDisplayedMnemonicIndex(text.mnemonicIndex());
        }
    }

    private static JMenu menu(String name) {
        JMenu m = new JMenu();
        m.setName(name);
        return m;
    }

    private static JMenuItem item(String name) {
        JMenuItem i = new JMenuItem();
        i.setName(name);
        return i;
    }

    /**
     * Settings › Alerts: a check item per {@link SettingSwitch}, the alert rules first, then, after a line, the
     * tray's. Made once (the switches are fixed); a new view sets their texts and checks.
     */
    private static final class Switches {
        private final Map<SettingSwitch, JCheckBoxMenuItem> items = new EnumMap<>(SettingSwitch.class);

        Switches(JMenu menu, DashboardActions actions) {
            for (SettingSwitch s : SettingSwitch.values()) {
                if (s == SettingSwitch.TRAY_ICON) {
                    menu.addSeparator();
                }
                JCheckBoxMenuItem item = new JCheckBoxMenuItem();
                item.setName("menu:settings.alerts." + s.key());
                item.addActionListener(e -> actions.switchSetting(s, item.isSelected()));
                menu.add(item);
                items.put(s, item);
            }
        }

        void show(List<MenuSwitch> switches) {
            for (MenuSwitch s : switches) {
                JCheckBoxMenuItem item = items.get(s.which());
                text(item, s.text());
                if (item.isSelected() != s.on()) {
                    item.setSelected(s.on());
                }
            }
        }
    }

    /** A submenu of radio items, one per option, the selected one checked. */
    private static final class Choices<T> {
        private final JMenu menu;
        private final String namePrefix;
        private final Consumer<T> action;
        private final List<JRadioButtonMenuItem> items = new ArrayList<>();
        private List<MenuOption<T>> shown = List.of();

        Choices(JMenu menu, String namePrefix, Consumer<T> action) {
            this.menu = menu;
            this.namePrefix = namePrefix;
            this.action = action;
        }

        void show(List<MenuOption<T>> options, T selected) {
            if (!options.equals(shown)) {
                menu.removeAll();
                items.clear();
                ButtonGroup group = new ButtonGroup();
                for (MenuOption<T> option : options) {
                    JRadioButtonMenuItem item = new JRadioButtonMenuItem(option.label());
                    item.setName(namePrefix + option.value());
                    item.addActionListener(e -> action.accept(option.value()));
                    group.add(item);
                    menu.add(item);
                    items.add(item);
                }
                shown = options;
            }
            for (int i = 0; i < items.size(); i++) {
                boolean on = Objects.equals(options.get(i).value(), selected);
                if (items.get(i).isSelected() != on) {
                    items.get(i).setSelected(on);
                }
            }
        }
    }
}

package dev.budmon.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * The on/off settings of {@code budmon.ini} that the menus switch: the alert rules and the tray's own. One list
 * for the window's Settings › Alerts and the tray icon's Settings, so that both offer the same switches under
 * the same texts ({@code tray.setting.<key>}) and save them to the same keys. Pure.
 */
public enum SettingSwitch {
    /** Every alert at once. */
    NOTIFY("alerts", "notify"),
    /** A window reaches the warning threshold. */
    QUOTA_WARN("alerts", "quota_warn"),
    /** A window reaches the alarm threshold. */
    QUOTA_ALARM("alerts", "quota_alarm"),
    /** A window will run out before its reset. */
    EXHAUSTION("alerts", "exhaustion"),
    /** Claude's server warns or refuses. */
    SERVER_STATUS("alerts", "server_status"),
    /** A window at or above warn has reset. */
    QUOTA_BACK("alerts", "quota_back"),
    /** Claude Code works but no quota figures arrive. */
    NO_DATA("alerts", "no_data"),
    /** The tray icon itself. */
    TRAY_ICON("tray", "icon"),
    /** Closing the window while the icon exists hides it. */
    CLOSE_TO_TRAY("tray", "close_to_tray");

    /** The alert rules, in menu order. */
    public static final Set<SettingSwitch> ALERTS = EnumSet.range(NOTIFY, NO_DATA);

    private final String section;
    private final String key;

    SettingSwitch(String section, String key) {
        this.section = section;
        this.key = key;
    }

    /** The section in {@code budmon.ini}. */
    public String section() {
        return section;
    }

    /** The key in its section. */
    public String key() {
        return key;
    }

    /** {@code section/key}, as the tray's menu items carry it. */
    public String setting() {
        return section + "/" + key;
    }

    /** The switch of a {@link #setting()}; {@code null} when none has it. */
    public static SettingSwitch of(String setting) {
        for (SettingSwitch s : values()) {
            if (s.setting().equals(setting)) {
                return s;
            }
        }
        return null;
    }

    /** The key of the switch's text in the language files. */
    public String textKey() {
        return "tray.setting." + key;
    }

    /** The value as written in {@code budmon.ini}. */
    public static String iniValue(boolean on) {
        return on ? "on" : "off";
    }

    /** Whether the switch is on in {@code c}. */
    public boolean isOn(BudmonConfig c) {
        AlertSettings a = c.alerts();
        return switch (this) {
            case NOTIFY -> a.enabled();
            case QUOTA_WARN -> a.quotaWarn();
            case QUOTA_ALARM -> a.quotaAlarm();
            case EXHAUSTION -> a.exhaustion();
            case SERVER_STATUS -> a.serverStatus();
            case QUOTA_BACK -> a.quotaBack();
            case NO_DATA -> a.noData();
            case TRAY_ICON -> c.tray().icon();
            case CLOSE_TO_TRAY -> c.tray().closeToTray();
        };
    }
}

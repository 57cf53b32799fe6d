package dev.budmon.ui.view;

import dev.budmon.config.SettingSwitch;

import java.util.Objects;

/**
 * A check item of the menu that switches a setting of {@code budmon.ini} (Settings › Alerts).
 *
 * @param which the setting
 * @param text  its words and mnemonic
 * @param on    whether it is on in the config in use
 */
public record MenuSwitch(SettingSwitch which, MenuText text, boolean on) {

    public MenuSwitch {
        Objects.requireNonNull(which, "which");
        Objects.requireNonNull(text, "text");
    }
}

package dev.budmon.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The menus' switches read and name exactly the keys of budmon.ini that the parser reads. */
class SettingSwitchTest {

    @Test
    void eachSwitchIsTheKeyTheParserReads() {
        BudmonConfig defaults = ConfigParser.parse("", "test").config();
        for (SettingSwitch s : SettingSwitch.values()) {
            assertThat(ConfigParser.knownKeys(s.section())).as(s.setting()).contains(s.key());
            assertThat(s.isOn(defaults)).as("%s by default", s).isTrue();
            BudmonConfig off = ConfigParser.parse("[" + s.section() + "]\n" + s.key() + " = "
                    + SettingSwitch.iniValue(false) + "\n", "test").config();
            for (SettingSwitch other : SettingSwitch.values()) {
                assertThat(other.isOn(off)).as("%s with %s off", other, s).isEqualTo(other != s);
            }
            assertThat(SettingSwitch.of(s.setting())).isSameAs(s);
        }
        assertThat(SettingSwitch.of("alerts/unknown")).isNull();
        assertThat(SettingSwitch.ALERTS).doesNotContain(SettingSwitch.TRAY_ICON, SettingSwitch.CLOSE_TO_TRAY)
                .hasSize(7);
    }
}

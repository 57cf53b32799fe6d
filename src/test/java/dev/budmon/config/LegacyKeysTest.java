package dev.budmon.config;

import dev.budmon.model.SourceWarning;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code budmon.ini} as the original BudMon 1.x (Python) writes it: its own key names for the thresholds and
 * prices, {@code #} comments, a Tk window position. Its settings must count, not be ignored as unknown keys.
 */
class LegacyKeysTest {

    /** The original's keys and layout (comments in our words), with the user's own thresholds. */
    private static final String PYTHON_INI = """
            # settings of BudMon 1.x
            [general]
            language = de
            refresh_ms = 1000

            [model]
            model = opus

            [prices]
            # price_input = 15.0
            price_output = 70.0

            [thresholds]
            quota_warn_pct = 60.0
            quota_alarm_pct = 85.0
            cache_warn_ratio = 0.40
            cache_alarm_ratio = 0.10
            burn_safe_pct_h = 12.0
            burn_warn_pct_h = 20.0

            [statusline]
            elements = cwd, 5h_bar, reserve
            max_width = 80

            [window]
            geometry = +640+120
            """;

    @Test
    void theOriginalsKeysAreReadAsOursAndListed() {
        LoadedConfig c = ConfigParser.parse(PYTHON_INI, "budmon.ini");
        Thresholds t = c.config().thresholds();
        assertThat(t.quotaWarnPercent()).isEqualTo(60);
        assertThat(t.quotaAlarmPercent()).isEqualTo(85);
        assertThat(t.cacheWarnRatio()).isEqualTo(0.40);
        assertThat(t.cacheAlarmRatio()).isEqualTo(0.10);
        assertThat(t.burnSafePerHour()).isEqualTo(12);
        assertThat(t.burnWarnPerHour()).isEqualTo(20);
        assertThat(t.reserveSafe()).isEqualTo(Duration.ofHours(1));
        assertThat(c.config().customPrices().output()).isEqualTo(70);
        assertThat(c.config().model()).isEqualTo(ModelChoice.OPUS);
        assertThat(c.config().windowGeometry()).as("Tk's +x+y has no size: placed anew").isNull();
        assertThat(c.warnings()).as("nothing of the original's is 'not a known key'").isEmpty();
        assertThat(c.legacy()).extracting(LegacyKey::oldKey).containsExactly("price_output", "quota_warn_pct",
                "quota_alarm_pct", "cache_warn_ratio", "cache_alarm_ratio", "burn_safe_pct_h", "burn_warn_pct_h",
                "geometry");
        assertThat(c.legacy()).extracting(LegacyKey::newKey).startsWith("output", "quota_warn");
    }

    @Test
    void ourKeyWinsOverTheOriginalsWithAWarning() {
        LoadedConfig c = ConfigParser.parse("[thresholds]\nquota_warn = 70\nquota_warn_pct = 50\n", "budmon.ini");
        assertThat(c.config().thresholds().quotaWarnPercent()).isEqualTo(70);
        assertThat(c.legacy()).isEmpty();
        assertThat(c.warnings()).extracting(SourceWarning::message)
                .containsExactly("[thresholds] quota_warn_pct (a key of BudMon 1.x) is ignored: quota_warn is set too");
    }

    @Test
    void theOriginalsValuesAreCheckedLikeOurs() {
        LoadedConfig c = ConfigParser.parse("[thresholds]\nquota_warn_pct = lots\n", "budmon.ini");
        assertThat(c.config().thresholds().quotaWarnPercent()).isEqualTo(75);
        assertThat(c.warnings()).extracting(SourceWarning::message)
                .containsExactly("[thresholds] quota_warn = \"lots\" is not a number; using 75");
    }

    @Test
    void keysThatMeanNothingStillWarn() {
        LoadedConfig c = ConfigParser.parse("[thresholds]\nquota_panic_pct = 99\n", "budmon.ini");
        assertThat(c.warnings()).extracting(SourceWarning::message)
                .containsExactly("[thresholds] quota_panic_pct is not a known key; ignored");
    }

    @Test
    void tkPositionsAreRecognised() {
        assertThat(LegacyKeys.isTkPosition("+640+120")).isTrue();
        assertThat(LegacyKeys.isTkPosition("-10+0")).isTrue();
        assertThat(LegacyKeys.isTkPosition("640,120,400,600")).isFalse();
        assertThat(LegacyKeys.isTkPosition("+640")).isFalse();
        assertThat(LegacyKeys.isTkPosition("")).isFalse();
        assertThat(ConfigParser.parse("[window]\ngeometry = 10,20,400,500\n", "x").legacy()).isEmpty();
    }

    @Test
    void aFileOfOurOwnHasNoLegacy() {
        assertThat(ConfigParser.parse(ConfigStore.defaultText(), "budmon.ini").legacy()).isEmpty();
    }

    @Test
    void theMappingKeepsItsListOrder() {
        List<LegacyKey> l = ConfigParser.parse("[prices]\nprice_cache_create = 4\n", "x").legacy();
        assertThat(l).containsExactly(new LegacyKey("prices", "price_cache_create", "cache_write_5m"));
    }
}

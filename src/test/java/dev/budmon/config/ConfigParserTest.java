package dev.budmon.config;

import dev.budmon.model.ModelPrices;
import dev.budmon.model.SourceWarning;
import org.ini4j.Config;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigParserTest {

    private static final String SRC = "budmon.ini";

    private static LoadedConfig parse(String text) {
        return ConfigParser.parse(text, SRC);
    }

    private static List<String> messages(LoadedConfig c) {
        return c.warnings().stream().map(SourceWarning::message).toList();
    }

    @Test
    void theDefaultFileIsTheDefaultsWithoutWarnings() {
        LoadedConfig c = parse(ConfigStore.defaultText());
        assertThat(c.warnings()).isEmpty();
        assertThat(c.config()).isEqualTo(BudmonConfig.DEFAULTS);
    }

    @Test
    void theDefaultFileDocumentsEveryKnownKey() {
        String text = ConfigStore.defaultText();
        ConfigParser.KNOWN_KEYS.forEach((section, keys) -> {
            assertThat(text).contains("[" + section + "]");
            for (String key : keys) {
                assertThat(text).containsPattern("(?m)^(; )?" + key + " =");
            }
        });
        assertThat(text.chars().allMatch(ch -> ch < 128)).as("ASCII only, safe in any editor").isTrue();
    }

    @Test
    void anEmptyFileIsTheDefaultsWithoutWarnings() {
        assertThat(parse("")).isEqualTo(LoadedConfig.DEFAULTS);
    }

    @Test
    void readsEveryKey() {
        String text = """
                [general]
                language = DE
                refresh_ms = 500
                [model]
                model = Custom
                [prices]
                input = 5
                output = 25
                cache_read = 0,5
                [thresholds]
                quota_warn = 60%
                quota_alarm = 80
                cache_warn = 40%
                cache_alarm = 0.1
                burn_safe = 10
                burn_warn = 20.5
                reserve_safe = 1h30m
                [statusline]
                elements = cwd , 5h_bar,, Cost
                max_width = 120
                [window]
                geometry = -1920, 0, 800, 600
                """;
        LoadedConfig c = parse(text);
        assertThat(c.warnings()).isEmpty();
        BudmonConfig b = c.config();
        assertThat(b.language()).isEqualTo("de");
        assertThat(b.refreshMs()).isEqualTo(500);
        assertThat(b.model()).isEqualTo(ModelChoice.CUSTOM);
        // unset cache writes follow the configured input price
        assertThat(b.customPrices()).isEqualTo(new ModelPrices(5, 25, 6.25, 10, 0.5));
        assertThat(b.thresholds()).isEqualTo(new Thresholds(60, 80, 0.4, 0.1, 10, 20.5, Duration.ofMinutes(90)));
        assertThat(b.statusline()).isEqualTo(new StatuslineConfig(List.of("cwd", "5h_bar", "cost"), 120));
        assertThat(b.windowGeometry()).isEqualTo("-1920,0,800,600");
    }

    @Test
    void eachBadValueFallsBackWithOneWarningNamingKeyAndValue() {
        String text = """
                [general]
                language = fr
                refresh_ms = 2.5
                [model]
                model = gpt
                [prices]
                input = free
                output = -1
                [thresholds]
                quota_warn = abc
                quota_alarm = 1e3
                cache_warn = 50
                cache_alarm =
                burn_safe = NaN
                reserve_safe = soon
                [statusline]
                elements = ,
                max_width = 99999999999999
                [window]
                geometry = 800x600
                """;
        LoadedConfig c = parse(text);
        assertThat(messages(c)).containsExactly(
                "[general] language = \"fr\" is not one of auto, de, en; using auto",
                "[general] refresh_ms = \"2.5\" is not a whole number; using 2000",
                "[model] model = \"gpt\" is not one of auto, opus, sonnet, haiku, custom; using auto",
                "[prices] input = \"free\" is not a number; using 3",
                "[prices] output = \"-1\" is out of range (0 to 10000); using 15",
                "[thresholds] quota_warn = \"abc\" is not a number; using 75",
                "[thresholds] quota_alarm = \"1e3\" is not a number; using 90",
                "[thresholds] cache_warn = \"50\" is out of range (0 to 1); using 0.5",
                "[thresholds] cache_alarm is empty; using 0.2",
                "[thresholds] burn_safe = \"NaN\" is not a number; using 15",
                "[thresholds] reserve_safe = \"soon\" is not a duration (minutes, or e.g. 1h30m); using 60",
                "[statusline] elements is empty; using cwd, model_info, 5h_bar, 7d_bar, countdown_5h, reserve",
                "[statusline] max_width = \"99999999999999\" is out of range (10 to 1000); using 80",
                "[window] geometry = \"800x600\" is not x,y,width,height in whole pixels; ignored");
        assertThat(c.config()).isEqualTo(BudmonConfig.DEFAULTS);
        assertThat(c.warnings()).allSatisfy(w -> assertThat(w.source()).isEqualTo(SRC));
    }

    @Test
    void inconsistentPairsFallBackTogether() {
        String text = """
                [thresholds]
                quota_warn = 95
                cache_warn = 0.2
                cache_alarm = 0.3
                burn_safe = 30
                burn_warn = 30
                """;
        LoadedConfig c = parse(text);
        assertThat(messages(c)).containsExactly(
                "[thresholds] quota_warn = 95 is not below quota_alarm = 90; using 75 and 90",
                "[thresholds] cache_warn = 0.2 is not above cache_alarm = 0.3; using 0.5 and 0.2",
                "[thresholds] burn_safe = 30 is not below burn_warn = 30; using 15 and 25");
        assertThat(c.config().thresholds()).isEqualTo(Thresholds.DEFAULTS);
    }

    @Test
    void inlineCommentsAreNotPartOfTheValue() {
        String text = """
                [general] ; a header comment ini4j alone would reject
                language = de ; Deutsch
                refresh_ms = 1000	# tab before the comment
                [thresholds]
                quota_warn = 70;no blank before: part of the value
                """;
        LoadedConfig c = parse(text);
        assertThat(c.config().language()).isEqualTo("de");
        assertThat(c.config().refreshMs()).isEqualTo(1000);
        assertThat(messages(c)).containsExactly(
                "[thresholds] quota_warn = \"70;no blank before: part of the value\" is not a number; using 75");
    }

    @Test
    void backslashesStayAsWrittenAndNothingIsExpanded() throws Exception {
        String text = "[paths]\nhome = C:\\Users\\me\\\nnext = \\t\\u0041 ${paths/home} @env/HOME\n";
        var values = ConfigParser.readWithIni4j(IniDocument.parse(text).textForIni4j());
        assertThat(values.get("paths"))
                .containsEntry("home", "C:\\Users\\me\\")
                .containsEntry("next", "\\t\\u0041 ${paths/home} @env/HOME");
        assertThat(parse(text).warnings()).extracting(SourceWarning::message)
                .containsExactly("[paths] is not a known section; ignored");
    }

    @Test
    void leavesIni4jsGlobalConfigAlone() {
        parse("[general]\nlanguage = de\n");
        Config global = Config.getGlobal();
        assertThat(global.isEscape()).isTrue();
        assertThat(global.isLowerCaseOption()).isFalse();
    }

    @Test
    void structuralProblemsAreWarningsNotFailures() {
        String text = """
                refresh_ms = 100
                [general
                [general]
                langauge = de
                this line has no operator
                language = de
                language = en
                [Window]
                GEOMETRY = 1,2,3,4
                """;
        LoadedConfig c = parse(text);
        assertThat(messages(c)).containsExactly(
                "line 1: \"refresh_ms = 100\" comes before any [section]; ignored",
                "line 2: \"[general\" is not a section, a key = value or a comment; ignored",
                "line 5: \"this line has no operator\" is not a section, a key = value or a comment; ignored",
                "[general] language is set on line 6 and again on line 7; the value on line 7 counts",
                "[general] langauge is not a known key; ignored");
        assertThat(c.config().language()).isEqualTo("en");
        assertThat(c.config().refreshMs()).isEqualTo(2000);
        assertThat(c.config().windowGeometry()).isEqualTo("1,2,3,4");
    }

    @Test
    void byteOrderMarkAndOtherLineEndingsAreRead() {
        LoadedConfig c = parse("\uFEFF[general]\r\nlanguage = de\r\n[model]\rmodel = opus\r");
        assertThat(c.warnings()).isEmpty();
        assertThat(c.config().language()).isEqualTo("de");
        assertThat(c.config().model()).isEqualTo(ModelChoice.OPUS);
    }

    @Test
    void reserveAcceptsMinutesAndDurations() {
        assertThat(ConfigParser.parseDuration("60")).isEqualTo(Duration.ofMinutes(60));
        assertThat(ConfigParser.parseDuration("1.5")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ConfigParser.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(ConfigParser.parseDuration("1 h 30 min")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ConfigParser.parseDuration("90 min")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ConfigParser.parseDuration("2d3h")).isEqualTo(Duration.ofHours(51));
        assertThat(ConfigParser.parseDuration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(ConfigParser.parseDuration("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ConfigParser.parseDuration("1,5h")).isEqualTo(Duration.ofMinutes(90));
        for (String bad : new String[]{"", "h", "1x", "1 hour", "1h 2", "PTX", "1h-2m", "minutes"}) {
            assertThat(ConfigParser.parseDuration(bad)).as(bad).isNull();
        }
        LoadedConfig tooLong = parse("[thresholds]\nreserve_safe = 8d\n");
        assertThat(messages(tooLong)).containsExactly(
                "[thresholds] reserve_safe = \"8d\" is out of range (0 to 10080 minutes); using 60");
        LoadedConfig negative = parse("[thresholds]\nreserve_safe = -5\n");
        assertThat(messages(negative)).containsExactly(
                "[thresholds] reserve_safe = \"-5\" is out of range (0 to 10080 minutes); using 60");
        LoadedConfig huge = parse("[thresholds]\nreserve_safe = 99999999999999999999d\n");
        assertThat(huge.config().thresholds().reserveSafe()).isEqualTo(Duration.ofHours(1));
        assertThat(parse("[thresholds]\nreserve_safe = 0\n").config().thresholds().reserveSafe()).isZero();
    }

    @Test
    void geometryAcceptsBlanksAndRejectsNonPositiveSizes() {
        assertThat(WindowGeometry.parse(" 10 , -20 ,300, 400 ")).isEqualTo(new WindowGeometry(10, -20, 300, 400));
        assertThat(WindowGeometry.parse("10,20,0,400")).isNull();
        assertThat(WindowGeometry.parse("10,20,300")).isNull();
        assertThat(WindowGeometry.parse("10,20,300,400,5")).isNull();
        assertThat(WindowGeometry.parse("99999999999,0,1,1")).isNull();
        assertThat(new WindowGeometry(1, 2, 3, 4).toIniValue()).isEqualTo("1,2,3,4");
    }

    @Test
    void numbersInWarningsAreWrittenPlainly() {
        assertThat(ConfigParser.plain(75.0)).isEqualTo("75");
        assertThat(ConfigParser.plain(0.3)).isEqualTo("0.3");
        assertThat(ConfigParser.plain(1e4)).isEqualTo("10000");
        assertThat(ConfigParser.plain(Duration.ofMinutes(90))).isEqualTo("90");
        assertThat(ConfigParser.plain(Duration.ofSeconds(90))).isEqualTo("PT1M30S");
    }

    @Test
    void readsTheAlertsAndTraySections() {
        LoadedConfig c = parse("""
                [alerts]
                notify = yes
                quota_warn = off
                quota_alarm = ON
                hysteresis = 2.5
                exhaustion = false
                exhaustion_lead = 1h
                server_status = 0
                quota_back = no
                no_data = true
                no_data_after = 15
                [tray]
                icon = off
                close_to_tray = 0
                """);
        assertThat(c.warnings()).isEmpty();
        assertThat(c.config().alerts()).isEqualTo(new AlertSettings(true, false, true, 2.5, false,
                Duration.ofHours(1), false, false, true, Duration.ofMinutes(15)));
        assertThat(c.config().tray()).isEqualTo(new TraySettings(false, false));
    }

    @Test
    void badAlertValuesTakeTheirDefaultsWithAWarning() {
        LoadedConfig c = parse("""
                [alerts]
                notify = maybe
                hysteresis = 80
                exhaustion_lead = soon
                no_data_after = 0
                [tray]
                icon =
                """);
        assertThat(messages(c)).containsExactly(
                "[alerts] notify = \"maybe\" is not on or off; using on",
                "[alerts] hysteresis = \"80\" is out of range (0 to 50); using 5",
                "[alerts] exhaustion_lead = \"soon\" is not a duration (minutes, or e.g. 1h30m); using 30",
                "[alerts] no_data_after = 0 is below 1 minute; using 10",
                "[tray] icon is empty; using on");
        assertThat(c.config().alerts()).isEqualTo(AlertSettings.DEFAULTS);
        assertThat(c.config().tray()).isEqualTo(TraySettings.DEFAULTS);
    }
}

package dev.budmon.config;

import dev.budmon.model.SourceWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code [statusline]} and {@code [thresholds]} sections as the status line reads them: through the one
 * INI reader ({@link ConfigParser}) without creating a missing file ({@link ConfigStore#readExisting}).
 */
class StatuslineSectionTest {

    private static LoadedConfig parse(String text) {
        return ConfigParser.parse(text, "budmon.ini");
    }

    private static List<String> messages(LoadedConfig c) {
        return c.warnings().stream().map(SourceWarning::message).toList();
    }


    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesTheDefaultsQuietly() {
        LoadedConfig r = ConfigStore.readExisting(dir);
        assertThat(r).isEqualTo(LoadedConfig.DEFAULTS);
        assertThat(Files.exists(dir.resolve("budmon.ini"))).isFalse();
        assertThat(r.config().statusline().elements())
                .containsExactly("cwd", "model_info", "5h_bar", "7d_bar", "countdown_5h", "reserve");
        assertThat(r.config().statusline().maxWidth()).isEqualTo(80);
    }

    @Test
    void readsBothSectionsWithCommentsQuotesAndAnyCase() throws IOException {
        Path f = dir.resolve("budmon.ini");
        Files.writeString(f, "\uFEFF; budmon.ini\r\n"
                + "[general]\r\nlanguage = de\r\n"
                + "[StatusLine] ; the line\r\n"
                + "# a comment\r\n"
                + "Elements = cost, 5h_bar ,BURN_5H ; inline comment\r\n"
                + "max_width: 60 # another\r\n"
                + "[thresholds]\r\n"
                + "quota_warn = \"70\"\r\n"
                + "quota_alarm = 85\r\n"
                + "cache_warn = 40%\r\n"
                + "cache_alarm = 0,1\r\n"
                + "burn_safe = 10\r\n"
                + "burn_warn = 20\r\n"
                + "reserve_safe = 1h30m\r\n"
                + "[window]\r\nmax_width = 5\r\n");
        LoadedConfig r = ConfigStore.readExisting(dir);
        // Unknown keys are reported now that the status line reads with the same reader as the window.
        assertThat(messages(r)).containsExactly("[window] max_width is not a known key; ignored");
        assertThat(r.config().statusline().elements()).containsExactly("cost", "5h_bar", "burn_5h");
        assertThat(r.config().statusline().maxWidth()).isEqualTo(60);
        assertThat(r.config().thresholds())
                .isEqualTo(new Thresholds(70, 85, 0.40, 0.1, 10, 20, Duration.ofMinutes(90)));
    }

    @Test
    void theLastOfEqualKeysWinsAndAHashInsideAValueStays() {
        LoadedConfig r = parse("[statusline]\nmax_width = 50\nmax_width = 70\n"
                + "elements = cwd,model#x\n");
        assertThat(r.config().statusline().maxWidth()).isEqualTo(70);
        assertThat(r.config().statusline().elements()).containsExactly("cwd", "model#x");
        assertThat(messages(r)).containsExactly(
                "[statusline] max_width is set on line 2 and again on line 3; the value on line 3 counts");
    }

    @Test
    void badValuesFallBackWithOneWarningEach() {
        LoadedConfig r = parse("""
                [statusline]
                elements = , ,
                max_width = wide
                [thresholds]
                quota_warn = 95
                quota_alarm = 90
                cache_warn = lots
                burn_safe = 2000
                reserve_safe = soon
                """);
        assertThat(r.config()).isEqualTo(BudmonConfig.DEFAULTS);
        assertThat(messages(r)).containsExactly(
                "[thresholds] quota_warn = 95 is not below quota_alarm = 90; using 75 and 90",
                "[thresholds] cache_warn = \"lots\" is not a number; using 0.5",
                "[thresholds] burn_safe = \"2000\" is out of range (0 to 1000); using 15",
                "[thresholds] reserve_safe = \"soon\" is not a duration (minutes, or e.g. 1h30m); using 60",
                "[statusline] elements is empty; using cwd, model_info, 5h_bar, 7d_bar, countdown_5h, reserve",
                "[statusline] max_width = \"wide\" is not a number; using 80");
    }

    @Test
    void widthLimitsAndEmptyValues() {
        assertThat(messages(parse("[statusline]\nmax_width = 9\n")))
                .containsExactly("[statusline] max_width = \"9\" is out of range (10 to 1000); using 80");
        assertThat(messages(parse("[statusline]\nmax_width = 1.5\n")))
                .containsExactly("[statusline] max_width = \"1.5\" is not a whole number; using 80");
        assertThat(messages(parse("[statusline]\nmax_width =\n")))
                .containsExactly("[statusline] max_width is empty; using 80");
        assertThat(parse("[statusline]\nmax_width = 1000\n").config().statusline().maxWidth()).isEqualTo(1000);
    }

    @Test
    void durationsForTheReserveMargin() {
        assertThat(ConfigParser.parseDuration("60")).isEqualTo(Duration.ofHours(1));
        assertThat(ConfigParser.parseDuration("1.5")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ConfigParser.parseDuration("1 h 30 min")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ConfigParser.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(ConfigParser.parseDuration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(ConfigParser.parseDuration("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ConfigParser.parseDuration("1h30")).isNull();
        assertThat(ConfigParser.parseDuration("h")).isNull();
        assertThat(ConfigParser.parseDuration("")).isNull();
        assertThat(messages(parse("[thresholds]\nreserve_safe = 8d\n")))
                .containsExactly("[thresholds] reserve_safe = \"8d\" is out of range (0 to 10080 minutes); using 60");
    }

    @Test
    void numbersAsTheConfigReaderReadsThem() {
        for (String ok : List.of("75", "+75", "-1", "0.5", "0,5", ".5", "5.")) {
            assertThat(ConfigParser.isNumber(ok)).as(ok).isTrue();
        }
        for (String bad : List.of("", "+", ".", "1e3", "٣", "1 2", "0x10")) {
            assertThat(ConfigParser.isNumber(bad)).as(bad).isFalse();
        }
    }
}

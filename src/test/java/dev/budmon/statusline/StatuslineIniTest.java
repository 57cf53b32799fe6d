package dev.budmon.statusline;

import dev.budmon.config.Thresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatuslineIniTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesTheDefaultsQuietly() {
        StatuslineIni.Result r = StatuslineIni.read(dir.resolve("budmon.ini"));
        assertThat(r.settings()).isEqualTo(StatuslineSettings.DEFAULTS);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.settings().elements())
                .containsExactly("cwd", "model_info", "5h_bar", "7d_bar", "countdown_5h", "reserve");
        assertThat(r.settings().maxWidth()).isEqualTo(80);
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
        StatuslineIni.Result r = StatuslineIni.read(f);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.settings().elements()).containsExactly("cost", "5h_bar", "burn_5h");
        assertThat(r.settings().maxWidth()).isEqualTo(60);
        assertThat(r.settings().thresholds())
                .isEqualTo(new Thresholds(70, 85, 0.40, 0.1, 10, 20, Duration.ofMinutes(90)));
    }

    @Test
    void theLastOfEqualKeysWinsAndAHashInsideAValueStays() {
        StatuslineIni.Result r = StatuslineIni.parse("[statusline]\nmax_width = 50\nmax_width = 70\n"
                + "elements = cwd,model#x\n");
        assertThat(r.settings().maxWidth()).isEqualTo(70);
        assertThat(r.settings().elements()).containsExactly("cwd", "model#x");
        assertThat(r.settings().unknownNames()).containsExactly("model#x");
        assertThat(r.settings().knownElements()).containsExactly(Element.CWD);
    }

    @Test
    void badValuesFallBackWithOneWarningEach() {
        StatuslineIni.Result r = StatuslineIni.parse("""
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
        assertThat(r.settings()).isEqualTo(StatuslineSettings.DEFAULTS);
        assertThat(r.warnings()).containsExactly(
                "[thresholds] quota_warn = 95 is not below quota_alarm = 90; using 75 and 90",
                "[thresholds] cache_warn = \"lots\" is not a number; using 0.5",
                "[thresholds] burn_safe = \"2000\" is out of range (0 to 1000); using 15",
                "[thresholds] reserve_safe = \"soon\" is not a duration (minutes, or e.g. 1h30m); using 60",
                "[statusline] elements is empty; using cwd, model_info, 5h_bar, 7d_bar, countdown_5h, reserve",
                "[statusline] max_width = \"wide\" is not a number; using 80");
    }

    @Test
    void widthLimitsAndEmptyValues() {
        assertThat(StatuslineIni.parse("[statusline]\nmax_width = 9\n").warnings())
                .containsExactly("[statusline] max_width = \"9\" is out of range (10 to 1000); using 80");
        assertThat(StatuslineIni.parse("[statusline]\nmax_width = 1.5\n").warnings())
                .containsExactly("[statusline] max_width = \"1.5\" is not a whole number; using 80");
        assertThat(StatuslineIni.parse("[statusline]\nmax_width =\n").warnings())
                .containsExactly("[statusline] max_width is empty; using 80");
        assertThat(StatuslineIni.parse("[statusline]\nmax_width = 1000\n").settings().maxWidth()).isEqualTo(1000);
    }

    @Test
    void durationsForTheReserveMargin() {
        assertThat(StatuslineIni.parseDuration("60")).isEqualTo(Duration.ofHours(1));
        assertThat(StatuslineIni.parseDuration("1.5")).isEqualTo(Duration.ofSeconds(90));
        assertThat(StatuslineIni.parseDuration("1 h 30 min")).isEqualTo(Duration.ofMinutes(90));
        assertThat(StatuslineIni.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(StatuslineIni.parseDuration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(StatuslineIni.parseDuration("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(StatuslineIni.parseDuration("1h30")).isNull();
        assertThat(StatuslineIni.parseDuration("h")).isNull();
        assertThat(StatuslineIni.parseDuration("")).isNull();
        assertThat(StatuslineIni.parse("[thresholds]\nreserve_safe = 8d\n").warnings())
                .containsExactly("[thresholds] reserve_safe = \"8d\" is out of range (0 to 10080 minutes); using 60");
    }

    @Test
    void numbersAsTheConfigReaderReadsThem() {
        for (String ok : List.of("75", "+75", "-1", "0.5", "0,5", ".5", "5.")) {
            assertThat(StatuslineIni.isNumber(ok)).as(ok).isTrue();
        }
        for (String bad : List.of("", "+", ".", "1e3", "٣", "1 2", "0x10")) {
            assertThat(StatuslineIni.isNumber(bad)).as(bad).isFalse();
        }
    }
}

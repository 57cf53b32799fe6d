package dev.budmon.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IniDocumentTest {

    @Test
    void textComesBackExactlyForAnyMixOfLinesAndEndings() {
        String[] pieces = {"[general]", "  [ Window ] ; c", "key = value", "x=1", "\tpath = C:\\Users\\me\\", "; c",
                "# c", "", "   ", "garbage", "k: v ; c", "ümlaut = ä", "[", "=5", "\uFEFF"};
        String[] endings = {"\n", "\r\n", "\r", ""};
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]).append(endings[random.nextInt(endings.length)]);
            }
            String text = sb.toString();
            assertThat(IniDocument.parse(text).text()).isEqualTo(text);
        }
    }

    @Test
    void valuesFollowIni4jRulesPlusInlineComments() {
        String text = "[General]\nLanguage = de ; German\nrefresh_ms=1000#no space: part of the value\n"
                + "[window]\ngeometry: 1,2,3,4\n[general]\nlanguage = \"en\"  # quoted\n"
                + "path = C:\\Users\\me;x\n";
        Map<String, Map<String, String>> v = IniDocument.parse(text).values();
        assertThat(v.get("general")).containsEntry("language", "en")
                .containsEntry("refresh_ms", "1000#no space: part of the value")
                .containsEntry("path", "C:\\Users\\me;x");
        assertThat(v.get("window")).containsEntry("geometry", "1,2,3,4");
    }

    @Test
    void problemsNameLineAndText() {
        String text = "stray = 1\n[general]\nquota_warn 80\n[broken\nlanguage = de\nlanguage = en\n";
        assertThat(IniDocument.parse(text).problems()).containsExactly(
                "line 1: \"stray = 1\" comes before any [section]; ignored",
                "line 3: \"quota_warn 80\" is not a section, a key = value or a comment; ignored",
                "line 4: \"[broken\" is not a section, a key = value or a comment; ignored",
                "[general] language is set on line 5 and again on line 6; the value on line 6 counts");
    }

    @Test
    void replacesOnlyTheValueKeepingSpacingAndComment() {
        String text = "; top\r\n[window]\r\n   geometry   =   1,2,3,4    ; remembered by BudMon\r\n; tail\r\n";
        String changed = IniDocument.parse(text).withValue("window", "geometry", "-10,20,800,600").text();
        assertThat(changed).isEqualTo(
                "; top\r\n[window]\r\n   geometry   =   -10,20,800,600    ; remembered by BudMon\r\n; tail\r\n");
    }

    @Test
    void fillsAnEmptyValueWithASpaceAfterTheOperator() {
        assertThat(IniDocument.parse("[window]\ngeometry =\n").withValue("window", "geometry", "1,2,3,4").text())
                .isEqualTo("[window]\ngeometry = 1,2,3,4\n");
        assertThat(IniDocument.parse("[window]\ngeometry=\n").withValue("window", "geometry", "1,2,3,4").text())
                .isEqualTo("[window]\ngeometry= 1,2,3,4\n");
        // a comment right after the operator stays a comment
        assertThat(IniDocument.parse("[window]\ngeometry =;c\n").withValue("window", "geometry", "1,2,3,4").text())
                .isEqualTo("[window]\ngeometry = 1,2,3,4 ;c\n");
    }

    @Test
    void editsTheEffectiveLineWhenAKeyIsSetTwice() {
        String text = "[Window]\nGeometry = 1,1,1,1\n[other]\nx = 1\n[window]\ngeometry = 2,2,2,2\n";
        assertThat(IniDocument.parse(text).withValue("window", "geometry", "3,3,3,3").text())
                .isEqualTo("[Window]\nGeometry = 1,1,1,1\n[other]\nx = 1\n[window]\ngeometry = 3,3,3,3\n");
    }

    @Test
    void addsAMissingKeyAfterTheSectionsLastEntryWithTheFilesLineEnding() {
        String text = "[window]\r\nx = 1\r\n\r\n; about the next section\r\n[general]\r\nlanguage = de\r\n";
        assertThat(IniDocument.parse(text).withValue("window", "geometry", "1,2,3,4").text()).isEqualTo(
                "[window]\r\nx = 1\r\ngeometry = 1,2,3,4\r\n\r\n; about the next section\r\n[general]\r\nlanguage = de\r\n");
    }

    @Test
    void addsAMissingKeyRightAfterAnEmptySectionsHeader() {
        assertThat(IniDocument.parse("[window] ; empty\n; comment\n").withValue("window", "geometry", "1,2,3,4").text())
                .isEqualTo("[window] ; empty\ngeometry = 1,2,3,4\n; comment\n");
        assertThat(IniDocument.parse("[window]").withValue("window", "geometry", "1,2,3,4").text())
                .isEqualTo("[window]\ngeometry = 1,2,3,4\n");
    }

    @Test
    void appendsAMissingSection() {
        assertThat(IniDocument.parse("[general]\r\nlanguage = de").withValue("window", "geometry", "1,2,3,4").text())
                .isEqualTo("[general]\r\nlanguage = de\r\n\r\n[window]\r\ngeometry = 1,2,3,4\r\n");
        assertThat(IniDocument.parse("[general]\nlanguage = de\n\n").withValue("window", "geometry", "1,2,3,4").text())
                .isEqualTo("[general]\nlanguage = de\n\n[window]\ngeometry = 1,2,3,4\n");
        assertThat(IniDocument.parse("").withValue("window", "geometry", "1,2,3,4").text())
                .isEqualTo("[window]\ngeometry = 1,2,3,4\n");
        assertThat(IniDocument.parse("\uFEFF; only a comment").withValue("window", "geometry", "1,2,3,4").text())
                .isEqualTo("\uFEFF; only a comment\n\n[window]\ngeometry = 1,2,3,4\n");
    }

    @Test
    void refusesValuesThatWouldNotReadBack() {
        IniDocument doc = IniDocument.parse("[general]\n");
        for (String bad : new String[]{"a\nb", "a\rb", "x ; y", "#x", " x", "x ", "\"x\""}) {
            assertThatThrownBy(() -> doc.withValue("general", "k", bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> doc.withValue("gen]eral", "k", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> doc.withValue("general", "k=", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThat(doc.withValue("general", "path", "C:\\Users\\me;x").values().get("general"))
                .containsEntry("path", "C:\\Users\\me;x");
    }
}

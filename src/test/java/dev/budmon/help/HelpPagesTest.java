package dev.budmon.help;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HelpPagesTest {

    @Test
    void loadsEachLanguageFromTheClasspathAsInTheHelpFolder() throws IOException {
        assertThat(HelpPages.load("en")).isEqualTo(Files.readString(Path.of("help/help_en.md"), StandardCharsets.UTF_8))
                .startsWith("# BudMon User Guide");
        assertThat(HelpPages.load("de")).isEqualTo(Files.readString(Path.of("help/help_de.md"), StandardCharsets.UTF_8))
                .startsWith("# BudMon – Benutzerhandbuch");
        assertThat(HelpPages.load(" DE ")).isEqualTo(HelpPages.load("de"));
    }

    @Test
    void anUnknownOrOddLanguageFallsBackToEnglish() {
        String english = HelpPages.load("en");
        assertThat(HelpPages.load("fr")).isEqualTo(english);
        assertThat(HelpPages.load(null)).isEqualTo(english);
        assertThat(HelpPages.load("")).isEqualTo(english);
        assertThat(HelpPages.load("../lang/de")).isEqualTo(english);
        assertThat(HelpPages.load("auto")).isEqualTo(english);
    }

    @Test
    void bothGuidesHaveTheSameSections() {
        // The German guide is a translation, not a summary: same headings, tables and code blocks.
        String en = MarkdownHtml.render(HelpPages.load("en"));
        String de = MarkdownHtml.render(HelpPages.load("de"));
        for (String tag : new String[] {"<h1>", "<h2>", "<h3>", "<pre>", "<li>"}) {
            assertThat(count(de, tag)).as(tag).isEqualTo(count(en, tag));
        }
        // German adds one table: the options in German under the (English) usage text.
        assertThat(count(de, "<table")).isEqualTo(count(en, "<table") + 1);
        assertThat(count(de, "<tr>")).isGreaterThan(count(en, "<tr>"));
    }

    @Test
    void theGuidesNameEveryIniKeyOfTheDefaultFile() throws IOException {
        String ini = Files.readString(Path.of("src/main/resources/dev/budmon/config/budmon.default.ini"));
        java.util.regex.Matcher keys = java.util.regex.Pattern.compile("(?m)^;?\\s*([a-z_0-9]+)\\s*=").matcher(ini);
        int n = 0;
        while (keys.find()) {
            String key = keys.group(1);
            assertThat(HelpPages.load("en")).as("en names %s", key).contains("`" + key + "`");
            assertThat(HelpPages.load("de")).as("de names %s", key).contains("`" + key + "`");
            n++;
        }
        assertThat(n).isGreaterThan(15);
    }

    @Test
    void theGuidesQuoteTheUsageTextExactly() {
        String usage = dev.budmon.cli.CommandLine.USAGE.replace(System.lineSeparator(), "\n");
        for (String language : new String[] {"en", "de"}) {
            String guide = HelpPages.load(language);
            for (String line : usage.split("\n")) {
                if (line.startsWith("  -")) {
                    assertThat(guide).as("%s has usage line %s", language, line).contains(line);
                }
            }
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

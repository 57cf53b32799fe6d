package dev.budmon.statusline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every status-line element is named where users look for it. */
class ElementDocsTest {

    @Test
    void everyElementIsInTheReadmeTheGuidesAndTheDefaultIni() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String en = Files.readString(Path.of("help/help_en.md"));
        String de = Files.readString(Path.of("help/help_de.md"));
        String ini = Files.readString(Path.of("src/main/resources/dev/budmon/config/budmon.default.ini"));
        for (Element e : Element.values()) {
            String quoted = "`" + e.iniName() + "`";
            assertThat(readme).as("README names %s", e).contains(quoted);
            assertThat(en).as("help_en names %s", e).contains(quoted);
            assertThat(de).as("help_de names %s", e).contains(quoted);
            assertThat(ini).as("budmon.default.ini names %s", e).contains(";   " + e.iniName() + " ");
        }
    }
}

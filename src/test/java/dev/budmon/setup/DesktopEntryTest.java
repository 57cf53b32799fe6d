package dev.budmon.setup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DesktopEntryTest {

    @Test
    void plainPathsStayPlain() {
        assertThat(DesktopEntry.execValue("/home/u/.local/bin/budmon")).isEqualTo("/home/u/.local/bin/budmon");
    }

    @Test
    void reservedCharactersAreQuotedAndEscapedInBothLayers() {
        // Exec quoting: "a \"b\" \$c \\d" ; then string escaping doubles every backslash; % becomes %%.
        assertThat(DesktopEntry.execValue("/h/a \"b\" $c \\d 50%/budmon"))
                .isEqualTo("\"/h/a \\\\\"b\\\\\" \\\\$c \\\\\\\\d 50%%/budmon\"");
        assertThat(DesktopEntry.execValue("/h/it's/budmon")).isEqualTo("\"/h/it's/budmon\"");
    }

    @Test
    void controlCharactersAreRefused() {
        assertThatThrownBy(() -> DesktopEntry.execValue("/h/a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEntryPassesDesktopFileValidate(@TempDir Path tmp) throws Exception {
        validates(tmp, DesktopEntry.content("/h/my home 'q' \"dq\" $x \\y/.local/bin/budmon"));
    }

    @Test
    void theAutostartEntryRunsTheBackgroundAndPassesDesktopFileValidate(@TempDir Path tmp) throws Exception {
        String entry = DesktopEntry.autostart("/h/my home/.local/bin/budmon");
        assertThat(entry).contains("Exec=\"/h/my home/.local/bin/budmon\" --background\n");
        validates(tmp, entry);
    }

    private static void validates(Path tmp, String entry) throws Exception {
        Path validator = LaunchersEndToEndTest.findOnPath("desktop-file-validate");
        assumeTrue(validator != null, "desktop-file-validate (desktop-file-utils) is not installed");
        Path f = tmp.resolve("budmon.desktop");
        Files.writeString(f, entry);
        TestHome.ProcResult r = TestHome.exec(List.of(validator.toString(), f.toString()),
                Map.of("PATH", "/usr/bin:/bin"), null);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out() + r.err()).isEmpty();
    }
}

package dev.budmon.setup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RcFileTest {

    private static final String ALIAS = "alias claude-budmon='/home/u/.local/bin/claude-budmon'";

    private static String with(String content) {
        return new String(RcFile.withLine(content.getBytes(StandardCharsets.ISO_8859_1), ALIAS),
                StandardCharsets.ISO_8859_1);
    }

    private static String without(String content) {
        return new String(RcFile.without(content.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "a\n", "a", "a\nb", "a\r\nb\r\n", "a\r\nb", "\r\n", "x\n\n\n",
            "mixed\r\nends\nhere", "no newline # added by budmon", "tab\there\n"})
    void addingThenRemovingGivesBackTheSameBytes(String original) {
        String added = with(original);
        assertThat(added).contains(ALIAS).isNotEqualTo(original);
        assertThat(without(added)).isEqualTo(original);
        assertThat(with(added)).as("adding twice changes nothing").isEqualTo(added);
    }

    @Test
    void theLineIsAppendedWithTheFilesOwnLineEnd() {
        assertThat(with("a\n")).isEqualTo("a\n" + ALIAS + " " + RcFile.MARKER + "\n");
        assertThat(with("a\r\n")).isEqualTo("a\r\n" + ALIAS + " " + RcFile.MARKER + "\r\n");
        assertThat(with("a")).isEqualTo("a\n" + ALIAS + " " + RcFile.MARKER_ENDED_LINE_ABOVE + "\n");
        assertThat(with("")).isEqualTo(ALIAS + " " + RcFile.MARKER + "\n");
    }

    @Test
    void linesAddedByTheUserAfterBudmonsLineStay() {
        String added = with("a") + "b\n";
        // The line break setup added before its line now ends the user's line "a"; it stays.
        assertThat(without(added)).isEqualTo("a\nb\n");
    }

    @Test
    void anOlderBudmonLineIsReplacedInPlace() {
        String old = "a\nalias claude-budmon='/old/path' " + RcFile.MARKER + "\nb\n";
        assertThat(with(old)).isEqualTo("a\n" + ALIAS + " " + RcFile.MARKER + "\nb\n");
    }

    @Test
    void duplicateBudmonLinesAreAllRemoved() {
        String twice = "a\n" + ALIAS + " " + RcFile.MARKER + "\nb\n" + ALIAS + " " + RcFile.MARKER + "\n";
        assertThat(without(twice)).isEqualTo("a\nb\n");
        assertThat(with(twice)).isEqualTo("a\n" + ALIAS + " " + RcFile.MARKER + "\nb\n");
    }

    @Test
    void bytesThatAreNotUtf8SurviveUntouched() {
        byte[] latin1 = {'x', '=', (byte) 0xe4, (byte) 0xff, '\n'};
        byte[] added = RcFile.withLine(latin1, ALIAS);
        assertThat(RcFile.without(added)).isEqualTo(latin1);
    }

    @Test
    void theAliasLineQuotesThePathForTheShellTwice() {
        assertThat(RcFile.aliasLine("/home/u/.local/bin/claude-budmon")).isEqualTo(ALIAS);
        // The alias value is itself parsed by the shell when used: a path with a space must be quoted inside it.
        assertThat(RcFile.aliasLine("/home/a b/x")).isEqualTo("alias claude-budmon=''\\''/home/a b/x'\\'''");
    }
}

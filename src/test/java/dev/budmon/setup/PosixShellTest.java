package dev.budmon.setup;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PosixShellTest {

    static final List<String> WORDS = List.of("plain", "/home/u/x.jar", "a b", "it's", "\"dq\"", "$HOME", "`id`",
            "back\\slash", "*", "~", "line\nbreak", "", "'", "''", "a'b'c", "--flag=x y", "ä ü");

    @Test
    void theShellSeesExactlyTheQuotedWord() throws Exception {
        StringBuilder script = new StringBuilder();
        for (String w : WORDS) {
            script.append("printf '%s\\0' ").append(PosixShell.quote(w)).append('\n');
        }
        TestHome.ProcResult r = TestHome.exec(List.of("/bin/sh", "-c", script.toString()),
                Map.of("PATH", "/usr/bin:/bin", "HOME", "/nowhere"), null);
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> seen = new ArrayList<>(List.of(r.out().split("\0", -1)));
        seen.remove(seen.size() - 1);
        assertThat(seen).containsExactlyElementsOf(WORDS);
    }

    @Test
    void onlyWordsThatNeedQuotesGetThem() {
        assertThat(PosixShell.quote("/home/u/.local/bin/budmon")).isEqualTo("/home/u/.local/bin/budmon");
        assertThat(PosixShell.quote("a b")).isEqualTo("'a b'");
        assertThat(PosixShell.quote("")).isEqualTo("''");
    }
}

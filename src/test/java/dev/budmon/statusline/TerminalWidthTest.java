package dev.budmon.statusline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalWidthTest {

    @Test
    void plainTextIsOneColumnPerCharacter() {
        assertThat(TerminalWidth.of("")).isZero();
        assertThat(TerminalWidth.of("~/projects/budmon")).isEqualTo(17);
        assertThat(TerminalWidth.of("5h ███░░░░░ 42%")).isEqualTo(15);
        assertThat(TerminalWidth.of("↓2h14m →125k ←42k ⊞72%")).isEqualTo(22);
    }

    @Test
    void ansiCodesTakeNoColumns() {
        assertThat(TerminalWidth.of(LineRenderer.YELLOW + "7d ██████░░ 80%" + LineRenderer.RESET)).isEqualTo(15);
        assertThat(TerminalWidth.of("\u001b[1;38;5;208mx\u001b[0m")).isEqualTo(1);
    }

    @Test
    void emojiAndEastAsianCharactersTakeTwo() {
        assertThat(TerminalWidth.of("⚡18%/h")).isEqualTo(7);
        assertThat(TerminalWidth.of("~/プロジェクト")).isEqualTo(2 + 12);
        assertThat(TerminalWidth.of("\uD83D\uDE80")).isEqualTo(2); // rocket, outside the BMP
    }

    @Test
    void combiningMarksAndVariationSelectorsTakeNone() {
        assertThat(TerminalWidth.of("e\u0301")).isEqualTo(1);
        assertThat(TerminalWidth.of("a\uFE0Fb\u200Dc")).isEqualTo(3);
    }

    @Test
    void theWideRangesAreSortedAndDisjointForTheBinarySearch() {
        int[] r = TerminalWidth.WIDE;
        assertThat(r.length % 2).isZero();
        for (int i = 0; i < r.length; i += 2) {
            assertThat(r[i]).isLessThanOrEqualTo(r[i + 1]);
            if (i > 0) {
                assertThat(r[i]).isGreaterThan(r[i - 1]);
            }
        }
    }
}

package dev.budmon.source.transcript;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BytePatternTest {

    @Test
    void findsTheFirstNewlineAtEveryPositionAndAlignment() {
        for (int len = 0; len < 40; len++) {
            for (int at = 0; at < len; at++) {
                byte[] a = new byte[len];
                java.util.Arrays.fill(a, (byte) 'x');
                a[at] = '\n';
                for (int from = 0; from <= at; from++) {
                    assertThat(BytePattern.indexOfNewline(a, from, len)).as("len %d at %d from %d", len, at, from)
                            .isEqualTo(at);
                }
                assertThat(BytePattern.indexOfNewline(a, at + 1, len)).isEqualTo(-1);
                assertThat(BytePattern.indexOfNewline(a, 0, at)).isEqualTo(-1);
            }
        }
    }

    @Test
    void newlineSearchAgreesWithANaiveSearchOnRandomBytes() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] a = new byte[random.nextInt(200)];
            random.nextBytes(a);
            // bytes next to '\n' (0x0A) such as 0x0B and 0x8A are where word tricks go wrong
            for (int i = 0; i < a.length; i++) {
                if (random.nextInt(4) == 0) {
                    a[i] = (byte) (0x09 + random.nextInt(3) + (random.nextBoolean() ? 0x80 : 0));
                }
            }
            int from = a.length == 0 ? 0 : random.nextInt(a.length);
            int expected = -1;
            for (int i = from; i < a.length; i++) {
                if (a[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(BytePattern.indexOfNewline(a, from, a.length)).isEqualTo(expected);
        }
    }

    @Test
    void patternSearchAgreesWithStringContains() {
        check("\"usage\"", 3, "\"usage:{}\\ abg");
        check("\"cost-state\"", 5, "\"cost-ate:{} \\x");
    }

    private static void check(String pattern, int pairAt, String alphabet) {
        BytePattern search = new BytePattern(pattern, pairAt);
        Random random = new Random(7);
        for (int round = 0; round < 20000; round++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(80);
            for (int i = 0; i < n; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(5) == 0) {
                b.insert(random.nextInt(b.length() + 1), pattern);
            }
            String s = b.toString();
            byte[] a = ("##" + s + "##").getBytes(StandardCharsets.US_ASCII);
            assertThat(search.occursIn(a, 2, a.length - 2)).as(s).isEqualTo(s.contains(pattern));
        }
    }

    @Test
    void anEscapedKeyInsideAStringIsNotTheKey() {
        BytePattern usage = new BytePattern("\"usage\"", 3);
        byte[] text = "{\"content\":\"the \\\"usage\\\": field\"}".getBytes(StandardCharsets.US_ASCII);
        assertThat(usage.occursIn(text, 0, text.length)).isFalse();
    }
}

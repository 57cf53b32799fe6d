package dev.budmon.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The line format of the quota history: what writers write and what readers accept. */
class ObservationLineTest {

    /** The example line of the format's description, as the interceptor writes it. */
    static final String EXAMPLE = "{\"t\":\"2026-12-06T03:30:00.123Z\",\"src\":\"interceptor\",\"req\":\"req_011CVabc\","
            + "\"sid\":null,\"status\":\"allowed\",\"w\":{\"5h\":{\"u\":0.42,\"r\":1795702440,\"s\":\"allowed\"},"
            + "\"7d\":{\"u\":0.63,\"r\":1796000000},\"7d_opus\":{\"u\":0.05,\"r\":1796000000}}}";

    static Map<String, WindowReading> windows(Object... nameThenReading) {
        Map<String, WindowReading> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenReading.length; i += 2) {
            m.put((String) nameThenReading[i], (WindowReading) nameThenReading[i + 1]);
        }
        return m;
    }

    static WindowReading reading(Double u, long reset, String status) {
        return new WindowReading(u, reset == 0 ? null : Instant.ofEpochSecond(reset), status);
    }

    @Test
    void theFormatsExampleIsRead() {
        Observation o = ObservationLine.parse(EXAMPLE);
        assertThat(o).isNotNull();
        assertThat(o.time()).isEqualTo(Instant.parse("2026-12-06T03:30:00.123Z"));
        assertThat(o.source()).isEqualTo(Observation.INTERCEPTOR);
        assertThat(o.requestId()).isEqualTo("req_011CVabc");
        assertThat(o.sessionId()).isNull();
        assertThat(o.status()).isEqualTo("allowed");
        assertThat(o.windows()).containsExactly(
                Map.entry("5h", reading(0.42, 1795702440L, "allowed")),
                Map.entry("7d", reading(0.63, 1796000000L, null)),
                Map.entry("7d_opus", reading(0.05, 1796000000L, null)));
    }

    @Test
    void writtenCompactWithMillisecondsAndPlainNumbersAndReadBackEqual() {
        Observation o = new Observation(Instant.parse("2026-12-01T00:00:00Z"), Observation.STATUSLINE, null,
                "3f1c-session", null, windows("5h", reading(0.0001, 1795702440L, null), "7d", reading(1.0, 0, null),
                        "7d_sonnet", new WindowReading(null, null, "rejected")));
        String line = new String(ObservationLine.format(o), StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("{\"t\":\"2026-12-01T00:00:00.000Z\",\"src\":\"statusline\",\"sid\":\"3f1c-session\","
                + "\"w\":{\"5h\":{\"u\":0.0001,\"r\":1795702440},\"7d\":{\"u\":1},\"7d_sonnet\":{\"s\":\"rejected\"}}}\n");
        assertThat(ObservationLine.parse(line)).isEqualTo(o);
    }

    @Test
    void payloadPercentagesKeepSixDecimalsSoThatTheyCompareEqualAfterReading() {
        WindowReading third = new WindowReading(33.3 / 100, null, null); // 0.33299999999999996
        assertThat(third.utilization()).isEqualTo(0.333);
        Observation o = new Observation(Instant.parse("2026-12-01T10:00:00.5Z"), "statusline", null, null, null,
                windows("5h", third));
        assertThat(ObservationLine.parse(new String(ObservationLine.format(o), StandardCharsets.UTF_8)).sameFigures(o))
                .isTrue();
    }

    @Test
    void anyKeyOrderSpacesUnknownKeysAndEscapesAreRead() {
        String line = " { \"w\" : { \"5h\" : { \"x\" : [1, {\"y\": null}], \"u\" : 4.2E-1 , \"r\" : 1795702440000 } } ,"
                + " \"future\": {\"a\": [true, false, \"\\\"}\"]}, \"src\":\"inter\\u0063eptor\", \"t\":\"2026-12-06T04:30:00.123+01:00\","
                + " \"req\": \"req_\\\"quoted\\\"\" } \r";
        Observation o = ObservationLine.parse(line);
        assertThat(o).isNotNull();
        assertThat(o.source()).isEqualTo("interceptor");
        assertThat(o.requestId()).isEqualTo("req_\"quoted\"");
        assertThat(o.time()).isEqualTo(Instant.parse("2026-12-06T03:30:00.123Z"));
        // a reset in milliseconds is read as JsonValues reads every epoch time
        assertThat(o.windows()).containsExactly(Map.entry("5h", reading(0.42, 1795702440L, null)));
    }

    @Test
    void theLaterOfTwoEqualKeysWins() {
        Observation o = ObservationLine.parse("{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"a\",\"src\":\"b\","
                + "\"w\":{\"5h\":{\"u\":0.1},\"5h\":{\"u\":0.2}}}");
        assertThat(o.source()).isEqualTo("b");
        assertThat(o.windows()).containsExactly(Map.entry("5h", reading(0.2, 0, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[]",
        "{}",
        "{\"src\":\"interceptor\",\"w\":{}}",                                                    // no time
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"w\":{}}",                                         // no source
        "{\"t\":\"yesterday\",\"src\":\"interceptor\"}",
        "{\"t\":\"10000-01-01T00:00:00.000Z\",\"src\":\"interceptor\"}",                         // after year 9999
        "{\"t\":\"1969-12-31T23:59:59.000Z\",\"src\":\"interceptor\"}",                          // before 1970
        "{\"t\":1796000000,\"src\":\"interceptor\"}",                                            // time not a string
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":7}",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"req\":1}",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":[]}",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":0.4}}",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":{\"u\":10.5}}}",         // utilization over 10
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":{\"u\":-0.1}}}",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":{\"u\":\"0.4\"}}}",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":{\"u\":1e308}}}",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":{\"r\":253402300800000}}}", // after 9999 in ms
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":{\"r\":0}}}",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":{\"r\":-5}}}",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":{\"u\":0.4,}}}",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\"} trailing",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\"}{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\"}",
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"a\tb\"}",                                 // raw control character
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":{\"u\":0.4",            // cut short
        "{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"req\":\"bad \\q escape\"}",
    })
    void linesThatAreNoObservationAreRefused(String line) {
        assertThat(ObservationLine.parse(line)).as(line).isNull();
    }

    @Test
    void anObservationWithoutWindowsIsStillOne() {
        assertThat(ObservationLine.parse("{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"status\":\"rejected\"}")
                .status()).isEqualTo("rejected");
        assertThat(ObservationLine.parse("{\"t\":\"2026-12-06T03:30:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":null}}")
                .windows()).isEmpty();
    }

    @Test
    void sameFiguresIgnoresTimeRequestAndSession() {
        Observation a = ObservationLine.parse(EXAMPLE);
        Observation b = new Observation(a.time().plusSeconds(60), a.source(), "req_other", "s2", a.status(), a.windows());
        assertThat(a.sameFigures(b)).isTrue();
        assertThat(a.sameFigures(new Observation(a.time(), a.source(), null, null, "allowed_warning", a.windows()))).isFalse();
        Map<String, WindowReading> w = new LinkedHashMap<>(a.windows());
        w.put("5h", reading(0.43, 1795702440L, "allowed"));
        assertThat(a.sameFigures(new Observation(a.time(), a.source(), null, null, a.status(), w))).isFalse();
        assertThat(a.sameFigures(null)).isFalse();
    }
}

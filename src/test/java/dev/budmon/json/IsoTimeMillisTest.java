package dev.budmon.json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimeMillisTest {

    private static long parse(String s) {
        return IsoTime.parseMillis(s.toCharArray(), 0, s.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-10-01T12:00:00.123Z", "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z",
            "2024-02-29T23:59:59.5Z", "2100-03-01T00:00:00Z", "2000-02-29T01:02:03.456789Z",
            "2025-10-01T14:00:00.123+02:00", "2025-10-01T12:00:00-00:30"})
    void agreesWithJavaTime(String text) {
        assertThat(parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-13-01T12:00:00.000Z", "2025-02-29T12:00:00.000Z",
            "2025-10-01T24:00:00.000Z", "2025-10-01 12:00:00.000Z", "2025-10-01T12:00:0x.000Z",
            "2025-10-01T12:00:00.12aZ", "2025-10-01"})
    void rejectsWhatIsNotATimestamp(String text) {
        assertThat(parse(text)).isEqualTo(IsoTime.INVALID);
    }
}

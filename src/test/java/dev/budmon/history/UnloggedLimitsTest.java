package dev.budmon.history;

import dev.budmon.model.AccountLimits;
import dev.budmon.model.RateLimits;
import dev.budmon.model.SourceWarning;
import dev.budmon.source.UsageLimitsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UnloggedLimitsTest {

    /** usage-limits.json as an interceptor that keeps no history writes it. */
    static final String FILE = """
            {
              "source": "budmon-interceptor",
              "updated_at": "2026-12-06T10:00:00.250Z",
              "headers_raw": {
                "anthropic-ratelimit-unified-status": "allowed",
                "anthropic-ratelimit-unified-5h-utilization": "0.30",
                "anthropic-ratelimit-unified-5h-reset": "1796000000",
                "anthropic-ratelimit-unified-5h-status": "allowed",
                "anthropic-ratelimit-unified-7d-utilization": "0.10",
                "anthropic-ratelimit-unified-7d-reset": "1796400000",
                "anthropic-ratelimit-unified-7d_opus-utilization": "0.05",
                "anthropic-ratelimit-unified-7d_opus-reset": "1796400000"
              }
            }
            """;

    @TempDir
    Path claude;

    private RateLimits headers() throws IOException {
        Files.writeString(claude.resolve(UsageLimitsFile.FILE_NAME), FILE);
        return UsageLimitsFile.read(claude.resolve(UsageLimitsFile.FILE_NAME)).headers();
    }

    @Test
    void headersNoWriterLoggedBecomeABudmonObservationAtTheirTime() throws IOException {
        Observation o = UnloggedLimits.decide(headers(), null);
        assertThat(o.source()).isEqualTo(Observation.BUDMON);
        assertThat(o.time()).isEqualTo(Instant.parse("2026-12-06T10:00:00.250Z"));
        assertThat(o.status()).isEqualTo("allowed");
        assertThat(o.requestId()).isNull();
        assertThat(o.windows()).containsExactly(
                Map.entry("5h", new WindowReading(0.30, Instant.ofEpochSecond(1796000000L), "allowed")),
                Map.entry("7d", new WindowReading(0.10, Instant.ofEpochSecond(1796400000L), null)),
                Map.entry("7d_opus", new WindowReading(0.05, Instant.ofEpochSecond(1796400000L), null)));
    }

    @Test
    void headersTheHistoryHoldsAreNotLoggedAgain() throws IOException {
        RateLimits h = headers();
        Observation interceptor = UnloggedLimits.observation(h, Observation.INTERCEPTOR);
        // the interceptor logged the same figures when the response arrived, a little before it wrote the file
        Observation logged = new Observation(h.capturedAt().minusMillis(100), Observation.INTERCEPTOR, "req_1", null,
                interceptor.status(), interceptor.windows());
        assertThat(UnloggedLimits.decide(h, logged)).isNull();
        // something newer is logged already: the file is not news
        Observation newer = new Observation(h.capturedAt().plusSeconds(5), Observation.INTERCEPTOR, "req_2", null,
                "allowed_warning", Map.of());
        assertThat(UnloggedLimits.decide(h, newer)).isNull();
        // an older observation of other figures: the file is news
        Observation older = new Observation(h.capturedAt().minusSeconds(60), Observation.INTERCEPTOR, "req_0", null,
                "allowed", Map.of("5h", new WindowReading(0.29, Instant.ofEpochSecond(1796000000L), "allowed")));
        assertThat(UnloggedLimits.decide(h, older)).isNotNull();
        assertThat(UnloggedLimits.decide(null, null)).isNull();
        assertThat(UnloggedLimits.decide(new RateLimits(null, "x", h.windows(), AccountLimits.EMPTY), null)).isNull();
    }

    @Test
    void recordAppendsOnceAndLeavesAMissingDirectoryAlone() throws IOException {
        List<SourceWarning> warnings = new ArrayList<>();
        RateLimits h = headers();
        assertThat(UnloggedLimits.record(claude, h, warnings)).isTrue();
        assertThat(UnloggedLimits.record(claude, h, warnings)).isFalse();
        HistoryReader.Read read = HistoryReader.read(claude, null, null);
        assertThat(read.history().size()).isEqualTo(1);
        assertThat(read.history().source(0)).isEqualTo(Observation.BUDMON);
        assertThat(warnings).isEmpty();
        assertThat(UnloggedLimits.record(claude.resolve("missing"), h, warnings)).isFalse();
        assertThat(Files.exists(claude.resolve("missing"))).isFalse();
    }
}

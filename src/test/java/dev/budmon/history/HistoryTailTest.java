package dev.budmon.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import static dev.budmon.history.HistoryReaderTest.observation;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryTailTest {

    @TempDir
    Path claude;

    @Test
    void sinceReadsBackOnlyAsFarAsNeeded() throws IOException {
        Instant start = Instant.parse("2026-12-06T00:00:00Z");
        for (int i = 0; i < 5000; i++) { // a minute apart, about 1 MB
            HistoryAppender.append(claude, observation(start.plusSeconds(60L * i).toString(), "interceptor", "req_" + i,
                    (i % 100) / 100.0));
        }
        Instant now = start.plusSeconds(60L * 5000);
        List<Observation> recent = HistoryTail.since(claude, now.minusSeconds(3600), now);
        // the last hour, and the ten minutes before, since lines may land out of order, as read: a tail of
        // 64 KiB of the file's 1 MB
        assertThat(recent.get(recent.size() - 1).requestId()).isEqualTo("req_4999");
        assertThat(recent.get(0).time()).isBefore(now.minusSeconds(3600 + 600));
        assertThat(recent).hasSizeBetween(71, 400);
        for (int i = 4929; i < 5000; i++) {
            assertThat(recent).extracting(Observation::requestId).contains("req_" + i);
        }
    }

    @Test
    void sinceGoesIntoTheMonthBeforeAndSkipsAPartialLine() throws IOException {
        HistoryAppender.append(claude, observation("2026-11-30T23:40:00.000Z", "interceptor", "req_a", 0.1));
        HistoryAppender.append(claude, observation("2026-11-30T23:50:00.000Z", "interceptor", "req_b", 0.2));
        HistoryAppender.append(claude, observation("2026-12-01T00:10:00.000Z", "interceptor", "req_c", 0.3));
        Files.writeString(HistoryFiles.folder(claude).resolve("2026-12.jsonl"), "{\"t\":\"2026-12-01T00:2",
                StandardOpenOption.APPEND);
        List<Observation> recent = HistoryTail.since(claude, Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:30:00Z"));
        assertThat(recent).extracting(Observation::requestId).containsExactly("req_a", "req_b", "req_c");
    }

    @Test
    void noHistoryIsNoObservation() throws IOException {
        assertThat(HistoryTail.since(claude, Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T01:00:00Z")))
                .isEmpty();
        assertThat(HistoryTail.newestOf(claude, Instant.parse("2026-12-01T00:00:00Z"), "statusline")).isNull();
    }
}

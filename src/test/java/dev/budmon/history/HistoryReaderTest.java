package dev.budmon.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.budmon.history.ObservationLineTest.reading;
import static dev.budmon.history.ObservationLineTest.windows;
import static org.assertj.core.api.Assertions.assertThat;

/** Month files written as the writers write them, read back whole, in part, and broken. */
class HistoryReaderTest {

    @TempDir
    Path claude;

    static Observation observation(String time, String source, String req, double fiveHour) {
        return new Observation(Instant.parse(time), source, req, null, "allowed",
                windows("5h", reading(fiveHour, 1795702440L, "allowed"), "7d", reading(0.6, 1796000000L, null)));
    }

    private Path file(String month) {
        return HistoryFiles.folder(claude).resolve(month + ".jsonl");
    }

    private void appendRaw(String month, String text) throws IOException {
        Files.createDirectories(HistoryFiles.folder(claude));
        Files.writeString(file(month), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void readsEveryMonthIntoTheStore() throws IOException {
        HistoryAppender.append(claude, observation("2026-11-30T23:59:59.999Z", "interceptor", "req_1", 0.40));
        HistoryAppender.append(claude, observation("2026-12-01T00:00:00.000Z", "interceptor", "req_2", 0.41));
        HistoryAppender.append(claude, observation("2026-12-01T00:05:00.000Z", "statusline", null, 0.42));
        assertThat(Files.exists(file("2026-11"))).isTrue();
        assertThat(Files.exists(file("2026-12"))).isTrue();

        HistoryReader.Read read = HistoryReader.read(claude, null, null);
        QuotaHistory h = read.history();
        assertThat(read.stats().badLines()).isZero();
        assertThat(read.stats().warnings()).isEmpty();
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.timeMillis(0)).isEqualTo(Instant.parse("2026-11-30T23:59:59.999Z").toEpochMilli());
        assertThat(h.source(2)).isEqualTo("statusline");
        assertThat(h.requestKeyOf(1)).isEqualTo(QuotaHistory.requestKey("req_2")).isNotZero();
        assertThat(h.requestKeyOf(2)).isZero();
        assertThat(h.reading("5h", 1).utilization()).isEqualTo(0.41);
        assertThat(h.reading("7d", 2).reset()).isEqualTo(Instant.ofEpochSecond(1796000000L));
        assertThat(h.reading("5h", 0).status()).isEqualTo("allowed");
        assertThat(h.reading("7d", 0).status()).isNull();
        assertThat(h.reading("7d_opus", 0)).isNull();
        assertThat(h.status(0)).isEqualTo("allowed");
        assertThat(h.windowNames()).containsExactly("5h", "7d");
        assertThat(h.observation(2)).isEqualTo(observation("2026-12-01T00:05:00.000Z", "statusline", null, 0.42));
    }

    @Test
    void aPartialLastLineIsSkippedSilentlyAndBadLinesAreCountedAsAWarning() throws IOException {
        HistoryAppender.append(claude, observation("2026-12-01T10:00:00.000Z", "interceptor", "req_1", 0.40));
        appendRaw("2026-12", "garbage\n{\"t\":\"2026-12-01T10:01:00.000Z\",\"src\":\"x\",\"w\":{\"5h\":{\"u\":99}}}\n\n");
        HistoryAppender.append(claude, observation("2026-12-01T10:02:00.000Z", "interceptor", "req_2", 0.41));
        String next = new String(ObservationLine.format(observation("2026-12-01T10:03:00.000Z", "interceptor",
                "req_3", 0.42)), StandardCharsets.UTF_8);
        appendRaw("2026-12", next.substring(0, 50)); // a writer's line half-way

        HistoryReader.Read read = HistoryReader.read(claude, null, null);
        assertThat(read.history().size()).isEqualTo(2);
        assertThat(read.stats().badLines()).isEqualTo(2);
        assertThat(read.stats().partialLines()).isEqualTo(1);
        assertThat(read.stats().warnings()).singleElement().satisfies(w -> {
            assertThat(w.source()).isEqualTo(file("2026-12").toString());
            assertThat(w.message()).isEqualTo("2 lines are not a quota observation and were skipped");
        });

        // the writer finishes its line: now it counts
        appendRaw("2026-12", next.substring(50));
        assertThat(HistoryReader.read(claude, null, null).history().size()).isEqualTo(3);
    }

    @Test
    void readsOnlyTheMonthsASpanNeeds() throws IOException {
        HistoryAppender.append(claude, observation("2026-11-15T10:00:00.000Z", "interceptor", "req_0", 0.1));
        HistoryAppender.append(claude, observation("2026-12-15T10:00:00.000Z", "interceptor", "req_1", 0.2));
        // October's "file" is a folder: reading it would give a warning
        Files.createDirectories(file("2026-10"));
        assertThat(HistoryReader.read(claude, null, null).stats().warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("a folder"));

        HistoryReader.Read read = HistoryReader.read(claude, Instant.parse("2026-11-20T00:00:00Z"), null);
        assertThat(read.stats().warnings()).isEmpty();
        assertThat(read.history().size()).isEqualTo(1);
        assertThat(read.history().requestKeyOf(0)).isEqualTo(QuotaHistory.requestKey("req_1"));

        read = HistoryReader.read(claude, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-15T10:00:00Z"));
        assertThat(read.history().size()).isEqualTo(1); // the end is excluded
        assertThat(read.history().requestKeyOf(0)).isEqualTo(QuotaHistory.requestKey("req_0"));
    }

    @Test
    void namesThatAreNoMonthAreIgnoredAndAMissingFolderIsEmpty() throws IOException {
        assertThat(HistoryReader.read(claude, null, null).history().size()).isZero();
        appendRaw("notes", "{\"t\":\"2026-12-01T10:00:00.000Z\",\"src\":\"x\"}\n");
        appendRaw("2026-13", "{\"t\":\"2026-12-01T10:00:00.000Z\",\"src\":\"x\"}\n");
        HistoryReader.Read read = HistoryReader.read(claude, null, null);
        assertThat(read.history().size()).isZero();
        assertThat(read.stats().warnings()).isEmpty();
    }

    @Test
    void linesOutOfOrderAreReadInTimeOrder() throws IOException {
        HistoryAppender.append(claude, observation("2026-12-01T10:00:02.000Z", "interceptor", "req_b", 0.41));
        HistoryAppender.append(claude, observation("2026-12-01T10:00:01.000Z", "interceptor", "req_a", 0.40));
        HistoryAppender.append(claude, observation("2026-12-01T10:00:03.000Z", "interceptor", "req_c", 0.42));
        QuotaHistory h = HistoryReader.read(claude, null, null).history();
        List<Long> keys = new ArrayList<>();
        for (int k = 0; k < h.size(); k++) {
            keys.add(h.requestKeyOf(h.inTimeOrder(k)));
        }
        assertThat(keys).containsExactly(QuotaHistory.requestKey("req_a"), QuotaHistory.requestKey("req_b"),
                QuotaHistory.requestKey("req_c"));
        WindowSeries s = h.series("5h", 0, Long.MAX_VALUE);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.utilization(0)).isEqualTo(0.40);
        assertThat(s.utilization(2)).isEqualTo(0.42);
    }

    @Test
    void forEachGivesTheLinesWithTheirRequestIds() throws IOException {
        HistoryAppender.append(claude, observation("2026-12-01T10:00:00.000Z", "interceptor", "req_1", 0.40));
        appendRaw("2026-12", "{broken\n");
        HistoryAppender.append(claude, observation("2026-12-01T10:01:00.000Z", "interceptor", "req_2", 0.41));
        List<Observation> seen = new ArrayList<>();
        HistoryReader.Stats stats = HistoryReader.forEach(claude, null, null, seen::add);
        assertThat(seen).extracting(Observation::requestId).containsExactly("req_1", "req_2");
        assertThat(stats.observations()).isEqualTo(2);
        assertThat(stats.badLines()).isEqualTo(1);
    }

    @Test
    void aHugeLineIsOneBadLineAndTheNextLinesStillCount() throws IOException {
        HistoryAppender.append(claude, observation("2026-12-01T10:00:00.000Z", "interceptor", "req_1", 0.40));
        appendRaw("2026-12", "{\"t\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}\n");
        HistoryAppender.append(claude, observation("2026-12-01T10:01:00.000Z", "interceptor", "req_2", 0.41));
        HistoryReader.Read read = HistoryReader.read(claude, null, null);
        assertThat(read.history().size()).isEqualTo(2);
        assertThat(read.stats().badLines()).isEqualTo(1);
    }

    @Test
    void linesInTheWritersFormAcrossDaysAndOddOnesReadAsJacksonWould() throws IOException {
        appendRaw("2026-12", String.join("\n",
                "{\"t\":\"2026-12-06T23:59:59.999Z\",\"src\":\"interceptor\",\"req\":\"req_1\",\"w\":{\"5h\":{\"u\":0.5}}}",
                "{\"t\":\"2026-12-07T00:00:00.000Z\",\"src\":\"interceptor\",\"req\":\"req_2\",\"w\":{\"5h\":{\"u\":0.51}}}",
                "{\"t\":\"2026-12-07T00:00:01.000Z\",\"src\":\"interceptor\",\"w\":{\"5h\":{\"u\":0.1},\"5h\":{\"u\":0.52}}}",
                "{\"t\":\"2026-12-32T00:00:00.000Z\",\"src\":\"interceptor\",\"w\":{}}",
                "{\"t\":\"2026-12-07T24:00:00.000Z\",\"src\":\"interceptor\",\"w\":{}}",
                "{\"t\":\"2026-12-07T00:00:02.000Z\",\"src\":\"interceptor\",\"w\":{\"5h\":{\"u\":00.5}}}",
                "{\"t\":\"2026-12-07T00:00:03.000Z\",\"src\":\"interceptor\",\"w\":{\"5h\":{\"u\":0.53,\"r\":1796000000000}}}",
                "") );
        HistoryReader.Read read = HistoryReader.read(claude, null, null);
        QuotaHistory h = read.history();
        assertThat(h.size()).isEqualTo(4);
        assertThat(read.stats().badLines()).isEqualTo(3);
        assertThat(h.timeMillis(0)).isEqualTo(Instant.parse("2026-12-06T23:59:59.999Z").toEpochMilli());
        assertThat(h.timeMillis(1)).isEqualTo(Instant.parse("2026-12-07T00:00:00Z").toEpochMilli());
        assertThat(h.reading("5h", 2).utilization()).isEqualTo(0.52); // the later of two equal keys
        assertThat(h.reading("5h", 3).reset()).isEqualTo(Instant.ofEpochSecond(1796000000L)); // milliseconds
    }
}

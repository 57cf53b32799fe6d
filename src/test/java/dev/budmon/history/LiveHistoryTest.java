package dev.budmon.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.budmon.history.HistoryReaderTest.observation;
import static org.assertj.core.api.Assertions.assertThat;

/** The window's history kept up to date from the month files as the writers append to them. */
class LiveHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path claude;

    private Path file(String month) {
        return HistoryFiles.folder(claude).resolve(month + ".jsonl");
    }

    private void appendRaw(String month, String text) throws IOException {
        Files.createDirectories(HistoryFiles.folder(claude));
        Files.writeString(file(month), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String line(String time, double fiveHour) {
        return new String(ObservationLine.format(observation(time, "interceptor", null, fiveHour)),
                StandardCharsets.UTF_8);
    }

    @Test
    void readsTheSpanOnceThenOnlyWhatWasAppended() throws IOException {
        HistoryAppender.append(claude, observation("2026-11-20T10:00:00.000Z", "interceptor", "req_1", 0.10));
        HistoryAppender.append(claude, observation("2026-12-06T11:00:00.000Z", "interceptor", "req_2", 0.20));
        LiveHistory live = new LiveHistory(List.of(claude), Duration.ofDays(30));

        QuotaHistory first = live.refresh(NOW);
        assertThat(first.size()).isEqualTo(2);
        assertThat(live.refresh(NOW)).as("nothing appended: the same history").isSameAs(first);

        HistoryAppender.append(claude, observation("2026-12-06T11:30:00.000Z", "statusline", null, 0.30));
        QuotaHistory second = live.refresh(NOW);
        assertThat(second).isNotSameAs(first);
        assertThat(second.size()).isEqualTo(3);
        assertThat(second.reading("5h", second.inTimeOrder(2)).utilization()).isEqualTo(0.30);
        assertThat(first.size()).as("a history handed out does not change").isEqualTo(2);
    }

    @Test
    void aLineHalfWrittenIsReadWhenItsWriterHasFinishedIt() throws IOException {
        String whole = line("2026-12-06T11:40:00.000Z", 0.35);
        appendRaw("2026-12", line("2026-12-06T11:00:00.000Z", 0.20) + whole.substring(0, 40));
        LiveHistory live = new LiveHistory(List.of(claude), Duration.ofDays(30));
        assertThat(live.refresh(NOW).size()).isEqualTo(1);

        appendRaw("2026-12", whole.substring(40));
        QuotaHistory h = live.refresh(NOW);
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.reading("5h", h.inTimeOrder(1)).utilization()).isEqualTo(0.35);
    }

    @Test
    void aFileThatShrankOrManySmallPartsAreReadAgainWhole() throws IOException {
        LiveHistory live = new LiveHistory(List.of(claude), Duration.ofDays(30));
        for (int i = 0; i < LiveHistory.MAX_PARTS + 5; i++) {
            appendRaw("2026-12", line(Instant.parse("2026-12-06T10:00:00Z").plusSeconds(60L * i).toString(), 0.01 * i));
            assertThat(live.refresh(NOW).size()).isEqualTo(i + 1);
        }
        // the user deletes the month and a writer starts it again
        Files.delete(file("2026-12"));
        assertThat(live.refresh(NOW).size()).isZero();
        appendRaw("2026-12", line("2026-12-06T11:59:00.000Z", 0.5));
        QuotaHistory h = live.refresh(NOW);
        assertThat(h.size()).isEqualTo(1);
        assertThat(h.reading("5h", 0).utilization()).isEqualTo(0.5);
    }

    @Test
    void observationsOlderThanTheSpanAreNotKept() throws IOException {
        HistoryAppender.append(claude, observation("2026-10-01T10:00:00.000Z", "interceptor", null, 0.10));
        HistoryAppender.append(claude, observation("2026-11-01T10:00:00.000Z", "interceptor", null, 0.10));
        HistoryAppender.append(claude, observation("2026-12-01T10:00:00.000Z", "interceptor", null, 0.20));
        LiveHistory live = new LiveHistory(List.of(claude), Duration.ofDays(30));
        assertThat(live.refresh(NOW).size()).isEqualTo(1);
    }
}

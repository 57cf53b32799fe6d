package dev.budmon.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.budmon.history.HistoryReaderTest.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryAppenderTest {

    @TempDir
    Path claude;

    private final List<String> warnings = new ArrayList<>();

    private List<String> lines(String month) throws IOException {
        return Files.readAllLines(HistoryFiles.folder(claude).resolve(month + ".jsonl"));
    }

    @Test
    void appendsOneLineToTheMonthsFileReadableByItsOwnerOnly() throws IOException {
        Observation o = observation("2026-12-06T03:30:00.123Z", "interceptor", "req_1", 0.42);
        HistoryAppender.append(claude, o);
        Path file = HistoryFiles.file(claude, o.time());
        assertThat(file).isEqualTo(claude.resolve("budmon/quota-history/2026-12.jsonl"));
        assertThat(Files.readString(file)).isEqualTo(new String(ObservationLine.format(o), StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anEqualObservationOfTheSameSourceAddsNothing() throws IOException {
        Observation first = observation("2026-12-06T03:30:00.000Z", "statusline", null, 0.42);
        assertThat(HistoryAppender.appendIfChanged(claude, first, warnings)).isEqualTo(HistoryAppender.Outcome.APPENDED);
        // the same figures a minute later, from another session: nothing new
        Observation same = new Observation(first.time().plusSeconds(60), "statusline", null, "other-session",
                first.status(), first.windows());
        assertThat(HistoryAppender.appendIfChanged(claude, same, warnings)).isEqualTo(HistoryAppender.Outcome.UNCHANGED);
        // another source with the same figures is compared with its own previous line only
        Observation headers = new Observation(first.time().plusSeconds(61), "interceptor", "req_9", null,
                first.status(), first.windows());
        assertThat(HistoryAppender.appendIfChanged(claude, headers, warnings)).isEqualTo(HistoryAppender.Outcome.APPENDED);
        // the status line's next figures differ from its own last line, not from the interceptor's
        assertThat(HistoryAppender.appendIfChanged(claude, same, warnings)).isEqualTo(HistoryAppender.Outcome.UNCHANGED);
        Observation changed = observation("2026-12-06T03:32:00.000Z", "statusline", null, 0.43);
        assertThat(HistoryAppender.appendIfChanged(claude, changed, warnings)).isEqualTo(HistoryAppender.Outcome.APPENDED);
        assertThat(lines("2026-12")).hasSize(3);
        assertThat(warnings).isEmpty();
    }

    @Test
    void theFirstObservationOfAMonthIsComparedWithTheMonthBefore() throws IOException {
        Observation november = observation("2026-11-30T23:59:00.000Z", "statusline", null, 0.42);
        HistoryAppender.append(claude, november);
        Observation december = new Observation(Instant.parse("2026-12-01T00:01:00Z"), "statusline", null, null,
                november.status(), november.windows());
        assertThat(HistoryAppender.appendIfChanged(claude, december, warnings)).isEqualTo(HistoryAppender.Outcome.UNCHANGED);
        assertThat(Files.exists(HistoryFiles.file(claude, december.time()))).isFalse();
    }

    @Test
    void theLastLineOfTheSourceIsFoundBehindManyOthersAndAPartialLine() throws IOException {
        Observation mine = observation("2026-12-06T03:30:00.000Z", "statusline", null, 0.42);
        HistoryAppender.append(claude, mine);
        for (int i = 0; i < 2000; i++) { // about 400 KB of the interceptor's lines after it
            HistoryAppender.append(claude, observation("2026-12-06T03:31:00.000Z", "interceptor", "req_" + i, 0.5));
        }
        Files.writeString(HistoryFiles.file(claude, mine.time()), "{\"t\":\"2026-12-06T03:3", StandardOpenOption.APPEND);
        Observation again = new Observation(Instant.parse("2026-12-06T04:00:00Z"), "statusline", null, null,
                mine.status(), mine.windows());
        assertThat(HistoryAppender.appendIfChanged(claude, again, warnings)).isEqualTo(HistoryAppender.Outcome.UNCHANGED);
    }

    @Test
    void aMissingClaudeDirectoryIsNeverCreated() {
        Path missing = claude.resolve("nope");
        Observation o = observation("2026-12-06T03:30:00.000Z", "statusline", null, 0.42);
        assertThatThrownBy(() -> HistoryAppender.append(missing, o)).isInstanceOf(NoSuchFileException.class);
        assertThat(HistoryAppender.appendIfChanged(missing, o, warnings)).isEqualTo(HistoryAppender.Outcome.SKIPPED);
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void aFifoOrFolderInTheFilesPlaceIsRefusedWithAWarning() throws Exception {
        Observation o = observation("2026-12-06T03:30:00.000Z", "statusline", null, 0.42);
        Path file = HistoryFiles.file(claude, o.time());
        Files.createDirectories(file.getParent());
        Process p = new ProcessBuilder("mkfifo", file.toString()).start();
        assertThat(p.waitFor()).isZero();
        assertThat(HistoryAppender.appendIfChanged(claude, o, warnings)).isEqualTo(HistoryAppender.Outcome.SKIPPED);
        assertThat(warnings).singleElement().asString().contains("a FIFO").contains("was not recorded");
        Files.delete(file);
        Files.createDirectory(file);
        warnings.clear();
        assertThat(HistoryAppender.appendIfChanged(claude, o, warnings)).isEqualTo(HistoryAppender.Outcome.SKIPPED);
        assertThat(warnings).singleElement().asString().contains("a folder");
    }
}

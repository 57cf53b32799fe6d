package dev.budmon.source;

import dev.budmon.source.transcript.TranscriptSource;
import dev.budmon.model.UsageState;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.ClaudeDirFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StateReaderTest {

    @TempDir
    Path dir;

    private void writeAtomically(String content) throws IOException {
        Path tmp = Files.createTempFile(dir, "usage", ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, dir.resolve(UsageLimitsFile.FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aBrokenFileKeepsTheLastGoodFiguresAndSaysSo() throws IOException {
        StateReader reader = new StateReader(List.of(dir), TranscriptSource.NONE, List.of());
        writeAtomically(UsageLimitsFileTest.GOOD);
        UsageState good = reader.read();
        assertThat(good.rateLimits().window("5h").utilization()).isEqualTo(0.42);

        writeAtomically("{\"headers_raw\": {\"anthropic-ratelimit-unified-5h-util");
        UsageState broken = reader.read();
        assertThat(broken.rateLimits().window("5h").utilization()).isEqualTo(0.42);
        assertThat(broken.warnings()).extracting(w -> w.message())
                .anySatisfy(m -> assertThat(m).contains("not valid JSON"))
                .anySatisfy(m -> assertThat(m).contains("last figures read successfully"));

        writeAtomically(UsageLimitsFileTest.GOOD.replace("0.42", "0.57"));
        assertThat(reader.read().rateLimits().window("5h").utilization()).isEqualTo(0.57);
    }

    @Test
    void nothingChangedMeansNoNewState() throws IOException {
        StateReader reader = new StateReader(List.of(dir), TranscriptSource.NONE, List.of());
        writeAtomically(UsageLimitsFileTest.GOOD);
        assertThat(reader.readIfChanged()).isNotNull();
        assertThat(reader.readIfChanged()).isNull();
        writeAtomically(UsageLimitsFileTest.GOOD.replace("0.42", "0.43"));
        assertThat(reader.readIfChanged()).isNotNull();
    }

    @Test
    void theNewestOfSeveralDirectoriesWins() throws IOException {
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve(UsageLimitsFile.FILE_NAME),
                UsageLimitsFileTest.GOOD.replace("2026-11-26T10:00:00.000Z", "2026-11-26T11:00:00Z").replace("0.42", "0.61"));
        writeAtomically(UsageLimitsFileTest.GOOD);
        UsageState s = new StateReader(List.of(dir, other), TranscriptSource.NONE, List.of()).read();
        assertThat(s.rateLimits().window("5h").utilization()).isEqualTo(0.61);
    }

    @Test
    void aMissingDirectoryIsNoDataNotAnError() {
        UsageState s = new StateReader(List.of(dir.resolve("absent")), TranscriptSource.NONE, List.of()).read();
        assertThat(s.hasData()).isFalse();
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void theQuotaAloneComesFirstAndTheFullReadKeepsIt() throws IOException {
        ClaudeDirFixture.create(dir, Instant.now(), "en");
        StateReader reader = new StateReader(List.of(dir), new TranscriptFeed(), List.of());

        UsageState quota = reader.readQuotaOnly();
        assertThat(quota.rateLimits().window("5h").utilization()).isEqualTo(0.42);
        assertThat(quota.lastResponse()).as("no transcript read yet").isNull();
        assertThat(quota.activeSession()).isNull();

        UsageState full = reader.readIfChanged();
        assertThat(full).as("the full read follows even though the quota file did not change").isNotNull();
        assertThat(full.rateLimits()).isEqualTo(quota.rateLimits());
        assertThat(full.lastResponse()).as("the transcript's newest response").isNotNull();
        assertThat(full.activeSession().requests()).isEqualTo(2);
        assertThat(reader.readIfChanged()).isNull();
    }

    @Test
    void withoutQuotaFilesThereIsNoQuotaOnlyState() throws IOException {
        ClaudeDirFixture.create(dir, Instant.now(), "en");
        Files.delete(dir.resolve(UsageLimitsFile.FILE_NAME));
        StateReader reader = new StateReader(List.of(dir), new TranscriptFeed(), List.of());

        assertThat(reader.readQuotaOnly()).as("nothing to show before the transcripts").isNull();
        assertThat(reader.readIfChanged().lastResponse()).isNotNull();
    }

    @Test
    void theQuotaOnlyStateKeepsTheLastGoodFiguresOfABrokenFile() throws IOException {
        StateReader reader = new StateReader(List.of(dir), TranscriptSource.NONE, List.of());
        writeAtomically(UsageLimitsFileTest.GOOD);
        reader.read();
        writeAtomically("{\"headers_raw\": {");
        assertThat(reader.readQuotaOnly().rateLimits().window("5h").utilization()).isEqualTo(0.42);
    }
}

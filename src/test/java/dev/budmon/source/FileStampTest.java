package dev.budmon.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileStampTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingFileHasTheEmptyStampAndAppearingChangesIt() throws IOException {
        Path f = tmp.resolve("usage-limits.json");
        assertThat(FileStamp.of(f)).isEqualTo(List.of());
        assertThat(FileStamp.of(tmp.resolve("no-such-folder/x.json"))).isEqualTo(List.of());

        Files.writeString(f, "{}");
        Object written = FileStamp.of(f);
        assertThat(written).isNotEqualTo(List.of()).isEqualTo(FileStamp.of(f));

        Files.delete(f);
        assertThat(FileStamp.of(f)).isEqualTo(List.of());
    }

    @Test
    void aRenameOverTheFileChangesTheStampEvenWithTheSameSizeAndTime() throws IOException {
        Path f = tmp.resolve("usage-limits.json");
        FileTime time = FileTime.fromMillis(1_700_000_000_000L);
        Files.writeString(f, "{\"a\":1}");
        Files.setLastModifiedTime(f, time);
        Object before = FileStamp.of(f);

        Path next = tmp.resolve("usage-limits.json.tmp");
        Files.writeString(next, "{\"a\":2}");
        Files.setLastModifiedTime(next, time);
        Files.move(next, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        assertThat(FileStamp.of(f)).isNotEqualTo(before);
    }
}

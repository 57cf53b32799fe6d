package dev.budmon.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading only regular files, and only so much of them; a hang fails the test instead of the build. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SafeReadTest {

    @TempDir
    Path dir;

    @Test
    void aRegularFileIsReadWhole() throws IOException {
        Path f = Files.write(dir.resolve("f"), new byte[] {1, 2, 3});
        assertThat(SafeRead.bytes(f, 3)).containsExactly(1, 2, 3);
        assertThat(SafeRead.bytes(Files.write(dir.resolve("empty"), new byte[0]), 10)).isEmpty();
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWithItsSize() throws IOException {
        Path f = Files.write(dir.resolve("f"), new byte[2049]);
        assertThatThrownBy(() -> SafeRead.bytes(f, 2048)).isInstanceOf(FileTooLargeException.class)
                .hasMessageContaining("larger than 2 KiB");
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("usage-limits.json"));
        assertThatThrownBy(() -> SafeRead.bytes(fifo, 1024)).isInstanceOf(NotRegularFileException.class)
                .hasMessageContaining("a FIFO");
    }

    @Test
    void aLinkToAnEndlessDeviceIsRefusedWithoutReading() throws Exception {
        Path zero = SpecialFiles.endless(dir.resolve("budmon.ini"));
        assertThatThrownBy(() -> SafeRead.bytes(zero, 1024)).isInstanceOf(NotRegularFileException.class)
                .hasMessageContaining("a character device");
    }

    @Test
    void aFolderIsRefusedAndAMissingFileSaysSo() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("d"));
        assertThatThrownBy(() -> SafeRead.bytes(folder, 10)).isInstanceOf(NotRegularFileException.class)
                .hasMessageContaining("a folder");
        assertThatThrownBy(() -> SafeRead.bytes(dir.resolve("absent"), 10)).isInstanceOf(NoSuchFileException.class);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        assertThatThrownBy(() -> SafeRead.bytes(dangling, 10)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aLinkToARegularFileIsFollowed() throws IOException {
        Path target = Files.writeString(dir.resolve("real"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        assertThat(SafeRead.bytes(link, 10)).containsExactly('x');
    }
}

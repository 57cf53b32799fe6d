package dev.budmon.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AtomicFileTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNewFileIsOwnerOnlyAndAReplacedOneKeepsItsPermissions() throws IOException {
        Path f = dir.resolve("settings.json");
        assertThat(AtomicFile.replace(f, bytes("{}"))).isEqualTo(f.toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.replace(f, bytes("{\"a\": 1}"));
        assertThat(Files.readString(f)).isEqualTo("{\"a\": 1}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndKept() throws IOException {
        Path dotfiles = Files.createDirectory(dir.resolve("dotfiles"));
        Path real = Files.writeString(dotfiles.resolve("settings.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("settings.json"), Path.of("dotfiles/settings.json"));
        assertThat(AtomicFile.replace(link, bytes("new"))).isEqualTo(dir.resolve("dotfiles/settings.json"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        // a chain of links, and a dangling one (the file it names is created)
        Path second = Files.createSymbolicLink(dir.resolve("second"), link);
        AtomicFile.replace(second, bytes("newer"));
        assertThat(Files.readString(real)).isEqualTo("newer");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dotfiles.resolve("later.json"));
        AtomicFile.replace(dangling, bytes("x"));
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(Files.readString(dotfiles.resolve("later.json"))).isEqualTo("x");
    }

    @Test
    void aReadOnlyFileIsRefusedEvenForRoot() throws IOException {
        Path f = Files.writeString(dir.resolve("budmon.ini"), "mine");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        assertThatThrownBy(() -> AtomicFile.replace(f, bytes("theirs"))).isInstanceOf(ReadOnlyFileException.class)
                .hasMessageContaining("read-only");
        assertThat(Files.readString(f)).isEqualTo("mine");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFifoOrFolderInTheTargetsPlaceIsLeftAlone() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("usage-limits.json"));
        assertThatThrownBy(() -> AtomicFile.replace(fifo, bytes("x"))).isInstanceOf(NotRegularFileException.class);
        assertThat(Files.isRegularFile(fifo)).isFalse();
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertThatThrownBy(() -> AtomicFile.replace(folder, bytes("x"))).isInstanceOf(NotRegularFileException.class);
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    @Test
    void exactPermissionsForAnInstallersScript() throws IOException {
        Path f = Files.writeString(dir.resolve("claude-budmon"), "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFile.replaceWithPermissions(f, bytes("#!/bin/sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void createIfAbsentKeepsWhatIsThere() throws Exception {
        Path f = dir.resolve("budmon.ini");
        assertThat(AtomicFile.createIfAbsent(f, bytes("first"))).isTrue();
        assertThat(AtomicFile.createIfAbsent(f, bytes("second"))).isFalse();
        assertThat(Files.readString(f)).isEqualTo("first");

        // eight threads racing to create the same file: one wins, the file is whole
        Path raced = dir.resolve("raced.ini");
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Boolean> won = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            String content = "content of " + i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    won.add(AtomicFile.createIfAbsent(raced, bytes(content)));
                } catch (Exception e) {
                    won.add(null);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(won).containsOnly(true, false).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(Files.readString(raced)).matches("content of \\d");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void concurrentReplacementsNeverShowHalfAFile() throws Exception {
        Path f = dir.resolve("usage-limits.json");
        AtomicFile.replace(f, bytes("a".repeat(10_000)));
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                try {
                    AtomicFile.replace(f, bytes(String.valueOf((char) ('a' + i % 26)).repeat(10_000)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        writer.start();
        int reads = 0;
        while (writer.isAlive()) {
            String s = Files.readString(f);
            assertThat(s).hasSize(10_000);
            assertThat(s.chars().distinct().count()).isEqualTo(1);
            reads++;
        }
        writer.join();
        assertThat(reads).isPositive();
        assertThat(leftovers()).isEmpty();
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}

package dev.budmon.config;

import dev.budmon.model.SourceWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigStoreTest {

    @TempDir
    Path dir;

    /** A hand-edited file on Windows: CRLF, a BOM, comments everywhere, odd spacing, paths, a tab, no final newline. */
    private static final String HAND_EDITED = "\uFEFF; my settings, edited in Notepad\r\n"
            + "#   another comment style\r\n"
            + "\r\n"
            + "  [General]   ; with a header comment\r\n"
            + "Language=de\r\n"
            + "\trefresh_ms   :   1500 ; colon works too\r\n"
            + "\r\n"
            + "[notes]\r\n"
            + "backup = C:\\Users\\Jürgen\\Documents\\budmon\\ ; trailing backslash\r\n"
            + "share  = \\\\server\\share\\x\r\n"
            + "[window]\r\n"
            + "   geometry   =   10,20,300,400    ;  set by BudMon\r\n"
            + "; after\r\n"
            + "[statusline]\r\n"
            + "elements = cwd,cost";

    private Path ini() {
        return dir.resolve(ConfigStore.FILE_NAME);
    }

    @Test
    void createsTheCommentedDefaultOnFirstRun() throws IOException {
        ConfigStore store = new ConfigStore(dir);
        assertThat(store.current()).isEqualTo(LoadedConfig.DEFAULTS);
        LoadedConfig c = store.load();
        assertThat(c).isEqualTo(LoadedConfig.DEFAULTS);
        assertThat(Files.readString(ini())).isEqualTo(ConfigStore.defaultText());
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void leavesAMissingDirectoryAlone() throws IOException {
        Path missing = dir.resolve("typo");
        ConfigStore store = new ConfigStore(missing);
        LoadedConfig c = store.load();
        assertThat(c).isEqualTo(LoadedConfig.DEFAULTS);
        assertThat(missing).doesNotExist();
        assertThat(store.directoryExists()).isFalse();
        // a setting the user chose is refused with a reason; the window's position is quietly kept in memory
        assertThatThrownBy(() -> store.save("general", "language", "de")).isInstanceOf(IOException.class)
                .hasMessageContaining("the Claude directory does not exist");
        assertThat(store.saveWindowGeometry(new WindowGeometry(1, 2, 3, 4))).isEqualTo(c);
        assertThat(missing).doesNotExist();
    }

    @Test
    void readsWhatIsThereAndReloadsAfterAChange() throws IOException {
        Files.writeString(ini(), "[general]\nlanguage = de\n");
        ConfigStore store = new ConfigStore(dir);
        assertThat(store.load().config().language()).isEqualTo("de");
        Files.writeString(ini(), "[general]\nlanguage = xx\n");
        LoadedConfig c = store.load();
        assertThat(c.config().language()).isEqualTo("auto");
        assertThat(c.warnings()).containsExactly(new SourceWarning(ini().toString(),
                "[general] language = \"xx\" is not one of auto, de, en; using auto"));
        assertThat(store.current()).isSameAs(c);
    }

    @Test
    void aBinaryFileGivesDefaultsAndAWarningAndIsNeverChanged() throws IOException {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Files.write(ini(), binary);
        ConfigStore store = new ConfigStore(dir);
        LoadedConfig c = store.load();
        assertThat(c.config()).isEqualTo(BudmonConfig.DEFAULTS);
        assertThat(c.warnings()).extracting(SourceWarning::message)
                .containsExactly("is not a text file; using all defaults");
        assertThatThrownBy(() -> store.saveWindowGeometry(new WindowGeometry(1, 2, 3, 4)))
                .isInstanceOf(IOException.class).hasMessageContaining("not a text file; not changed");
        assertThat(Files.readAllBytes(ini())).isEqualTo(binary);
    }

    @Test
    void aHugeFileGivesDefaultsAndAWarning() throws IOException {
        byte[] huge = new byte[ConfigStore.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ';');
        Files.write(ini(), huge);
        LoadedConfig c = new ConfigStore(dir).load();
        assertThat(c.config()).isEqualTo(BudmonConfig.DEFAULTS);
        assertThat(c.warnings()).extracting(SourceWarning::message)
                .containsExactly("is larger than 1 MiB; using all defaults");
    }

    @Test
    void anUnreadableFileGivesDefaultsAndAWarning() throws IOException {
        Files.createDirectory(ini()); // unreadable as a file even for root, unlike chmod 000
        LoadedConfig c = new ConfigStore(dir).load();
        assertThat(c.config()).isEqualTo(BudmonConfig.DEFAULTS);
        assertThat(c.warnings()).singleElement().satisfies(w -> {
            assertThat(w.source()).isEqualTo(ini().toString());
            assertThat(w.message()).startsWith("could not be read (").endsWith("); using all defaults");
        });
    }

    @Test
    void savingGeometryChangesOnlyThatLine() throws IOException {
        byte[] before = HAND_EDITED.getBytes(StandardCharsets.UTF_8);
        Files.write(ini(), before);
        ConfigStore store = new ConfigStore(dir);
        LoadedConfig loaded = store.load();
        assertThat(loaded.config().windowGeometry()).isEqualTo("10,20,300,400");
        assertThat(loaded.config().refreshMs()).isEqualTo(1500);

        LoadedConfig saved = store.saveWindowGeometry(new WindowGeometry(-1920, 0, 800, 600));

        String expected = HAND_EDITED.replace("   geometry   =   10,20,300,400    ;  set by BudMon\r\n",
                "   geometry   =   -1920,0,800,600    ;  set by BudMon\r\n");
        assertThat(Files.readAllBytes(ini())).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(saved.config().windowGeometry()).isEqualTo("-1920,0,800,600");
        assertThat(saved.config().language()).isEqualTo("de");
        assertThat(store.current()).isSameAs(saved);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void savingAddsAMissingKeyAndSectionWithTheFilesLineEnding() throws IOException {
        String text = HAND_EDITED.replace("[window]\r\n   geometry   =   10,20,300,400    ;  set by BudMon\r\n", "");
        Files.writeString(ini(), text);
        ConfigStore store = new ConfigStore(dir);
        store.save("model", "model", "opus");
        assertThat(Files.readString(ini())).isEqualTo(text + "\r\n\r\n[model]\r\nmodel = opus\r\n");
        store.save("general", "language", "en");
        assertThat(Files.readString(ini())).isEqualTo(text.replace("Language=de", "Language=en")
                + "\r\n\r\n[model]\r\nmodel = opus\r\n");
        assertThat(store.load().config().model()).isEqualTo(ModelChoice.OPUS);
    }

    @Test
    void savingKeepsALegacyEncodedFileByteForByte() throws IOException {
        String text = "; Einstellungen f\u00fcr J\u00fcrgen\n[window]\ngeometry = 1,1,1,1\n; \u00c4nderung\n";
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        Files.write(ini(), latin1);
        ConfigStore store = new ConfigStore(dir);
        assertThat(store.load().warnings()).isEmpty();
        store.saveWindowGeometry(new WindowGeometry(5, 6, 7, 8));
        assertThat(Files.readAllBytes(ini())).isEqualTo(
                text.replace("1,1,1,1", "5,6,7,8").getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void savingIntoAMissingFileStartsFromTheDefault() throws IOException {
        ConfigStore store = new ConfigStore(dir);
        store.saveWindowGeometry(new WindowGeometry(1, 2, 3, 4));
        assertThat(Files.readString(ini()))
                .isEqualTo(ConfigStore.defaultText().replace("\ngeometry =\n", "\ngeometry = 1,2,3,4\n"));
    }

    @Test
    void savingWritesThroughASymlinkAndKeepsPermissions() throws IOException {
        Path dotfiles = Files.createDirectory(dir.resolve("dotfiles"));
        Path real = dotfiles.resolve("budmon.ini");
        Files.writeString(real, "[window]\ngeometry =\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path claude = Files.createDirectory(dir.resolve("claude"));
        Files.createSymbolicLink(claude.resolve(ConfigStore.FILE_NAME), real);

        new ConfigStore(claude).saveWindowGeometry(new WindowGeometry(1, 2, 3, 4));

        assertThat(Files.isSymbolicLink(claude.resolve(ConfigStore.FILE_NAME))).isTrue();
        assertThat(Files.readString(real)).isEqualTo("[window]\ngeometry = 1,2,3,4\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-r-----");
        try (Stream<Path> s = Files.list(dotfiles)) {
            assertThat(s).containsExactly(real);
        }
    }

    @Test
    void theStatusLineReadingGivesTheSameResultAndCreatesNothing() throws IOException {
        Files.writeString(ini(), HAND_EDITED + "\r\n[thresholds]\r\nquota_warn = x\r\n");
        LoadedConfig withIni4j = new ConfigStore(dir).load();
        LoadedConfig without = ConfigStore.readExisting(dir);
        assertThat(without).isEqualTo(withIni4j);
        Files.delete(ini());
        assertThat(ConfigStore.readExisting(dir)).isEqualTo(LoadedConfig.DEFAULTS);
        assertThat(ini()).doesNotExist();
        assertThat(without.warnings()).extracting(SourceWarning::message).containsExactly(
                "[notes] is not a known section; ignored",
                "[thresholds] quota_warn = \"x\" is not a number; using 75");
    }

    @Test
    void aReadOnlyIniIsNeverRewrittenBySettings() throws IOException {
        Files.writeString(ini(), HAND_EDITED);
        Files.setPosixFilePermissions(ini(), PosixFilePermissions.fromString("r--r--r--"));
        ConfigStore store = new ConfigStore(dir);
        store.load();
        assertThatThrownBy(() -> store.save("general", "language", "de"))
                .isInstanceOf(IOException.class).hasMessageContaining("read-only");
        assertThat(Files.readString(ini())).isEqualTo(HAND_EDITED);
        assertThat(leftovers()).isEmpty();
    }

    private Stream<Path> leftovers() throws IOException {
        return Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp")).toList().stream();
    }
}

package dev.budmon.config;

import dev.budmon.files.AtomicFile;
import dev.budmon.files.FileTooLargeException;
import dev.budmon.files.NotRegularFileException;
import dev.budmon.files.SafeRead;
import dev.budmon.model.SourceWarning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code budmon.ini} in the Claude directory: reads it (creating it with every default, commented, on the
 * first run), reads it again when it changed, and saves single values. The only class of the config
 * package that touches files; all parsing is in {@link ConfigParser}. Not for the Event Dispatch Thread:
 * every method but {@link #current()} does file I/O. Any other thread; calls are serialized.
 *
 * <p>Reading never throws: a file that is unreadable, binary or larger than 1 MiB gives every default and
 * one warning. Saving changes only the one line (or adds it) and keeps every other byte of the file, its
 * comments, spacing, line endings and encoding; it writes a temporary file in the same folder and renames
 * it over the old one, so a reader sees the old file or the new one, never a half-written one.
 */
public final class ConfigStore {

    /** The file's name in the Claude directory. */
    public static final String FILE_NAME = "budmon.ini";

    /** Larger files are not read; a settings file is a few kilobytes. */
    static final int MAX_BYTES = 1 << 20;

    private static final String DEFAULT_RESOURCE = "budmon.default.ini";

    private final Path file;
    private volatile LoadedConfig current = LoadedConfig.DEFAULTS;

    /**
     * A store for {@code budmon.ini} in the given directory. Reads nothing yet.
     *
     * @param claudeDir the Claude directory ({@code ClaudeDirs.primary()})
     */
    public ConfigStore(Path claudeDir) {
        this.file = claudeDir.resolve(FILE_NAME);
    }

    /**
     * Reads {@code budmon.ini} of the directory as {@link #load} does, but never creates it: for commands
     * that must not write (the status line, {@code --json}). A missing file gives the defaults without a
     * warning. Never throws.
     */
    public static LoadedConfig readExisting(Path claudeDir) {
        ConfigStore store = new ConfigStore(claudeDir);
        try {
            FileText text = store.read();
            if (text == null) {
                return LoadedConfig.DEFAULTS;
            }
            if (text.problem() != null) {
                return store.withWarning(LoadedConfig.DEFAULTS, text.problem() + "; using all defaults");
            }
            return store.parse(text.text());
        } catch (RuntimeException e) {
            return store.withWarning(LoadedConfig.DEFAULTS, "could not be read (" + describe(e) + "); using all defaults");
        }
    }

    /** The file's path. */
    public Path file() {
        return file;
    }

    /**
     * What the last {@link #load()} or {@link #save} found; {@link LoadedConfig#DEFAULTS} before the first.
     * No I/O; any thread, the EDT included.
     */
    public LoadedConfig current() {
        return current;
    }

    /**
     * Reads the file, and remembers and returns what it found. Call it again whenever the file changed
     * (the watcher does); it always reads afresh. When the file does not exist and the directory does, it is
     * created from the commented default first; a missing directory is left alone (it may be a mistyped
     * {@code --claude-dir}) and gives the defaults. Never throws.
     */
    public synchronized LoadedConfig load() {
        LoadedConfig result;
        try {
            FileText text = read();
            if (text == null) {
                result = parse(defaultText());
                if (Files.isDirectory(file.getParent())) {
                    try {
                        write(defaultText().getBytes(StandardCharsets.UTF_8), false);
                    } catch (IOException e) {
                        result = withWarning(result, "could not be created (" + describe(e) + "); using the defaults");
                    }
                }
            } else if (text.problem() != null) {
                result = withWarning(LoadedConfig.DEFAULTS, text.problem() + "; using all defaults");
            } else {
                result = parse(text.text());
            }
        } catch (RuntimeException e) {
            // A bug here must not take down the monitor: the defaults still let it show everything.
            result = withWarning(LoadedConfig.DEFAULTS, "could not be read (" + describe(e) + "); using all defaults");
        }
        current = result;
        return result;
    }

    /**
     * Sets {@code [section] key = value} in the file, changing nothing else (see
     * {@link IniDocument#withValue}), and returns the configuration the file now holds. A missing file is
     * created from the default first. The file is read afresh, so edits made by hand since the last load
     * are kept.
     *
     * @throws IOException              when the file cannot be read or written, or is not a text file BudMon
     *                                  may change (binary, too large); the file is then unchanged
     * @throws IllegalArgumentException when the value would not read back as itself (see
     *                                  {@link IniDocument#withValue})
     */
    public synchronized LoadedConfig save(String section, String key, String value) throws IOException {
        FileText text = read();
        String before;
        Charset charset;
        if (text == null) {
            if (!Files.isDirectory(file.getParent())) {
                throw new NoSuchFileException(file.getParent().toString(), null, "the Claude directory does not exist");
            }
            before = defaultText();
            charset = StandardCharsets.UTF_8;
        } else if (text.problem() != null) {
            throw new IOException(file + " " + text.problem() + "; not changed");
        } else {
            before = text.text();
            charset = text.charset();
        }
        if (!charset.newEncoder().canEncode(value)) {
            throw new IllegalArgumentException("\"" + value + "\" cannot be written in the file's encoding " + charset);
        }
        String after = IniDocument.parse(before).withValue(section, key, value).text();
        write(after.getBytes(charset), true);
        LoadedConfig result = parse(after);
        current = result;
        return result;
    }

    /**
     * Saves {@code [window] geometry}. Same contract as {@link #save}, except that without a Claude directory
     * (Claude Code has not run yet) nothing is written and nothing fails: a window's position is no reason to
     * create the directory, nor to trouble the user.
     */
    public LoadedConfig saveWindowGeometry(WindowGeometry geometry) throws IOException {
        if (!Files.isDirectory(file.getParent())) {
            return current;
        }
        return save("window", "geometry", geometry.toIniValue());
    }

    /** Whether the Claude directory that holds the file exists. I/O; not on the EDT. */
    public boolean directoryExists() {
        return Files.isDirectory(file.getParent());
    }

    /** The text a new {@code budmon.ini} gets: every key with its default, every key explained. */
    public static String defaultText() {
        try (InputStream in = ConfigStore.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LoadedConfig parse(String text) {
        return ConfigParser.parse(text, source());
    }

    private String source() {
        return file.toString();
    }

    private LoadedConfig withWarning(LoadedConfig config, String message) {
        List<SourceWarning> warnings = new ArrayList<>(config.warnings());
        warnings.add(new SourceWarning(source(), message));
        return new LoadedConfig(config.config(), warnings, config.legacy());
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    /**
     * The file's text and the charset that gives back its exact bytes, or what is wrong with it;
     * {@code null} when there is no file.
     */
    private record FileText(String text, Charset charset, String problem) {
    }

    private FileText read() {
        byte[] bytes;
        try {
            bytes = SafeRead.bytes(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return null;
        } catch (FileTooLargeException e) {
            return new FileText(null, null, e.getReason());
        } catch (NotRegularFileException e) {
            return new FileText(null, null, "could not be read (it " + e.getReason() + ")");
        } catch (IOException e) {
            return new FileText(null, null, "could not be read (" + describe(e) + ")");
        }
        for (byte b : bytes) {
            if (b == 0) {
                return new FileText(null, null, "is not a text file");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new FileText(text, StandardCharsets.UTF_8, null);
        } catch (CharacterCodingException e) {
            // Not UTF-8: an editor saved it in a legacy 8-bit encoding (umlauts in a comment). Every key
            // BudMon knows is ASCII, and ISO-8859-1 maps each byte to one char and back, so a save keeps
            // every other byte exactly.
            return new FileText(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1, null);
        }
    }

    /**
     * Writes the bytes atomically through {@link AtomicFile}: a symbolic link (dotfiles kept elsewhere) is
     * written through, a read-only file is refused.
     *
     * @param replace whether an existing file is replaced; when not, a file that appeared meanwhile wins
     */
    private void write(byte[] bytes, boolean replace) throws IOException {
        if (replace) {
            AtomicFile.replace(file, bytes);
        } else {
            AtomicFile.createIfAbsent(file, bytes);
        }
    }
}

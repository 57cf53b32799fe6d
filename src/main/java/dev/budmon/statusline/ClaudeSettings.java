package dev.budmon.statusline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.budmon.files.AtomicFile;
import dev.budmon.files.SafeRead;
import dev.budmon.json.JsonStreams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code budmon --statusline on|off}: sets or removes the {@code statusLine} entry of Claude Code's
 * {@code settings.json}.
 *
 * <p>The file may be JSONC (comments, trailing commas); it is read tolerantly and every other key keeps its
 * value and its place. Comments cannot be kept through a rewrite; when there were any, the result says so and
 * names the backup that still has them. Before the first change BudMon copies the file to
 * {@code settings.json.budmon-backup} (once; a later run with comments again gets a dated copy). The file is
 * replaced atomically. A status line that is not BudMon's is replaced only with {@code --force}, and
 * {@code off} removes only BudMon's. I/O; any thread.
 */
public final class ClaudeSettings {

    /** Claude Code's settings file in the Claude directory. */
    public static final String FILE_NAME = "settings.json";
    /** The key Claude Code reads its status-line command from. */
    public static final String KEY = "statusLine";
    /** Suffix of the one-time backup. */
    public static final String BACKUP_SUFFIX = ".budmon-backup";

    /** Settings larger than this are not Claude Code's; BudMon refuses to rewrite them. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // keep 1.50 as 1.50: the user's numbers are written back as they were
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private ClaudeSettings() {
    }

    /**
     * What a change did.
     *
     * @param exitCode 0 when the wanted state holds now, 1 when BudMon refused or failed
     * @param messages what to tell the user, one line each
     * @param written  whether {@code settings.json} was written
     */
    public record Result(int exitCode, List<String> messages, boolean written) {

        public Result {
            messages = List.copyOf(messages);
        }
    }

    /**
     * Sets the status line to BudMon's command.
     *
     * @param command the command to set, e.g. {@code /home/ann/.local/bin/budmon --statusline}
     * @param force   replace another program's status line
     */
    public static Result enable(Path claudeDir, String command, boolean force) {
        Path file = claudeDir.resolve(FILE_NAME);
        Loaded l = load(file);
        if (l.problem != null) {
            return new Result(1, List.of(l.problem), false);
        }
        JsonNode current = l.root.get(KEY);
        if (current != null && !current.isNull() && !isBudmons(current)) {
            if (!force) {
                return new Result(1, List.of(
                        "Another status line is configured in " + file + ": " + describe(current),
                        "BudMon left it as it is. Run 'budmon --statusline on --force' to replace it."), false);
            }
            current = null;
        }
        if (current != null && current.isObject() && command.equals(current.path("command").asText())
                && "command".equals(current.path("type").asText())) {
            return new Result(0, List.of("BudMon's status line is already on in " + file + "."), false);
        }
        ObjectNode entry = current != null && current.isObject() ? ((ObjectNode) current).deepCopy() : JSON.createObjectNode();
        entry.put("type", "command");
        entry.put("command", command);
        // An existing entry keeps its place and its other fields (such as padding).
        l.root.set(KEY, entry);
        List<String> messages = new ArrayList<>();
        messages.add("BudMon's status line is on in " + file + ": " + command);
        return write(file, l, messages);
    }

    /** Removes the status line if it is BudMon's. */
    public static Result disable(Path claudeDir) {
        Path file = claudeDir.resolve(FILE_NAME);
        Loaded l = load(file);
        if (l.problem != null) {
            return new Result(1, List.of(l.problem), false);
        }
        JsonNode current = l.root.get(KEY);
        if (current == null) {
            return new Result(0, List.of("No status line is configured in " + file + "; nothing to do."), false);
        }
        if (!isBudmons(current)) {
            return new Result(0, List.of("The status line in " + file + " is not BudMon's (" + describe(current)
                    + "); BudMon left it as it is."), false);
        }
        l.root.remove(KEY);
        List<String> messages = new ArrayList<>();
        messages.add("BudMon's status line is off in " + file + ".");
        return write(file, l, messages);
    }

    /** Whether this {@code statusLine} value runs BudMon's status line. */
    static boolean isBudmons(JsonNode statusLine) {
        return statusLine.isObject() && statusLine.path("command").isTextual()
                && isBudmonCommand(statusLine.get("command").asText());
    }

    /**
     * Whether a command is exactly BudMon's status line, as {@code --statusline on} writes it or a user would
     * type it: {@code <launcher> --statusline} (a program named {@code budmon}), or
     * {@code java [options] -jar <…>/budmon.jar --statusline}. A command that does more (a user's script
     * combined with BudMon's through {@code ;}, {@code &&}, a pipe or a substitution) is the user's, so
     * {@code off} leaves it alone.
     */
    static boolean isBudmonCommand(String command) {
        for (int i = 0; i < command.length(); i++) {
            if (";&|<>`$()\n".indexOf(command.charAt(i)) >= 0) {
                return false;
            }
        }
        List<String> words = shellWords(command);
        int n = words.size();
        if (n < 2 || !words.get(n - 1).equals("--statusline")) {
            return false;
        }
        if (n == 2) {
            return fileName(words.get(0)).equals(LauncherPath.NAME);
        }
        return fileName(words.get(0)).equals("java") && words.get(n - 3).equals("-jar")
                && fileName(words.get(n - 2)).equals("budmon.jar");
    }

    private static String fileName(String word) {
        return word.substring(word.lastIndexOf('/') + 1);
    }

    /** Splits a command into words as a POSIX shell would, for plain, single- and double-quoted words. */
    static List<String> shellWords(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    w.append(s.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                w.append(s.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    private static String describe(JsonNode statusLine) {
        if (statusLine.isObject() && statusLine.path("command").isTextual()) {
            return "\"" + statusLine.get("command").asText() + "\"";
        }
        String text = statusLine.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    /** The file as read: its tree, its bytes, or why it cannot be changed. */
    private static final class Loaded {
        ObjectNode root;
        byte[] bytes;
        boolean existed;
        String problem;
    }

    private static Loaded load(Path file) {
        Loaded l = new Loaded();
        try {
            byte[] bytes = SafeRead.bytes(file, MAX_BYTES);
            l.existed = true;
            l.bytes = bytes;
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                l.root = JSON.createObjectNode(); // empty, or only comments
            } else if (!root.isObject()) {
                l.problem = file + " does not hold a JSON object; BudMon did not change it.";
            } else {
                l.root = (ObjectNode) root;
            }
        } catch (NoSuchFileException e) {
            l.root = JSON.createObjectNode();
            l.bytes = new byte[0];
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            l.problem = file + " is not valid JSON" + where + ": " + e.getOriginalMessage().split("\n", 2)[0]
                    + ". BudMon did not change it; fix it or remove it and try again.";
        } catch (FileSystemException e) {
            l.problem = file + " " + (e.getReason() != null ? e.getReason() : "cannot be read")
                    + "; BudMon did not change it.";
        } catch (IOException | RuntimeException e) {
            l.problem = file + " cannot be read (" + e.getMessage() + "); BudMon did not change it.";
        }
        return l;
    }

    private static Result write(Path file, Loaded l, List<String> messages) {
        try {
            if (!Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JSON.writer(JsonStreams.printer()).writeValue(out, l.root);
            out.write('\n');
            byte[] next = out.toByteArray();
            if (l.existed) {
                AtomicFile.checkReplaceable(file); // no backup of a file that will not be changed
                Path backup = file.resolveSibling(FILE_NAME + BACKUP_SUFFIX);
                boolean comments = hasComments(new String(l.bytes, StandardCharsets.UTF_8));
                if (backupOnce(file, backup)) {
                    messages.add("The file as it was is saved as " + backup + ".");
                } else if (comments && !Arrays.equals(Files.readAllBytes(backup), l.bytes)) {
                    backup = file.resolveSibling(FILE_NAME + BACKUP_SUFFIX + "-" + Instant.now().getEpochSecond());
                    backupOnce(file, backup);
                }
                if (comments) {
                    messages.add("Note: " + file.getFileName() + " had comments; JSON cannot keep them, so they are gone"
                            + " from it now. The file with its comments is in " + backup + ".");
                }
            }
            AtomicFile.replace(file, next);
            return new Result(0, messages, true);
        } catch (FileSystemException e) {
            String why = e.getReason() != null ? e.getFile() + " " + e.getReason() : e.getMessage();
            return new Result(1, List.of(file + " cannot be written (" + why + "); it was not changed."), false);
        } catch (IOException | RuntimeException e) {
            return new Result(1, List.of(file + " cannot be written (" + e.getMessage() + "); it was not changed."), false);
        }
    }

    /** Copies the file once: an existing copy is never overwritten. @return whether a copy was made */
    private static boolean backupOnce(Path file, Path backup) throws IOException {
        if (!Files.exists(file) || Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** Whether JSONC text has a {@code //} or {@code /*} comment outside its strings. */
    static boolean hasComments(String text) {
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                return true;
            }
        }
        return false;
    }
}

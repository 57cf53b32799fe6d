package dev.budmon.setup;

import java.nio.file.Path;

/**
 * What setup or uninstall did to one file.
 *
 * @param path    the file
 * @param outcome what happened to it
 * @param note    a short explanation, or {@code ""}
 */
public record FileAction(Path path, Outcome outcome, String note) {

    /** What can happen to a file. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REMOVED,
        /** Left alone: uninstall found a file of that name that setup did not write. */
        KEPT;

        /** The word printed for it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One line of output, e.g. {@code created    /home/me/.local/bin/claude-budmon}. */
    public String line() {
        return String.format("%-10s %s%s", outcome.word(), path, note.isEmpty() ? "" : " (" + note + ")");
    }
}

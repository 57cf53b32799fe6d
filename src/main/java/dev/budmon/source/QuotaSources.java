package dev.budmon.source;

import dev.budmon.files.SafeRead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether anything records the quota in the Claude directories: BudMon's interceptor installed, a quota file
 * written (by it or by another interceptor), the status line's file written, or BudMon's status line set in
 * Claude Code's {@code settings.json} (its figures come with the next message). The window asks this at the
 * start to decide whether it offers setup. Reads files: any thread but the EDT.
 *
 * @param claudeDirExists  whether any of the Claude directories exists (Claude Code has run on this computer)
 * @param quotaSourceSetUp whether any of them has a quota source set up
 */
public record QuotaSources(boolean claudeDirExists, boolean quotaSourceSetUp) {

    /** The interceptor's file in the Claude directory, as setup installs it. */
    public static final String INTERCEPTOR_FILE_NAME = "budmon-interceptor.mjs";
    /** Claude Code's settings file and its status-line key (the status line package writes them). */
    static final String SETTINGS_FILE_NAME = "settings.json";
    static final String STATUS_LINE_KEY = "statusLine";

    /** Larger settings files are not looked into; Claude Code's is a few kilobytes. */
    private static final long MAX_SETTINGS_BYTES = 1 << 20;

    /** Looks at the directories. */
    public static QuotaSources of(List<Path> claudeDirs) {
        boolean exists = false;
        boolean setUp = false;
        for (Path d : claudeDirs) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            exists = true;
            setUp |= Files.exists(d.resolve(INTERCEPTOR_FILE_NAME))
                    || Files.exists(d.resolve(UsageLimitsFile.FILE_NAME))
                    || Files.exists(UsageLimitsFile.statuslineFile(d))
                    || statusLineSet(d.resolve(SETTINGS_FILE_NAME));
        }
        return new QuotaSources(exists, setUp);
    }

    /** Whether setup is worth offering: nothing records the quota. */
    public boolean offerSetup() {
        return !quotaSourceSetUp;
    }

    /** {@code budmon --statusline on} was run: its figures come with Claude Code's next message. */
    private static boolean statusLineSet(Path settings) {
        try {
            String text = new String(SafeRead.bytes(settings, MAX_SETTINGS_BYTES), StandardCharsets.UTF_8);
            return text.contains("\"" + STATUS_LINE_KEY + "\"") && text.contains("--statusline");
        } catch (IOException e) {
            return false; // none, unreadable or no file: not set as far as anyone can tell
        }
    }
}

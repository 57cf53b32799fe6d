package dev.budmon.ui;

import dev.budmon.files.SafeRead;
import dev.budmon.setup.InstallPaths;
import dev.budmon.source.UsageLimitsFile;
import dev.budmon.statusline.ClaudeSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether anything records the quota for BudMon, asked at the start to decide whether the window offers setup:
 * BudMon's interceptor installed, a quota file written (by it or by another interceptor), the status line's
 * file written, or BudMon's status line configured in Claude Code's {@code settings.json}. Reads the Claude
 * directories: not on the EDT.
 *
 * @param claudeDirExists   whether any of the Claude directories exists (Claude Code has run on this computer)
 * @param quotaSourceSetUp  whether any of them has a quota source set up
 */
record QuotaSourceCheck(boolean claudeDirExists, boolean quotaSourceSetUp) {

    /** Larger settings files are not looked into; Claude Code's is a few kilobytes. */
    private static final long MAX_SETTINGS_BYTES = 1 << 20;

    /** Looks at the directories. */
    static QuotaSourceCheck of(List<Path> claudeDirs) {
        boolean exists = false;
        boolean setUp = false;
        for (Path d : claudeDirs) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            exists = true;
            setUp |= Files.exists(d.resolve(InstallPaths.INTERCEPTOR_NAME))
                    || Files.exists(d.resolve(UsageLimitsFile.FILE_NAME))
                    || Files.exists(UsageLimitsFile.statuslineFile(d))
                    || statusLineConfigured(d.resolve(ClaudeSettings.FILE_NAME));
        }
        return new QuotaSourceCheck(exists, setUp);
    }

    /** Whether the window should offer setup: nothing records the quota. */
    boolean offerSetup() {
        return !quotaSourceSetUp;
    }

    /** {@code budmon --statusline on} was run: its data comes with Claude Code's next message. */
    private static boolean statusLineConfigured(Path settings) {
        try {
            String text = new String(SafeRead.bytes(settings, MAX_SETTINGS_BYTES), StandardCharsets.UTF_8);
            return text.contains("\"" + ClaudeSettings.KEY + "\"") && text.contains("--statusline");
        } catch (IOException e) {
            return false; // none, unreadable or no file: not configured as far as we can tell
        }
    }
}

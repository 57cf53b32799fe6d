package dev.budmon.setup;

import dev.budmon.Os;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds a command on PATH the way the shells do. */
final class PathLookup {

    private static final List<String> WINDOWS_EXTENSIONS = List.of(".exe", ".cmd", ".bat", ".com");

    private PathLookup() {
    }

    /** Whether {@code command} is an executable file in one of the PATH entries. */
    static boolean isOnPath(String command, List<Path> pathEntries, Os os) {
        for (Path dir : pathEntries) {
            if (os == Os.WINDOWS) {
                for (String ext : WINDOWS_EXTENSIONS) {
                    if (Files.isRegularFile(dir.resolve(command + ext))) {
                        return true;
                    }
                }
            } else {
                Path p = dir.resolve(command);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}

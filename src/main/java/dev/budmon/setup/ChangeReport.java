package dev.budmon.setup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of a setup or uninstall run.
 *
 * @param files                 one entry per file, in the order they were handled
 * @param warnings              things the user should know or fix, e.g. a folder not on PATH
 * @param compatibleInterceptor an interceptor of another tool that made setup install nothing, if any
 */
public record ChangeReport(List<FileAction> files, List<String> warnings, Optional<Path> compatibleInterceptor) {

    public ChangeReport {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /** Whether any file was created, updated or removed. */
    public boolean changedAnything() {
        return files.stream().anyMatch(f -> f.outcome() != FileAction.Outcome.UNCHANGED
                && f.outcome() != FileAction.Outcome.KEPT);
    }
}

package dev.budmon.setup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds an interceptor other than BudMon's that already writes {@code usage-limits.json}; when there is one,
 * BudMon has its data and setup installs nothing.
 */
final class CompatibleInterceptors {

    /** Interceptors known to write the same {@code usage-limits.json}. */
    static final Set<String> KNOWN_NAMES = Set.of("cache-fix-preload.mjs");

    /** How much of a module is read to judge it: interceptors are small, anything bigger is something else. */
    private static final int MAX_READ = 1 << 20;

    private CompatibleInterceptors() {
    }

    /**
     * The first (by name) {@code .mjs} file in the Claude directory, other than BudMon's own, that has a known
     * name or that names both {@code usage-limits.json} and the {@code anthropic-ratelimit-} headers.
     */
    static Optional<Path> find(Path claudeDir) {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(claudeDir, "*.mjs")) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals(InstallPaths.INTERCEPTOR_NAME)) {
                    candidates.add(p);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        candidates.sort(null);
        for (Path p : candidates) {
            if (KNOWN_NAMES.contains(p.getFileName().toString()) || writesUsageLimits(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean writesUsageLimits(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            String text = new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            return text.contains("usage-limits.json") && text.contains("anthropic-ratelimit-");
        } catch (IOException e) {
            return false;
        }
    }
}

package dev.budmon.history;

import dev.budmon.threads.ThreadCheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quota history of a recent span kept up to date for a running window: the first {@link #refresh} reads
 * the month files of the span, later ones only the lines appended since (from the byte after the last complete
 * line), each into a segment of its own, so that a second of a busy day costs a file size and a few lines, not
 * a month. A file that shrank (replaced or cut by the user) or that has gathered many small parts is read again
 * whole. The histories handed out are never changed afterwards.
 *
 * <p>Confined to one thread, not the EDT (it reads files).
 */
public final class LiveHistory {

    /** Parts of one file before it is read again as one: keeps the time order cheap to find. */
    static final int MAX_PARTS = 32;

    private final List<Path> dirs;
    private final Duration span;
    private final Map<Path, FileParts> files = new LinkedHashMap<>();
    private QuotaHistory history = new QuotaHistory(List.of());

    /**
     * @param dirs the Claude directories whose histories are joined
     * @param span how far back the history reaches (older lines are not kept)
     */
    public LiveHistory(List<Path> dirs, Duration span) {
        this.dirs = List.copyOf(dirs);
        this.span = span;
    }

    /** What has been read of one month file. */
    private static final class FileParts {
        long readTo;
        final List<HistorySegment> segments = new ArrayList<>();
    }

    /**
     * Reads what was appended since the last call (the whole span the first time).
     *
     * @return the history of the span up to now; the same instance as last time when nothing was appended
     */
    public QuotaHistory refresh(Instant now) {
        ThreadCheck.notOnEdt("reading the quota history");
        Instant from = now.minus(span);
        boolean changed = false;
        Set<Path> seen = new HashSet<>();
        for (Path dir : dirs) {
            List<Path> months;
            try {
                months = HistoryFiles.months(dir, from, null);
            } catch (IOException | RuntimeException e) {
                continue; // unreadable folder: the history shows what it has; the --json warnings name it
            }
            for (Path file : months) {
                seen.add(file);
                changed |= readAppended(file, from);
            }
        }
        changed |= files.keySet().retainAll(seen);
        if (changed) {
            List<HistorySegment> all = new ArrayList<>();
            for (FileParts p : files.values()) {
                all.addAll(p.segments);
            }
            history = new QuotaHistory(all);
        }
        return history;
    }

    /** Reads the file's new lines; whether the history changed. */
    private boolean readAppended(Path file, Instant from) {
        FileParts parts = files.get(file);
        boolean changed = false;
        try {
            long size = Files.size(file);
            if (parts == null || size < parts.readTo || parts.segments.size() >= MAX_PARTS) {
                changed = parts != null && !parts.segments.isEmpty();
                parts = new FileParts();
                files.put(file, parts);
            }
            if (size == parts.readTo) {
                return changed;
            }
            HistoryReader.Appended a = HistoryReader.readAppended(file, parts.readTo, from);
            parts.readTo = a.readTo();
            if (a.segment().size() > 0) {
                parts.segments.add(a.segment());
                changed = true;
            }
        } catch (IOException | RuntimeException e) {
            changed |= files.remove(file) != null; // deleted meanwhile or unreadable: what it held is gone
        }
        return changed;
    }
}

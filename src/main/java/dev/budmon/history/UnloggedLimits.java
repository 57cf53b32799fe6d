package dev.budmon.history;

import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.SourceWarning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BudMon's own observations: the headers of a {@code usage-limits.json} that no writer logged (an older or
 * another interceptor that keeps no history, or a history append that failed) go into the history as
 * source {@link Observation#BUDMON} when BudMon reads them. {@link #decide} is pure; {@link #record} reads the
 * history's tail and appends, for the window's state reader and {@code --json}.
 */
public final class UnloggedLimits {

    private UnloggedLimits() {
    }

    /** The headers as an observation made when they were captured; {@code null} without a time or a window. */
    public static Observation observation(RateLimits headers, String source) {
        if (headers == null || headers.capturedAt() == null || headers.windows().isEmpty()) {
            return null;
        }
        Map<String, WindowReading> w = new LinkedHashMap<>();
        for (QuotaWindow q : headers.windows()) {
            w.put(q.name(), new WindowReading(q.utilization(), q.reset(), q.status()));
        }
        return new Observation(headers.capturedAt(), source, null, null, headers.account().status(), w);
    }

    /**
     * What BudMon should log of the headers it read. Pure; any thread.
     *
     * @param headers      the headers of {@code usage-limits.json} (their {@code capturedAt} is its
     *                     {@code updated_at}); {@code null} when it has none
     * @param newestLogged the newest observation of the headers in the history (the interceptor's or BudMon's),
     *                     {@code null} when there is none
     * @return the observation to append, or {@code null}: no headers, no time, or the history already holds
     *         them (an observation of the same figures, or one made at the file's time or later)
     */
    public static Observation decide(RateLimits headers, Observation newestLogged) {
        Observation read = observation(headers, Observation.BUDMON);
        if (read == null) {
            return null;
        }
        if (newestLogged != null && (read.sameFigures(newestLogged) || !newestLogged.time().isBefore(read.time()))) {
            return null;
        }
        return read;
    }

    /**
     * Logs the headers unless the history holds them already. Never throws.
     *
     * @param claudeDir BudMon's Claude directory, whose history is written; nothing is written when it does not
     *                  exist
     * @param warnings  receives one entry when the history could not be read or written
     * @return whether an observation was appended
     */
    public static boolean record(Path claudeDir, RateLimits headers, List<SourceWarning> warnings) {
        if (headers == null || headers.capturedAt() == null || !Files.isDirectory(claudeDir)) {
            return false;
        }
        Path file = HistoryFiles.file(claudeDir, headers.capturedAt());
        try {
            Observation newest = HistoryTail.newestOf(claudeDir, headers.capturedAt(), Observation.INTERCEPTOR,
                    Observation.BUDMON);
            Observation log = decide(headers, newest);
            if (log == null) {
                return false;
            }
            HistoryAppender.append(claudeDir, log);
            return true;
        } catch (IOException | RuntimeException e) {
            warnings.add(new SourceWarning(file.toString(), "the quota figures read were not recorded in the history ("
                    + HistoryReader.describe(e) + ")"));
            return false;
        }
    }
}

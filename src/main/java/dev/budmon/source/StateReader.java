package dev.budmon.source;

import dev.budmon.model.RateLimits;
import dev.budmon.model.SourceWarning;
import dev.budmon.model.UsageState;
import dev.budmon.source.transcript.TranscriptSource;
import dev.budmon.source.transcript.TranscriptSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Reads every source of the Claude directories into one {@link UsageState}. Keeps the last good quota
 * figures when {@code usage-limits.json} turns unreadable (say, half written by an older, non-atomic
 * interceptor), so a broken file never blanks what was shown.
 *
 * <p>Confined to one thread (the watcher's); does file I/O, so never on the EDT.
 */
public final class StateReader {

    private final List<Path> dirs;
    private final TranscriptSource transcripts;
    private final List<SourceWarning> extraWarnings;
    private RateLimits lastGoodHeaders;
    private RateLimits lastGoodStatusline;
    private Object lastFingerprint;
    private TranscriptSummary lastPart;
    private UsageState last = UsageState.EMPTY;

    /**
     * @param dirs          the Claude directories, BudMon's own first
     * @param transcripts   the transcript reader
     * @param extraWarnings warnings to pass on with every state, e.g. the config's
     */
    public StateReader(List<Path> dirs, TranscriptSource transcripts, List<SourceWarning> extraWarnings) {
        this.dirs = List.copyOf(dirs);
        this.transcripts = transcripts;
        this.extraWarnings = List.copyOf(extraWarnings);
    }

    /** Reads everything once and returns the state, changed or not. */
    public UsageState read() {
        UsageState changed = readIfChanged();
        return changed != null ? changed : last;
    }

    /**
     * Reads what changed since the last call.
     *
     * @return the new state, or {@code null} when no source changed
     */
    public UsageState readIfChanged() {
        return readIfChanged(null);
    }

    /**
     * Reads what changed since the last call, of the transcripts only those a file watcher named.
     *
     * @param changedTranscripts the transcripts named since the last call (possibly none), or {@code null}
     *                           to look at every transcript
     * @return the new state, or {@code null} when no source changed
     */
    public UsageState readIfChanged(Collection<Path> changedTranscripts) {
        List<Object> fingerprint = new ArrayList<>();
        for (Path d : dirs) {
            fingerprint.add(FileStamp.of(d.resolve(UsageLimitsFile.FILE_NAME)));
            fingerprint.add(FileStamp.of(d.resolve(UsageLimitsFile.VELOCITY_FILE_NAME)));
            fingerprint.add(FileStamp.of(UsageLimitsFile.statuslineFile(d)));
        }
        List<SourceWarning> warnings = new ArrayList<>(extraWarnings);
        TranscriptSummary part = transcripts.refresh(dirs, changedTranscripts, warnings);
        if (part == lastPart && Objects.equals(fingerprint, lastFingerprint)) {
            return null;
        }
        lastPart = part;
        lastFingerprint = fingerprint;

        UsageLimitsContent limits = readLimits(warnings);
        last = StateAssembler.assemble(limits, readVelocity(warnings), part, warnings);
        return last;
    }

    /**
     * Reads only the quota files ({@code usage-limits.json}, {@code budget_velocity.json}) of every
     * directory, not the transcripts: a first state that does not wait for the scan of a large transcript
     * history. Its quota figures are the ones the next full read shows too (a broken file keeps the last
     * good figures here as well); its token figures are the older interceptors' stand-ins, or unknown. The
     * next {@link #readIfChanged()} reads everything and returns a state even if no file changed.
     *
     * @return the quota-only state, or {@code null} when the quota files give nothing to show
     */
    public UsageState readQuotaOnly() {
        List<SourceWarning> warnings = new ArrayList<>(extraWarnings);
        UsageLimitsContent limits = readLimits(warnings);
        UsageState s = StateAssembler.assemble(limits, readVelocity(warnings), TranscriptSummary.EMPTY, warnings);
        return s.hasData() ? s : null;
    }

    private List<Double> readVelocity(List<SourceWarning> warnings) {
        for (Path d : dirs) {
            List<Double> velocity = UsageLimitsFile.readVelocityCacheRatios(
                    d.resolve(UsageLimitsFile.VELOCITY_FILE_NAME), warnings);
            if (!velocity.isEmpty()) {
                return velocity;
            }
        }
        return List.of();
    }

    /** Every directory's files are read; the newest headers win, and a broken file keeps the last good ones. */
    private UsageLimitsContent readLimits(List<SourceWarning> warnings) {
        QuotaFiles.Read read = QuotaFiles.read(dirs);
        UsageLimitsContent c = read.content();
        warnings.addAll(c.warnings());
        RateLimits headers = c.headers();
        RateLimits statusline = c.statusline();
        if (read.broken() && headers == null && lastGoodHeaders != null) {
            headers = lastGoodHeaders;
            warnings.add(new SourceWarning(UsageLimitsFile.FILE_NAME, "showing the last figures read successfully"));
        }
        if (read.broken() && statusline == null) {
            statusline = lastGoodStatusline;
        }
        lastGoodHeaders = headers != null ? headers : lastGoodHeaders;
        lastGoodStatusline = statusline != null ? statusline : lastGoodStatusline;
        return new UsageLimitsContent(headers, statusline, c.legacy(), List.of());
    }
}

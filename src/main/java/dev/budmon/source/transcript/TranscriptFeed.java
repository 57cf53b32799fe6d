package dev.budmon.source.transcript;

import dev.budmon.model.ApiResponse;
import dev.budmon.model.SourceWarning;
import dev.budmon.source.TranscriptPart;
import dev.budmon.source.TranscriptSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The transcripts as a source of the state: a {@link TranscriptStore} whose summary is turned into the
 * state's {@link TranscriptPart}, the same instance as long as nothing was appended. Confined to one thread.
 */
public final class TranscriptFeed implements TranscriptSource {

    private final TranscriptStore store = new TranscriptStore();
    private TranscriptSummary lastSummary;
    private TranscriptPart lastPart = TranscriptPart.EMPTY;

    @Override
    public TranscriptPart refresh(List<Path> dirs, List<SourceWarning> warnings) {
        return refresh(dirs, null, warnings);
    }

    @Override
    public TranscriptPart refresh(List<Path> dirs, Collection<Path> changedFiles, List<SourceWarning> warnings) {
        TranscriptSummary s = changedFiles == null ? store.refresh(dirs) : store.refresh(dirs, changedFiles);
        warnings.addAll(s.warnings());
        if (s.skippedLines() > 0) {
            warnings.add(new SourceWarning("transcripts", s.skippedLines()
                    + " lines were not JSON or had an unexpected shape and were skipped"));
        }
        // equals only between two summaries: a record's first equals is linked through method handles, which
        // the first read at the start need not wait for
        if (s != lastSummary && (lastSummary == null || !lastSummary.equals(s))) {
            lastSummary = s;
            lastPart = new TranscriptPart(s.lastResponse(), s.activeSession(), s.timeline(), s.cacheRatios(),
                    s.newestTime());
        }
        return lastPart;
    }

    /** The responses read so far from {@code since} on, oldest first. Same thread as refresh. */
    public List<ApiResponse> responses(Instant since) {
        return store.responses(null, since);
    }

    /** Every session's project; see {@link TranscriptStore#sessionProjects}. Same thread as refresh. */
    public Map<String, String> sessionProjects() {
        return store.sessionProjects();
    }
}

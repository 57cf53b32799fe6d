package dev.budmon.source.transcript;

import dev.budmon.model.SourceWarning;
import dev.budmon.source.TranscriptPart;
import dev.budmon.source.TranscriptSource;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The transcripts as a source of the state: a {@link TranscriptStore} whose summary is turned into the
 * state's {@link TranscriptPart}, the same instance as long as nothing was appended. Confined to one thread.
 */
public final class TranscriptFeed implements TranscriptSource {

    private final TranscriptStore store;
    private TranscriptSummary lastSummary;
    private TranscriptPart lastPart = TranscriptPart.EMPTY;

    /** A feed that reads every transcript at its first refresh. */
    public TranscriptFeed() {
        this(new TranscriptStore());
    }

    /**
     * A feed on a store that may have read before, e.g. one restored by {@link HistoryIndex#load()}: its
     * first refresh reads only what is new. The feed's thread owns the store from now on.
     */
    public TranscriptFeed(TranscriptStore store) {
        this.store = store;
    }

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
}

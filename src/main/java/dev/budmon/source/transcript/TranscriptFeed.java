package dev.budmon.source.transcript;

import dev.budmon.model.ApiResponse;
import dev.budmon.model.SourceWarning;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The transcripts as a source of the state: a {@link TranscriptStore}, optionally kept in a
 * {@link HistoryIndex} between processes, whose summary is handed on as the same instance as long as nothing
 * it shows changed. Confined to one thread.
 */
public final class TranscriptFeed implements TranscriptSource {

    private TranscriptStore store;
    private final HistoryIndex index;
    private final long saveEveryNanos;
    private long nextSave;
    private boolean saved;
    private TranscriptSummary lastSummary = TranscriptSummary.EMPTY;

    /** A feed that reads every transcript at its first refresh. */
    public TranscriptFeed() {
        this(new TranscriptStore(), null, 0);
    }

    private TranscriptFeed(TranscriptStore store, HistoryIndex index, long saveEveryNanos) {
        this.store = store;
        this.index = index;
        this.saveEveryNanos = saveEveryNanos;
    }

    /**
     * How often a long-running feed that keeps reading new responses saves the index: often enough that the
     * next start reads little, seldom enough that a window open all day does not rewrite it per response.
     */
    public static final java.time.Duration SAVE_EVERY = java.time.Duration.ofMinutes(5);

    /**
     * A feed on the whole history kept in the index: its first refresh restores the store from the index (on
     * the refreshing thread, never the EDT) and reads only what is new; a refresh that read something saves
     * the index again, the first at once, later ones at most once per {@code saveEvery}, so that a window
     * open all day does not rewrite it for every response. What is not saved yet when the process ends is
     * read again by the next start.
     */
    public static TranscriptFeed indexed(HistoryIndex index, java.time.Duration saveEvery) {
        return new TranscriptFeed(null, index, saveEvery.toNanos());
    }

    @Override
    public TranscriptSummary refresh(List<Path> dirs, List<SourceWarning> warnings) {
        return refresh(dirs, null, warnings);
    }

    @Override
    public TranscriptSummary refresh(List<Path> dirs, Collection<Path> changedFiles, List<SourceWarning> warnings) {
        if (store == null) {
            store = index.load();
        }
        TranscriptSummary s = changedFiles == null ? store.refresh(dirs) : store.refresh(dirs, changedFiles);
        warnings.addAll(s.warnings());
        if (index != null && store.unsaved && (!saved || System.nanoTime() - nextSave >= 0)) {
            String problem = index.save(store);
            if (problem != null) {
                warnings.add(new SourceWarning("transcript index", problem));
            }
            saved = true;
            nextSave = System.nanoTime() + saveEveryNanos;
        }
        if (s.skippedLines() > 0) {
            warnings.add(new SourceWarning("transcripts", s.skippedLines()
                    + " lines were not JSON or had an unexpected shape and were skipped"));
        }
        // equals only between two summaries: a record's first equals is linked through method handles, which
        // the first read at the start need not wait for
        if (s != lastSummary && !lastSummary.equals(s)) {
            lastSummary = s;
        }
        return lastSummary;
    }

    /**
     * The responses read so far from {@code since} on, oldest first; none before the first refresh (an indexed
     * feed restores its store there). Same thread as refresh.
     */
    @Override
    public List<ApiResponse> responses(Instant since) {
        return store == null ? List.of() : store.responses(null, since);
    }

    /** Every session's project; see {@link TranscriptStore#sessionProjects}. Same thread as refresh. */
    @Override
    public Map<String, String> sessionProjects() {
        return store == null ? Map.of() : store.sessionProjects();
    }
}

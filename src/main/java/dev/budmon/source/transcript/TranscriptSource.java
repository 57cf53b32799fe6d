package dev.budmon.source.transcript;

import dev.budmon.model.ApiResponse;
import dev.budmon.model.SourceWarning;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Claude Code's transcripts as a source of the state, read incrementally. Confined to one thread; I/O. */
public interface TranscriptSource {

    /** No transcripts at all; for tests and for commands that need only the quota. */
    TranscriptSource NONE = new None();

    /**
     * Reads what was appended since the last call.
     *
     * @param dirs     the Claude directories
     * @param warnings receives one entry per problem met
     * @return what the transcripts say; the same instance as last time when nothing changed
     */
    TranscriptSummary refresh(List<Path> dirs, List<SourceWarning> warnings);

    /**
     * Reads what was appended to the given files since the last call, when a file watcher named them; a
     * source that cannot read single files reads everything, as {@link #refresh(List, List)}.
     *
     * @param changedFiles the transcripts the watcher named, or {@code null}: look at every transcript
     */
    default TranscriptSummary refresh(List<Path> dirs, Collection<Path> changedFiles, List<SourceWarning> warnings) {
        return refresh(dirs, warnings);
    }

    /**
     * The responses read so far from {@code since} on, oldest first, each once; none for a source that does not
     * keep them. Same thread as refresh.
     */
    default List<ApiResponse> responses(Instant since) {
        return List.of();
    }

    /** Every session's project (working directory) by session id; none for a source that does not know them. */
    default Map<String, String> sessionProjects() {
        return Map.of();
    }

    /** A class, not a lambda: loaded at every start, where a lambda's bootstrap costs time. */
    final class None implements TranscriptSource {
        private None() {
        }

        @Override
        public TranscriptSummary refresh(List<Path> dirs, List<SourceWarning> warnings) {
            return TranscriptSummary.EMPTY;
        }
    }
}

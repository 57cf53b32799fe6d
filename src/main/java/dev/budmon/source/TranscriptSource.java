package dev.budmon.source;

import dev.budmon.model.SourceWarning;

import java.nio.file.Path;
import java.util.List;

/** Reads Claude Code's transcripts incrementally. Confined to one thread; I/O. */
public interface TranscriptSource {

    /** No transcripts at all; for tests and for commands that need only the quota. */
    TranscriptSource NONE = (dirs, warnings) -> TranscriptPart.EMPTY;

    /**
     * Reads what was appended since the last call.
     *
     * @param dirs     the Claude directories
     * @param warnings receives one entry per problem met
     * @return the transcripts' contribution; the same instance as last time when nothing changed
     */
    TranscriptPart refresh(List<Path> dirs, List<SourceWarning> warnings);
}

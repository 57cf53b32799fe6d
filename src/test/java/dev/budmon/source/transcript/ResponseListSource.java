package dev.budmon.source.transcript;

import dev.budmon.model.ApiResponse;
import dev.budmon.model.SourceWarning;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A transcript source that holds the responses it is given, as the store holds those it read: for the history
 * figures' tests and benchmark, which need requests but no transcript files. The list may change between calls.
 */
public final class ResponseListSource implements TranscriptSource {

    private final List<ApiResponse> responses;

    /** A source of {@code responses} (oldest first), read at every call. */
    public ResponseListSource(List<ApiResponse> responses) {
        this.responses = responses;
    }

    @Override
    public TranscriptSummary refresh(List<Path> dirs, List<SourceWarning> warnings) {
        return TranscriptSummary.EMPTY;
    }

    @Override
    public List<ApiResponse> responses(Instant since) {
        List<ApiResponse> out = new ArrayList<>();
        for (ApiResponse r : responses) {
            if (!r.time().isBefore(since)) {
                out.add(r);
            }
        }
        return out;
    }
}

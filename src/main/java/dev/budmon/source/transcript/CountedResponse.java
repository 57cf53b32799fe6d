package dev.budmon.source.transcript;

import dev.budmon.model.ApiResponse;
import dev.budmon.model.TokenCounts;

import java.time.Instant;

/**
 * One API response as counted: the dedup key ({@code message.id} + {@code requestId}) and the largest
 * token counts seen for it so far. These are the only records that grow with the corpus (one per
 * response). Mutable; confined to the {@link TranscriptStore}'s thread.
 */
final class CountedResponse {

    final String messageId;
    final String requestId;
    final SessionTally session;
    final String model;
    /** Time of the first line seen for it; fixes the minute it is counted in. */
    final long timeMillis;
    /** Order of arrival, to break ties between responses of the same millisecond. */
    final long sequence;
    final boolean sidechain;

    long input;
    long output;
    long write5m;
    long write1h;
    long read;
    /** Counted once, then found to be a sidechain replay of a main-chain response: no longer counted. */
    boolean retracted;
    /** The next response with the same {@code message.id} (another {@code requestId}), usually none. */
    CountedResponse sameMessage;

    CountedResponse(String messageId, String requestId, SessionTally session, String model, long timeMillis,
                    long sequence, boolean sidechain) {
        this.messageId = messageId;
        this.requestId = requestId;
        this.session = session;
        this.model = model;
        this.timeMillis = timeMillis;
        this.sequence = sequence;
        this.sidechain = sidechain;
    }

    TokenCounts tokens() {
        return new TokenCounts(input, output, write5m, write1h, read);
    }

    ApiResponse toApiResponse() {
        return new ApiResponse(messageId, requestId, session.id, model, Instant.ofEpochMilli(timeMillis), tokens());
    }
}

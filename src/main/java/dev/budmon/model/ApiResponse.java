package dev.budmon.model;

import java.time.Instant;

/**
 * One API response as Claude Code's transcript records it, counted once.
 *
 * @param messageId the API's {@code message.id}
 * @param requestId the API's {@code requestId}; may be {@code null} in old transcripts
 * @param sessionId Claude Code's session
 * @param model     the model id, e.g. {@code claude-opus-4-5-20251101}
 * @param time      the transcript line's timestamp
 * @param tokens    the largest usage seen for this response
 */
public record ApiResponse(String messageId, String requestId, String sessionId, String model, Instant time,
                          TokenCounts tokens) {
}

package dev.budmon.source.transcript;

import dev.budmon.json.IsoTime;
import java.util.Map;

/**
 * The fields BudMon needs from one transcript line, as {@link TranscriptLineParser} found them. Mutable
 * and reused from line to line so that a scan makes little garbage; confined to the thread that parses.
 */
final class TranscriptLine {

    /** What a line turned out to be. */
    enum Kind {
        /** An {@code assistant} line with {@code message.usage}: one API response (or a repeat of one). */
        USAGE,
        /** An assistant line of the {@code <synthetic>} model: Claude Code's own text, no API call. */
        SYNTHETIC,
        /** Claude Code's {@code cost-state} line with its own cost figure. */
        COST_STATE,
        /** Any other well-formed line (user, system, summary, an assistant line without usage, …). */
        OTHER,
        /** Not JSON, or JSON of an unexpected shape: skipped and counted. */
        BAD
    }

    /** The model id Claude Code writes for messages it made up itself. */
    static final String SYNTHETIC_MODEL = "<synthetic>";

    Kind kind;
    String messageId;
    String requestId;
    String model;
    long timeMillis;
    String sessionId;
    String cwd;
    boolean sidechain;
    long input;
    long output;
    long cacheWrite5m;
    long cacheWrite1h;
    long cacheRead;
    double totalCostUsd;
    Map<String, ClaudeModelUsage> modelUsage;
    /**
     * The time of the last of several lines of one response read as this one ({@link ParsedLines} folds a
     * response's repeated lines together), {@link Long#MIN_VALUE} for a line read alone.
     */
    long foldedUntil;

    void clear() {
        kind = null;
        messageId = null;
        requestId = null;
        model = null;
        timeMillis = IsoTime.INVALID;
        sessionId = null;
        cwd = null;
        sidechain = false;
        input = 0;
        output = 0;
        cacheWrite5m = 0;
        cacheWrite1h = 0;
        cacheRead = 0;
        totalCostUsd = Double.NaN;
        modelUsage = null;
        foldedUntil = Long.MIN_VALUE;
    }

    /** Whether {@code other} is a further line of the same response, as Claude Code writes one per block. */
    boolean sameResponseAs(TranscriptLine other) {
        return kind == Kind.USAGE && other.kind == Kind.USAGE && sidechain == other.sidechain
                && java.util.Objects.equals(messageId, other.messageId)
                && java.util.Objects.equals(requestId, other.requestId)
                && java.util.Objects.equals(sessionId, other.sessionId) && java.util.Objects.equals(model, other.model)
                && java.util.Objects.equals(cwd, other.cwd);
    }

    /**
     * Takes a further line of the same response in: the largest count of each kind, and its time for the
     * session's last activity. Counting the folded line gives what counting both would.
     */
    void fold(TranscriptLine later) {
        input = Math.max(input, later.input);
        output = Math.max(output, later.output);
        cacheWrite5m = Math.max(cacheWrite5m, later.cacheWrite5m);
        cacheWrite1h = Math.max(cacheWrite1h, later.cacheWrite1h);
        cacheRead = Math.max(cacheRead, later.cacheRead);
        foldedUntil = Math.max(foldedUntil, later.timeMillis);
    }
}

package dev.budmon.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the quota history ({@code <claude dir>/budmon/quota-history/YYYY-MM.jsonl}): what one source
 * saw of the quota at one moment. The format is described in the README's history section.
 *
 * @param time      when the observation was made (the response's arrival, the status line's call)
 * @param source    {@link #INTERCEPTOR}, {@link #STATUSLINE}, {@link #BUDMON}, or another writer's name
 * @param requestId the API response's {@code request-id} (the transcript's {@code requestId}); {@code null}
 *                  when unknown
 * @param sessionId Claude Code's session id; {@code null} when unknown
 * @param status    the account-wide {@code anthropic-ratelimit-unified-status}; {@code null} when unknown
 * @param windows   the windows by header name ({@code 5h}, {@code 7d}, {@code 7d_sonnet}, …), in the order
 *                  written
 */
public record Observation(Instant time, String source, String requestId, String sessionId, String status,
                          Map<String, WindowReading> windows) {

    /** Rate-limit headers of an API response, recorded by the interceptor. */
    public static final String INTERCEPTOR = "interceptor";
    /** Claude Code's status-line payload ({@code rate_limits}), recorded by {@code budmon --statusline}. */
    public static final String STATUSLINE = "statusline";
    /** A newer {@code usage-limits.json} that no writer logged, recorded by BudMon when it read it. */
    public static final String BUDMON = "budmon";
    /** The largest utilization the history keeps, as the header reader: 10 (1000 %). */
    public static final double MAX_UTILIZATION = 10;

    public Observation {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
    }

    /**
     * Whether this observation says the same as {@code other}: the same account status and the same windows,
     * whatever the time, request and session. A writer skips an observation that says the same as its
     * source's previous one.
     */
    public boolean sameFigures(Observation other) {
        return other != null && Objects.equals(status, other.status) && windows.equals(other.windows);
    }

    /** Whether the figures come from the rate-limit headers (the interceptor's, or BudMon's copy of them). */
    public static boolean fromHeaders(String source) {
        return INTERCEPTOR.equals(source) || BUDMON.equals(source);
    }
}

package dev.budmon.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything the rate-limit headers of one captured response said.
 *
 * @param capturedAt when the headers were recorded ({@code updated_at}); {@code null} when unknown
 * @param source     who recorded them, e.g. {@code budmon-interceptor} or {@code statusline}
 * @param windows    the quota windows found, 5h and 7d first, then the others by name
 * @param account    the account-wide fields
 */
public record RateLimits(Instant capturedAt, String source, List<QuotaWindow> windows, AccountLimits account) {

    public RateLimits {
        windows = List.copyOf(windows);
    }

    /** The window of that header name, or {@code null}. */
    public QuotaWindow window(String name) {
        for (QuotaWindow w : windows) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        return null;
    }
}

package dev.budmon.source;

import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses between the interceptor's headers and the status line's payload. Pure; any thread.
 */
public final class LimitsMerge {

    private LimitsMerge() {
    }

    /**
     * The newer source wins window by window: the status-line payload knows only the 5h and 7d windows,
     * so when it is newer those two are taken from it and every other window and the account fields stay
     * as the headers gave them.
     *
     * @return the merged limits, or {@code null} when neither source has any
     */
    public static RateLimits merge(RateLimits headers, RateLimits statusline) {
        if (statusline == null) {
            return headers;
        }
        if (headers == null) {
            return statusline;
        }
        if (!isNewer(statusline.capturedAt(), headers.capturedAt())) {
            return headers;
        }
        List<QuotaWindow> windows = new ArrayList<>();
        for (QuotaWindow w : headers.windows()) {
            QuotaWindow fresh = statusline.window(w.name());
            windows.add(fresh != null ? fresh : w);
        }
        for (QuotaWindow w : statusline.windows()) {
            if (headers.window(w.name()) == null) {
                windows.add(w);
            }
        }
        windows.sort(QuotaWindow.DISPLAY_ORDER);
        return new RateLimits(statusline.capturedAt(), statusline.source(), windows, headers.account());
    }

    private static boolean isNewer(Instant a, Instant b) {
        return a != null && (b == null || a.isAfter(b));
    }

}

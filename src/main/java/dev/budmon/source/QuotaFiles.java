package dev.budmon.source;

import dev.budmon.model.RateLimits;
import dev.budmon.model.SourceWarning;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The quota figures of every Claude directory: each one's {@code usage-limits.json} (the interceptor's
 * headers, older interceptors' token figures) and {@code budmon/statusline.json} (the status line's copy of
 * Claude Code's payload). The newest headers and the newest payload win across the directories. The one
 * reader of these files for the window, {@code --json} and the status line. I/O; any thread but the EDT.
 */
public final class QuotaFiles {

    private QuotaFiles() {
    }

    /**
     * What the quota files hold.
     *
     * @param content the newest headers, the newest payload, the first directory's older token figures, and
     *                every warning
     * @param broken  whether a file exists but gave nothing usable (the caller may keep showing older figures)
     */
    public record Read(UsageLimitsContent content, boolean broken) {

        /** Headers and payload merged window by window, see {@link LimitsMerge}; {@code null} when neither exists. */
        public RateLimits limits() {
            return LimitsMerge.merge(content.headers(), content.statusline());
        }
    }

    /** Reads the quota files of the directories, BudMon's own first. Never throws. */
    public static Read read(List<Path> dirs) {
        RateLimits headers = null;
        RateLimits statusline = null;
        LegacyUsage legacy = LegacyUsage.EMPTY;
        List<SourceWarning> warnings = new ArrayList<>();
        boolean broken = false;
        for (Path d : dirs) {
            UsageLimitsContent c = UsageLimitsFile.read(d.resolve(UsageLimitsFile.FILE_NAME));
            UsageLimitsContent own = UsageLimitsFile.readStatusline(UsageLimitsFile.statuslineFile(d));
            for (UsageLimitsContent part : List.of(c, own)) {
                warnings.addAll(part.warnings());
                headers = newer(headers, part.headers());
                statusline = newer(statusline, part.statusline());
            }
            if (c.headers() == null && c.statusline() == null && !c.warnings().isEmpty()) {
                broken = true;
            }
            if (legacy.isEmpty()) {
                legacy = c.legacy();
            }
        }
        return new Read(new UsageLimitsContent(headers, statusline, legacy, warnings), broken);
    }

    /** The limits captured later; the first when neither says when. */
    static RateLimits newer(RateLimits a, RateLimits b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (b.capturedAt() != null && (a.capturedAt() == null || b.capturedAt().isAfter(a.capturedAt()))) {
            return b;
        }
        return a;
    }
}

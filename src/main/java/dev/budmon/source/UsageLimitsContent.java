package dev.budmon.source;

import dev.budmon.model.RateLimits;
import dev.budmon.model.SourceWarning;

import java.util.List;

/**
 * What {@code usage-limits.json} held.
 *
 * @param headers    limits from the interceptor's {@code headers_raw}; {@code null} when none
 * @param statusline limits that the status line stored from Claude Code's payload; {@code null} when none
 * @param legacy     the older format's token figures
 * @param warnings   what could not be read
 */
public record UsageLimitsContent(RateLimits headers, RateLimits statusline, LegacyUsage legacy,
                                 List<SourceWarning> warnings) {

    /** A missing file. */
    public static final UsageLimitsContent EMPTY = new UsageLimitsContent(null, null, LegacyUsage.EMPTY, List.of());

    public UsageLimitsContent {
        warnings = List.copyOf(warnings);
    }
}

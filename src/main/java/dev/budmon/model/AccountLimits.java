package dev.budmon.model;

import java.time.Instant;

/**
 * The account-wide {@code anthropic-ratelimit-unified-*} fields. Accounts in overage receive only these
 * and the {@code overage} window, which is a state to show, not an error. Every field may be {@code null}.
 *
 * @param status                 {@code allowed}, {@code allowed_warning} or {@code rejected}
 * @param reset                  the account-wide reset
 * @param representativeClaim    which window binds: {@code five_hour}, {@code seven_day}, {@code overage}, …
 * @param overageStatus          status of pay-as-you-go overage
 * @param overageInUse           whether requests are being served from overage now
 * @param overageDisabledReason  why overage is not available, as the server says it
 * @param fallbackPercentage     the server's fallback percentage (fraction)
 */
public record AccountLimits(String status, Instant reset, String representativeClaim, String overageStatus,
                            Boolean overageInUse, String overageDisabledReason, Double fallbackPercentage) {

    /** An account about which the headers said nothing. */
    public static final AccountLimits EMPTY = new AccountLimits(null, null, null, null, null, null, null);
}

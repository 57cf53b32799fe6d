package dev.budmon.alert;

import java.time.Instant;

/**
 * The account-wide status Claude's server sent with the last captured response.
 *
 * @param status {@code allowed}, {@code allowed_warning}, {@code rejected}, or {@code null} when unknown
 * @param claim  the window that binds ({@code five_hour}, {@code seven_day}, …); {@code null} when unknown
 * @param reset  the account-wide reset; {@code null} when unknown
 */
public record ServerReading(String status, String claim, Instant reset) {

    /** No status known. */
    public static final ServerReading NONE = new ServerReading(null, null, null);
}

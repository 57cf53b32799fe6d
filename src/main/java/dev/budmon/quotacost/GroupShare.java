package dev.budmon.quotacost;

/**
 * A session's or a project's part of a window.
 *
 * @param name     the session id, or the project (its working directory)
 * @param percent  percentage points of the window its requests took
 * @param cost     their priced cost, in dollars
 * @param requests requests with a known share
 */
public record GroupShare(String name, double percent, double cost, int requests) {
}

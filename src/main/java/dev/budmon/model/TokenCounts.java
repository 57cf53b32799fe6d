package dev.budmon.model;

/**
 * Token counts of one or more API responses, by kind.
 *
 * <p>Cache writes are kept apart by lifetime because the 1-hour write is priced higher than the
 * 5-minute write. Immutable; any thread.
 */
public record TokenCounts(long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead) {

    /** No tokens at all. */
    public static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0, 0);

    /** Both cache-write lifetimes together. */
    public long cacheWrite() {
        return cacheWrite5m + cacheWrite1h;
    }

    /** Every token of every kind. */
    public long total() {
        return input + output + cacheWrite5m + cacheWrite1h + cacheRead;
    }

    /** Whether every count is zero. */
    public boolean isZero() {
        return total() == 0;
    }

    /** The kind-wise sum of all of them; {@link #ZERO} for none. */
    public static TokenCounts sum(Iterable<TokenCounts> counts) {
        TokenCounts sum = ZERO;
        for (TokenCounts t : counts) {
            sum = sum.plus(t);
        }
        return sum;
    }

    /** Kind-wise sum. */
    public TokenCounts plus(TokenCounts other) {
        return new TokenCounts(input + other.input, output + other.output,
                cacheWrite5m + other.cacheWrite5m, cacheWrite1h + other.cacheWrite1h,
                cacheRead + other.cacheRead);
    }

    /** Kind-wise difference; used to apply the growth of a response seen again with larger counts. */
    public TokenCounts minus(TokenCounts other) {
        return new TokenCounts(input - other.input, output - other.output,
                cacheWrite5m - other.cacheWrite5m, cacheWrite1h - other.cacheWrite1h,
                cacheRead - other.cacheRead);
    }

    /** Kind-wise maximum: Claude Code repeats a response's usage on every content-block line, and the last is the largest. */
    public TokenCounts max(TokenCounts other) {
        return new TokenCounts(Math.max(input, other.input), Math.max(output, other.output),
                Math.max(cacheWrite5m, other.cacheWrite5m), Math.max(cacheWrite1h, other.cacheWrite1h),
                Math.max(cacheRead, other.cacheRead));
    }

    /**
     * Share of prompt tokens served from the cache: cache read / (input + cache write + cache read).
     *
     * @return the ratio in 0..1, or {@code NaN} when the response had no prompt tokens
     */
    public double cacheHitRatio() {
        long prompt = input + cacheWrite() + cacheRead;
        return prompt == 0 ? Double.NaN : (double) cacheRead / prompt;
    }
}

package dev.budmon.calc;

/**
 * Dollars by token kind.
 */
public record Cost(double input, double output, double cacheWrite5m, double cacheWrite1h, double cacheRead) {

    /** Nothing spent. */
    public static final Cost ZERO = new Cost(0, 0, 0, 0, 0);

    /** Both cache-write lifetimes together. */
    public double cacheWrite() {
        return cacheWrite5m + cacheWrite1h;
    }

    /** Every kind together. */
    public double total() {
        return input + output + cacheWrite5m + cacheWrite1h + cacheRead;
    }

    /** Kind-wise sum. */
    public Cost plus(Cost o) {
        return new Cost(input + o.input, output + o.output, cacheWrite5m + o.cacheWrite5m,
                cacheWrite1h + o.cacheWrite1h, cacheRead + o.cacheRead);
    }
}

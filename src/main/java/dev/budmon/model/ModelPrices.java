package dev.budmon.model;

/**
 * Prices of one model in US dollars per million tokens.
 *
 * @param input        uncached input
 * @param output       output
 * @param cacheWrite5m cache write with the 5-minute lifetime
 * @param cacheWrite1h cache write with the 1-hour lifetime
 * @param cacheRead    cache read
 */
public record ModelPrices(double input, double output, double cacheWrite5m, double cacheWrite1h, double cacheRead) {

    /**
     * Prices with Anthropic's usual cache multipliers: 5-minute write 1.25×, 1-hour write 2×, read 0.1× input.
     */
    public static ModelPrices standard(double input, double output) {
        return new ModelPrices(input, output, input * 1.25, input * 2, input * 0.1);
    }

    /** Dollars for these tokens. */
    public double cost(TokenCounts t) {
        return (t.input() * input + t.output() * output + t.cacheWrite5m() * cacheWrite5m
                + t.cacheWrite1h() * cacheWrite1h + t.cacheRead() * cacheRead) / 1_000_000.0;
    }
}

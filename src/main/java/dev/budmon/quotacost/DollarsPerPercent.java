package dev.budmon.quotacost;

import java.util.List;

/**
 * What one percent of a window is worth in dollars of API use, fitted from the history, with its standard
 * error; or why it cannot be said yet. Pure; any thread.
 *
 * <p>The spans whose growth the transcripts' requests took are gathered in order into batches of at least
 * {@link #BATCH_POINTS} percentage points (a server that reports whole percents makes single spans jump between
 * 0 and 1 %); the estimate is the batches' total cost over their total growth, its uncertainty the standard
 * error of that ratio from the batches' scatter around it. Growth that came from elsewhere (no request here) is
 * left out, since its cost is unknown, and so is the span before the history's first observation of a window.
 *
 * @param dollarsPerPercent the estimate; {@code null} when there is not enough data
 * @param standardError     its standard error; {@code null} with it
 * @param batches           batches the estimate rests on
 * @param percentPoints     the growth they cover, in percentage points
 * @param notEnough         why there is no estimate, in English; {@code null} when there is one
 */
public record DollarsPerPercent(Double dollarsPerPercent, Double standardError, int batches, double percentPoints,
                                String notEnough) {

    /** Growth a batch gathers at least, in percentage points. */
    public static final double BATCH_POINTS = 2;
    /** Batches needed before the fit says anything. */
    public static final int MIN_BATCHES = 5;

    /** The fit of the spans of one window, oldest first. */
    public static DollarsPerPercent fit(List<QuotaInterval> spans) {
        double[] cost = new double[spans.size() + 1];
        double[] points = new double[spans.size() + 1];
        int batches = 0;
        double batchCost = 0;
        double batchPoints = 0;
        for (QuotaInterval span : spans) {
            if (!span.attributed() || span.firstSeen()) {
                continue;
            }
            batchCost += span.cost();
            batchPoints += span.growth() * 100;
            if (batchPoints >= BATCH_POINTS - 1e-9) {
                cost[batches] = batchCost;
                points[batches] = batchPoints;
                batches++;
                batchCost = 0;
                batchPoints = 0;
            }
        }
        double totalCost = 0;
        double totalPoints = 0;
        for (int b = 0; b < batches; b++) {
            totalCost += cost[b];
            totalPoints += points[b];
        }
        if (batches < MIN_BATCHES) {
            return new DollarsPerPercent(null, null, batches, totalPoints, "not enough data: " + MIN_BATCHES
                    + " spans of " + (int) BATCH_POINTS + " percentage points with requests are needed, the history has "
                    + batches);
        }
        if (totalCost <= 0) {
            return new DollarsPerPercent(null, null, batches, totalPoints,
                    "not enough data: the requests in the history cost nothing at the configured prices");
        }
        double ratio = totalCost / totalPoints;
        double squares = 0;
        for (int b = 0; b < batches; b++) {
            double e = cost[b] - ratio * points[b];
            squares += e * e;
        }
        double meanPoints = totalPoints / batches;
        double error = Math.sqrt(squares / (batches - 1)) / (meanPoints * Math.sqrt(batches));
        return new DollarsPerPercent(ratio, error, batches, totalPoints, null);
    }

    /** Dollars of API use left in a window used to {@code percentUsed}; {@code null} without an estimate. */
    public Double dollarsLeft(double percentUsed) {
        return dollarsPerPercent == null ? null : dollarsPerPercent * Math.max(0, 100 - percentUsed);
    }
}

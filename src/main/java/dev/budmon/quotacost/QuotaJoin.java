package dev.budmon.quotacost;

import dev.budmon.calc.Pricing;
import dev.budmon.history.QuotaHistory;
import dev.budmon.history.WindowSeries;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.TokenCounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Joins the quota history to the transcripts' requests. Pure; any thread.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>An observation that names its request ({@code req}, the response's {@code request-id}) is placed at that
 *     request's time in the transcript, so the join does not depend on the two clocks agreeing. One without a
 *     request id is placed at its own time: the status line's (it runs after the response, on the transcripts'
 *     clock) as it is, the headers' shifted by the median offset between the observations that were joined and
 *     their requests (the headers arrive before the response is written; a history copied from a machine whose
 *     clock differs is corrected the same way).</li>
 * <li>The growth of a window between two observations belongs to the requests completed between them, split by
 *     their priced cost (evenly when none has a cost). A per-model weekly window ({@code 7d_opus},
 *     {@code 7d_sonnet}, {@code 7d_haiku}) grows with that model's requests only.</li>
 * <li>A window's growth is measured from the highest utilization seen in its period, so that an observation
 *     that lags behind (a slower source, a rounded one) neither makes growth nor takes it back twice.</li>
 * <li>At a new period (the reset moved), the growth is the new utilization from 0, and belongs to the requests
 *     since the period's start (reset minus the window's length; after the earlier observation when the length
 *     is unknown). The requests between the old period's last observation and its end get no share: their growth
 *     was never observed. The first observation of a period is measured the same way from its start.</li>
 * <li>Growth with no request of the transcripts in its span came from elsewhere: it is kept apart as
 *     {@link JoinedQuota#unattributed}, never given to a request.</li>
 * </ul>
 */
public final class QuotaJoin {

    /** Requests up to this long before a period's start still count as its first: its first request started it. */
    static final Duration PERIOD_START_SLACK = Duration.ofSeconds(5);
    private static final String[] MODEL_FAMILIES = {"opus", "sonnet", "haiku"};

    private QuotaJoin() {
    }

    /**
     * Joins the observations made in {@code [from, to)} to the responses.
     *
     * @param responses every counted response of the transcripts, in any order
     */
    public static JoinedQuota join(QuotaHistory history, List<ApiResponse> responses, Pricing pricing,
                                   Instant from, Instant to) {
        List<ApiResponse> sorted = new ArrayList<>(responses);
        sorted.sort(BY_TIME);
        int n = sorted.size();
        long[] times = new long[n];
        double[] costs = new double[n];
        byte[] families = new byte[n];
        RequestIndex byKey = new RequestIndex(n);
        for (int i = 0; i < n; i++) {
            ApiResponse r = sorted.get(i);
            times[i] = r.time().toEpochMilli();
            costs[i] = pricing.cost(r.model(), r.tokens() == null ? TokenCounts.ZERO : r.tokens()).total();
            families[i] = familiesOf(r.model());
            if (r.requestId() != null) {
                byKey.put(QuotaHistory.requestKey(r.requestId()), i);
            }
        }
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();

        // The offset between the headers' observations and their requests' times in the transcripts.
        List<Long> offsets = new ArrayList<>();
        int unmatched = 0;
        for (int k = 0; k < history.size(); k++) {
            int i = history.inTimeOrder(k);
            long t = history.timeMillis(i);
            long key = history.requestKeyOf(i);
            if (t < fromMs || t >= toMs || key == 0) {
                continue;
            }
            int r = byKey.get(key);
            if (r < 0) {
                unmatched++;
            } else {
                offsets.add(t - times[r]);
            }
        }
        long offset = median(offsets);

        Map<String, double[]> shares = new LinkedHashMap<>();
        Map<String, List<QuotaInterval>> intervals = new LinkedHashMap<>();
        Map<String, Double> unattributed = new LinkedHashMap<>();
        int decreases = 0;
        for (String window : history.windowNames()) {
            WindowSeries s = history.series(window, fromMs, toMs);
            double[] share = new double[n];
            Arrays.fill(share, Double.NaN);
            List<QuotaInterval> spans = new ArrayList<>();
            double elsewhere = 0;
            int family = familyBit(familyOf(window));
            Duration length = QuotaWindow.lengthOf(window);
            long previousAnchor = Long.MIN_VALUE;
            double peak = 0;
            for (int k = 0; k < s.size(); k++) {
                long anchor = anchor(s, k, byKey, times, offset);
                anchor = Math.max(anchor, previousAnchor);
                double u = s.utilization(k);
                long lower;
                double growth;
                boolean newPeriod = k == 0 || !WindowSeries.samePeriod(s.resetSeconds(k - 1), s.resetSeconds(k));
                if (newPeriod) {
                    long reset = s.resetSeconds(k);
                    if (length != null && reset != QuotaHistory.NO_RESET) {
                        long start = (reset - length.toSeconds()) * 1000 - PERIOD_START_SLACK.toMillis();
                        lower = Math.max(previousAnchor, start);
                        growth = u;
                    } else if (k > 0) {
                        lower = Math.max(previousAnchor, s.resetSeconds(k - 1) == QuotaHistory.NO_RESET
                                ? previousAnchor : s.resetSeconds(k - 1) * 1000);
                        growth = u;
                    } else {
                        lower = Long.MAX_VALUE; // no start known: the first observation only sets the level
                        growth = 0;
                    }
                    peak = u;
                } else {
                    lower = previousAnchor;
                    growth = Math.max(0, u - peak);
                    if (u < peak) {
                        decreases++;
                    }
                    peak = Math.max(peak, u);
                }
                if (lower < anchor) {
                    QuotaInterval span = split(window, lower, anchor, growth, times, costs, families, family, share,
                            k == 0);
                    spans.add(span);
                    if (!span.attributed()) {
                        elsewhere += growth;
                    }
                }
                previousAnchor = anchor;
            }
            shares.put(window, share);
            intervals.put(window, spans);
            unattributed.put(window, elsewhere);
        }
        return new JoinedQuota(sorted, costs, shares, intervals, unattributed, offsets.size(), unmatched, decreases,
                offsets.isEmpty() ? null : Duration.ofMillis(offset));
    }

    /** Where on the transcripts' clock observation {@code k} belongs. */
    private static long anchor(WindowSeries s, int k, RequestIndex byKey, long[] times, long offset) {
        int r = byKey.get(s.requestKey(k));
        if (r >= 0) {
            return times[r];
        }
        return s.sourceKind(k) == WindowSeries.HEADERS ? s.timeMillis(k) - offset : s.timeMillis(k);
    }

    /** Gives the growth in {@code (lower, upper]} to its requests by cost; the span's figures. */
    private static QuotaInterval split(String window, long lower, long upper, double growth, long[] times,
                                       double[] costs, byte[] families, int family, double[] share,
                                       boolean firstSeen) {
        int first = firstAfter(times, lower);
        double total = 0;
        int count = 0;
        for (int i = first; i < times.length && times[i] <= upper; i++) {
            if (counts(families[i], family)) {
                total += costs[i];
                count++;
            }
        }
        for (int i = first; i < times.length && times[i] <= upper; i++) {
            if (counts(families[i], family)) {
                double part = total > 0 ? growth * costs[i] / total : growth / count;
                share[i] = part;
            }
        }
        return new QuotaInterval(window, Instant.ofEpochMilli(lower == Long.MIN_VALUE ? 0 : lower),
                Instant.ofEpochMilli(upper), growth, total, count, firstSeen);
    }

    /** Whether a response of these model families counts for a window of {@code family} (0: every model). */
    private static boolean counts(byte modelFamilies, int family) {
        return family == 0 || (modelFamilies & family) != 0;
    }

    /** The families a model's name contains, as bits of {@link #familyBit}; once per response, not per window. */
    private static byte familiesOf(String model) {
        if (model == null) {
            return 0;
        }
        String m = model.toLowerCase(Locale.ROOT);
        int bits = 0;
        for (int f = 0; f < MODEL_FAMILIES.length; f++) {
            if (m.contains(MODEL_FAMILIES[f])) {
                bits |= 1 << f;
            }
        }
        return (byte) bits;
    }

    /** The bit of a model family ({@link #familyOf}); 0 for {@code null}, every model. */
    private static int familyBit(String family) {
        for (int f = 0; f < MODEL_FAMILIES.length; f++) {
            if (MODEL_FAMILIES[f].equals(family)) {
                return 1 << f;
            }
        }
        return 0;
    }

    /** The model family a per-model weekly window counts ({@code 7d_sonnet}: sonnet); {@code null} for all. */
    static String familyOf(String window) {
        int cut = window.indexOf('_');
        if (cut < 0) {
            return null;
        }
        String suffix = window.substring(cut + 1).toLowerCase(Locale.ROOT);
        for (String f : MODEL_FAMILIES) {
            if (suffix.equals(f)) {
                return f;
            }
        }
        return null;
    }

    /** The index of the first time after {@code t}. */
    private static int firstAfter(long[] times, long t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] v = new long[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static final Comparator<ApiResponse> BY_TIME = Comparator.comparing(ApiResponse::time);
}

package dev.budmon.quotacost;

import dev.budmon.model.ApiResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quota history joined to the transcripts' requests by {@link QuotaJoin}: each request's share of each
 * window, the spans between observations, and how the join went. Immutable; any thread.
 */
public final class JoinedQuota {

    private final List<ApiResponse> responses;
    private final double[] costs;
    private final Map<String, double[]> shares;
    private final Map<String, List<QuotaInterval>> intervals;
    private final Map<String, Double> unattributed;
    private final int joinedObservations;
    private final int unmatchedRequestIds;
    private final int decreases;
    private final Duration clockOffset;
    private final Map<String, Integer> byRequestId = new LinkedHashMap<>();

    JoinedQuota(List<ApiResponse> responses, double[] costs, Map<String, double[]> shares,
                Map<String, List<QuotaInterval>> intervals, Map<String, Double> unattributed, int joinedObservations,
                int unmatchedRequestIds, int decreases, Duration clockOffset) {
        this.responses = List.copyOf(responses);
        this.costs = costs;
        this.shares = shares;
        this.intervals = intervals;
        this.unattributed = unattributed;
        this.joinedObservations = joinedObservations;
        this.unmatchedRequestIds = unmatchedRequestIds;
        this.decreases = decreases;
        this.clockOffset = clockOffset;
        for (int i = 0; i < this.responses.size(); i++) {
            String id = this.responses.get(i).requestId();
            if (id != null) {
                byRequestId.put(id, i);
            }
        }
    }

    /** The responses, oldest first. */
    public List<ApiResponse> responses() {
        return responses;
    }

    /** The windows the history named, in the order first seen. */
    public List<String> windows() {
        return List.copyOf(shares.keySet());
    }

    /**
     * The share of response {@code i} in the window as a fraction (0.008 is 0.8 % of it); {@code null} when no
     * pair of observations covers it (before the history, after its newest observation, across a reset).
     */
    public Double share(String window, int i) {
        double[] s = shares.get(window);
        return s == null || Double.isNaN(s[i]) ? null : s[i];
    }

    /** The share of the response with this request id; {@code null} when unknown. */
    public Double shareOf(String window, String requestId) {
        Integer i = requestId == null ? null : byRequestId.get(requestId);
        return i == null ? null : share(window, i);
    }

    /** Response {@code i}'s priced cost, in dollars. */
    public double cost(int i) {
        return costs[i];
    }

    /** The spans between the window's observations, oldest first. */
    public List<QuotaInterval> intervals(String window) {
        return intervals.getOrDefault(window, List.of());
    }

    /** Growth of the window (fraction) with no request of the transcripts in its span. */
    public double unattributed(String window) {
        return unattributed.getOrDefault(window, 0.0);
    }

    /** Growth of the window with no request of the transcripts in its span, in spans ending at or after {@code since}. */
    public double unattributed(String window, Instant since) {
        double sum = 0;
        for (QuotaInterval span : intervals(window)) {
            if (!span.attributed() && !span.to().isBefore(since)) {
                sum += span.growth();
            }
        }
        return sum;
    }

    /** Observations whose request id was found in the transcripts. */
    public int joinedObservations() {
        return joinedObservations;
    }

    /** Observations whose request id is in no transcript here (another machine's, or a transcript deleted). */
    public int unmatchedRequestIds() {
        return unmatchedRequestIds;
    }

    /** Times a window's utilization went down within a period (a source lagging behind another). */
    public int decreases() {
        return decreases;
    }

    /** Median of (observation time − its request's time in the transcript); {@code null} when none was joined. */
    public Duration clockOffset() {
        return clockOffset;
    }

    /**
     * The window's shares since {@code since} by group, largest first; requests without a known share are left
     * out.
     *
     * @param groupOf the group of a response (its session, its project); {@code null} leaves it out
     */
    public List<GroupShare> byGroup(String window, Instant since, GroupOf groupOf) {
        double[] s = shares.get(window);
        Map<String, double[]> sums = new LinkedHashMap<>();
        if (s != null) {
            for (int i = 0; i < responses.size(); i++) {
                ApiResponse r = responses.get(i);
                if (Double.isNaN(s[i]) || r.time().isBefore(since)) {
                    continue;
                }
                String group = groupOf.of(r);
                if (group == null) {
                    continue;
                }
                double[] sum = sums.computeIfAbsent(group, g -> new double[3]);
                sum[0] += s[i];
                sum[1] += costs[i];
                sum[2]++;
            }
        }
        List<GroupShare> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] v = e.getValue();
            out.add(new GroupShare(e.getKey(), v[0] * 100, v[1], (int) v[2]));
        }
        out.sort(Comparator.comparingDouble(GroupShare::percent).reversed().thenComparing(GroupShare::name));
        return out;
    }

    /** The group a response belongs to. */
    public interface GroupOf {
        String of(ApiResponse response);
    }
}

/**
 * What requests, sessions and projects cost in quota (issue 13, section 4): the quota history joined to the
 * transcripts' requests ({@link dev.budmon.quotacost.QuotaJoin}: each change of a window's utilization given to
 * the requests completed since the observation before, split by their priced cost), the shares of sessions and
 * projects ({@link dev.budmon.quotacost.JoinedQuota}) and the dollars one percent of a window is worth
 * ({@link dev.budmon.quotacost.DollarsPerPercent}).
 *
 * <p>Pure functions of the history, the responses and the prices: no file access, no clock reads. Depends on
 * history, model and calc. Any thread.
 */
package dev.budmon.quotacost;

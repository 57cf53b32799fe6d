package dev.budmon.model;

import java.time.Instant;

/**
 * One utilization of a quota window as the quota history recorded it.
 *
 * @param time        when it was observed
 * @param utilization fraction used (0..1, more when surpassed)
 * @param reset       the window's reset as then known; {@code null} when the observation gave none
 */
public record UtilizationSample(Instant time, double utilization, Instant reset) {
}

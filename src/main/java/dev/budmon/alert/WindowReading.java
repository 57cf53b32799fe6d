package dev.budmon.alert;

import java.time.Duration;
import java.time.Instant;

/**
 * What the alert engine is told about one quota window at one moment.
 *
 * @param name                the header's window name: {@code 5h}, {@code 7d}, {@code 7d_opus}, {@code overage}, …
 * @param percent             utilization in percent as the server last reported it (may exceed 100);
 *                            {@code null} when unknown
 * @param reset               when the window starts anew; {@code null} when unknown. A reset that is not after
 *                            {@code now} means the figures belong to a window that is over
 * @param length              the window's length; {@code null} when unknown
 * @param predictedExhaustion when the window is used up at the current pace; {@code null} when no pace is known
 */
public record WindowReading(String name, Double percent, Instant reset, Duration length, Instant predictedExhaustion) {
}

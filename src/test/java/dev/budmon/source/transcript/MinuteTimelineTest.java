package dev.budmon.source.transcript;

import dev.budmon.model.TokenCounts;
import dev.budmon.model.UsageTotals;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MinuteTimelineTest {

    private static final Instant RESET = Instant.parse("2025-11-03T15:00:00Z");
    private final TimelineBuilder builder = new TimelineBuilder();

    private void add(Instant t, String model, long input) {
        builder.add(t.toEpochMilli(), model, 1, input, 2 * input, 3, 4, 5);
    }

    @Test
    void anEmptyTimelineHasNothingAnywhere() {
        assertThat(builder.snapshot().between(Instant.MIN, Instant.MAX)).isEqualTo(UsageTotals.EMPTY);
    }

    @Test
    void windowEdgesAreInclusiveAtTheStartAndExclusiveAtTheEnd() {
        Instant start = RESET.minus(Duration.ofHours(5));
        add(start.minusMillis(1), "opus", 1);          // just before the window
        add(start, "opus", 10);                        // first instant of the window
        add(RESET.minusMillis(1), "opus", 100);        // last instant of the window
        add(RESET, "opus", 1000);                      // belongs to the next window
        UsageTotals inside = builder.snapshot().between(start, RESET);
        assertThat(inside.requests()).isEqualTo(2);
        assertThat(inside.byModel().get("opus")).isEqualTo(new TokenCounts(110, 220, 6, 8, 10));
        assertThat(builder.snapshot().between(RESET, RESET.plusSeconds(60)).tokens().input()).isEqualTo(1000);
        assertThat(builder.snapshot().between(start.minusSeconds(60), start).tokens().input()).isEqualTo(1);
        assertThat(builder.snapshot().between(RESET, start)).isEqualTo(UsageTotals.EMPTY);
    }

    @Test
    void sumsByModelAcrossHoursAndDays() {
        Instant from = RESET.minus(Duration.ofDays(7));
        for (int h = 0; h < 7 * 24; h++) {
            add(from.plus(Duration.ofHours(h)).plusSeconds(90), h % 3 == 0 ? "opus" : "sonnet", h);
        }
        UsageTotals week = builder.snapshot().between(from, RESET);
        assertThat(week.requests()).isEqualTo(168);
        long opus = 0;
        long sonnet = 0;
        for (int h = 0; h < 168; h++) {
            if (h % 3 == 0) {
                opus += h;
            } else {
                sonnet += h;
            }
        }
        assertThat(week.byModel().get("opus").input()).isEqualTo(opus);
        assertThat(week.byModel().get("sonnet").input()).isEqualTo(sonnet);
    }

    @Test
    void partialHoursAgreeWithABruteForceSum() {
        Random random = new Random(3);
        long base = RESET.toEpochMilli();
        long[] times = new long[3000];
        long[] inputs = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = base - random.nextInt(3 * 24 * 3600) * 1000L - random.nextInt(1000);
            inputs[i] = 1 + random.nextInt(1000);
            builder.add(times[i], "m" + random.nextInt(3), 1, inputs[i], 0, 0, 0, 0);
        }
        MinuteTimeline t = builder.snapshot();
        for (int round = 0; round < 300; round++) {
            long a = base - random.nextInt(4 * 24 * 3600) * 1000L;
            long b = a + random.nextInt(30 * 3600) * 1000L;
            long expectedInput = 0;
            int expectedRequests = 0;
            for (int i = 0; i < times.length; i++) {
                long minute = Math.floorDiv(times[i], 60_000);
                if (minute >= Math.floorDiv(a, 60_000) && minute < Math.floorDiv(b, 60_000)) {
                    expectedInput += inputs[i];
                    expectedRequests++;
                }
            }
            UsageTotals got = t.between(Instant.ofEpochMilli(a), Instant.ofEpochMilli(b));
            assertThat(got.tokens().input()).isEqualTo(expectedInput);
            assertThat(got.requests()).isEqualTo(expectedRequests);
        }
    }

    @Test
    void aSnapshotNeverChangesAfterwards() {
        add(RESET.minusSeconds(30), "opus", 7);
        MinuteTimeline before = builder.snapshot();
        add(RESET.minusSeconds(20), "opus", 1000);       // same minute, same hour
        add(RESET.minus(Duration.ofDays(2)), "opus", 5); // another hour
        MinuteTimeline after = builder.snapshot();
        assertThat(before.between(Instant.MIN, Instant.MAX).tokens().input()).isEqualTo(7);
        assertThat(after.between(Instant.MIN, Instant.MAX).tokens().input()).isEqualTo(1012);
    }

    @Test
    void unchangedHoursAreSharedBetweenSnapshots() {
        add(RESET.minus(Duration.ofDays(3)), "opus", 1);
        add(RESET.minusSeconds(30), "opus", 1);
        MinuteTimeline first = builder.snapshot();
        add(RESET.minusSeconds(10), "opus", 1);
        MinuteTimeline second = builder.snapshot();
        assertThat(second.hours()[0]).isSameAs(first.hours()[0]);
        assertThat(second.hours()[1]).isNotSameAs(first.hours()[1]);
        assertThat(builder.snapshot()).isSameAs(second);
    }

    @Test
    void takingUsageBackLeavesNoEmptyModelBehind() {
        add(RESET.minusSeconds(30), "opus", 7);
        builder.add(RESET.minusSeconds(30).toEpochMilli(), "opus", -1, -7, -14, -3, -4, -5);
        assertThat(builder.snapshot().between(Instant.MIN, Instant.MAX)).isEqualTo(UsageTotals.EMPTY);
    }

    @Test
    void timesBefore1970AndFarAheadWork() {
        add(Instant.parse("1969-12-31T23:59:30Z"), "old", 3);
        add(Instant.parse("2999-01-01T00:00:00Z"), "new", 4);
        MinuteTimeline t = builder.snapshot();
        assertThat(t.between(Instant.parse("1969-12-31T23:59:00Z"), Instant.EPOCH).tokens().input()).isEqualTo(3);
        assertThat(t.between(Instant.EPOCH, Instant.MAX).tokens().input()).isEqualTo(4);
    }
}

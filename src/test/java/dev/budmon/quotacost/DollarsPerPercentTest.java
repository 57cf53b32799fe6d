package dev.budmon.quotacost;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DollarsPerPercentTest {

    static QuotaInterval span(int k, double growthPoints, double cost, int requests) {
        Instant t = Instant.parse("2026-12-06T10:00:00Z").plusSeconds(60L * k);
        return new QuotaInterval("5h", t, t.plusSeconds(60), growthPoints / 100, cost, requests, false);
    }

    @Test
    void aServerThatReportsWholePercentsStillGivesTheTruePrice() {
        // every request costs $0.05; 1 % is worth $0.41; the server reports whole percents, so most spans show
        // no growth and some a jump of 1 %
        Random random = new Random(7);
        List<QuotaInterval> spans = new ArrayList<>();
        double spent = 0;
        int reported = 0;
        for (int k = 0; k < 400; k++) {
            double cost = 0.05 * (0.5 + random.nextDouble());
            spent += cost;
            int now = (int) Math.floor(spent / 0.41);
            spans.add(span(k, now - reported, cost, 1));
            reported = now;
        }
        DollarsPerPercent fit = DollarsPerPercent.fit(spans);
        assertThat(fit.notEnough()).isNull();
        assertThat(fit.dollarsPerPercent()).isCloseTo(0.41, within(0.02));
        assertThat(fit.standardError()).isPositive().isLessThan(0.03);
        assertThat(fit.batches()).isGreaterThanOrEqualTo(DollarsPerPercent.MIN_BATCHES);
        assertThat(fit.dollarsLeft(60)).isCloseTo(0.41 * 40, within(1.0));
    }

    @Test
    void growthFromElsewhereIsLeftOut() {
        List<QuotaInterval> spans = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            spans.add(span(2 * k, 2, 0.80, 3));
            spans.add(span(2 * k + 1, 5, 0, 0)); // claude.ai's use: no cost known
        }
        // the history's first view of the window: days of use before it, left out
        spans.add(0, new QuotaInterval("5h", Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-06T09:00:00Z"),
                0.5, 0.02, 1, true));
        DollarsPerPercent fit = DollarsPerPercent.fit(spans);
        assertThat(fit.dollarsPerPercent()).isCloseTo(0.40, within(1e-9));
        assertThat(fit.standardError()).isCloseTo(0, within(1e-9));
        assertThat(fit.percentPoints()).isCloseTo(40, within(1e-9));
    }

    @Test
    void notEnoughDataIsSaidNotGuessed() {
        List<QuotaInterval> spans = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            spans.add(span(k, 2, 0.80, 3));
        }
        DollarsPerPercent fit = DollarsPerPercent.fit(spans);
        assertThat(fit.dollarsPerPercent()).isNull();
        assertThat(fit.standardError()).isNull();
        assertThat(fit.dollarsLeft(50)).isNull();
        assertThat(fit.notEnough()).startsWith("not enough data").contains("has 4");
        assertThat(DollarsPerPercent.fit(List.of()).notEnough()).contains("has 0");
    }
}

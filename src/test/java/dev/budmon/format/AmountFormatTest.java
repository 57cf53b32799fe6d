package dev.budmon.format;

import dev.budmon.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class AmountFormatTest {

    private static final Locale EN = Locale.ENGLISH;
    private static final Locale DE = Locale.GERMAN;
    private static final Duration FIVE_HOURS = Duration.ofHours(5);
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void tokensCompact() {
        assertThat(AmountFormat.tokensCompact(0L, EN)).isEqualTo("0");
        assertThat(AmountFormat.tokensCompact(999L, EN)).isEqualTo("999");
        assertThat(AmountFormat.tokensCompact(1_000L, EN)).isEqualTo("1.0k");
        assertThat(AmountFormat.tokensCompact(1_234L, EN)).isEqualTo("1.2k");
        assertThat(AmountFormat.tokensCompact(9_949L, EN)).isEqualTo("9.9k");
        assertThat(AmountFormat.tokensCompact(9_950L, EN)).isEqualTo("10k");
        assertThat(AmountFormat.tokensCompact(125_000L, EN)).isEqualTo("125k");
        assertThat(AmountFormat.tokensCompact(999_499L, EN)).isEqualTo("999k");
        assertThat(AmountFormat.tokensCompact(999_500L, EN)).isEqualTo("1.0M");
        assertThat(AmountFormat.tokensCompact(1_200_000L, EN)).isEqualTo("1.2M");
        assertThat(AmountFormat.tokensCompact(1_250_000L, EN)).isEqualTo("1.3M");
        assertThat(AmountFormat.tokensCompact(340_000_000L, EN)).isEqualTo("340M");
        assertThat(AmountFormat.tokensCompact(2_100_000_000L, EN)).isEqualTo("2.1B");
        assertThat(AmountFormat.tokensCompact(Long.MAX_VALUE, EN)).isEqualTo("9223372T");
        assertThat(AmountFormat.tokensCompact(1_200_000L, DE)).isEqualTo("1,2M");
        assertThat(AmountFormat.tokensCompact(-1_500L, EN)).isEqualTo("-1.5k");
        assertThat(AmountFormat.tokensCompact(null, EN)).isEqualTo("--");
    }

    @Test
    void tokensFullWithTheLocalesGrouping() {
        assertThat(AmountFormat.tokensFull(125_000L, EN)).isEqualTo("125,000");
        assertThat(AmountFormat.tokensFull(1_234_567L, DE)).isEqualTo("1.234.567");
        assertThat(AmountFormat.tokensFull(42L, DE)).isEqualTo("42");
        assertThat(AmountFormat.tokensFull(null, DE)).isEqualTo("--");
    }

    @Test
    void dollars() {
        assertThat(AmountFormat.dollars(1.42, EN)).isEqualTo("$1.42");
        assertThat(AmountFormat.dollars(1.005, EN)).isEqualTo("$1.01");
        assertThat(AmountFormat.dollars(0.0, EN)).isEqualTo("$0.00");
        assertThat(AmountFormat.dollars(1234.5, EN)).isEqualTo("$1,234.50");
        assertThat(AmountFormat.dollars(0.0042, EN)).isEqualTo("$0.0042");
        assertThat(AmountFormat.dollars(0.004999, EN)).isEqualTo("$0.0050");
        assertThat(AmountFormat.dollars(0.009996, EN)).isEqualTo("$0.01");
        assertThat(AmountFormat.dollars(0.00004, EN)).isEqualTo("<$0.0001");
        assertThat(AmountFormat.dollars(-2.0, EN)).isEqualTo("-$2.00");
        assertThat(AmountFormat.dollars(1.42, DE)).isEqualTo("1,42 $");
        assertThat(AmountFormat.dollars(1234.5, DE)).isEqualTo("1.234,50 $");
        assertThat(AmountFormat.dollars(0.0042, DE)).isEqualTo("0,0042 $");
        assertThat(AmountFormat.dollars(0.00004, DE)).isEqualTo("<0,0001 $");
        assertThat(AmountFormat.dollars(Double.NaN, EN)).isEqualTo("--");
        assertThat(AmountFormat.dollars(Double.POSITIVE_INFINITY, EN)).isEqualTo("--");
        assertThat(AmountFormat.dollars(null, EN)).isEqualTo("--");
    }

    @Test
    void percentNeverClaimsNothingOrEverythingFalsely() {
        assertThat(AmountFormat.percent(42.4, EN)).isEqualTo("42%");
        assertThat(AmountFormat.percent(42.5, EN)).isEqualTo("43%");
        assertThat(AmountFormat.percent(0.0, EN)).isEqualTo("0%");
        assertThat(AmountFormat.percent(0.2, EN)).isEqualTo("1%");
        assertThat(AmountFormat.percent(99.6, EN)).isEqualTo("99%");
        assertThat(AmountFormat.percent(100.0, EN)).isEqualTo("100%");
        assertThat(AmountFormat.percent(104.2, EN)).isEqualTo("104%");
        assertThat(AmountFormat.percent(42.0, DE)).isEqualTo("42 %");
        assertThat(AmountFormat.percent(Double.NaN, EN)).isEqualTo("--");
        assertThat(AmountFormat.ratioAsPercent(0.72, EN)).isEqualTo("72%");
        assertThat(AmountFormat.ratioAsPercent(null, EN)).isEqualTo("--");
    }

    @Test
    void burnRatePerHourForShortWindowsAndPerDayForLongOnes() {
        Messages en = Messages.of("en");
        Messages de = Messages.of("de");
        assertThat(AmountFormat.burnRate(18.0, FIVE_HOURS, en)).isEqualTo("18.0 %/h");
        assertThat(AmountFormat.burnRate(18.04, FIVE_HOURS, de)).isEqualTo("18,0 %/h");
        assertThat(AmountFormat.burnRate(0.05, FIVE_HOURS, en)).isEqualTo("0.1 %/h");
        assertThat(AmountFormat.burnRate(1.75, WEEK, en)).isEqualTo("42 %/d");
        assertThat(AmountFormat.burnRate(0.175, WEEK, de)).isEqualTo("4,2 %/d");
        assertThat(AmountFormat.burnRate(0.415, WEEK, en)).isEqualTo("10 %/d");
        assertThat(AmountFormat.burnRate(3.0, null, en)).isEqualTo("3.0 %/h");
        assertThat(AmountFormat.burnRate(3.0, Duration.ofDays(1), en)).isEqualTo("3.0 %/h");
        assertThat(AmountFormat.burnRate(null, WEEK, en)).isEqualTo("--");
        assertThat(AmountFormat.burnRate(Double.NaN, WEEK, en)).isEqualTo("--");
    }
}

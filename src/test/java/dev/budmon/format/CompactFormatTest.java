package dev.budmon.format;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CompactFormatTest {

    @Test
    void durationsShowTheirTwoLargestUnitsCutToMinutes() {
        assertThat(CompactFormat.duration(Duration.ofHours(2).plusMinutes(14).plusSeconds(59))).isEqualTo("2h14m");
        assertThat(CompactFormat.duration(Duration.ofDays(3).plusHours(12).plusMinutes(40))).isEqualTo("3d12h");
        assertThat(CompactFormat.duration(Duration.ofMinutes(14))).isEqualTo("14m");
        assertThat(CompactFormat.duration(Duration.ofHours(1))).isEqualTo("1h0m");
        assertThat(CompactFormat.duration(Duration.ofDays(1))).isEqualTo("1d0h");
        assertThat(CompactFormat.duration(Duration.ofSeconds(59))).isEqualTo("<1m");
        assertThat(CompactFormat.duration(Duration.ZERO)).isEqualTo("<1m");
    }

    @Test
    void signedDurationsForReserves() {
        assertThat(CompactFormat.signedDuration(Duration.ofMinutes(72))).isEqualTo("+1h12m");
        assertThat(CompactFormat.signedDuration(Duration.ofMinutes(-35))).isEqualTo("-35m");
        assertThat(CompactFormat.signedDuration(Duration.ofHours(-26))).isEqualTo("-1d2h");
        assertThat(CompactFormat.signedDuration(Duration.ofSeconds(20))).isEqualTo("+<1m");
    }

    @Test
    void groupedNumbersAndDollarsWithCents() {
        assertThat(CompactFormat.grouped(0)).isEqualTo("0");
        assertThat(CompactFormat.grouped(999)).isEqualTo("999");
        assertThat(CompactFormat.grouped(1_000)).isEqualTo("1,000");
        assertThat(CompactFormat.grouped(4_738_157_704L)).isEqualTo("4,738,157,704");
        assertThat(CompactFormat.grouped(-123_456)).isEqualTo("-123,456");
        assertThat(CompactFormat.grouped(Long.MAX_VALUE)).isEqualTo("9,223,372,036,854,775,807");
        assertThat(CompactFormat.dollarsWithCents(1750.125)).isEqualTo("$1,750.13");
        assertThat(CompactFormat.dollarsWithCents(0.07)).isEqualTo("$0.07");
        assertThat(CompactFormat.dollarsWithCents(0)).isEqualTo("$0.00");
        assertThat(CompactFormat.dollarsWithCents(0.004)).isEqualTo("<$0.01");
        assertThat(CompactFormat.dollarsWithCents(1_234_567.5)).isEqualTo("$1,234,567.50");
    }

    @Test
    void tokenCounts() {
        assertThat(CompactFormat.tokens(0)).isEqualTo("0");
        assertThat(CompactFormat.tokens(-5)).isEqualTo("0");
        assertThat(CompactFormat.tokens(950)).isEqualTo("950");
        assertThat(CompactFormat.tokens(4_249)).isEqualTo("4.2k");
        assertThat(CompactFormat.tokens(9_960)).isEqualTo("10k");
        assertThat(CompactFormat.tokens(125_000)).isEqualTo("125k");
        assertThat(CompactFormat.tokens(999_600)).isEqualTo("1.0M");
        assertThat(CompactFormat.tokens(1_240_000)).isEqualTo("1.2M");
        assertThat(CompactFormat.tokens(35_400_000)).isEqualTo("35M");
        assertThat(CompactFormat.tokens(1_500_000_000L)).isEqualTo("1.5G");
    }

    @Test
    void dollarsRatesAndPercentages() {
        assertThat(CompactFormat.dollars(1.4234)).isEqualTo("$1.42");
        assertThat(CompactFormat.dollars(0.07)).isEqualTo("$0.07");
        assertThat(CompactFormat.dollars(0.005)).isEqualTo("$0.01");
        assertThat(CompactFormat.dollars(12.3)).isEqualTo("$12.30");
        assertThat(CompactFormat.dollars(1234.5)).isEqualTo("$1235");
        assertThat(CompactFormat.dollars(-3)).isEqualTo("$0.00");
        assertThat(CompactFormat.rate(18.4)).isEqualTo("18");
        assertThat(CompactFormat.rate(2.54)).isEqualTo("2.5");
        assertThat(CompactFormat.rate(0.04)).isEqualTo("0.0");
        assertThat(CompactFormat.percent(41.6)).isEqualTo("42%");
        assertThat(CompactFormat.percent(105)).isEqualTo("105%");
    }
}

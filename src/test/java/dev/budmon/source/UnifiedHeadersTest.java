package dev.budmon.source;

import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UnifiedHeadersTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    private static Map<String, String> headers(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void windowsAreDiscoveredFromUtilizationHeaders() {
        UnifiedHeaders.Parsed p = UnifiedHeaders.parse(headers(
                "anthropic-ratelimit-unified-7d_sonnet-utilization", "0.10",
                "anthropic-ratelimit-unified-7d-utilization", "0.31",
                "anthropic-ratelimit-unified-7d-reset", "1764500000",
                "Anthropic-Ratelimit-Unified-5h-Utilization", "0.42",
                "anthropic-ratelimit-unified-5h-reset", "1764170000",
                "anthropic-ratelimit-unified-5h-status", "allowed_warning",
                "anthropic-ratelimit-unified-5h-surpassed-threshold", "0.4",
                "anthropic-ratelimit-unified-weird_window-utilization", "0.5",
                "anthropic-ratelimit-unified-status", "allowed",
                "anthropic-ratelimit-unified-reset", "1764170000",
                "anthropic-ratelimit-unified-representative-claim", "five_hour",
                "anthropic-ratelimit-unified-fallback-percentage", "0.5",
                "anthropic-ratelimit-unified-overage-status", "rejected",
                "anthropic-ratelimit-unified-overage-disabled-reason", "org_level_disabled",
                "content-type", "application/json"), AT, "budmon-interceptor", "f");
        RateLimits r = p.limits();
        assertThat(p.warnings()).isEmpty();
        assertThat(r.windows()).extracting(QuotaWindow::name)
                .containsExactly("5h", "7d", "7d_sonnet", "weird_window");
        QuotaWindow five = r.window("5h");
        assertThat(five.utilization()).isEqualTo(0.42);
        assertThat(five.reset()).isEqualTo(Instant.ofEpochSecond(1764170000));
        assertThat(five.status()).isEqualTo("allowed_warning");
        assertThat(five.surpassedThreshold()).isEqualTo(0.4);
        assertThat(five.length()).isEqualTo(Duration.ofHours(5));
        assertThat(r.window("7d_sonnet").length()).isEqualTo(Duration.ofHours(168));
        assertThat(r.window("weird_window").length()).isNull();
        assertThat(r.account().status()).isEqualTo("allowed");
        assertThat(r.account().representativeClaim()).isEqualTo("five_hour");
        assertThat(r.account().fallbackPercentage()).isEqualTo(0.5);
        assertThat(r.account().overageStatus()).isEqualTo("rejected");
        assertThat(r.account().overageDisabledReason()).isEqualTo("org_level_disabled");
        assertThat(r.capturedAt()).isEqualTo(AT);
        assertThat(r.source()).isEqualTo("budmon-interceptor");
    }

    @Test
    void anAccountInOverageHasOnlyAccountFieldsAndTheOverageWindow() {
        RateLimits r = UnifiedHeaders.parse(headers(
                "anthropic-ratelimit-unified-status", "allowed",
                "anthropic-ratelimit-unified-representative-claim", "overage",
                "anthropic-ratelimit-unified-overage-status", "allowed",
                "anthropic-ratelimit-unified-overage-in-use", "true",
                "anthropic-ratelimit-unified-overage-utilization", "0.07",
                "anthropic-ratelimit-unified-overage-reset", "1764600000"), AT, "x", "f").limits();
        assertThat(r.windows()).extracting(QuotaWindow::name).containsExactly("overage");
        assertThat(r.account().overageInUse()).isTrue();
        assertThat(r.account().representativeClaim()).isEqualTo("overage");
        assertThat(r.window("overage").length()).isNull();
    }

    @Test
    void badNumbersBecomeUnknownWithAWarningAndOthersStillWork() {
        UnifiedHeaders.Parsed p = UnifiedHeaders.parse(headers(
                "anthropic-ratelimit-unified-5h-utilization", "lots",
                "anthropic-ratelimit-unified-5h-reset", "soon",
                "anthropic-ratelimit-unified-7d-utilization", "-0.2",
                "anthropic-ratelimit-unified-7d_opus-utilization", "0.25",
                "anthropic-ratelimit-unified-overage-in-use", "maybe"), AT, "x", "usage-limits.json");
        assertThat(p.limits().window("5h").utilization()).isNull();
        assertThat(p.limits().window("5h").reset()).isNull();
        assertThat(p.limits().window("7d").utilization()).isNull();
        assertThat(p.limits().window("7d_opus").utilization()).isEqualTo(0.25);
        assertThat(p.limits().account().overageInUse()).isNull();
        assertThat(p.warnings()).hasSize(4).allSatisfy(w -> assertThat(w.source()).isEqualTo("usage-limits.json"));
        assertThat(p.warnings().get(0).message()).contains("5h-utilization").contains("lots");
    }

    @Test
    void resetsInMillisecondsOrIsoTextAreUnderstood() {
        RateLimits r = UnifiedHeaders.parse(headers(
                "anthropic-ratelimit-unified-5h-utilization", "0.1",
                "anthropic-ratelimit-unified-5h-reset", "1764170000000",
                "anthropic-ratelimit-unified-7d-utilization", "0.1",
                "anthropic-ratelimit-unified-7d-reset", "2026-11-30T10:00:00Z"), AT, "x", "f").limits();
        assertThat(r.window("5h").reset()).isEqualTo(Instant.ofEpochSecond(1764170000));
        assertThat(r.window("7d").reset()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void noUnifiedHeaderAtAllMeansNoLimits() {
        UnifiedHeaders.Parsed p = UnifiedHeaders.parse(headers("x-ratelimit-limit", "5"), AT, "x", "f");
        assertThat(p.limits()).isNull();
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void outOfRangeValuesAreUnknownWithAWarningNeverACrash() {
        Map<String, String> h = Map.of(
                "anthropic-ratelimit-unified-5h-utilization", "1e308",
                "anthropic-ratelimit-unified-5h-reset", "32000000000000000000",
                "anthropic-ratelimit-unified-7d-utilization", "0.5",
                "anthropic-ratelimit-unified-7d-reset", "253402300799",
                "anthropic-ratelimit-unified-reset", "-5");
        UnifiedHeaders.Parsed p = UnifiedHeaders.parse(h, null, "t", "f");
        assertThat(p.limits().window("5h").utilization()).isNull();
        assertThat(p.limits().window("5h").reset()).isNull();
        // year 9999 in seconds is read as seconds, not as milliseconds of 1978
        assertThat(p.limits().window("7d").reset()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(p.limits().account().reset()).isNull();
        assertThat(p.warnings()).extracting(w -> w.message()).containsExactlyInAnyOrder(
                "header anthropic-ratelimit-unified-5h-utilization = \"1e308\" is not a fraction from 0 to 10",
                "header anthropic-ratelimit-unified-5h-reset = \"32000000000000000000\" is not a time (epoch seconds up to the year 9999)",
                "header anthropic-ratelimit-unified-reset = \"-5\" is not a time (epoch seconds up to the year 9999)");
    }
}

package dev.budmon.calc;

import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ModelChoice;
import dev.budmon.model.ModelPrices;
import dev.budmon.model.TokenCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PricingTest {

    private static final PriceTable TABLE = PriceTable.bundled();
    private static final TokenCounts MILLION_EACH = new TokenCounts(1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000);

    private static BudmonConfig config(ModelChoice choice) {
        BudmonConfig d = BudmonConfig.DEFAULTS;
        return new BudmonConfig(d.language(), d.refreshMs(), choice, new ModelPrices(1, 2, 3, 4, 5),
                d.thresholds(), d.statusline(), d.windowGeometry());
    }

    @ParameterizedTest
    @CsvSource({
            "claude-opus-4-20250514, 15, 75",
            "claude-opus-4-1-20250805, 15, 75",
            "claude-opus-4-5-20251101, 5, 25",
            "claude-opus-4-6, 5, 25",
            "claude-opus-4-8, 5, 25",
            "claude-opus-5, 5, 25",
            "claude-opus-5-5, 4, 20",
            "claude-sonnet-4-20250514, 3, 15",
            "claude-sonnet-4-5-20250929, 3, 15",
            "claude-sonnet-4-6, 3, 15",
            "claude-sonnet-5, 2, 10",
            "claude-sonnet-5-5, 2, 10",
            "claude-3-5-haiku-20241022, 0.80, 4",
            "claude-haiku-4-5-20251001, 1, 5",
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0, 3, 15",
            "claude-sonnet-4-5@20250929, 3, 15",
            "claude-sonnet-4-5[1m], 3, 15",
    })
    void knownModelsArePricedByTheirOwnEntry(String model, double input, double output) {
        PriceTable.Match m = TABLE.lookup(model);
        assertThat(m.known()).as(model).isTrue();
        assertThat(m.prices().input()).isEqualTo(input);
        assertThat(m.prices().output()).isEqualTo(output);
    }

    @Test
    void cachePricesFollowAnthropicsMultipliersUnlessGiven() {
        ModelPrices sonnet = TABLE.lookup("claude-sonnet-4-5").prices();
        assertThat(sonnet.cacheWrite5m()).isCloseTo(3.75, within(1e-9));
        assertThat(sonnet.cacheWrite1h()).isCloseTo(6.0, within(1e-9));
        assertThat(sonnet.cacheRead()).isCloseTo(0.30, within(1e-9));
        ModelPrices opus55 = TABLE.lookup("claude-opus-5-5").prices();
        assertThat(opus55.cacheRead()).isEqualTo(0.20);
        assertThat(opus55.cacheWrite5m()).isEqualTo(5.0);
        assertThat(opus55.cacheWrite1h()).isEqualTo(8.0);
    }

    @Test
    void unknownModelsArePricedByFamilyAndReported() {
        PriceTable.Match m = TABLE.lookup("claude-opus-9-20300101");
        assertThat(m.known()).isFalse();
        assertThat(m.prices()).isEqualTo(TABLE.family("opus"));
        assertThat(m.prices().input()).isGreaterThan(0);

        Pricing p = new Pricing(TABLE, BudmonConfig.DEFAULTS);
        assertThat(p.cost("claude-opus-9-20300101", MILLION_EACH).total()).isGreaterThan(0);
        assertThat(p.unknownModels(List.of("claude-opus-9-20300101", "claude-sonnet-4-5", "<synthetic>", "gpt-x")))
                .containsExactly("claude-opus-9-20300101", "gpt-x");
    }

    @Test
    void costPricesEveryKindAtItsOwnRate() {
        Pricing p = new Pricing(TABLE, BudmonConfig.DEFAULTS);
        Cost c = p.cost("claude-opus-5-5", new TokenCounts(1000, 2000, 3000, 4000, 5000));
        assertThat(c.input()).isCloseTo(1000 * 4 / 1e6, within(1e-12));
        assertThat(c.output()).isCloseTo(2000 * 20 / 1e6, within(1e-12));
        assertThat(c.cacheWrite5m()).isCloseTo(3000 * 5 / 1e6, within(1e-12));
        assertThat(c.cacheWrite1h()).isCloseTo(4000 * 8 / 1e6, within(1e-12));
        assertThat(c.cacheRead()).isCloseTo(5000 * 0.2 / 1e6, within(1e-12));
        assertThat(c.total()).isCloseTo((4000 + 40000 + 15000 + 32000 + 1000) / 1e6, within(1e-12));
    }

    @Test
    void syntheticLinesCostNothing() {
        Pricing p = new Pricing(TABLE, BudmonConfig.DEFAULTS);
        assertThat(p.cost("<synthetic>", MILLION_EACH).total()).isZero();
    }

    @Test
    void theConfiguredModelOverridesEachResponsesModel() {
        TokenCounts t = new TokenCounts(1_000_000, 0, 0, 0, 0);
        assertThat(new Pricing(TABLE, config(ModelChoice.HAIKU)).cost("claude-opus-4-1", t).total())
                .isEqualTo(TABLE.family("haiku").input());
        assertThat(new Pricing(TABLE, config(ModelChoice.OPUS)).cost("claude-haiku-4-5", t).total())
                .isEqualTo(TABLE.family("opus").input());
        assertThat(new Pricing(TABLE, config(ModelChoice.CUSTOM)).cost(Map.of("x", MILLION_EACH)).total())
                .isCloseTo(1 + 2 + 3 + 4 + 5, within(1e-9));
        assertThat(new Pricing(TABLE, config(ModelChoice.CUSTOM)).unknownModels(List.of("gpt-x"))).isEmpty();
    }
}

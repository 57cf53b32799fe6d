package dev.budmon.calc;

import dev.budmon.config.BudmonConfig;
import dev.budmon.model.ModelPrices;
import dev.budmon.model.TokenCounts;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prices tokens the way the config says: each response at its own model's prices ({@code auto}), one
 * family's prices for everything, or the INI's {@code [prices]}. Pure; any thread.
 */
public final class Pricing {

    /** Claude Code's marker for lines it made up itself; they were never billed. */
    public static final String SYNTHETIC_MODEL = "<synthetic>";

    private final PriceTable table;
    private final BudmonConfig config;

    public Pricing(PriceTable table, BudmonConfig config) {
        this.table = table;
        this.config = config;
    }

    /** The prices applied to a model id under the current config. */
    public ModelPrices pricesFor(String model) {
        return switch (config.model()) {
            case AUTO -> table.lookup(model).prices();
            case OPUS -> table.family("opus");
            case SONNET -> table.family("sonnet");
            case HAIKU -> table.family("haiku");
            case CUSTOM -> config.customPrices();
        };
    }

    /** Dollars by kind for tokens of one model. */
    public Cost cost(String model, TokenCounts t) {
        if (SYNTHETIC_MODEL.equals(model)) {
            return Cost.ZERO;
        }
        ModelPrices p = pricesFor(model);
        return new Cost(t.input() * p.input() / 1e6, t.output() * p.output() / 1e6,
                t.cacheWrite5m() * p.cacheWrite5m() / 1e6, t.cacheWrite1h() * p.cacheWrite1h() / 1e6,
                t.cacheRead() * p.cacheRead() / 1e6);
    }

    /** Dollars by kind for tokens of several models. */
    public Cost cost(Map<String, TokenCounts> byModel) {
        Cost sum = Cost.ZERO;
        for (Map.Entry<String, TokenCounts> e : byModel.entrySet()) {
            sum = sum.plus(cost(e.getKey(), e.getValue()));
        }
        return sum;
    }

    /**
     * The model ids among these that the table knows only by family (or not at all), sorted. Empty unless
     * prices follow each response's model.
     */
    public Set<String> unknownModels(Iterable<String> models) {
        Set<String> unknown = new TreeSet<>();
        if (config.model() != dev.budmon.config.ModelChoice.AUTO) {
            return unknown;
        }
        for (String m : models) {
            if (m != null && !SYNTHETIC_MODEL.equals(m) && !table.lookup(m).known()) {
                unknown.add(m);
            }
        }
        return unknown;
    }
}

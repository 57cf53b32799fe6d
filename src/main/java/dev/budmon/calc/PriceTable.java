package dev.budmon.calc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.budmon.json.JsonTrees;
import dev.budmon.model.ModelPrices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Model prices from the bundled {@code prices.json}. Immutable; any thread.
 *
 * <p>A model id is matched exactly, then with its date and provider decorations removed
 * ({@code claude-sonnet-4-5-20250929}, {@code us.anthropic.claude-sonnet-4-5-20250929-v1:0},
 * {@code claude-sonnet-4-5@20250929} and {@code claude-sonnet-4-5[1m]} are all {@code claude-sonnet-4-5}),
 * then by family (opus, sonnet, haiku). A family match is a guess and is reported as unknown.
 */
public final class PriceTable {

    private static final Pattern DATE_SUFFIX = Pattern.compile("[-@]\\d{8}$");
    private static final Pattern VERSION_SUFFIX = Pattern.compile("-v\\d+(:\\d+)?$");
    private static final Pattern CONTEXT_SUFFIX = Pattern.compile("\\[[^\\]]*\\]$");
    private static final String[] FAMILIES = {"opus", "sonnet", "haiku"};

    private final Map<String, ModelPrices> models;
    private final Map<String, ModelPrices> families;

    private PriceTable(Map<String, ModelPrices> models, Map<String, ModelPrices> families) {
        this.models = Map.copyOf(models);
        this.families = Map.copyOf(families);
    }

    /** How a model id was priced. */
    public record Match(ModelPrices prices, boolean known) {
    }

    /** The table shipped inside BudMon. */
    public static PriceTable bundled() {
        return Bundled.TABLE;
    }

    private static final class Bundled {
        static final PriceTable TABLE = load();

        private static PriceTable load() {
            try (InputStream in = PriceTable.class.getResourceAsStream("prices.json")) {
                if (in == null) {
                    throw new IllegalStateException("prices.json is missing from the build");
                }
                return parse(JsonTrees.read(in, false));
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled prices.json cannot be read", e);
            }
        }
    }

    /**
     * Builds a table from a {@code prices.json} tree.
     *
     * @throws IllegalArgumentException when an entry lacks input or output prices or a family points nowhere
     */
    public static PriceTable parse(JsonNode root) {
        Map<String, ModelPrices> models = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (!p.path("input").isNumber() || !p.path("output").isNumber()) {
                throw new IllegalArgumentException("price entry " + e.getKey() + " needs input and output");
            }
            ModelPrices std = ModelPrices.standard(p.get("input").asDouble(), p.get("output").asDouble());
            models.put(e.getKey(), new ModelPrices(std.input(), std.output(),
                    p.path("cache_write_5m").asDouble(std.cacheWrite5m()),
                    p.path("cache_write_1h").asDouble(std.cacheWrite1h()),
                    p.path("cache_read").asDouble(std.cacheRead())));
        }
        Map<String, ModelPrices> families = new HashMap<>();
        for (String f : FAMILIES) {
            String id = root.path("families").path(f).asText(null);
            ModelPrices p = id == null ? null : models.get(id);
            if (p == null) {
                throw new IllegalArgumentException("family " + f + " must name a model of the table");
            }
            families.put(f, p);
        }
        return new PriceTable(models, families);
    }

    /** Prices for a model family ({@code opus}, {@code sonnet}, {@code haiku}). */
    public ModelPrices family(String family) {
        ModelPrices p = families.get(family);
        if (p == null) {
            throw new IllegalArgumentException("unknown family: " + family);
        }
        return p;
    }

    /**
     * Prices for a model id.
     *
     * @return the match, {@code known == false} when only the family (or nothing: then Sonnet's prices)
     *         could be used, so that the caller can report the id once instead of silently pricing it
     */
    public Match lookup(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            return new Match(families.get("sonnet"), false);
        }
        ModelPrices exact = models.get(modelId);
        if (exact != null) {
            return new Match(exact, true);
        }
        String base = normalize(modelId);
        ModelPrices p = models.get(base);
        if (p != null) {
            return new Match(p, true);
        }
        for (String f : FAMILIES) {
            if (base.contains(f)) {
                return new Match(families.get(f), false);
            }
        }
        return new Match(families.get("sonnet"), false);
    }

    static String normalize(String modelId) {
        String s = modelId.trim().toLowerCase(Locale.ROOT);
        s = CONTEXT_SUFFIX.matcher(s).replaceFirst("");
        int claude = s.indexOf("claude-");
        if (claude > 0) {
            s = s.substring(claude);
        }
        s = VERSION_SUFFIX.matcher(s).replaceFirst("");
        s = DATE_SUFFIX.matcher(s).replaceFirst("");
        return s;
    }
}

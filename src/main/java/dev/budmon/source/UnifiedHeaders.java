package dev.budmon.source;

import dev.budmon.json.JsonValues;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.SourceWarning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns {@code anthropic-ratelimit-unified-*} headers into {@link RateLimits}. Windows are discovered from
 * the headers, not hard-coded: every {@code <name>-utilization} makes one. Pure; any thread.
 */
public final class UnifiedHeaders {

    /** The common prefix of every header this class reads. */
    public static final String PREFIX = "anthropic-ratelimit-unified-";
    /**
     * The largest utilization taken as a figure: 10 (1000 %). The server reports fractions around 0..1
     * (beyond 1 when a window is surpassed); anything far larger is a broken value, shown as unknown.
     */
    public static final double MAX_UTILIZATION = 10;

    private UnifiedHeaders() {
    }

    /** The result of parsing: the limits, and one warning per header that made no sense. */
    public record Parsed(RateLimits limits, List<SourceWarning> warnings) {
    }

    /**
     * Parses the headers.
     *
     * @param headers    header names (any case) to values
     * @param capturedAt when they were recorded, or {@code null}
     * @param source     who recorded them
     * @param origin     the file they came from, for warnings
     * @return the limits, or {@code null} limits when not a single unified header was present
     */
    public static Parsed parse(Map<String, String> headers, Instant capturedAt, String source, String origin) {
        Map<String, String> h = new HashMap<>();
        for (Map.Entry<String, String> e : headers.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT).trim();
            if (name.startsWith(PREFIX) && e.getValue() != null) {
                h.put(name.substring(PREFIX.length()), e.getValue().trim());
            }
        }
        List<SourceWarning> warnings = new ArrayList<>();
        if (h.isEmpty()) {
            return new Parsed(null, warnings);
        }
        Fields f = new Fields(h, warnings, origin);

        TreeSet<String> names = new TreeSet<>();
        for (String key : h.keySet()) {
            if (key.endsWith("-utilization")) {
                names.add(key.substring(0, key.length() - "-utilization".length()));
            }
        }
        List<QuotaWindow> windows = new ArrayList<>();
        for (String name : names) {
            windows.add(new QuotaWindow(name, f.fraction(name + "-utilization"), f.epoch(name + "-reset"),
                    f.text(name + "-status"), f.fraction(name + "-surpassed-threshold"), QuotaWindow.lengthOf(name)));
        }
        windows.sort(QuotaWindow.DISPLAY_ORDER);

        AccountLimits account = new AccountLimits(f.text("status"), f.epoch("reset"),
                f.text("representative-claim"), f.text("overage-status"), f.bool("overage-in-use"),
                f.text("overage-disabled-reason"), f.fraction("fallback-percentage"));
        return new Parsed(new RateLimits(capturedAt, source, windows, account), warnings);
    }



    /** Reads typed values, turning each bad one into a warning and {@code null}. */
    private record Fields(Map<String, String> h, List<SourceWarning> warnings, String origin) {

        String text(String key) {
            String v = h.get(key);
            return v == null || v.isEmpty() ? null : v;
        }

        Double fraction(String key) {
            String v = text(key);
            if (v == null) {
                return null;
            }
            try {
                Double d = JsonValues.number(v);
                if (d != null && d >= 0 && d <= MAX_UTILIZATION) {
                    return d;
                }
            } catch (RuntimeException ignored) {
                // reported below
            }
            warn(key, v, "is not a fraction from 0 to " + (int) MAX_UTILIZATION);
            return null;
        }

        Instant epoch(String key) {
            String v = text(key);
            if (v == null) {
                return null;
            }
            Instant t = JsonValues.time(v);
            if (t == null) {
                warn(key, v, "is not a time (epoch seconds up to the year 9999)");
            }
            return t;
        }

        Boolean bool(String key) {
            String v = text(key);
            if (v == null) {
                return null;
            }
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (v.equalsIgnoreCase("false")) {
                return false;
            }
            warn(key, v, "is not true or false");
            return null;
        }

        private void warn(String key, String value, String problem) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            warnings.add(new SourceWarning(origin, "header " + PREFIX + key + " = \"" + shown + "\" " + problem));
        }
    }
}

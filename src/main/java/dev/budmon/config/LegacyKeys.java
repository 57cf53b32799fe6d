package dev.budmon.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of the original BudMon 1.x (Python) and what they are in this BudMon. Its documented
 * {@code budmon.ini} keys mean the same figures in the same units, under other names; a file written by it
 * keeps its thresholds and prices here instead of having them silently ignored. Pure; any thread.
 */
final class LegacyKeys {

    /** By section: the original's key and ours. */
    private static final Map<String, Map<String, String>> RENAMED = renamed();

    private LegacyKeys() {
    }

    private static Map<String, Map<String, String>> renamed() {
        Map<String, String> thresholds = new LinkedHashMap<>();
        thresholds.put("quota_warn_pct", "quota_warn");
        thresholds.put("quota_alarm_pct", "quota_alarm");
        thresholds.put("cache_warn_ratio", "cache_warn");
        thresholds.put("cache_alarm_ratio", "cache_alarm");
        thresholds.put("burn_safe_pct_h", "burn_safe");
        thresholds.put("burn_warn_pct_h", "burn_warn");
        Map<String, String> prices = new LinkedHashMap<>();
        prices.put("price_input", "input");
        prices.put("price_output", "output");
        prices.put("price_cache_read", "cache_read");
        // the original knew one cache-write price, the one of the 5-minute cache
        prices.put("price_cache_create", "cache_write_5m");
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("thresholds", thresholds);
        m.put("prices", prices);
        return m;
    }

    /**
     * Renames the original's keys in {@code values} (changed in place) to ours. Where both are set, ours wins
     * and the original's is dropped with a warning. The original saved the window position as {@code +x+y}
     * (Tk's form, no size): that is dropped too, and the window is placed anew.
     *
     * @param values   the file's entries by lower-case section and key
     * @param messages receives one warning for each key of the original that is not used
     * @return the keys read under our names, in file order
     */
    static List<LegacyKey> translate(Map<String, Map<String, String>> values, List<String> messages) {
        List<LegacyKey> read = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> section : values.entrySet()) {
            Map<String, String> renames = RENAMED.get(section.getKey());
            if (renames == null) {
                continue;
            }
            Map<String, String> entries = section.getValue();
            Map<String, String> translated = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : entries.entrySet()) {
                String ours = renames.get(e.getKey());
                if (ours == null) {
                    translated.putIfAbsent(e.getKey(), e.getValue());
                } else if (entries.containsKey(ours)) {
                    messages.add("[" + section.getKey() + "] " + e.getKey() + " (a key of BudMon 1.x) is ignored: "
                            + ours + " is set too");
                } else {
                    translated.put(ours, e.getValue());
                    read.add(new LegacyKey(section.getKey(), e.getKey(), ours));
                }
            }
            entries.clear();
            entries.putAll(translated);
        }
        Map<String, String> window = values.get("window");
        if (window != null && isTkPosition(window.get("geometry"))) {
            window.remove("geometry");
            read.add(new LegacyKey("window", "geometry", ""));
        }
        return read;
    }

    /** {@code +x+y} (or {@code -x-y}) without a size: how the original saved the window position. */
    static boolean isTkPosition(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        int signs = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+' || c == '-') {
                if (i + 1 >= value.length() || !Character.isDigit(value.charAt(i + 1))) {
                    return false;
                }
                signs++;
            } else if (!Character.isDigit(c) || i == 0) {
                return false;
            }
        }
        return signs == 2;
    }
}

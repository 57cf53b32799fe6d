package dev.budmon.config;

import java.util.Locale;

/** Which prices to apply: each response's own model, one family for everything, or the INI's own prices. */
public enum ModelChoice {
    AUTO, OPUS, SONNET, HAIKU, CUSTOM;

    /** The INI spelling, e.g. {@code auto}. */
    public String iniValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the INI spelling, case-insensitively; {@code null} when it is none of them. */
    public static ModelChoice parse(String value) {
        if (value == null) {
            return null;
        }
        for (ModelChoice c : values()) {
            if (c.iniValue().equalsIgnoreCase(value.trim())) {
                return c;
            }
        }
        return null;
    }
}

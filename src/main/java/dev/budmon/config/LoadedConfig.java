package dev.budmon.config;

import dev.budmon.model.SourceWarning;

import java.util.List;

/**
 * A configuration as read from {@code budmon.ini}, with one warning for every value that could not be
 * used as written (that value's default is in {@code config} instead). Immutable; any thread.
 *
 * @param config   the configuration, defaults filled in
 * @param warnings what was wrong with the file, in English, e.g. {@code [thresholds] quota_warn = "abc" is
 *                 not a number; using 75}; empty when all was well
 * @param legacy   settings of the original BudMon 1.x read under BudMon's names ({@link LegacyKey}); empty
 *                 for a file of BudMon's own
 */
public record LoadedConfig(BudmonConfig config, List<SourceWarning> warnings, List<LegacyKey> legacy) {

    /** BudMon's defaults, without warnings. */
    public static final LoadedConfig DEFAULTS = new LoadedConfig(BudmonConfig.DEFAULTS, List.of());

    public LoadedConfig {
        warnings = List.copyOf(warnings);
        legacy = List.copyOf(legacy);
    }

    /** A configuration without keys of the original BudMon. */
    public LoadedConfig(BudmonConfig config, List<SourceWarning> warnings) {
        this(config, warnings, List.of());
    }
}

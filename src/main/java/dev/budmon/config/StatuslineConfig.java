package dev.budmon.config;

import java.util.List;

/**
 * The {@code [statusline]} section.
 *
 * @param elements names of the elements to show, in order
 * @param maxWidth visible characters at most
 */
public record StatuslineConfig(List<String> elements, int maxWidth) {

    /** BudMon's defaults. */
    public static final StatuslineConfig DEFAULTS = new StatuslineConfig(
            List.of("cwd", "model_info", "5h_bar", "7d_bar", "countdown_5h", "reserve"), 80);

    public StatuslineConfig {
        elements = List.copyOf(elements);
    }
}

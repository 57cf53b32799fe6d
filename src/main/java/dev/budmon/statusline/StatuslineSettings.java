package dev.budmon.statusline;

import dev.budmon.config.StatuslineConfig;
import dev.budmon.config.Thresholds;

import java.util.ArrayList;
import java.util.List;

/**
 * What the status line takes from {@code budmon.ini}: the {@code [statusline]} section and the thresholds.
 * Immutable; any thread.
 *
 * @param elements   element names as configured, in order (unknown names included, see {@link #unknownNames()})
 * @param maxWidth   visible columns at most
 * @param thresholds where figures turn yellow and red
 */
public record StatuslineSettings(List<String> elements, int maxWidth, Thresholds thresholds) {

    /** BudMon's defaults. */
    public static final StatuslineSettings DEFAULTS = new StatuslineSettings(
            StatuslineConfig.DEFAULTS.elements(), StatuslineConfig.DEFAULTS.maxWidth(), Thresholds.DEFAULTS);

    public StatuslineSettings {
        elements = List.copyOf(elements);
    }

    /** The known elements, in the configured order, each once. */
    public List<Element> knownElements() {
        List<Element> out = new ArrayList<>();
        for (String name : elements) {
            Element e = Element.byName(name);
            if (e != null && !out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The configured names that are no element. */
    public List<String> unknownNames() {
        List<String> out = new ArrayList<>();
        for (String name : elements) {
            if (Element.byName(name) == null) {
                out.add(name);
            }
        }
        return out;
    }
}

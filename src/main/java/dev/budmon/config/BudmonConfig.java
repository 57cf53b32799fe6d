package dev.budmon.config;

import dev.budmon.model.ModelPrices;

/**
 * Everything {@code budmon.ini} configures, with defaults filled in. Immutable; any thread.
 *
 * @param language        {@code auto}, {@code de} or {@code en}
 * @param refreshMs       poll interval of the watcher's safety net, in milliseconds
 * @param model           which prices to apply
 * @param customPrices    the {@code [prices]} section, used when {@code model} is {@code CUSTOM}
 * @param thresholds      the {@code [thresholds]} section
 * @param statusline      the {@code [statusline]} section
 * @param windowGeometry  the {@code [window] geometry} value ({@code x,y,width,height}); {@code null} when unset
 * @param alerts          the {@code [alerts]} section
 * @param tray            the {@code [tray]} section
 */
public record BudmonConfig(String language, int refreshMs, ModelChoice model, ModelPrices customPrices,
                           Thresholds thresholds, StatuslineConfig statusline, String windowGeometry,
                           AlertSettings alerts, TraySettings tray) {

    /** A configuration with the default alerts and tray, as before those sections existed. */
    public BudmonConfig(String language, int refreshMs, ModelChoice model, ModelPrices customPrices,
                        Thresholds thresholds, StatuslineConfig statusline, String windowGeometry) {
        this(language, refreshMs, model, customPrices, thresholds, statusline, windowGeometry,
                AlertSettings.DEFAULTS, TraySettings.DEFAULTS);
    }

    /** Custom prices when none are configured: Sonnet's. */
    public static final ModelPrices DEFAULT_CUSTOM_PRICES = ModelPrices.standard(3, 15);

    /** BudMon's defaults. */
    public static final BudmonConfig DEFAULTS = new BudmonConfig("auto", 2000, ModelChoice.AUTO,
            DEFAULT_CUSTOM_PRICES, Thresholds.DEFAULTS, StatuslineConfig.DEFAULTS, null);
}

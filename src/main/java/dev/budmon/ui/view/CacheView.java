package dev.budmon.ui.view;

import dev.budmon.ui.widget.SparklineModel;

import java.util.Objects;

/**
 * The cache-hit section.
 *
 * @param title     e.g. {@code CACHE RATIO}
 * @param current   the newest ratio, shown large and coloured, e.g. {@code 87 %}
 * @param average   e.g. {@code avg 82 %}
 * @param sparkline the last (up to 60) ratios
 * @param tip       tooltip of the whole section: how the ratio is computed, its thresholds
 */
public record CacheView(String title, TonedText current, TonedText average, SparklineModel sparkline, String tip) {

    public CacheView {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(average, "average");
        Objects.requireNonNull(sparkline, "sparkline");
        Objects.requireNonNull(tip, "tip");
    }
}

package dev.budmon.tray;

import dev.budmon.calc.Figures;
import dev.budmon.calc.Level;
import dev.budmon.calc.WindowForecast;

/**
 * What the tray icon's picture shows: the most urgent window's percentage and level. Immutable; any thread.
 *
 * @param window  the window's header name; {@code null} when no window is known
 * @param percent its utilization in percent; {@code null} when unknown (the icon then shows a dash)
 * @param level   its level: the colour of the figure and the bar; {@code NONE} shows grey
 */
public record TrayIconModel(String window, Double percent, Level level) {

    /** Before any figure is known. */
    public static final TrayIconModel WAITING = new TrayIconModel(null, null, Level.NONE);

    /**
     * The most urgent window of these figures: the highest level (quota, reserve, the server's status), then
     * the highest percentage. A window whose reset has passed counts as 0 %.
     */
    public static TrayIconModel of(Figures f) {
        WindowForecast best = null;
        for (WindowForecast w : f.windows()) {
            if (w.percent() == null) {
                continue;
            }
            if (best == null || w.level().ordinal() > best.level().ordinal()
                    || w.level() == best.level() && w.percent() > best.percent()) {
                best = w;
            }
        }
        return best == null ? WAITING : new TrayIconModel(best.window().name(), best.percent(), best.level());
    }

    /**
     * The figure as the picture writes it: whole percent, {@code 0} to {@code 100} (a window past its limit
     * shows 100, which is what it means: used up), or {@code -} when unknown.
     */
    public String text() {
        if (percent == null || percent.isNaN()) {
            return "-";
        }
        long p = Math.round(Math.max(0, Math.min(100, percent)));
        if (percent > 99 && percent < 100) {
            p = 99; // as the window shows it: 100 means used up
        }
        return Long.toString(p);
    }

    /** The bar's fill, 0 to 1. */
    public double fill() {
        return percent == null || percent.isNaN() ? 0 : Math.max(0, Math.min(1, percent / 100));
    }
}

package dev.budmon.ui.theme;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.util.UIScale;

import javax.swing.UIManager;
import java.awt.Color;
import java.awt.Font;

/**
 * BudMon's look: FlatDarkLaf plus the palette and fonts of {@code FlatDarkLaf.properties} in this package.
 * The theme keys are listed here as constants so that code and properties file cannot drift apart silently;
 * a missing key shows up as magenta instead of a crash.
 */
public final class BudmonTheme {

    /** Window and panel background. */
    public static final String BACKGROUND = "BudMon.background";
    /** Normal text. */
    public static final String FOREGROUND = "BudMon.foreground";
    /** Captions and unknown figures. */
    public static final String DIM_FOREGROUND = "BudMon.dimForeground";
    /** Accent (the sparkline's line, the title). */
    public static final String ACCENT = "BudMon.accentColor";
    /** Thin rules between sections. */
    public static final String SEPARATOR = "BudMon.separatorColor";

    /** The empty part of a quota bar. */
    public static final String QUOTA_TRACK = "BudMon.quota.trackColor";
    /** A quota bar's fill within limits. */
    public static final String QUOTA_OK = "BudMon.quota.okColor";
    /** A quota bar's fill past the warn threshold. */
    public static final String QUOTA_WARN = "BudMon.quota.warnColor";
    /** A quota bar's fill past the alarm threshold. */
    public static final String QUOTA_ALARM = "BudMon.quota.alarmColor";
    /** A dimmed (reset, unknown) quota bar's fill. */
    public static final String QUOTA_DIM = "BudMon.quota.dimColor";
    /** The warn marker on a quota bar (yellow, as the original BudMon has it). */
    public static final String QUOTA_WARN_MARKER = "BudMon.quota.warnMarkerColor";
    /** The alarm marker on a quota bar (red). */
    public static final String QUOTA_ALARM_MARKER = "BudMon.quota.alarmMarkerColor";
    /** Bar height at 100 %, unscaled pixels. */
    public static final String QUOTA_BAR_HEIGHT = "BudMon.quota.barHeight";
    /** Height of the compact bars (per-model windows), unscaled pixels. */
    public static final String QUOTA_COMPACT_BAR_HEIGHT = "BudMon.quota.compactBarHeight";
    /** Corner arc of the bar, unscaled pixels. */
    public static final String QUOTA_ARC = "BudMon.quota.arc";

    /** The full circle behind the countdown arc. */
    public static final String RING_TRACK = "BudMon.ring.trackColor";
    /** Diameter of the countdown ring, unscaled pixels. */
    public static final String RING_DIAMETER = "BudMon.ring.diameter";
    /** Stroke width of the countdown ring, unscaled pixels. */
    public static final String RING_THICKNESS = "BudMon.ring.thickness";

    /** The sparkline's line. */
    public static final String SPARKLINE_LINE = "BudMon.sparkline.lineColor";
    /** The dashed 50 % guide. */
    public static final String SPARKLINE_GUIDE = "BudMon.sparkline.guideColor";
    /** Diameter of the end dot, unscaled pixels. */
    public static final String SPARKLINE_DOT_DIAMETER = "BudMon.sparkline.dotDiameter";

    /** The quota history window's line colours, one per window drawn (5h, 7d, two model weeks). */
    public static final String HISTORY_SERIES_0 = "BudMon.history.series0";
    public static final String HISTORY_SERIES_1 = "BudMon.history.series1";
    public static final String HISTORY_SERIES_2 = "BudMon.history.series2";
    public static final String HISTORY_SERIES_3 = "BudMon.history.series3";
    /** The quota history's band between the warn and the alarm threshold. */
    public static final String HISTORY_WARN_BAND = "BudMon.history.warnBand";
    /** The quota history's band above the alarm threshold. */
    public static final String HISTORY_ALARM_BAND = "BudMon.history.alarmBand";
    /** The quota history's grid lines. */
    public static final String HISTORY_GRID = "BudMon.history.gridColor";

    /** The 24-hour trail's 5-hour line. */
    public static final String TRAIL_FIVE_HOUR = "BudMon.trail.fiveHourColor";
    /** The 24-hour trail's 7-day line and its reset marks. */
    public static final String TRAIL_SEVEN_DAY = "BudMon.trail.sevenDayColor";
    /** The 24-hour trail's marks of a 5-hour reset. */
    public static final String TRAIL_RESET = "BudMon.trail.resetColor";
    /** The 24-hour trail's size at 100 %. */
    public static final String TRAIL_WIDTH = "BudMon.trail.width";
    public static final String TRAIL_HEIGHT = "BudMon.trail.height";

    /** Diameter of the heartbeat dot at rest, unscaled pixels. */
    public static final String HEARTBEAT_DIAMETER = "BudMon.heartbeat.diameter";
    /** Length of one pulse in milliseconds. */
    public static final String HEARTBEAT_PULSE_MILLIS = "BudMon.heartbeat.pulseMillis";

    /** A cost chart's first series (the most expensive model), at the bottom of every bar. */
    public static final String CHART_SERIES_1 = "BudMon.chart.series1";
    /** The second series. */
    public static final String CHART_SERIES_2 = "BudMon.chart.series2";
    /** The third series. */
    public static final String CHART_SERIES_3 = "BudMon.chart.series3";
    /** The fourth series. */
    public static final String CHART_SERIES_4 = "BudMon.chart.series4";
    /** The fifth series. */
    public static final String CHART_SERIES_5 = "BudMon.chart.series5";
    /** The sixth series: the models beyond the fifth, together. */
    public static final String CHART_SERIES_6 = "BudMon.chart.series6";
    /** The cost chart's guide lines. */
    public static final String CHART_GRID = "BudMon.chart.gridColor";
    /** Behind the bar under the mouse. */
    public static final String CHART_HOVER = "BudMon.chart.hoverColor";
    /** The gap between two bars, as a share of a bar's slot in percent. */
    public static final String CHART_BAR_GAP_PERCENT = "BudMon.chart.barGapPercent";
    /** The widest a bar gets, unscaled pixels. */
    public static final String CHART_MAX_BAR_WIDTH = "BudMon.chart.maxBarWidth";

    /** The keys of the chart's series colours, in order. */
    private static final String[] CHART_SERIES = {CHART_SERIES_1, CHART_SERIES_2, CHART_SERIES_3, CHART_SERIES_4,
        CHART_SERIES_5, CHART_SERIES_6};

    /** Monospaced figures. */
    public static final String FONT = "BudMon.font";
    /** Monospaced bold: captions of sections. */
    public static final String FONT_BOLD = "BudMon.boldFont";
    /** The window title in the header. */
    public static final String FONT_TITLE = "BudMon.titleFont";
    /** Small print: footer, ring label. */
    public static final String FONT_SMALL = "BudMon.smallFont";
    /** Small print that must be noticed: the stale mark. */
    public static final String FONT_SMALL_BOLD = "BudMon.smallBoldFont";
    /** The large cache ratio. */
    public static final String FONT_LARGE = "BudMon.largeFont";
    /** The time in the middle of the countdown ring. */
    public static final String FONT_RING = "BudMon.ringFont";

    /** Shown for a key the theme lacks: loud on purpose, so a typo is seen, not hidden. */
    private static final Color MISSING = Color.MAGENTA;

    private BudmonTheme() {
    }

    /**
     * Registers BudMon's properties and installs FlatDarkLaf. Call once on the EDT before the first window;
     * calling it again re-installs the look (tests do that after changing {@code flatlaf.uiScale}).
     *
     * @return {@code false} if the look and feel could not be installed (the window then still works, in
     *         Swing's default look)
     */
    public static boolean setup() {
        FlatLaf.registerCustomDefaultsSource("dev.budmon.ui.theme");
        return FlatDarkLaf.setup();
    }

    /** The colour of a theme key, magenta if the key is missing. EDT only. */
    public static Color color(String key) {
        Color c = UIManager.getColor(key);
        return c != null ? c : MISSING;
    }

    /** A font of the theme, already scaled by FlatLaf; the default label font if the key is missing. EDT only. */
    public static Font font(String key) {
        Font f = UIManager.getFont(key);
        if (f == null) {
            f = UIManager.getFont("Label.font");
        }
        return f != null ? f : new Font(Font.MONOSPACED, Font.PLAIN, UIScale.scale(12));
    }

    /** The colour of a cost chart's series {@code index} (0 to 5), magenta for another index. EDT only. */
    public static Color chartSeries(int index) {
        return index >= 0 && index < CHART_SERIES.length ? color(CHART_SERIES[index]) : MISSING;
    }

    /** An unscaled size of the theme (e.g. a bar height), scaled to the current UI scale. EDT only. */
    public static int scaledSize(String key, int fallback) {
        Object v = UIManager.get(key);
        int unscaled = v instanceof Number n ? n.intValue() : fallback;
        return UIScale.scale(unscaled);
    }

    /** An integer of the theme that is not a size (e.g. milliseconds); {@code fallback} if missing. */
    public static int integer(String key, int fallback) {
        Object v = UIManager.get(key);
        return v instanceof Number n ? n.intValue() : fallback;
    }
}

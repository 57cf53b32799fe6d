package dev.budmon.tray;

import dev.budmon.alert.AlertTexts;
import dev.budmon.calc.Figures;
import dev.budmon.calc.WindowForecast;
import dev.budmon.format.AmountFormat;
import dev.budmon.format.TimeFormat;
import dev.budmon.i18n.Messages;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The tray icon's tooltip: a title and one line per window with its percentage, reset and pace, e.g.
 * {@code 5-hour quota: 42% · reset 14:00 (1 h 10 min) · 12.0 %/h}. Pure; any thread.
 *
 * @param title the first line: {@code BudMon} and the overall status
 * @param lines one per window, in display order; one line saying so when there is no data
 */
public record TrayTooltip(String title, List<String> lines) {

    public TrayTooltip {
        lines = List.copyOf(lines);
    }

    /** The tooltip of these figures. */
    public static TrayTooltip of(Figures f, Messages m, ZoneId zone) {
        String title = m.get("app.name") + " \u00b7 " + m.get("status." + f.status().name().toLowerCase(java.util.Locale.ROOT));
        List<String> lines = new ArrayList<>();
        for (WindowForecast w : f.windows()) {
            String reset = w.resetPassed() || w.window().reset() == null ? m.get("tray.tooltip.no_reset")
                    : TimeFormat.withCountdown(w.window().reset(), w.window().length(), f.now(), zone, m);
            String pace = w.burnPerHour() == null ? m.get("tray.tooltip.no_pace")
                    : AmountFormat.burnRate(w.burnPerHour(), w.window().length(), m);
            lines.add(m.get("tray.tooltip.window", AlertTexts.window(w.window().name(), m),
                    AmountFormat.percent(w.percent(), m.locale()), reset, pace));
        }
        if (lines.isEmpty()) {
            lines.add(m.get("footer.waiting"));
        }
        return new TrayTooltip(title, lines);
    }

    /** The lines as one text, for trays that show plain text. */
    public String body() {
        return String.join("\n", lines);
    }
}

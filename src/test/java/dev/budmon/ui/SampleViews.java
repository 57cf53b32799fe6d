package dev.budmon.ui;

import dev.budmon.config.ModelChoice;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.CacheView;
import dev.budmon.ui.view.DashboardView;
import dev.budmon.ui.view.FigureRow;
import dev.budmon.ui.view.FooterView;
import dev.budmon.ui.view.HeaderView;
import dev.budmon.ui.view.MenuOption;
import dev.budmon.ui.view.MenuView;
import dev.budmon.ui.view.QuotaCaptions;
import dev.budmon.ui.view.QuotaSectionView;
import dev.budmon.ui.view.RequestColumnView;
import dev.budmon.ui.view.RequestsView;
import dev.budmon.ui.view.TonedText;
import dev.budmon.ui.widget.HeartbeatModel;
import dev.budmon.ui.widget.QuotaBarModel;
import dev.budmon.ui.widget.RingModel;
import dev.budmon.ui.widget.SparklineModel;

import java.util.List;

/**
 * Hand-built dashboard views, as the real builder would make them, for the preview and the window tests.
 * Texts are English or German; figures are plausible but invented.
 */
final class SampleViews {

    private SampleViews() {
    }

    /** Which situation to show. */
    enum Scenario {
        /** Data flows, 5h in warn, a per-model window and overage. */
        NORMAL,
        /** No data yet. */
        WAIT,
        /** 5h over its limit, expiry before reset, the 7d window reset with no request since, stale data. */
        ALARM
    }

    static DashboardView view(Scenario scenario, int tick, boolean german) {
        return switch (scenario) {
            case NORMAL -> normal(tick, german);
            case WAIT -> waiting(german);
            case ALARM -> alarm(tick, german);
        };
    }

    static MenuView menu(boolean german) {
        List<MenuOption<String>> languages = List.of(new MenuOption<>("de", "Deutsch"),
                new MenuOption<>("en", "English"));
        List<MenuOption<ModelChoice>> models = List.of(
                new MenuOption<>(ModelChoice.AUTO, german ? "Automatisch" : "Auto"),
                new MenuOption<>(ModelChoice.OPUS, "Opus"),
                new MenuOption<>(ModelChoice.SONNET, "Sonnet"),
                new MenuOption<>(ModelChoice.HAIKU, "Haiku"),
                new MenuOption<>(ModelChoice.CUSTOM, german ? "Eigene Preise" : "Custom"));
        return german
                ? new MenuView("Protokolle", "Sitzungsprotokoll", "Verlauf", "Ordner öffnen", "Einstellungen",
                        "Sprache", languages, "de", "Modell", models, ModelChoice.AUTO, "INI bearbeiten", "Hilfe",
                        "Benutzerhandbuch", "Über BudMon")
                : new MenuView("Logs", "Session log", "History log", "Folder", "Settings", "Language", languages,
                        "en", "Model", models, ModelChoice.AUTO, "INI", "Help", "User Guide", "About");
    }

    private static QuotaCaptions captions(boolean german) {
        return german
                ? new QuotaCaptions("Reset", "Ablauf", "Reserve", "Verbrauch")
                : new QuotaCaptions("Reset", "Expiry", "Reserve", "Burn Rate");
    }

    private static String clock(int seconds) {
        seconds = Math.max(0, seconds);
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static DashboardView normal(int tick, boolean german) {
        int left = 4977 - tick;
        QuotaSectionView fiveHours = new QuotaSectionView("5h", "5h",
                new QuotaBarModel(81, 75, 90, Tone.WARN, "81 %"), false, false, "",
                TonedText.plain("14:00"), new TonedText(clock(left), Tone.NORMAL),
                new TonedText("14:35", Tone.WARN), new TonedText("+0:35", Tone.WARN),
                new TonedText("14.2 %/h", Tone.OK));
        QuotaSectionView sevenDays = new QuotaSectionView("7d", "7d",
                new QuotaBarModel(42, 75, 90, Tone.OK, "42 %"), false, false, "",
                TonedText.plain(german ? "Mo 09:00" : "Mon 09:00"), TonedText.plain("3d 19h"),
                new TonedText(german ? "Di 02:10" : "Tue 02:10", Tone.INFO), new TonedText("+17:10", Tone.OK),
                TonedText.plain(german ? "9.8 %/Tag" : "9.8 %/day"));
        QuotaSectionView sonnet = new QuotaSectionView("7d_sonnet", "7d sonnet",
                new QuotaBarModel(12, 75, 90, Tone.OK, "12 %"), true, false, "",
                TonedText.plain(german ? "Mo 09:00" : "Mon 09:00"), TonedText.UNKNOWN, TonedText.UNKNOWN,
                TonedText.UNKNOWN, TonedText.UNKNOWN);
        QuotaSectionView overage = new QuotaSectionView("overage", german ? "Zusatz" : "overage",
                new QuotaBarModel(0, Double.NaN, Double.NaN, Tone.DIM, "0 %"), true, false, "",
                TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN);

        double[] ratios = new double[60];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = 0.78 + 0.17 * Math.sin((i + tick) / 4.0) * Math.cos(i / 9.0);
        }
        ratios[41] = 0.12; // a fresh session: nothing cached yet
        ratios[42] = 0.38;
        double current = ratios[ratios.length - 1];
        Tone cacheTone = current <= 0.2 ? Tone.ALARM : current <= 0.5 ? Tone.WARN : Tone.OK;
        return new DashboardView("BudMon · 5h 81 %", menu(german),
                new HeaderView("BUDGET MONITOR", "v0.1.0", new HeartbeatModel(tick + 1L, Tone.OK), "WARN", Tone.WARN),
                new RingModel(left / 18000.0, clock(left), "RESET", Tone.OK),
                captions(german), List.of(fiveHours, sevenDays, sonnet, overage),
                requests(german, false),
                new CacheView(german ? "CACHE-QUOTE" : "CACHE RATIO",
                        new TonedText(Math.round(current * 100) + " %", cacheTone),
                        new TonedText("avg 81 %", Tone.DIM),
                        new SparklineModel(ratios, 60, 0.5, cacheTone)),
                new FooterView("#" + (412 + tick) + " · " + (german ? "Daten " : "data ") + "12:34:56", ""));
    }

    private static RequestsView requests(boolean german, boolean empty) {
        String unknown = "--";
        RequestColumnView last = new RequestColumnView(german ? "LETZTE ANFRAGE" : "LAST REQUEST",
                empty ? TonedText.UNKNOWN : TonedText.plain("48.2k tok  $0.07"),
                List.of(FigureRow.of(german ? "Anfragen" : "requests", empty ? unknown : "1"),
                        FigureRow.of(german ? "seit" : "since", empty ? unknown : "12:34:51"),
                        FigureRow.of("input", empty ? unknown : "3"),
                        FigureRow.of("output", empty ? unknown : "1,184"),
                        FigureRow.of("cache_c", empty ? unknown : "2,310"),
                        FigureRow.of("cache_r", empty ? unknown : "44,702")));
        RequestColumnView total = new RequestColumnView(german ? "GESAMT" : "TOTAL REQUESTS",
                empty ? TonedText.UNKNOWN : TonedText.plain("6.41M tok  $9.86"),
                List.of(FigureRow.of(german ? "Anfragen" : "requests", empty ? unknown : "137"),
                        FigureRow.of(german ? "seit" : "since", empty ? unknown : "09:12:05"),
                        FigureRow.of("input", empty ? unknown : "1,209"),
                        FigureRow.of("output", empty ? unknown : "88,140"),
                        FigureRow.of("cache_c", empty ? unknown : "412,880"),
                        FigureRow.of("cache_r", empty ? unknown : "5.91M")));
        return new RequestsView(last, total, new FigureRow(german ? "5h-Fenster" : "5h window",
                empty ? TonedText.UNKNOWN : TonedText.plain("11.8M tok  $18.42")));
    }

    private static DashboardView waiting(boolean german) {
        QuotaSectionView fiveHours = new QuotaSectionView("5h", "5h", QuotaBarModel.UNKNOWN, false, true, "",
                TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN);
        QuotaSectionView sevenDays = new QuotaSectionView("7d", "7d", QuotaBarModel.UNKNOWN, false, true, "",
                TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN);
        return new DashboardView("BudMon", menu(german),
                new HeaderView("BUDGET MONITOR", "v0.1.0", HeartbeatModel.IDLE, german ? "WARTEN" : "WAIT", Tone.DIM),
                RingModel.UNKNOWN, captions(german), List.of(fiveHours, sevenDays), requests(german, true),
                new CacheView(german ? "CACHE-QUOTE" : "CACHE RATIO", TonedText.UNKNOWN,
                        new TonedText("avg --", Tone.DIM), SparklineModel.EMPTY),
                new FooterView(german ? "Warte auf Daten..." : "Waiting for data...", ""));
    }

    private static DashboardView alarm(int tick, boolean german) {
        int expiryLeft = 742 - tick;
        QuotaSectionView fiveHours = new QuotaSectionView("5h", "5h",
                new QuotaBarModel(112, 75, 90, Tone.ALARM, "112 %"), false, false, "",
                TonedText.plain("14:00"), TonedText.plain(clock(3922 - tick)),
                new TonedText("13:07", Tone.ALARM), new TonedText("−0:53", Tone.ALARM),
                new TonedText("31.5 %/h", Tone.ALARM));
        QuotaSectionView sevenDays = new QuotaSectionView("7d", "7d",
                new QuotaBarModel(0, 75, 90, Tone.DIM, "0 %"), false, true,
                german ? "Reset 13:00, seither keine Anfrage" : "reset 13:00, no request since",
                TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN, TonedText.UNKNOWN);
        QuotaSectionView opus = new QuotaSectionView("7d_opus", "7d opus",
                new QuotaBarModel(93, 75, 90, Tone.ALARM, "93 %"), true, false, "",
                TonedText.plain(german ? "Fr 18:00" : "Fri 18:00"), TonedText.UNKNOWN, TonedText.UNKNOWN,
                TonedText.UNKNOWN, TonedText.UNKNOWN);
        double[] ratios = new double[23];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = Math.max(0.05, 0.7 - i * 0.03);
        }
        return new DashboardView("BudMon · 5h 112 %", menu(german),
                new HeaderView("BUDGET MONITOR", "v0.1.0", new HeartbeatModel(tick + 1L, Tone.ALARM), "ALARM",
                        Tone.ALARM),
                new RingModel(expiryLeft / 18000.0 * 6, clock(expiryLeft), german ? "ABLAUF" : "EXPIRY", Tone.ALARM),
                captions(german), List.of(fiveHours, sevenDays, opus), requests(german, false),
                new CacheView(german ? "CACHE-QUOTE" : "CACHE RATIO", new TonedText("5 %", Tone.ALARM),
                        new TonedText("avg 38 %", Tone.DIM), new SparklineModel(ratios, 60, 0.5, Tone.ALARM)),
                new FooterView("#88 · " + (german ? "Daten " : "data ") + "11:02:13",
                        german ? "VERALTET" : "STALE"));
    }
}

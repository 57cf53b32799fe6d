package dev.budmon.ui.view;

import dev.budmon.config.ModelChoice;

import java.util.List;
import java.util.Objects;

/**
 * The menu bar's texts (with their mnemonics) and the current choices, so that a language switch only needs
 * a new view.
 *
 * @param logs             menu {@code Logs}
 * @param sessionLog       item: the active transcript's per-turn figures
 * @param historyLog       item: per-turn figures across sessions
 * @param quotaHistory     item: the quota history window
 * @param reports          item: the cost reports by day, week, month, project, session and model
 * @param folder           item: opens the Claude directory
 * @param settings         menu {@code Settings}
 * @param language         submenu {@code Language}
 * @param languages        its choices, value = language code ({@code de}, {@code en})
 * @param selectedLanguage the code of the language in use
 * @param model            submenu {@code Model} (the prices)
 * @param models           its choices
 * @param selectedModel    the model choice in use
 * @param alerts           submenu {@code Alerts}: the alert rules and the tray icon, switched on and off
 * @param switches         its check items
 * @param ini              item: opens {@code budmon.ini}
 * @param help             menu {@code Help}
 * @param userGuide        item: the user guide
 * @param about            item: about BudMon
 */
public record MenuView(MenuText logs, MenuText sessionLog, MenuText historyLog, MenuText quotaHistory,
                       MenuText reports, MenuText folder,
                       MenuText settings, MenuText language, List<MenuOption<String>> languages,
                       String selectedLanguage, MenuText model, List<MenuOption<ModelChoice>> models,
                       ModelChoice selectedModel, MenuText alerts, List<MenuSwitch> switches, MenuText ini,
                       MenuText help, MenuText userGuide, MenuText about) {

    public MenuView {
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(sessionLog, "sessionLog");
        Objects.requireNonNull(historyLog, "historyLog");
        Objects.requireNonNull(quotaHistory, "quotaHistory");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(language, "language");
        languages = List.copyOf(languages);
        Objects.requireNonNull(selectedLanguage, "selectedLanguage");
        Objects.requireNonNull(model, "model");
        models = List.copyOf(models);
        Objects.requireNonNull(selectedModel, "selectedModel");
        Objects.requireNonNull(alerts, "alerts");
        switches = List.copyOf(switches);
        Objects.requireNonNull(ini, "ini");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(userGuide, "userGuide");
        Objects.requireNonNull(about, "about");
    }
}

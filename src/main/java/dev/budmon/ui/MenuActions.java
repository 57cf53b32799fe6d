package dev.budmon.ui;

import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ModelChoice;
import dev.budmon.config.SettingSwitch;
import dev.budmon.i18n.Messages;
import dev.budmon.report.DateRange;
import dev.budmon.report.ReportKind;
import dev.budmon.source.HistoryReports;

import javax.swing.SwingUtilities;
import java.time.temporal.WeekFields;
import java.util.Locale;

/**
 * What the dashboard's menus do: logs and dialogs through {@link AppDialogs}, settings saved to
 * {@code budmon.ini} on the I/O thread and applied by the {@link DashboardApp}. Called on the EDT; file
 * access and processes go to the I/O thread.
 */
final class MenuActions implements DashboardActions {

    private final DashboardApp app;
    /** The Reports window last opened; EDT only. */
    private ReportsWindow reports;
    /** Whether the user has been told that settings hold only until BudMon closes; the I/O thread's. */
    private volatile boolean toldInMemoryOnly;

    MenuActions(DashboardApp app) {
        this.app = app;
    }

    @Override
    public void showSessionLog() {
        // Without an active session the session log is the (empty) log of no session, not every session.
        var session = app.state().activeSession();
        String id = session == null || session.sessionId() == null ? "" : session.sessionId();
        app.dialogs().showTurnLog(app.frame(), app.messages(), app.config(), app.prices(), id, app.zone());
    }

    @Override
    public void showHistoryLog() {
        app.dialogs().showTurnLog(app.frame(), app.messages(), app.config(), app.prices(), null, app.zone());
    }

    @Override
    public void showQuotaHistory() {
        app.dialogs().showQuotaHistory(app.frame(), app.messages(), app.config(), app.prices(), app.zone(),
                app.now());
    }

    @Override
    public void showReports() {
        // one Reports window at a time: a second click brings it forward
        if (reports != null && reports.dialog().isDisplayable()) {
            reports.dialog().toFront();
            return;
        }
        openReports(DateRange.ALL, ReportKind.DAILY);
    }

    private void openReports(DateRange range, ReportKind tab) {
        var index = app.historyIndex();
        var dirs = app.dirs().dirs();
        reports = ReportsWindow.show(app.frame(), app.messages(), app.zone(),
                WeekFields.of(Locale.getDefault(Locale.Category.FORMAT)).getFirstDayOfWeek(),
                new Pricing(app.prices(), app.config()), app.io(), app.today(), () -> HistoryReports.read(index, dirs),
                range, tab);
    }

    /**
     * An open Reports window in another language than the dashboard's is opened anew in its language, where
     * it was, on its tab and days (its texts are made once; the history is read again, through the index).
     * EDT only.
     */
    private void reportsInLanguage() {
        if (reports == null || !reports.dialog().isDisplayable()
                || reports.language().equals(app.messages().language())) {
            return;
        }
        ReportsWindow old = reports;
        java.awt.Rectangle bounds = old.dialog().getBounds();
        openReports(old.range(), old.selectedKind());
        old.dialog().dispose();
        reports.dialog().setBounds(bounds);
    }

    @Override
    public void openClaudeFolder() {
        app.dialogs().openInDesktop(app.frame(), app.messages(), app.dirs().primary());
    }

    @Override
    public void selectLanguage(String code) {
        if (code.equals(app.messages().language()) && code.equals(app.config().language())) {
            return;
        }
        // The texts are read on the I/O thread (the first time from the jar), the window switches as soon as
        // they are there, without waiting for the file, which is written next.
        app.io().execute(() -> {
            Messages texts = Messages.of(code);
            SwingUtilities.invokeLater(() -> {
                app.applyTexts(texts);
                reportsInLanguage();
            });
            if (!keptInMemoryOnly(texts)) {
                app.saveSetting(() -> app.configStore().save("general", "language", code));
            }
        });
    }

    @Override
    public void selectModel(ModelChoice model) {
        if (model == app.config().model()) {
            return;
        }
        app.io().execute(() -> {
            if (keptInMemoryOnly(null)) {
                SwingUtilities.invokeLater(() -> app.applyInMemory(withModel(app.config(), model)));
            } else {
                app.saveSetting(() -> app.configStore().save("model", "model", model.iniValue()));
            }
        });
    }

    @Override
    public void switchSetting(SettingSwitch setting, boolean on) {
        if (setting.isOn(app.config()) == on) {
            return;
        }
        app.io().execute(() -> {
            if (keptInMemoryOnly(null)) {
                // alerts need the Claude directory's files anyway: the check goes back to what is in use
                SwingUtilities.invokeLater(app::repaintView);
            } else {
                app.saveSetting(() -> app.configStore().save(setting.section(), setting.key(),
                        SettingSwitch.iniValue(on)));
            }
        });
    }

    /**
     * Without a Claude directory (Claude Code has not run yet) there is no {@code budmon.ini} to keep a setting
     * in, and BudMon does not create the directory for it: the setting holds until BudMon closes, which the
     * user is told once, calmly. On the I/O thread.
     *
     * @param texts the texts to say it in; {@code null} for those in use
     * @return {@code true} when the setting is to be kept in memory only
     */
    private boolean keptInMemoryOnly(Messages texts) {
        if (app.configStore().directoryExists()) {
            return false;
        }
        if (!toldInMemoryOnly) {
            toldInMemoryOnly = true;
            SwingUtilities.invokeLater(() -> {
                Messages m = texts != null ? texts : app.messages();
                app.dialogs().showInfo(app.frame(), m, m.get("dialog.no_claude_dir_setting", app.dirs().primary()));
            });
        }
        return true;
    }

    private static BudmonConfig withModel(BudmonConfig c, ModelChoice model) {
        return new BudmonConfig(c.language(), c.refreshMs(), model, c.customPrices(), c.thresholds(), c.statusline(),
                c.windowGeometry(), c.alerts(), c.tray());
    }

    @Override
    public void openIni() {
        app.io().execute(() -> {
            app.configStore().load(); // creates the commented default when there is none yet
            SwingUtilities.invokeLater(() -> app.dialogs().openInDesktop(app.frame(), app.messages(),
                    app.configStore().file()));
        });
    }

    @Override
    public void showUserGuide() {
        app.dialogs().showUserGuide(app.frame(), app.messages());
    }

    @Override
    public void showAbout() {
        app.dialogs().showAbout(app.frame(), app.messages());
    }
}

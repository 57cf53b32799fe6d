package dev.budmon.ui;

import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ModelChoice;
import dev.budmon.i18n.Messages;

import javax.swing.SwingUtilities;

/**
 * What the dashboard's menus do: logs and dialogs through {@link AppDialogs}, settings saved to
 * {@code budmon.ini} on the I/O thread and applied by the {@link DashboardApp}. Called on the EDT; file
 * access and processes go to the I/O thread.
 */
final class MenuActions implements DashboardActions {

    private final DashboardApp app;
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
            SwingUtilities.invokeLater(() -> app.applyTexts(texts));
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

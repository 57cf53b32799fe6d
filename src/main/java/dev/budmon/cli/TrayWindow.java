package dev.budmon.cli;

import dev.budmon.DaemonThreads;
import dev.budmon.background.TrayAndAlerts;
import dev.budmon.ui.DashboardApp;

import javax.swing.SwingUtilities;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * What the tray and a click on a notification ask of the window, carried out on the EDT. In window mode the
 * window exists from the start; in background mode it is started on the first request (on a thread of its
 * own, as start-up reads files) and again after the user closed it. Any thread.
 */
final class TrayWindow implements TrayAndAlerts.Window {

    /** Starts the window in background mode; {@code null} when it cannot be started (no display). */
    @FunctionalInterface
    interface Starter {
        DashboardApp start();
    }

    private final Starter starter;
    private final Runnable onQuit;
    private final ExecutorService starting = Executors.newSingleThreadExecutor(DaemonThreads.named("budmon-window-start"));
    private volatile DashboardApp app;

    /** For the window mode: {@code app}'s window, for as long as BudMon runs. */
    static TrayWindow of(DashboardApp app) {
        TrayWindow w = new TrayWindow(null, () -> { });
        w.app = app;
        return w;
    }

    /** For the background mode: a window started when asked for; {@code onQuit} ends the background. */
    static TrayWindow onDemand(Starter starter, Runnable onQuit) {
        return new TrayWindow(starter, onQuit);
    }

    private TrayWindow(Starter starter, Runnable onQuit) {
        this.starter = starter;
        this.onQuit = onQuit;
    }

    @Override
    public void toggle() {
        withWindow(DashboardApp::toggleWindow, false);
    }

    @Override
    public void show() {
        withWindow(DashboardApp::showWindow, false);
    }

    @Override
    public void showHistory() {
        withWindow(DashboardApp::showHistory, true);
    }

    @Override
    public void quit() {
        DashboardApp a = app;
        if (a != null) {
            SwingUtilities.invokeLater(a::quit);
        }
        onQuit.run();
    }

    /**
     * Does {@code action} on the window on the EDT, starting the window first in background mode when there is
     * none; a window just started is shown already, so only {@code afterStart} actions are done then.
     */
    private void withWindow(Consumer<DashboardApp> action, boolean afterStart) {
        DashboardApp a = app;
        if (a != null || starter == null) {
            if (a != null) {
                SwingUtilities.invokeLater(() -> action.accept(a));
            }
            return;
        }
        starting.execute(() -> {
            DashboardApp current = app;
            if (current == null) {
                current = starter.start();
                if (current == null) {
                    return;
                }
                app = current;
                DashboardApp started = current;
                Thread watcher = DaemonThreads.of("budmon-window-end", () -> forgetWhenClosed(started));
                watcher.start();
                if (!afterStart) {
                    return;
                }
            }
            DashboardApp target = current;
            SwingUtilities.invokeLater(() -> action.accept(target));
        });
    }

    /** A window the user closed for good (no tray to close to) is started anew when asked for again. */
    private void forgetWhenClosed(DashboardApp started) {
        try {
            started.awaitClosed();
        } catch (InterruptedException e) {
            return;
        }
        if (app == started) {
            app = null;
        }
    }
}

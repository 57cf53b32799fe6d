package dev.budmon.notify;

import dev.budmon.alert.Notice;

import java.awt.TrayIcon;

/**
 * The AWT tray icon's {@code displayMessage} call for a notice: on Windows a toast of the notification area,
 * the platform's own way for a tray application. Pure; any thread.
 *
 * @param caption the toast's title: the notice's summary
 * @param text    its text: the body
 * @param type    the icon of the toast: a warning for critical notices, information for normal ones, none for
 *                low ones
 */
public record TrayBalloon(String caption, String text, TrayIcon.MessageType type) {

    /** The call for a notice. */
    public static TrayBalloon of(Notice n) {
        TrayIcon.MessageType type = switch (n.urgency()) {
            case CRITICAL -> TrayIcon.MessageType.WARNING;
            case NORMAL -> TrayIcon.MessageType.INFO;
            case LOW -> TrayIcon.MessageType.NONE;
        };
        return new TrayBalloon(n.summary(), n.body(), type);
    }

    /** Makes the call. Any thread; AWT passes it to its own. */
    public void showOn(TrayIcon icon) {
        icon.displayMessage(caption, text, type);
    }
}

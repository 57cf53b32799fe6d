/**
 * Shows the alerts' {@link dev.budmon.alert.Notice}s on the desktop: Linux through the freedesktop notification
 * service on the D-Bus session bus ({@link dev.budmon.notify.FreedesktopNotifier}, dbus-java), else through
 * {@code notify-send}; macOS through {@code osascript}; Windows through the AWT tray's balloon. Each way is
 * built from a pure part (the call or command it makes, tested everywhere) and a thin part that makes it.
 * {@link dev.budmon.notify.Notifiers} picks what this desktop has; where nothing works, one line goes to the
 * log and nothing else happens.
 *
 * <p>I/O at the edge: depends on alert (the notices) and files. Any thread unless a class says otherwise.
 */
package dev.budmon.notify;

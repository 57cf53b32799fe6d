package dev.budmon.notify;

import dev.budmon.Os;

import org.freedesktop.dbus.connections.impl.DBusConnection;

import java.awt.TrayIcon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Picks the ways of showing notifications this desktop has. I/O (looks at PATH and the bus); not for the EDT. */
public final class Notifiers {

    private Notifiers() {
    }

    /**
     * The chain for a platform, best way first:
     * <ul>
     * <li>Linux: {@code org.freedesktop.Notifications} on the session bus, then {@code notify-send};</li>
     * <li>macOS: {@code osascript};</li>
     * <li>Windows: the tray icon's toast.</li>
     * </ul>
     *
     * @param platform    the desktop family ({@link Os#current()})
     * @param busAddress  the session bus's address, given to {@code notify-send} too; {@code null} when unknown
     * @param bus         the connection to it; {@code null} when there is none
     * @param pathEntries the folders of PATH
     * @param icon        see {@link NotificationIcon#resolve}
     * @param actionLabel the words of the click action
     * @param onClick     what a click on a notification does (shows the window); runs on a D-Bus thread
     * @param trayIcon    the AWT tray icon when one is shown; {@code null} otherwise
     */
    public static NotifierChain forPlatform(Os platform, String busAddress, DBusConnection bus,
                                            List<Path> pathEntries, String icon, String actionLabel, Runnable onClick,
                                            TrayIcon trayIcon) {
        List<Notifier> ways = new ArrayList<>();
        switch (platform) {
            case LINUX -> {
                FreedesktopNotifier dbus = FreedesktopNotifier.on(bus, icon, actionLabel, onClick);
                if (dbus != null) {
                    ways.add(dbus);
                }
                Path notifySend = find(NotifySendCommand.PROGRAM, pathEntries);
                if (notifySend != null) {
                    String program = notifySend.toString();
                    ways.add(new CommandNotifier(NotifySendCommand.PROGRAM,
                            n -> NotifySendCommand.of(program, n, icon),
                            busAddress == null ? java.util.Map.of()
                                    : java.util.Map.of("DBUS_SESSION_BUS_ADDRESS", busAddress)));
                }
            }
            case MACOS -> {
                if (Files.isExecutable(Path.of(AppleScriptCommand.PROGRAM))) {
                    ways.add(new CommandNotifier("osascript", AppleScriptCommand::of));
                }
            }
            case WINDOWS -> {
                if (trayIcon != null) {
                    ways.add(new Notifier() {
                        @Override
                        public boolean show(dev.budmon.alert.Notice notice) {
                            TrayBalloon.of(notice).showOn(trayIcon);
                            return true;
                        }

                        @Override
                        public String name() {
                            return "tray toast";
                        }
                    });
                }
            }
            default -> throw new IllegalStateException("unknown platform " + platform);
        }
        return new NotifierChain(ways);
    }

    /** The folders of {@code PATH}. */
    public static List<Path> pathFromEnvironment() {
        String path = System.getenv("PATH");
        List<Path> dirs = new ArrayList<>();
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (!d.isEmpty()) {
                    try {
                        dirs.add(Path.of(d));
                    } catch (java.nio.file.InvalidPathException ignored) {
                        // not a folder anyone can have
                    }
                }
            }
        }
        return dirs;
    }

    /** The executable of that name in the first PATH folder that has one; {@code null} when none does. */
    static Path find(String program, List<Path> pathEntries) {
        for (Path dir : pathEntries) {
            Path p = dir.resolve(program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}

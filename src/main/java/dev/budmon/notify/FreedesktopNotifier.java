package dev.budmon.notify;

import dev.budmon.alert.Notice;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notifications through {@code org.freedesktop.Notifications} on the session bus: every Linux desktop's
 * notification service (GNOME Shell, Plasma, XFCE's xfce4-notifyd, dunst, mako, swaync, …). A click on one of
 * BudMon's notifications runs the click callback (which shows the window). Thread-safe.
 */
public final class FreedesktopNotifier implements Notifier {

    private final DBusConnection bus;
    private final Notifications service;
    private final String icon;
    private final String actionLabel;
    private final boolean bodyMarkup;
    private final Set<UInt32> ours = ConcurrentHashMap.newKeySet();
    private final AutoCloseable clicks;

    private FreedesktopNotifier(DBusConnection bus, Notifications service, String icon, String actionLabel,
                                boolean bodyMarkup, Runnable onClick) throws DBusException {
        this.bus = bus;
        this.service = service;
        this.icon = icon;
        this.actionLabel = actionLabel;
        this.bodyMarkup = bodyMarkup;
        this.clicks = bus.addSigHandler(Notifications.ActionInvoked.class, signal -> {
            if (FreedesktopCall.DEFAULT_ACTION.equals(signal.actionKey()) && ours.contains(signal.id())) {
                onClick.run();
            }
        });
    }

    /**
     * The notifier of this bus, when a notification service is there (running, or startable by the bus).
     *
     * @param icon        the app icon: an icon-theme name or an absolute path of a PNG
     * @param actionLabel the words of the click action ("Show BudMon")
     * @param onClick     runs on a D-Bus thread when the user clicks one of BudMon's notifications
     * @return the notifier, or {@code null} when the bus has no notification service
     */
    public static FreedesktopNotifier on(DBusConnection bus, String icon, String actionLabel, Runnable onClick) {
        if (bus == null || !SessionBus.hasService(bus, Notifications.BUS_NAME)) {
            return null;
        }
        try {
            Notifications service = bus.getRemoteObject(Notifications.BUS_NAME, Notifications.OBJECT_PATH,
                    Notifications.class);
            boolean markup;
            try {
                markup = service.GetCapabilities().contains("body-markup");
            } catch (RuntimeException e) {
                markup = false;
            }
            return new FreedesktopNotifier(bus, service, icon, actionLabel, markup, onClick);
        } catch (DBusException | RuntimeException e) {
            System.err.println("budmon: " + Notifications.BUS_NAME + " cannot be used (" + e.getMessage() + ")");
            return null;
        }
    }

    @Override
    public boolean show(Notice notice) {
        FreedesktopCall c = FreedesktopCall.of(notice, icon, actionLabel, bodyMarkup);
        try {
            UInt32 id = service.Notify(c.appName(), new UInt32(0), c.appIcon(), c.summary(), c.body(), c.actions(),
                    c.hints(), -1);
            ours.add(id);
            return true;
        } catch (RuntimeException e) {
            // the service went away (a desktop restart): the next way of showing it takes over
            System.err.println("budmon: " + Notifications.BUS_NAME + " refused a notification (" + e.getMessage() + ")");
            return false;
        }
    }

    @Override
    public String name() {
        return Notifications.BUS_NAME;
    }

    /** The ids of the notifications shown so far, for tests. */
    List<UInt32> shown() {
        return List.copyOf(ours);
    }

    @Override
    public void close() {
        try {
            clicks.close();
        } catch (Exception e) {
            // the bus is gone already
        }
    }

    /** The bus this notifier talks on. */
    DBusConnection bus() {
        return bus;
    }
}

package dev.budmon.notify;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;

/**
 * The D-Bus session bus, for the notifications and the tray icon. Connected through dbus-java's transport
 * over the JDK's own Unix-domain sockets; an abstract socket ({@code unix:abstract=}, which the JDK cannot
 * open) or a TCP address counts as no bus.
 */
public final class SessionBus {

    private SessionBus() {
    }

    /** The address in {@code DBUS_SESSION_BUS_ADDRESS}; {@code null} when unset. */
    public static String addressFromEnvironment() {
        String a = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        return a == null || a.isBlank() ? null : a;
    }

    /**
     * A private connection to the bus at this address.
     *
     * @return the connection, or {@code null} (with one line on stderr) when there is no address or the bus
     *         cannot be reached
     */
    public static DBusConnection connect(String address) {
        if (address == null) {
            return null;
        }
        try {
            return DBusConnectionBuilder.forAddress(address).withShared(false).build();
        } catch (DBusException | RuntimeException e) {
            System.err.println("budmon: the D-Bus session bus at " + address + " cannot be reached (" + e.getMessage()
                    + ")");
            return null;
        }
    }

    /** Whether a service owns the name, or can be started for it by the bus. */
    static boolean hasService(DBusConnection bus, String name) {
        try {
            DBus dbus = bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (dbus.NameHasOwner(name)) {
                return true;
            }
            for (String activatable : dbus.ListActivatableNames()) {
                if (activatable.equals(name)) {
                    return true;
                }
            }
            return false;
        } catch (DBusException | RuntimeException e) {
            return false;
        }
    }
}

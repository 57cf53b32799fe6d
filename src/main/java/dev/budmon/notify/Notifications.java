package dev.budmon.notify;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.Map;

/**
 * The part of the freedesktop Desktop Notifications Specification (1.2) BudMon uses, as dbus-java maps it:
 * {@code org.freedesktop.Notifications} at {@code /org/freedesktop/Notifications}.
 */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface Notifications extends DBusInterface {

    /** The service's bus name. */
    String BUS_NAME = "org.freedesktop.Notifications";
    /** Its object path. */
    String OBJECT_PATH = "/org/freedesktop/Notifications";

    /**
     * Shows a notification.
     *
     * @param expireTimeout milliseconds; -1 lets the server decide
     * @return the notification's id
     */
    @SuppressWarnings("checkstyle:MethodName")
    UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                  List<String> actions, Map<String, Variant<?>> hints, int expireTimeout);

    /** The optional features the server has, e.g. {@code actions}, {@code body}. */
    List<String> GetCapabilities();

    /** The user clicked an action of a notification; {@code default} is the click on the notification itself. */
    class ActionInvoked extends DBusSignal {
        private final UInt32 id;
        private final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }

        /** The notification's id. */
        public UInt32 id() {
            return id;
        }

        /** The action's key. */
        public String actionKey() {
            return actionKey;
        }
    }
}

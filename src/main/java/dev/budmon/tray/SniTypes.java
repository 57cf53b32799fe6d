package dev.budmon.tray;

import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.Map;

/**
 * The D-Bus interfaces and types of the StatusNotifierItem specification (as KDE names them,
 * {@code org.kde.*}) and of {@code com.canonical.dbusmenu}, as dbus-java maps them: method and signal names
 * are the protocol's, hence their capitals.
 */
final class SniTypes {

    private SniTypes() {
    }

    /** {@code a(iiay)}'s element: one size of an icon, ARGB32 in network byte order. */
    public static final class Pixmap extends Struct {
        @Position(0)
        public final int width;
        @Position(1)
        public final int height;
        @Position(2)
        public final byte[] data;

        public Pixmap(int width, int height, byte[] data) {
            this.width = width;
            this.height = height;
            this.data = data;
        }
    }

    /** {@code (sa(iiay)ss)}: icon name, icon pixmaps, title, description (may hold simple markup). */
    public static final class ToolTip extends Struct {
        @Position(0)
        public final String iconName;
        @Position(1)
        public final List<Pixmap> iconPixmap;
        @Position(2)
        public final String title;
        @Position(3)
        public final String description;

        public ToolTip(String iconName, List<Pixmap> iconPixmap, String title, String description) {
            this.iconName = iconName;
            this.iconPixmap = iconPixmap;
            this.title = title;
            this.description = description;
        }
    }

    /** The item's own interface. */
    @DBusInterfaceName("org.kde.StatusNotifierItem")
    public interface Item extends DBusInterface {

        /** A primary click (usually the left button): shows or hides the window. */
        void Activate(int x, int y);

        /** A middle click. */
        void SecondaryActivate(int x, int y);

        /** A request to show the context menu, from hosts that do not read {@code Menu} themselves. */
        void ContextMenu(int x, int y);

        /** The mouse wheel over the icon. */
        void Scroll(int delta, String orientation);

        /** The icon's pixmap changed. */
        class NewIcon extends DBusSignal {
            public NewIcon(String path) throws DBusException {
                super(path);
            }
        }

        /** The tooltip changed. */
        class NewToolTip extends DBusSignal {
            public NewToolTip(String path) throws DBusException {
                super(path);
            }
        }

        /** The status changed ({@code Active}, {@code NeedsAttention}). */
        class NewStatus extends DBusSignal {
            public final String status;

            public NewStatus(String path, String status) throws DBusException {
                super(path, status);
                this.status = status;
            }
        }
    }

    /** The watcher a panel runs, with which items register. */
    @DBusInterfaceName("org.kde.StatusNotifierWatcher")
    public interface Watcher extends DBusInterface {

        /** Registers an item by its bus name (the watcher reads it at {@code /StatusNotifierItem}). */
        void RegisterStatusNotifierItem(String service);
    }

    /** {@code (ia{sv}av)}: a menu item with its properties and children (each a variant of this type). */
    public static final class Layout extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;
        @Position(2)
        public final List<Variant<?>> children;

        public Layout(int id, Map<String, Variant<?>> properties, List<Variant<?>> children) {
            this.id = id;
            this.properties = properties;
            this.children = children;
        }
    }

    /**
     * {@code GetLayout}'s two results: the layout's revision and the layout. Generic because dbus-java reads a
     * tuple's D-Bus types from the type arguments of the method's return type.
     */
    public static final class LayoutReply<R, L> extends Tuple {
        @Position(0)
        public final R revision;
        @Position(1)
        public final L layout;

        public LayoutReply(R revision, L layout) {
            this.revision = revision;
            this.layout = layout;
        }
    }

    /** {@code (ia{sv})}: one item's properties. */
    public static final class ItemProperties extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;

        public ItemProperties(int id, Map<String, Variant<?>> properties) {
            this.id = id;
            this.properties = properties;
        }
    }

    /** {@code (isvu)}: one event of {@code EventGroup}. */
    public static final class MenuEvent extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final String eventId;
        @Position(2)
        public final Variant<?> data;
        @Position(3)
        public final UInt32 timestamp;

        public MenuEvent(int id, String eventId, Variant<?> data, UInt32 timestamp) {
            this.id = id;
            this.eventId = eventId;
            this.data = data;
            this.timestamp = timestamp;
        }
    }

    /** {@code AboutToShowGroup}'s results: the ids whose items need updating, and the unknown ids. */
    public static final class AboutToShowReply<U, E> extends Tuple {
        @Position(0)
        public final U updatesNeeded;
        @Position(1)
        public final E idErrors;

        public AboutToShowReply(U updatesNeeded, E idErrors) {
            this.updatesNeeded = updatesNeeded;
            this.idErrors = idErrors;
        }
    }

    /** The menu, {@code com.canonical.dbusmenu}, version 3. */
    @DBusInterfaceName("com.canonical.dbusmenu")
    public interface Menu extends DBusInterface {

        LayoutReply<UInt32, Layout> GetLayout(int parentId, int recursionDepth, List<String> propertyNames);

        List<ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames);

        Variant<?> GetProperty(int id, String name);

        void Event(int id, String eventId, Variant<?> data, UInt32 timestamp);

        List<Integer> EventGroup(List<MenuEvent> events);

        boolean AboutToShow(int id);

        AboutToShowReply<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids);

        /** The layout changed from {@code parent} down. */
        class LayoutUpdated extends DBusSignal {
            public final UInt32 revision;
            public final int parent;

            public LayoutUpdated(String path, UInt32 revision, int parent) throws DBusException {
                super(path, revision, parent);
                this.revision = revision;
                this.parent = parent;
            }
        }
    }
}

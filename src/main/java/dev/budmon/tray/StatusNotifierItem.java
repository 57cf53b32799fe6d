package dev.budmon.tray;

import dev.budmon.calc.Level;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * BudMon's icon as a StatusNotifierItem on the D-Bus session bus: the tray protocol of KDE Plasma, GNOME
 * with the AppIndicator extension, XFCE, Cinnamon, MATE, LXQt and most Wayland bars. The panel reads the
 * icon's pixmaps ({@code IconPixmap}, one per size of {@link TrayIconPainter#SIZES}), the tooltip and the
 * menu ({@code com.canonical.dbusmenu} at {@code /MenuBar}) from BudMon, and tells it about clicks.
 *
 * <p>The item owns the bus name {@code org.kde.StatusNotifierItem-<pid>-1} and registers with the panel's
 * {@code org.kde.StatusNotifierWatcher}, again whenever a new watcher appears (a panel restarted, or started
 * after BudMon at login). Thread-safe; {@link #update} from any thread.
 *
 * <p>Over 400 lines: the two D-Bus interfaces a panel reads (the item and its dbusmenu) and their properties, side by side.
 */
public final class StatusNotifierItem implements AutoCloseable {

    /** Where the item lives on its bus name. */
    public static final String ITEM_PATH = "/StatusNotifierItem";
    /** Where its menu lives. */
    public static final String MENU_PATH = "/MenuBar";
    /** The panel's watcher. */
    public static final String WATCHER = "org.kde.StatusNotifierWatcher";
    private static final int REGISTER_ATTEMPTS = 10;
    static final String ITEM_INTERFACE = "org.kde.StatusNotifierItem";
    static final String MENU_INTERFACE = "com.canonical.dbusmenu";

    private final DBusConnection bus;
    private final String busName;
    private final TrayActions actions;
    private final ItemObject item = new ItemObject();
    private final MenuObject menu = new MenuObject();
    private final AutoCloseable watcherSignals;
    private volatile boolean closed;

    // guarded by this
    private List<SniTypes.Pixmap> pixmaps = List.of();
    private SniTypes.ToolTip toolTip = new SniTypes.ToolTip("", List.of(), "BudMon", "");
    private String status = "Active";
    private TrayMenu.Item menuRoot = new TrayMenu.Item(0, "", TrayMenu.Action.NONE, null, null, List.of());
    private long revision = 1;

    private StatusNotifierItem(DBusConnection bus, String busName, TrayActions actions) throws DBusException {
        this.bus = bus;
        this.busName = busName;
        this.actions = actions;
        bus.exportObject(ITEM_PATH, item);
        bus.exportObject(MENU_PATH, menu);
        bus.requestBusName(busName);
        this.watcherSignals = bus.addSigHandler(DBus.NameOwnerChanged.class, s -> {
            if (WATCHER.equals(s.name) && s.newOwner != null && !s.newOwner.isEmpty()) {
                registerWithNewWatcher(1);
            }
        });
    }

    /**
     * Puts the item on the bus and registers it with the watcher, if there is one.
     *
     * @return the item, or {@code null} (with one line on stderr) when the bus refused it
     */
    public static StatusNotifierItem export(DBusConnection bus, TrayActions actions) {
        String name = "org.kde.StatusNotifierItem-" + ProcessHandle.current().pid() + "-1";
        try {
            StatusNotifierItem sni = new StatusNotifierItem(bus, name, actions);
            sni.register();
            return sni;
        } catch (DBusException | RuntimeException e) {
            System.err.println("budmon: the tray icon could not be put on the session bus (" + e.getMessage() + ")");
            return null;
        }
    }

    /** Whether a StatusNotifierWatcher (a panel's tray) is on the bus now. */
    public static boolean watcherPresent(DBusConnection bus) {
        try {
            return bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class).NameHasOwner(WATCHER);
        } catch (DBusException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a panel's watcher is on the bus now, so that the item is shown (it registers with each new one). */
    public boolean panelPresent() {
        return watcherPresent(bus);
    }

    /** The bus name the item owns. */
    public String busName() {
        return busName;
    }

    /** Registers with the watcher; {@code false} when there is none (the item waits for one to appear). */
    public boolean register() {
        return register(true);
    }

    private boolean register(boolean reportRefusal) {
        if (closed || !watcherPresent(bus)) {
            return false;
        }
        try {
            bus.getRemoteObject(WATCHER, "/StatusNotifierWatcher", SniTypes.Watcher.class)
                    .RegisterStatusNotifierItem(busName);
            return true;
        } catch (DBusException | RuntimeException e) {
            if (reportRefusal) {
                System.err.println("budmon: the panel's tray did not take the icon (" + e.getMessage() + ")");
            }
            return false;
        }
    }

    /**
     * Registers with a watcher that has just taken its name. A watcher may own the name a moment before it
     * answers on it (status-notifier-watcher does), so a refusal is tried again, 0.1 s later and then ever
     * later, for about 10 s in all, off the bus's signal thread.
     */
    private void registerWithNewWatcher(int attempt) {
        boolean last = attempt >= REGISTER_ATTEMPTS;
        if (register(last) || last || closed) {
            return;
        }
        CompletableFuture.runAsync(() -> registerWithNewWatcher(attempt + 1),
                CompletableFuture.delayedExecutor(100L << Math.min(attempt - 1, 4), TimeUnit.MILLISECONDS));
    }

    /**
     * Shows new figures: the icon's picture, the tooltip, the status (an alarm asks for attention) and the
     * menu, and tells the panel what changed. Any thread.
     */
    public void update(TrayIconModel icon, TrayPalette palette, TrayTooltip tip, TrayMenu.Item menuRoot) {
        List<SniTypes.Pixmap> px = new ArrayList<>();
        for (int size : TrayIconPainter.SIZES) {
            px.add(pixmap(TrayIconPainter.paint(icon, size, palette)));
        }
        String newStatus = icon.level() == Level.ALARM ? "NeedsAttention" : "Active";
        boolean menuChanged;
        boolean statusChanged;
        synchronized (this) {
            pixmaps = List.copyOf(px);
            toolTip = new SniTypes.ToolTip("", List.of(), tip.title(), tip.body());
            statusChanged = !newStatus.equals(status);
            status = newStatus;
            menuChanged = !menuRoot.equals(this.menuRoot);
            if (menuChanged) {
                this.menuRoot = menuRoot;
                revision++;
            }
        }
        try {
            bus.sendMessage(new SniTypes.Item.NewIcon(ITEM_PATH));
            bus.sendMessage(new SniTypes.Item.NewToolTip(ITEM_PATH));
            if (statusChanged) {
                bus.sendMessage(new SniTypes.Item.NewStatus(ITEM_PATH, newStatus));
            }
            if (menuChanged) {
                bus.sendMessage(new SniTypes.Menu.LayoutUpdated(MENU_PATH, new UInt32(revision()), 0));
            }
        } catch (DBusException | RuntimeException e) {
            System.err.println("budmon: the tray icon could not be updated (" + e.getMessage() + ")");
        }
    }

    private synchronized long revision() {
        return revision;
    }

    /** An image as the specification wants it: ARGB32, each pixel's four bytes in network byte order. */
    static SniTypes.Pixmap pixmap(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] data = new byte[w * h * 4];
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = img.getRGB(x, y);
                data[i++] = (byte) (argb >>> 24);
                data[i++] = (byte) (argb >>> 16);
                data[i++] = (byte) (argb >>> 8);
                data[i++] = (byte) argb;
            }
        }
        return new SniTypes.Pixmap(w, h, data);
    }

    @Override
    public void close() {
        closed = true;
        try {
            watcherSignals.close();
        } catch (Exception e) {
            // the bus is gone
        }
        bus.unExportObject(ITEM_PATH);
        bus.unExportObject(MENU_PATH);
        try {
            bus.releaseBusName(busName);
        } catch (DBusException | RuntimeException e) {
            // the bus is gone
        }
    }

    private static Variant<?> string(String s) {
        return new Variant<>(s);
    }

    /** An exported object whose D-Bus properties are read-only and all of one interface. */
    private abstract static class ReadOnlyProperties implements Properties {
        private final String iface;
        private final String path;

        ReadOnlyProperties(String iface, String path) {
            this.iface = iface;
            this.path = path;
        }

        /** The properties as they are now. */
        abstract Map<String, Variant<?>> properties();

        @Override
        @SuppressWarnings("unchecked")
        public <A> A Get(String interfaceName, String name) {
            Variant<?> v = properties().get(name);
            if (v == null) {
                throw new IllegalArgumentException("no property " + name + " in " + interfaceName);
            }
            return (A) v;
        }

        @Override
        public <A> void Set(String interfaceName, String name, A value) {
            throw new UnsupportedOperationException("the properties of " + iface + " are read-only");
        }

        @Override
        public Map<String, Variant<?>> GetAll(String interfaceName) {
            return iface.equals(interfaceName) ? properties() : Map.of();
        }

        @Override
        public String getObjectPath() {
            return path;
        }
    }

    /** The object at {@link #ITEM_PATH}. */
    private final class ItemObject extends ReadOnlyProperties implements SniTypes.Item {

        ItemObject() {
            super(ITEM_INTERFACE, ITEM_PATH);
        }

        @Override
        Map<String, Variant<?>> properties() {
            Map<String, Variant<?>> p = new LinkedHashMap<>();
            synchronized (StatusNotifierItem.this) {
                p.put("Category", string("ApplicationStatus"));
                p.put("Id", string("budmon"));
                p.put("Title", string("BudMon"));
                p.put("Status", string(status));
                p.put("WindowId", new Variant<>(new UInt32(0)));
                p.put("IconName", string(""));
                p.put("IconThemePath", string(""));
                p.put("IconPixmap", new Variant<>(pixmaps, "a(iiay)"));
                p.put("OverlayIconName", string(""));
                p.put("OverlayIconPixmap", new Variant<>(List.of(), "a(iiay)"));
                p.put("AttentionIconName", string(""));
                p.put("AttentionIconPixmap", new Variant<>(List.of(), "a(iiay)"));
                p.put("AttentionMovieName", string(""));
                p.put("ToolTip", new Variant<>(toolTip, "(sa(iiay)ss)"));
                p.put("ItemIsMenu", new Variant<>(false));
                p.put("Menu", new Variant<>(new DBusPath(MENU_PATH)));
            }
            return p;
        }

        @Override
        public void Activate(int x, int y) {
            actions.toggleWindow();
        }

        @Override
        public void SecondaryActivate(int x, int y) {
            actions.toggleWindow();
        }

        @Override
        public void ContextMenu(int x, int y) {
            // the hosts BudMon knows read the menu from Menu; one that asks here gets nothing, not an error
        }

        @Override
        public void Scroll(int delta, String orientation) {
        }
    }

    /** The object at {@link #MENU_PATH}. */
    private final class MenuObject extends ReadOnlyProperties implements SniTypes.Menu {

        MenuObject() {
            super(MENU_INTERFACE, MENU_PATH);
        }

        private TrayMenu.Item root() {
            synchronized (StatusNotifierItem.this) {
                return menuRoot;
            }
        }

        @Override
        public SniTypes.LayoutReply<UInt32, SniTypes.Layout> GetLayout(int parentId, int recursionDepth,
                                                                      List<String> propertyNames) {
            TrayMenu.Item parent = root().find(parentId);
            if (parent == null) {
                parent = root();
            }
            return new SniTypes.LayoutReply<>(new UInt32(revision()), layout(parent, recursionDepth));
        }

        private SniTypes.Layout layout(TrayMenu.Item item, int depth) {
            List<Variant<?>> children = new ArrayList<>();
            if (depth != 0) {
                for (TrayMenu.Item c : item.children()) {
                    children.add(new Variant<>(layout(c, depth - 1), "(ia{sv}av)"));
                }
            }
            return new SniTypes.Layout(item.id(), itemProperties(item), children);
        }

        private Map<String, Variant<?>> itemProperties(TrayMenu.Item item) {
            Map<String, Variant<?>> p = new LinkedHashMap<>();
            if (item.id() == 0) {
                p.put("children-display", string("submenu"));
                return p;
            }
            if (item.separator()) {
                p.put("type", string("separator"));
                return p;
            }
            p.put("label", string(item.label().replace("_", "__")));
            p.put("enabled", new Variant<>(true));
            p.put("visible", new Variant<>(true));
            if (item.checked() != null) {
                p.put("toggle-type", string("checkmark"));
                p.put("toggle-state", new Variant<>(item.checked() ? 1 : 0));
            }
            if (!item.children().isEmpty()) {
                p.put("children-display", string("submenu"));
            }
            return p;
        }

        @Override
        public List<SniTypes.ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames) {
            List<SniTypes.ItemProperties> out = new ArrayList<>();
            TrayMenu.Item root = root();
            for (int id : ids) {
                TrayMenu.Item item = root.find(id);
                if (item != null) {
                    out.add(new SniTypes.ItemProperties(id, itemProperties(item)));
                }
            }
            return out;
        }

        @Override
        public Variant<?> GetProperty(int id, String name) {
            TrayMenu.Item item = root().find(id);
            Variant<?> v = item == null ? null : itemProperties(item).get(name);
            if (v == null) {
                throw new IllegalArgumentException("no property " + name + " of menu item " + id);
            }
            return v;
        }

        @Override
        public void Event(int id, String eventId, Variant<?> data, UInt32 timestamp) {
            if ("clicked".equals(eventId)) {
                TrayMenu.Item item = root().find(id);
                if (item != null) {
                    actions.perform(item);
                }
            }
        }

        @Override
        public List<Integer> EventGroup(List<SniTypes.MenuEvent> events) {
            List<Integer> errors = new ArrayList<>();
            for (SniTypes.MenuEvent e : events) {
                if (root().find(e.id) == null) {
                    errors.add(e.id);
                } else {
                    Event(e.id, e.eventId, e.data, e.timestamp);
                }
            }
            return errors;
        }

        @Override
        public boolean AboutToShow(int id) {
            return false;
        }

        @Override
        public SniTypes.AboutToShowReply<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids) {
            return new SniTypes.AboutToShowReply<>(List.of(), List.of());
        }

        @Override
        Map<String, Variant<?>> properties() {
            Map<String, Variant<?>> p = new LinkedHashMap<>();
            p.put("Version", new Variant<>(new UInt32(3)));
            p.put("TextDirection", string("ltr"));
            p.put("Status", string("normal"));
            p.put("IconThemePath", new Variant<>(List.of(), "as"));
            return p;
        }
    }
}

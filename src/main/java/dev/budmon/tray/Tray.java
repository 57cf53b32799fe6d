package dev.budmon.tray;

import dev.budmon.calc.Figures;
import dev.budmon.config.BudmonConfig;
import dev.budmon.i18n.Messages;
import org.freedesktop.dbus.connections.impl.DBusConnection;

import java.awt.TrayIcon;
import java.time.ZoneId;

/**
 * BudMon's tray icon, whichever way this desktop shows one: the StatusNotifierItem when a panel's watcher is
 * on the session bus, else AWT's system tray when there is one, else nothing (and no error: the window and
 * the alerts work without). Thread-safe.
 */
public final class Tray implements AutoCloseable {

    private final StatusNotifierItem sni;
    private final AwtTray awt;
    private final TrayPalette palette;

    private Tray(StatusNotifierItem sni, AwtTray awt, TrayPalette palette) {
        this.sni = sni;
        this.awt = awt;
        this.palette = palette;
    }

    /**
     * Shows the icon the best way this desktop has. Looks at the bus and loads AWT's toolkit only when the
     * bus has no watcher; not on the EDT.
     *
     * @param bus     the session bus; {@code null} when there is none
     * @param palette the colours
     * @param actions what the menu and clicks ask for
     * @return the tray; {@link #exists()} tells whether an icon is shown
     */
    public static Tray show(DBusConnection bus, TrayPalette palette, TrayActions actions) {
        if (bus != null && StatusNotifierItem.watcherPresent(bus)) {
            StatusNotifierItem sni = StatusNotifierItem.export(bus, actions);
            if (sni != null) {
                return new Tray(sni, null, palette);
            }
        }
        if (AwtTray.supported()) {
            AwtTray awt = AwtTray.add(TrayIconModel.WAITING, palette, actions);
            if (awt != null) {
                return new Tray(null, awt, palette);
            }
        }
        if (bus != null) {
            // no tray yet: a panel that starts later (BudMon autostarted first) finds the item when it comes
            StatusNotifierItem sni = StatusNotifierItem.export(bus, actions);
            return new Tray(sni, null, palette);
        }
        return new Tray(null, null, palette);
    }

    /** No icon at all, for {@code [tray] icon = off}. */
    public static Tray none() {
        return new Tray(null, null, null);
    }

    /** Whether an icon is shown (or, on the bus, waits for a panel): then closing the window may hide it. */
    public boolean exists() {
        return sni != null || awt != null;
    }

    /**
     * Whether the icon is on screen now: AWT's, or the item with a panel on the bus, not one waiting for a
     * panel that may never come (GNOME without the AppIndicator extension). Asks the bus; not on the EDT.
     */
    public boolean visible() {
        return awt != null || (sni != null && sni.panelPresent());
    }

    /** The AWT icon when that is the way; {@code null} otherwise. */
    public TrayIcon awtIcon() {
        return awt == null ? null : awt.icon();
    }

    /** Shows these figures. Any thread. */
    public void update(Figures f, BudmonConfig config, Messages m, ZoneId zone, boolean windowShown) {
        if (!exists()) {
            return;
        }
        TrayIconModel model = TrayIconModel.of(f);
        TrayTooltip tip = TrayTooltip.of(f, m, zone);
        TrayMenu.Item menu = TrayMenu.build(m, config, windowShown);
        if (sni != null) {
            sni.update(model, palette, tip, menu);
        }
        if (awt != null) {
            awt.update(model, palette, tip, menu);
        }
    }

    @Override
    public void close() {
        if (sni != null) {
            sni.close();
        }
        if (awt != null) {
            awt.close();
        }
    }
}

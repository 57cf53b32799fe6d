package dev.budmon.tray;

import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;

/**
 * BudMon's icon in AWT's {@link SystemTray}: the notification area of Windows, the menu bar of macOS, and an
 * XEmbed tray on X11 desktops without StatusNotifierItem. Same picture, tooltip and menu as the D-Bus item.
 * AWT's own threads; {@link #update} from any thread (it passes to the EDT).
 */
public final class AwtTray implements AutoCloseable {

    private final TrayIcon icon;
    private final TrayActions actions;

    private AwtTray(TrayIcon icon, TrayActions actions) {
        this.icon = icon;
        this.actions = actions;
    }

    /** Whether this desktop has an AWT system tray. Loads the AWT toolkit; not on the EDT. */
    public static boolean supported() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | Error e) {
            return false; // no display, or a toolkit that cannot start
        }
    }

    /**
     * Adds the icon to the system tray.
     *
     * @return the tray, or {@code null} (with one line on stderr) when the tray refused it
     */
    public static AwtTray add(TrayIconModel model, TrayPalette palette, TrayActions actions) {
        try {
            SystemTray tray = SystemTray.getSystemTray();
            int size = Math.max(16, Math.min(tray.getTrayIconSize().width, tray.getTrayIconSize().height));
            TrayIcon icon = new TrayIcon(TrayIconPainter.paint(model, size, palette), "BudMon");
            icon.setImageAutoSize(true);
            icon.addActionListener(e -> actions.toggleWindow()); // double click; on Windows also a toast's click
            tray.add(icon);
            return new AwtTray(icon, actions);
        } catch (AWTException | RuntimeException e) {
            System.err.println("budmon: the system tray did not take the icon (" + e.getMessage() + ")");
            return null;
        }
    }

    /** The AWT icon, for the toasts of the Windows notifier. */
    public TrayIcon icon() {
        return icon;
    }

    /** Shows new figures and the menu. Any thread. */
    public void update(TrayIconModel model, TrayPalette palette, TrayTooltip tip, TrayMenu.Item menu) {
        EventQueue.invokeLater(() -> {
            int size = Math.max(16, Math.min(icon.getSize().width, icon.getSize().height));
            BufferedImage img = TrayIconPainter.paint(model, size, palette);
            icon.setImage(img);
            // AWT tooltips are one plain line on most platforms, and Windows cuts them at 127 characters
            String text = tip.title() + " \u2014 " + String.join(" | ", tip.lines());
            icon.setToolTip(text.length() > 127 ? text.substring(0, 126) + "\u2026" : text);
            PopupMenu popup = new PopupMenu();
            for (TrayMenu.Item item : menu.children()) {
                popup.add(awtItem(item));
            }
            icon.setPopupMenu(popup);
        });
    }

    private MenuItem awtItem(TrayMenu.Item item) {
        if (item.separator()) {
            return new MenuItem("-"); // AWT's separator
        }
        if (!item.children().isEmpty()) {
            Menu sub = new Menu(item.label());
            for (TrayMenu.Item c : item.children()) {
                if (c.separator()) {
                    sub.addSeparator();
                } else {
                    sub.add(awtItem(c));
                }
            }
            return sub;
        }
        if (item.checked() != null) {
            CheckboxMenuItem box = new CheckboxMenuItem(item.label(), item.checked());
            box.addItemListener(e -> actions.perform(item));
            return box;
        }
        MenuItem mi = new MenuItem(item.label());
        mi.addActionListener(e -> actions.perform(item));
        return mi;
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}

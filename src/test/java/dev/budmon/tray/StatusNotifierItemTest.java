package dev.budmon.tray;

import dev.budmon.calc.Level;
import dev.budmon.config.BudmonConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.notify.PrivateDesktop;
import dev.budmon.notify.SessionBus;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BudMon's StatusNotifierItem on a private session bus with a real StatusNotifierWatcher
 * ({@code status-notifier-watcher}, Debian's haskell-status-notifier-item-utils, which runs headless): the item
 * registers, and its properties ({@code IconPixmap}, {@code ToolTip}, {@code Menu}) and its menu
 * ({@code com.canonical.dbusmenu}) read back with {@code busctl} are what BudMon painted and wrote; a click
 * and a menu event reach BudMon.
 */
@Tag("desktop")
class StatusNotifierItemTest {

    private static PrivateDesktop desktop;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startDesktop() throws Exception {
        PrivateDesktop.require("Xvfb", "dbus-daemon", "dbus-send", "busctl", "status-notifier-watcher");
        desktop = PrivateDesktop.start(temp);
        desktop.startStatusNotifierWatcher();
    }

    @AfterAll
    static void stopDesktop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    /** Records what the tray asked for. */
    private static final class Recorder implements TrayActions {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void toggleWindow() {
            calls.add("toggleWindow");
        }

        @Override
        public void showHistory() {
            calls.add("history");
        }

        @Override
        public void setSetting(String setting, boolean on) {
            calls.add(setting + "=" + on);
        }

        @Override
        public void openIni() {
            calls.add("ini");
        }

        @Override
        public void quit() {
            calls.add("quit");
        }
    }

    @Test
    void registersAndShowsItsIconTooltipAndMenuOverTheBus() throws Exception {
        DBusConnection bus = SessionBus.connect(desktop.busAddress());
        Recorder recorder = new Recorder();
        StatusNotifierItem sni = StatusNotifierItem.export(bus, recorder);
        assertThat(sni).isNotNull();
        try {
            TrayIconModel model = new TrayIconModel("5h", 92.0, Level.ALARM);
            TrayPalette palette = TrayPalette.fromThemeFile();
            TrayTooltip tip = new TrayTooltip("BudMon \u00b7 ALARM",
                    List.of("5-hour quota: 92% \u00b7 reset 14:00 (1 h 30 min) \u00b7 26.3 %/h"));
            TrayMenu.Item menu = TrayMenu.build(Messages.of("en"), BudmonConfig.DEFAULTS, true);
            sni.update(model, palette, tip, menu);

            String items = busctl("get-property", "org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                    "org.kde.StatusNotifierWatcher", "RegisteredStatusNotifierItems");
            assertThat(items).as("the watcher's items").contains(sni.busName());

            // IconPixmap: one pixmap per size, each the painted icon's pixels, ARGB in network byte order
            String icon = busctl("get-property", sni.busName(), "/StatusNotifierItem", "org.kde.StatusNotifierItem",
                    "IconPixmap");
            assertThat(icon).startsWith("a(iiay) 4 ");
            List<int[]> pixmaps = parsePixmaps(icon);
            assertThat(pixmaps).extracting(p -> p[0] + "x" + p[1]).containsExactly("16x16", "22x22", "24x24", "32x32");
            for (int[] p : pixmaps) {
                BufferedImage painted = TrayIconPainter.paint(model, p[0], palette);
                for (int y = 0; y < p[1]; y++) {
                    for (int x = 0; x < p[0]; x++) {
                        int i = 2 + 4 * (y * p[0] + x);
                        int argb = p[i] << 24 | p[i + 1] << 16 | p[i + 2] << 8 | p[i + 3];
                        assertThat(argb).as("pixel %d,%d of %d px", x, y, p[0]).isEqualTo(painted.getRGB(x, y));
                    }
                }
            }

            String toolTip = busctl("get-property", sni.busName(), "/StatusNotifierItem",
                    "org.kde.StatusNotifierItem", "ToolTip");
            // busctl writes what is not ASCII as octal escapes of its UTF-8 bytes: \302\267 is the middle dot
            assertThat(toolTip).isEqualTo("(sa(iiay)ss) \"\" 0 \"BudMon \\302\\267 ALARM\" "
                    + "\"5-hour quota: 92% \\302\\267 reset 14:00 (1 h 30 min) \\302\\267 26.3 %/h\"");
            assertThat(busctl("get-property", sni.busName(), "/StatusNotifierItem", "org.kde.StatusNotifierItem",
                    "Menu")).isEqualTo("o \"/MenuBar\"");
            assertThat(busctl("get-property", sni.busName(), "/StatusNotifierItem", "org.kde.StatusNotifierItem",
                    "Status")).isEqualTo("s \"NeedsAttention\"");
            assertThat(busctl("get-property", sni.busName(), "/StatusNotifierItem", "org.kde.StatusNotifierItem",
                    "Id")).isEqualTo("s \"budmon\"");

            String layout = busctl("call", sni.busName(), "/MenuBar", "com.canonical.dbusmenu", "GetLayout", "iias",
                    "0", "-1", "0");
            assertThat(layout).startsWith("u(ia{sv}av) 2 0 ");
            for (String label : List.of("Hide window", "Quota history\\342\\200\\246", "Settings", "Alert at the warning threshold",
                    "Alert before a quota runs out", "Closing the window keeps BudMon running", "Edit budmon.ini\\342\\200\\246",
                    "Quit BudMon")) {
                assertThat(layout).as("menu layout").contains("\"" + label + "\"");
            }
            assertThat(layout).contains("\"toggle-type\" s \"checkmark\"").contains("\"type\" s \"separator\"");
            assertThat(busctl("get-property", sni.busName(), "/MenuBar", "com.canonical.dbusmenu", "Version"))
                    .isEqualTo("u 3");

            // a left click, then the menu's Quit and a switch, as a panel sends them
            busctl("call", sni.busName(), "/StatusNotifierItem", "org.kde.StatusNotifierItem", "Activate", "ii",
                    "10", "10");
            busctl("call", sni.busName(), "/MenuBar", "com.canonical.dbusmenu", "Event", "isvu", "12", "clicked",
                    "s", "", "0");
            busctl("call", sni.busName(), "/MenuBar", "com.canonical.dbusmenu", "Event", "isvu", "5", "clicked",
                    "s", "", "0");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (recorder.calls.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(recorder.calls).containsExactly("toggleWindow", "alerts/quota_warn=false", "quit");
        } finally {
            sni.close();
            bus.close();
        }
    }

    @Test
    void registersAgainWhenTheWatcherComesBack() throws Exception {
        DBusConnection bus = SessionBus.connect(desktop.busAddress());
        StatusNotifierItem sni = StatusNotifierItem.export(bus, new Recorder());
        try {
            desktop.stopStatusNotifierWatcher();
            desktop.startStatusNotifierWatcher();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String items = "";
            while (!items.contains(sni.busName()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                items = busctl("get-property", "org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                        "org.kde.StatusNotifierWatcher", "RegisteredStatusNotifierItems");
            }
            assertThat(items).contains(sni.busName());
        } finally {
            sni.close();
            bus.close();
        }
    }

    /**
     * A panel's watcher may own its name a moment before it answers on it: the item must not take the first
     * refusal for an answer. Here a watcher of the test's own takes the name, refuses for 0.6 s (nothing is
     * exported yet) and only then takes registrations.
     */
    @Test
    void registersWithAWatcherThatAnswersOnlyAMomentAfterTakingItsName() throws Exception {
        desktop.stopStatusNotifierWatcher();
        DBusConnection bus = SessionBus.connect(desktop.busAddress());
        DBusConnection panel = SessionBus.connect(desktop.busAddress());
        StatusNotifierItem sni = StatusNotifierItem.export(bus, new Recorder());
        List<String> registered = Collections.synchronizedList(new ArrayList<>());
        try {
            panel.requestBusName(StatusNotifierItem.WATCHER);
            Thread.sleep(600);
            panel.exportObject("/StatusNotifierWatcher", new SniTypes.Watcher() {
                @Override
                public void RegisterStatusNotifierItem(String service) {
                    registered.add(service);
                }

                @Override
                public String getObjectPath() {
                    return "/StatusNotifierWatcher";
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (registered.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(registered).as("registrations the late watcher took").containsExactly(sni.busName());
        } finally {
            sni.close();
            bus.close();
            panel.releaseBusName(StatusNotifierItem.WATCHER);
            panel.close();
            desktop.startStatusNotifierWatcher();
        }
    }

    private static String busctl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("busctl", "--user", "--")); // "--": -1 is an argument
        cmd.addAll(List.of(args));
        return desktop.run(cmd.toArray(String[]::new)).strip();
    }

    /** {@code a(iiay) N w h len b b b … w h len …} into one array per pixmap: width, height, then the bytes. */
    private static List<int[]> parsePixmaps(String text) {
        String[] t = text.split(" ");
        int n = Integer.parseInt(t[1]);
        List<int[]> out = new ArrayList<>();
        int i = 2;
        for (int k = 0; k < n; k++) {
            int w = Integer.parseInt(t[i++]);
            int h = Integer.parseInt(t[i++]);
            int len = Integer.parseInt(t[i++]);
            int[] p = new int[2 + len];
            p[0] = w;
            p[1] = h;
            for (int b = 0; b < len; b++) {
                p[2 + b] = Integer.parseInt(t[i++]);
            }
            out.add(p);
        }
        return out;
    }
}

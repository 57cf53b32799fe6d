package dev.budmon.cli;

import dev.budmon.notify.PrivateDesktop;
import dev.budmon.ui.ClaudeDirFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code budmon --background} as the autostart runs it: a JVM of its own on a private desktop of real parts
 * ({@link PrivateDesktop}: an X display, a session bus, dunst and a StatusNotifierWatcher). It registers its
 * icon and shows no window; the icon's click opens the window in the same process; the menu's Quit ends it.
 * Without an icon ({@code [tray] icon = off}) it says so in one line and still alerts.
 */
@Tag("desktop")
class BackgroundCommandTest {

    private static PrivateDesktop desktop;

    @TempDir
    static Path temp;

    private Process budmon;

    @BeforeAll
    static void startDesktop() throws Exception {
        PrivateDesktop.require("Xvfb", "dbus-daemon", "busctl", "dunst", "dunstctl", "status-notifier-watcher",
                "xdotool");
        desktop = PrivateDesktop.start(temp);
        desktop.startDunst();
        desktop.startStatusNotifierWatcher();
    }

    @AfterAll
    static void stopDesktop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    @AfterEach
    void stopBudmon() throws InterruptedException {
        if (budmon != null && budmon.isAlive()) {
            budmon.destroy();
            budmon.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void registersItsIconWithoutAWindowOpensTheWindowOnAClickAndQuitsFromTheMenu() throws Exception {
        Path claude = temp.resolve("claude-tray");
        ClaudeDirFixture.create(claude, Instant.now(), "en");
        Path log = temp.resolve("tray.log");
        budmon = start(claude, log);

        String mark = "org.kde.StatusNotifierItem-" + budmon.pid() + "-";
        assertThat(await(() -> registeredItems().contains(mark), 30)).as("its item registered with the watcher")
                .isTrue();
        String items = registeredItems();
        int at = items.indexOf(mark);
        String item = items.substring(at, items.indexOf('"', at));
        Thread.sleep(1000); // a window shown at start would be mapped by now
        assertThat(budmonWindows()).as("X windows of class budmon").isEmpty();
        assertThat(Files.readString(log)).as("what it logged").isEmpty();

        busctl("call", item, "/StatusNotifierItem", "org.kde.StatusNotifierItem", "Activate", "ii", "0", "0");
        assertThat(await(() -> !budmonWindows().isEmpty(), 30)).as("the window, after a click on the icon").isTrue();
        assertThat(budmon.isAlive()).isTrue();

        busctl("call", item, "/MenuBar", "com.canonical.dbusmenu", "Event", "isvu", "5", "clicked", "i", "0", "0");
        assertThat(budmon.waitFor(15, TimeUnit.SECONDS)).as("ended by the menu's Quit").isTrue();
        assertThat(budmon.exitValue()).isZero();
    }

    @Test
    void withoutAnIconItSaysSoOnceAndStillAlerts() throws Exception {
        Path claude = temp.resolve("claude-no-icon");
        ClaudeDirFixture data = ClaudeDirFixture.create(claude, Instant.now(), "en");
        Path ini = claude.resolve("budmon.ini");
        Files.writeString(ini, Files.readString(ini) + "\n[tray]\nicon = off\n");
        data.writeUsageLimits(0.95, Instant.now());
        int before = notifications();
        Path log = temp.resolve("no-icon.log");
        budmon = start(claude, log);

        assertThat(await(() -> notifications() == before + 1, 30)).as("the alarm's notification").isTrue();
        String logged = Files.readString(log);
        assertThat(logged.lines().toList()).as("what it logged").hasSize(1);
        assertThat(logged).contains("no tray").contains("org.freedesktop.Notifications");
        assertThat(registeredItems()).doesNotContain("-" + budmon.pid() + "-");
        assertThat(budmon.isAlive()).isTrue();
    }

    /** {@code budmon --background} in a JVM of its own, with a home of its own, on the private desktop. */
    private Process start(Path claude, Path log) throws IOException {
        Path home = Files.createDirectories(temp.resolve("home-" + claude.getFileName()));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=false",
                "--add-opens=java.desktop/sun.awt.X11=ALL-UNNAMED", Main.class.getName(), "--background",
                "--claude-dir", claude.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        desktop.environment(env);
        return pb.start();
    }

    private static List<String> budmonWindows() {
        try {
            return desktop.run("xdotool", "search", "--class", "budmon").lines().toList();
        } catch (IOException e) {
            return List.of(); // xdotool exits 1 when nothing matches
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static int notifications() {
        try {
            return desktop.notificationsSoFar();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String registeredItems() {
        return desktop.registeredItems();
    }

    private static void busctl(String... args) throws Exception {
        desktop.busctl(args);
    }

    private static boolean await(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        return PrivateDesktop.await(condition, seconds);
    }
}

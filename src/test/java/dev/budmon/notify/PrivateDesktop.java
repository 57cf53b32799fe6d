package dev.budmon.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A desktop of real parts, private to one test class: an X server (Xvfb, on a display number it picks
 * itself), a D-Bus session bus of its own ({@code dbus-daemon --session}), and, on request, the dunst
 * notification daemon and a StatusNotifierWatcher on that bus. Nothing of the user's session is touched.
 * Without the programs the tests are skipped, except under {@code CI=true}, where {@code .ci/run} installs
 * them and they must run.
 */
public final class PrivateDesktop implements AutoCloseable {

    /**
     * dunst's configuration: notifications stay until closed (so that they can be counted and clicked), and
     * the urgency is written into each message, where {@code dunstctl history} shows it (it has no field of
     * its own there).
     */
    static final String DUNSTRC = """
            [global]
                format = "%s|%b"
            [urgency_low]
                timeout = 0
            [urgency_normal]
                timeout = 0
            [urgency_critical]
                timeout = 0
            [mark_low]
                msg_urgency = low
                format = "urgency=low|%s|%b"
            [mark_normal]
                msg_urgency = normal
                format = "urgency=normal|%s|%b"
            [mark_critical]
                msg_urgency = critical
                format = "urgency=critical|%s|%b"
            """;

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private Process watcher;
    private String display;
    private String busAddress;

    private PrivateDesktop(Path dir) {
        this.dir = dir;
    }

    /** Skips (or, under CI=true, fails) unless every one of the programs is installed. */
    public static void require(String... programs) {
        List<String> missing = new ArrayList<>();
        for (String p : programs) {
            if (Notifiers.find(p, Notifiers.pathFromEnvironment()) == null) {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "the desktop tests need " + String.join(", ", missing)
                + " (Debian: xvfb dbus-daemon dunst haskell-status-notifier-item-utils xdotool; .ci/run installs them)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " [CI=true: they must not be skipped]");
        }
        System.err.println("SKIPPED: " + message);
        assumeTrue(false, message);
    }

    /** Starts Xvfb and a session bus in {@code dir}. */
    public static PrivateDesktop start(Path dir) throws IOException, InterruptedException {
        require("Xvfb", "dbus-daemon");
        PrivateDesktop d = new PrivateDesktop(dir);
        try {
            d.display = ":" + d.firstLine(List.of("Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24",
                    "-nolisten", "tcp", "-noreset"), "Xvfb's display number");
            d.busAddress = d.firstLine(List.of("dbus-daemon", "--session", "--nofork", "--print-address=1"),
                    "the bus address");
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    /** The bus's address, for {@code DBUS_SESSION_BUS_ADDRESS}. */
    public String busAddress() {
        return busAddress;
    }

    /** The X display, e.g. {@code :7}. */
    public String display() {
        return display;
    }

    /** Starts dunst on the display and bus, and waits until it owns {@code org.freedesktop.Notifications}. */
    public void startDunst() throws IOException, InterruptedException {
        require("dunst", "dunstctl");
        Path rc = dir.resolve("dunstrc");
        Files.writeString(rc, DUNSTRC, StandardCharsets.UTF_8);
        background(List.of("dunst", "-conf", rc.toString()), "dunst.log");
        awaitName(Notifications.BUS_NAME);
    }

    /** Starts a StatusNotifierWatcher ({@code status-notifier-watcher}) and waits until it owns its name. */
    public void startStatusNotifierWatcher() throws IOException, InterruptedException {
        require("status-notifier-watcher");
        watcher = background(List.of("status-notifier-watcher"), "status-notifier-watcher.log");
        awaitName("org.kde.StatusNotifierWatcher");
    }

    /** Ends the watcher this desktop started (a panel that quits) and waits until its name is gone. */
    public void stopStatusNotifierWatcher() throws IOException, InterruptedException {
        watcher.destroy();
        watcher.waitFor(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hasOwner("org.kde.StatusNotifierWatcher")) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the watcher's name stayed on the bus");
            }
            Thread.sleep(50);
        }
    }

    /** Runs a command with this desktop's display and bus and returns its output; fails on a non-zero exit. */
    public String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        environment(pb.environment());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }

    /** {@code busctl --user} on this desktop's bus; {@code --} first, so that {@code -1} is an argument. */
    public String busctl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("busctl", "--user", "--"));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new)).strip();
    }

    /** The StatusNotifierWatcher's {@code RegisteredStatusNotifierItems} as busctl prints them; "" when unreadable. */
    public String registeredItems() {
        try {
            return busctl("get-property", "org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                    "org.kde.StatusNotifierWatcher", "RegisteredStatusNotifierItems");
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Every notification dunst has had: shown, waiting and past. */
    public int notificationsSoFar() throws IOException, InterruptedException {
        int n = 0;
        for (String which : List.of("displayed", "waiting", "history")) {
            n += Integer.parseInt(run("dunstctl", "count", which).trim());
        }
        return n;
    }

    /** Waits up to {@code seconds} for the condition; whether it came true. */
    public static boolean await(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    /** Whether a name has an owner on the bus. */
    public boolean hasOwner(String name) throws IOException, InterruptedException {
        String out = run("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:" + name);
        return out.contains("boolean true");
    }

    private void awaitName(String name) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!hasOwner(name)) {
            if (System.nanoTime() > deadline) {
                throw new IOException(name + " did not appear on the bus; see the logs in " + dir);
            }
            Thread.sleep(50);
        }
    }

    /** Puts this desktop's display and bus into a process's environment. */
    public void environment(Map<String, String> env) {
        env.put("DISPLAY", display);
        env.put("DBUS_SESSION_BUS_ADDRESS", busAddress);
    }

    private Process background(List<String> command, String log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(log).toFile()));
        environment(pb.environment());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** Starts a daemon that writes one line when ready (its display or address) and returns that line. */
    private String firstLine(List<String> command, String what) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve(command.get(0) + ".log").toFile());
        Process p = pb.start();
        processes.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null || line.isBlank()) {
            throw new IOException(command.get(0) + " gave no " + what + "; see " + dir);
        }
        return line.trim();
    }

    /** Ends every process this desktop started, newest first. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}

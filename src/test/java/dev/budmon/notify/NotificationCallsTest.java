package dev.budmon.notify;

import dev.budmon.alert.Notice;
import dev.budmon.alert.Urgency;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.TrayIcon;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call or command each platform's way makes for a notice, built and checked here on any machine, and the
 * chain that picks the first way that works.
 */
class NotificationCallsTest {

    private static final Notice CRITICAL = new Notice("5-hour quota at 92%",
            "The alarm threshold of 90% is reached. It resets at 14:00 (1 h 10 min).", Urgency.CRITICAL);
    private static final Notice TRICKY = new Notice("-rf \"quoted\" \\ back", "a < b & c > d\nsecond line",
            Urgency.LOW);

    @Test
    void freedesktopNotifyCall() {
        FreedesktopCall c = FreedesktopCall.of(CRITICAL, "/home/u/.cache/budmon/budmon-64.png", "Show BudMon", false);
        assertThat(c.appName()).isEqualTo("BudMon");
        assertThat(c.appIcon()).isEqualTo("/home/u/.cache/budmon/budmon-64.png");
        assertThat(c.summary()).isEqualTo(CRITICAL.summary());
        assertThat(c.body()).isEqualTo(CRITICAL.body());
        assertThat(c.actions()).containsExactly("default", "Show BudMon");
        assertThat(c.hints()).containsOnlyKeys("urgency", "desktop-entry");
        Variant<?> urgency = c.hints().get("urgency");
        assertThat(urgency.getSig()).isEqualTo("y");
        assertThat(urgency.getValue()).isEqualTo((byte) 2);
        assertThat(c.hints().get("desktop-entry").getValue()).isEqualTo("budmon");

        assertThat(FreedesktopCall.of(TRICKY, null, "Show", true).body()).isEqualTo("a &lt; b &amp; c &gt; d\nsecond line");
        assertThat(FreedesktopCall.of(TRICKY, null, "Show", false).body()).isEqualTo(TRICKY.body());
        assertThat(FreedesktopCall.of(TRICKY, null, "Show", false).hints().get("urgency").getValue()).isEqualTo((byte) 0);
    }

    @Test
    void notifySendCommand() {
        assertThat(NotifySendCommand.of("/usr/bin/notify-send", CRITICAL, "budmon")).containsExactly(
                "/usr/bin/notify-send", "--app-name=BudMon", "--urgency=critical", "--icon=budmon",
                "--hint=string:desktop-entry:budmon", "--", CRITICAL.summary(), CRITICAL.body());
        assertThat(NotifySendCommand.of("notify-send", TRICKY, "")).containsExactly(
                "notify-send", "--app-name=BudMon", "--urgency=low", "--hint=string:desktop-entry:budmon", "--",
                "-rf \"quoted\" \\ back", "a < b & c > d\nsecond line");
    }

    @Test
    void appleScriptCommand() {
        assertThat(AppleScriptCommand.of(CRITICAL)).containsExactly("/usr/bin/osascript", "-e",
                "display notification \"The alarm threshold of 90% is reached. It resets at 14:00 (1 h 10 min).\""
                        + " with title \"BudMon\" subtitle \"5-hour quota at 92%\" sound name \"Funk\"");
        assertThat(AppleScriptCommand.of(TRICKY).get(2)).isEqualTo(
                "display notification \"a < b & c > d second line\" with title \"BudMon\""
                        + " subtitle \"-rf \\\"quoted\\\" \\\\ back\"");
    }

    @Test
    void windowsTrayToast() {
        assertThat(TrayBalloon.of(CRITICAL)).isEqualTo(
                new TrayBalloon(CRITICAL.summary(), CRITICAL.body(), TrayIcon.MessageType.WARNING));
        assertThat(TrayBalloon.of(new Notice("s", "b", Urgency.NORMAL)).type()).isEqualTo(TrayIcon.MessageType.INFO);
        assertThat(TrayBalloon.of(TRICKY).type()).isEqualTo(TrayIcon.MessageType.NONE);
    }

    @Test
    void theChainTakesTheFirstWayThatWorksAndLogsOneLineWhenNoneDoes() {
        List<String> tried = new ArrayList<>();
        Notifier refusing = way("dbus", false, tried);
        Notifier working = way("notify-send", true, tried);
        assertThat(new NotifierChain(List.of(refusing, working)).show(CRITICAL)).isTrue();
        assertThat(tried).containsExactly("dbus", "notify-send");

        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            NotifierChain none = new NotifierChain(List.of());
            assertThat(none.show(CRITICAL)).isFalse();
            assertThat(none.show(TRICKY)).isFalse();
            NotifierChain failing = new NotifierChain(List.of(refusing));
            assertThat(failing.show(CRITICAL)).isFalse();
        } finally {
            System.setErr(err);
        }
        assertThat(log.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "budmon: alerts cannot be shown on this desktop (no notification service and no notify-send);"
                        + " the window and the tray icon still show every level",
                "budmon: alerts cannot be shown on this desktop (tried dbus);"
                        + " the window and the tray icon still show every level");
    }

    @Test
    void aCommandThatFailsLetsTheNextWayTry(@TempDir Path dir) throws Exception {
        Path failing = dir.resolve("notify-send");
        Files.writeString(failing, "#!/bin/sh\nexit 3\n");
        failing.toFile().setExecutable(true);
        Path log = dir.resolve("args");
        Path working = dir.resolve("ok");
        Files.writeString(working, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + log + "'\n");
        working.toFile().setExecutable(true);
        assertThat(new CommandNotifier("fails", n -> List.of(failing.toString())).show(CRITICAL)).isFalse();
        assertThat(new CommandNotifier("works", n -> NotifySendCommand.of(working.toString(), n, "budmon"))
                .show(CRITICAL)).isTrue();
        assertThat(Files.readAllLines(log)).containsExactly("--app-name=BudMon", "--urgency=critical",
                "--icon=budmon", "--hint=string:desktop-entry:budmon", "--", CRITICAL.summary(), CRITICAL.body());
        assertThat(Notifiers.find("notify-send", List.of(dir.resolve("missing"), dir))).isEqualTo(failing);
    }

    @Test
    void theIconIsTheThemesWhenSetupInstalledItElseACopyInTheCache(@TempDir Path dir) throws Exception {
        Path theme = dir.resolve("hicolor");
        Path cache = dir.resolve("cache");
        String copied = NotificationIcon.resolve(theme, cache);
        assertThat(copied).isEqualTo(cache.resolve("budmon-64.png").toAbsolutePath().toString());
        byte[] png = Files.readAllBytes(Path.of(copied));
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isEqualTo(64);
        Files.createDirectories(theme.resolve("64x64/apps"));
        Files.write(theme.resolve("64x64/apps/budmon.png"), png);
        assertThat(NotificationIcon.resolve(theme, cache)).isEqualTo("budmon");
    }

    private static Notifier way(String name, boolean works, List<String> tried) {
        return new Notifier() {
            @Override
            public boolean show(Notice notice) {
                tried.add(name);
                return works;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}

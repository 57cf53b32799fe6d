package dev.budmon.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.budmon.Os;
import dev.budmon.alert.AlertStateStore;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ConfigStore;
import dev.budmon.json.JsonTrees;
import dev.budmon.source.StateReader;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.ClaudeDirFixture;
import dev.budmon.watch.LiveState;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way of an alert on a real desktop: a Claude directory watched as the window watches it, the alert
 * service, BudMon's D-Bus client, a private session bus and the dunst notification daemon on a virtual X
 * display. A rewrite of {@code usage-limits.json} over the alarm threshold gives exactly one notification,
 * read back from dunst with {@code dunstctl history}; a second rewrite gives none; a click on the notification
 * reaches BudMon.
 */
@Tag("desktop")
class FreedesktopNotificationTest {

    private static PrivateDesktop desktop;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startDesktop() throws Exception {
        PrivateDesktop.require("Xvfb", "dbus-daemon", "dunst", "dunstctl", "dbus-send");
        desktop = PrivateDesktop.start(temp);
        desktop.startDunst();
    }

    @AfterAll
    static void stopDesktop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void overTheAlarmThresholdGivesExactlyOneNotificationAndASecondRewriteNone() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path claude = temp.resolve("claude");
        ClaudeDirFixture fixture = ClaudeDirFixture.create(claude, now, "en");
        Instant reset = now.plus(Duration.ofMinutes(90)); // the fixture's 5-hour window began 3.5 h ago
        String icon = NotificationIcon.resolve(null, temp.resolve("cache"));
        CountDownLatch clicked = new CountDownLatch(1);

        int before = count("displayed") + count("history");
        DBusConnection bus = SessionBus.connect(desktop.busAddress());
        assertThat(bus).as("BudMon's connection to the private bus").isNotNull();
        NotifierChain notifier = Notifiers.forPlatform(Os.LINUX, desktop.busAddress(), bus, List.of(), icon, "Show BudMon",
                clicked::countDown, null);
        assertThat(notifier.name()).isEqualTo("org.freedesktop.Notifications");

        BlockingQueue<AlertService.Evaluation> evaluations = new LinkedBlockingQueue<>();
        BudmonConfig config = new ConfigStore(claude).load().config();
        try (AlertService alerts = new AlertService(AlertStateStore.in(claude), notifier, config,
                Clock.fixed(now, ZoneOffset.UTC));
             LiveState live = new LiveState(List.of(claude),
                     new StateReader(List.of(claude), new TranscriptFeed(), List.of()), Duration.ofSeconds(2),
                     () -> { }, alerts::accept, Throwable::printStackTrace)) {
            alerts.observe(evaluations::add);
            alerts.start();
            live.start();

            // the fixture's 42 %: nothing to tell
            AlertService.Evaluation first = awaitFiveHour(evaluations, 0.42);
            assertThat(first.outcome().alerts()).isEmpty();

            fixture.writeUsageLimits(0.92, now);
            AlertService.Evaluation alarm = awaitFiveHour(evaluations, 0.92);
            assertThat(alarm.shown()).isEqualTo(1);
            awaitDisplayed(1);

            // the user clicks it: BudMon is told
            desktop.run("dunstctl", "action", "0");
            assertThat(clicked.await(10, TimeUnit.SECONDS)).as("the click reached BudMon").isTrue();

            fixture.writeUsageLimits(0.93, now);
            AlertService.Evaluation again = awaitFiveHour(evaluations, 0.93);
            assertThat(again.outcome().alerts()).isEmpty();
        }
        Thread.sleep(300); // a notification sent by mistake would have arrived by now

        desktop.run("dunstctl", "close-all");
        assertThat(count("history")).as("notifications dunst received").isEqualTo(before + 1);
        JsonNode n = newest();
        String resetAt = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(reset);
        String summary = "5-hour quota at 92%";
        // 92 % in 3.5 h: the last 8 % take 18.3 min, 71.7 min before the reset
        String body = "The alarm threshold of 90% is reached. 5-hour quota runs out in about 19 min, "
                + "1 h 12 min before its reset at " + resetAt + ".";
        assertThat(n.path("summary").path("data").asText()).isEqualTo(summary);
        assertThat(n.path("body").path("data").asText()).isEqualTo(body);
        assertThat(n.path("appname").path("data").asText()).isEqualTo("BudMon");
        assertThat(n.path("icon_path").path("data").asText()).isEqualTo(icon).endsWith("budmon-64.png");
        assertThat(n.path("message").path("data").asText()).isEqualTo("urgency=critical|" + summary + "|" + body);
        assertThat(AlertStateStore.in(claude).file()).isRegularFile();
    }

    @Test
    void withoutAConnectionOfItsOwnNotifySendDeliversOnTheSameBus() throws Exception {
        PrivateDesktop.require("notify-send");
        int before = count("displayed") + count("history");
        // no connection of BudMon's own (the JDK cannot open the bus's socket, say): notify-send takes over
        NotifierChain notifier = Notifiers.forPlatform(Os.LINUX, desktop.busAddress(), null,
                Notifiers.pathFromEnvironment(), "budmon", "Show BudMon", () -> { }, null);
        assertThat(notifier.name()).isEqualTo("notify-send");
        assertThat(notifier.show(new dev.budmon.alert.Notice("7-day quota reset: 100% available",
                "The window started anew at Fri 06.03. 13:00.", dev.budmon.alert.Urgency.LOW))).isTrue();
        awaitDisplayed(1);
        desktop.run("dunstctl", "close-all");
        assertThat(count("history")).isEqualTo(before + 1);
        JsonNode n = newest();
        assertThat(n.path("appname").path("data").asText()).isEqualTo("BudMon");
        assertThat(n.path("message").path("data").asText()).isEqualTo(
                "urgency=low|7-day quota reset: 100% available|The window started anew at Fri 06.03. 13:00.");
    }

    /** The next evaluation of a state whose 5-hour window is at this utilization. */
    private static AlertService.Evaluation awaitFiveHour(BlockingQueue<AlertService.Evaluation> q, double utilization)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            AlertService.Evaluation e = q.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && e.usage().rateLimits() != null
                    && Double.valueOf(utilization).equals(e.usage().rateLimits().window("5h").utilization())) {
                return e;
            }
        }
        throw new AssertionError("no evaluation of the 5-hour window at " + utilization);
    }

    /** The newest notification in dunst's history (the history lists the newest first). */
    private static JsonNode newest() throws Exception {
        JsonNode all = JsonTrees.read(desktop.run("dunstctl", "history").getBytes(StandardCharsets.UTF_8))
                .path("data").path(0);
        JsonNode newest = all.path(0);
        for (JsonNode n : all) {
            if (n.path("id").path("data").asInt() > newest.path("id").path("data").asInt()) {
                newest = n;
            }
        }
        return newest;
    }

    private static int count(String which) throws Exception {
        return Integer.parseInt(desktop.run("dunstctl", "count", which).trim());
    }

    /** Waits until {@code n} notifications are shown (or queued), and checks that it is no more. */
    private static void awaitDisplayed(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count("displayed") + count("waiting") < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(count("displayed") + count("waiting")).isEqualTo(n);
    }
}

package dev.budmon.ui;

import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.TranscriptFeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.AWTEvent;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.AWTEventListener;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.budmon.ui.DashboardPanelTest.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code budmon --window-rehearsal}, which the launcher runs in the background to record a class-data
 * archive: it goes through the window's start-up on a real Claude directory, never shows a window, and
 * exits 0 within a few seconds; without a display it exits 1 with one line on stderr.
 */
@Tag("window")
class WindowRehearsalTest {

    @TempDir
    Path claudeDir;

    @BeforeAll
    static void needsDisplay() {
        WindowTestDisplay.require();
    }

    @Test
    void goesThroughTheStartUpWithoutShowingAWindow() throws Exception {
        ClaudeDirFixture.create(claudeDir, Instant.now(), "en");
        List<String> shown = Collections.synchronizedList(new ArrayList<>());
        AWTEventListener watch = e -> {
            if (e.getID() == WindowEvent.WINDOW_OPENED || e.getID() == ComponentEvent.COMPONENT_SHOWN
                    && e.getSource() instanceof Window) {
                shown.add(e.paramString() + " of " + e.getSource().getClass().getName());
            }
        };
        Toolkit.getDefaultToolkit().addAWTEventListener(watch, AWTEvent.WINDOW_EVENT_MASK
                | AWTEvent.COMPONENT_EVENT_MASK);
        try {
            long start = System.nanoTime();
            int code = DashboardApp.rehearse(new ClaudeDirs(List.of(claudeDir)), new TranscriptFeed());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(code).isZero();
            assertThat(took).as("a rehearsal of a start, not a run").isLessThan(Duration.ofSeconds(8));
            onEdt(() -> null); // every event of the rehearsal has been dispatched
            assertThat(shown).as("windows opened or shown").isEmpty();
            assertThat(onEdt(() -> {
                List<String> left = new ArrayList<>();
                for (Window w : Window.getWindows()) {
                    if (w.isDisplayable()) {
                        left.add(w.getClass().getName());
                    }
                }
                return left;
            })).as("windows still holding native resources").isEmpty();
            assertThat(claudeDir.resolve("budmon.ini")).as("left as it was").content(StandardCharsets.UTF_8)
                    .startsWith("; written by the window test");
        } finally {
            Toolkit.getDefaultToolkit().removeAWTEventListener(watch);
        }
    }

    @Test
    void theCommandExitsZeroWithADisplayAndOneWithout() throws Exception {
        ClaudeDirFixture.create(claudeDir, Instant.now(), "en");

        Process withDisplay = budmon(System.getenv("DISPLAY"));
        assertThat(withDisplay.waitFor(20, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        String err = new String(withDisplay.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(withDisplay.exitValue()).as("exit code; stderr: %s", err).isZero();
        assertThat(err).isEmpty();

        Process without = budmon(null);
        assertThat(without.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String noDisplay = new String(without.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(without.exitValue()).isEqualTo(1);
        assertThat(noDisplay.strip()).as("one line").isNotEmpty().doesNotContain("\n");
    }

    /** {@code budmon --window-rehearsal} as its own JVM on the test's class path. */
    private Process budmon(String display) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.desktop/sun.awt.X11=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.budmon.cli.Main",
                "--claude-dir", claudeDir.toString(), "--window-rehearsal");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("CLAUDE_CONFIG_DIR");
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }
}

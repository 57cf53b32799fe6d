package dev.budmon.ui;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.threads.ThreadCheck;

import java.awt.GraphicsEnvironment;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the tests tagged {@code window} need: an X display (Xvfb in CI) and {@code java.awt.headless=false}.
 * Without a display they fail under {@code CI=true}, where they must run ({@code .ci/run} starts them under
 * {@code xvfb-run}), and are skipped with a message on a developer's machine.
 */
public final class WindowTestDisplay {

    private WindowTestDisplay() {
    }

    /**
     * Call from {@code @BeforeAll}. Installs the thread check's repaint manager when the JVM runs with
     * {@code -Dbudmon.checkThreads=true}, as Maven runs the window tests.
     */
    public static void require() {
        String problem = null;
        String display = System.getenv("DISPLAY");
        boolean x11 = !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).matches(".*(windows|mac).*");
        if (x11 && (display == null || display.isBlank())) {
            problem = "DISPLAY is not set";
        } else if (GraphicsEnvironment.isHeadless()) {
            problem = "java.awt.headless is true";
        }
        if (problem == null) {
            // only now: the repaint manager opens the display when its class loads, and fails without one
            ThreadCheckingRepaintManager.installIfAsked();
            return;
        }
        String message = "the window tests need a display, but " + problem
                + ": run them as `xvfb-run -a -s \"-screen 0 1600x1400x24\" mvn verify` (what .ci/run does)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " [CI=true: they must not be skipped]");
        }
        System.err.println("SKIPPED: " + message); // a skipped class is easy to miss in Maven's summary
        assumeTrue(false, message + " [skipped]");
    }

    /**
     * Call from {@code @AfterEach}: fails when Swing was touched off the EDT or a file was read on it in this
     * JVM so far, as the debug mode ({@link ThreadCheck}) saw it; without the mode nothing is seen.
     */
    public static void assertThreadRulesKept() {
        org.assertj.core.api.Assertions.assertThat(ThreadCheck.breaches()).as("breaches of the thread rules")
                .isEmpty();
    }

    /**
     * The scale FlatLaf paints at, as screenshot names have it: {@code 1x} or {@code 2x}. Run a JVM with
     * {@code -Dflatlaf.uiScale=2} for the second; it must be set before FlatLaf is installed.
     */
    static String scaleName() {
        float f = UIScale.getUserScaleFactor();
        return (f == Math.round(f) ? Integer.toString(Math.round(f)) : Float.toString(f)) + "x";
    }
}

package dev.budmon.ui;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

import static dev.budmon.ui.DashboardPanelTest.onEdt;

/**
 * Reads the real screen under a component until it shows what a test waits for. X paints after Swing has laid
 * out and painted into its buffer, so on a loaded machine one capture can come between a relayout and the
 * pixels that follow it; a test that reads the screen once then fails for no fault of the code.
 */
final class ScreenReader {
    private static final Duration LIMIT = Duration.ofSeconds(2);

    private ScreenReader() {
    }

    /**
     * The pixels of the component's area on the screen, read again (every 100 ms, for up to 2 s) until
     * {@code shows} holds; the last reading when it never does, for the test's assertion to report.
     *
     * @param area which part of the component, in its own coordinates, from the component (on the EDT)
     */
    static BufferedImage await(Component c, Function<Component, Rectangle> area, Predicate<BufferedImage> shows)
            throws AWTException, InterruptedException {
        Robot robot = new Robot();
        long giveUp = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            onEdt(() -> {
                Toolkit.getDefaultToolkit().sync();
                return null;
            });
            Rectangle r = onEdt(() -> {
                Rectangle a = area.apply(c);
                Point p = c.getLocationOnScreen();
                return new Rectangle(p.x + a.x, p.y + a.y, a.width, a.height);
            });
            BufferedImage img = robot.createScreenCapture(r);
            if (shows.test(img) || System.nanoTime() > giveUp) {
                return img;
            }
            Thread.sleep(100);
        }
    }

    /** The whole component. */
    static Rectangle whole(Component c) {
        return new Rectangle(0, 0, c.getWidth(), c.getHeight());
    }
}

package dev.budmon.bench;

import javax.swing.JComponent;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;
import java.awt.AWTEvent;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.awt.event.ContainerEvent;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;

/**
 * The window benchmark's eyes inside a BudMon process that the real launcher started, with nothing of it in
 * the production jar: {@code src/bench/window.sh} measures copies of the jars with this class added (the
 * launcher's {@code -jar} takes no other class path, and options that add one, or a module, would keep the
 * JVM from using the class-data archive recorded for the jar), and {@link WindowBenchmark} passes
 * {@code -Djavax.accessibility.assistive_technologies=dev.budmon.bench.PaintProbe}, so that AWT creates one
 * when the toolkit starts, as it does for a screen reader. The probe then waits for the
 * dashboard's content pane to be added to its window and lays an empty, transparent glass pane over it:
 * Swing paints the glass pane last, after everything under it, whenever any part of the window is painted.
 * It writes on stderr:
 * <ul>
 *   <li>once, when the first frame with data (a 5h percentage, not the WAIT frame) has been painted,
 *       {@code budmon-bench first-frame <ms since JVM start> <epoch µs>};</li>
 *   <li>once, when the first frame with the transcripts' figures (the active session's requests, not the
 *       placeholder) has been painted, {@code budmon-bench transcripts-frame <ms since JVM start> <epoch µs>};</li>
 *   <li>after the first paint of a view whose first window shows another percentage than the last line
 *       said, {@code budmon-bench paint <epoch µs> <window, e.g. 5h> <its percentage>}, so that a benchmark
 *       that rewrote {@code usage-limits.json} at a known time sees when its figure reached the screen.</li>
 * </ul>
 * It sees BudMon's classes only through their public accessors ({@code DashboardFrame.getView()}, the view
 * records), by reflection, so that it works with builds before and after it left the jar and both are
 * measured the same way. The listener and the paint run on the EDT.
 */
public final class PaintProbe implements AWTEventListener {

    private static final String CONTENT_CLASS = "dev.budmon.ui.DashboardPanel";

    private final PrintStream out = System.err;
    private boolean installed;
    private boolean firstFrameDone;
    private boolean transcriptsFrameDone;
    private Object lastPainted;
    private String lastReported;

    /** Called by AWT while the toolkit starts (the assistive technology's contract: a public no-arg constructor). */
    public PaintProbe() {
        Toolkit.getDefaultToolkit().addAWTEventListener(this, AWTEvent.CONTAINER_EVENT_MASK);
    }

    @Override
    public void eventDispatched(AWTEvent event) {
        if (installed || event.getID() != ContainerEvent.COMPONENT_ADDED) {
            return;
        }
        // the dashboard's panel, or the scroll pane that holds it (the frame's content pane since the content
        // scrolls on short screens): whichever reaches the frame last
        Component child = dashboardIn(((ContainerEvent) event).getChild());
        if (child == null) {
            return;
        }
        JRootPane root = SwingUtilities.getRootPane(child);
        if (root == null) {
            return;
        }
        installed = true;
        Toolkit.getDefaultToolkit().removeAWTEventListener(this);
        JComponent glass = new JComponent() {
            @Override
            protected void paintComponent(Graphics g) {
                painted(root);
            }
        };
        glass.setOpaque(false);
        root.setGlassPane(glass);
        glass.setVisible(true);
    }

    /** The dashboard's panel: the component itself or one inside it; {@code null} if none. */
    private static Component dashboardIn(Component c) {
        if (c.getClass().getName().equals(CONTENT_CLASS)) {
            return c;
        }
        if (c instanceof java.awt.Container container) {
            for (Component child : container.getComponents()) {
                Component found = dashboardIn(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void painted(JRootPane root) {
        Instant now = Instant.now();
        Object view;
        String first;
        boolean transcripts;
        try {
            Object frame = root.getParent();
            view = frame.getClass().getMethod("getView").invoke(frame);
            first = firstWindow(view);
            transcripts = !transcriptsFrameDone && sessionRequests(view);
        } catch (ReflectiveOperationException | RuntimeException e) {
            out.println("budmon-bench probe failed: " + e);
            return;
        }
        if (first != null && !firstFrameDone) {
            firstFrameDone = true;
            // read after taking the time: the management classes load only now
            long sinceStart = now.toEpochMilli() - ManagementFactory.getRuntimeMXBean().getStartTime();
            out.println("budmon-bench first-frame " + sinceStart + " " + micros(now));
        }
        if (transcripts) {
            transcriptsFrameDone = true;
            long sinceStart = now.toEpochMilli() - ManagementFactory.getRuntimeMXBean().getStartTime();
            out.println("budmon-bench transcripts-frame " + sinceStart + " " + micros(now));
        }
        // the frame ignores a view equal to the one it shows, so a new instance is a new view
        if (view != lastPainted) {
            lastPainted = view;
            String reported = first == null ? "- --" : first;
            if (!reported.equals(lastReported)) {
                lastReported = reported;
                out.println("budmon-bench paint " + micros(now) + " " + reported);
            }
        }
    }

    /** {@code 5h 42%} for the first quota window of the view, or {@code null} while it has no figure. */
    private static String firstWindow(Object view) throws ReflectiveOperationException {
        List<?> quotas = (List<?>) call(view, "quotas");
        if (quotas.isEmpty()) {
            return null;
        }
        Object section = quotas.get(0);
        Object bar = call(section, "bar");
        if (Double.isNaN((Double) call(bar, "percent"))) {
            return null;
        }
        return call(section, "window") + " " + ((String) call(bar, "text")).replace(" ", "");
    }

    /** Whether the view shows the active session's requests (a number), read from the transcripts. */
    private static boolean sessionRequests(Object view) throws ReflectiveOperationException {
        Object total = call(call(view, "requests"), "total");
        List<?> rows = (List<?>) call(total, "rows");
        return !rows.isEmpty() && String.valueOf(call(call(rows.get(0), "value"), "text")).matches("[0-9].*");
    }

    private static Object call(Object target, String accessor) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(accessor);
        return m.invoke(target);
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}

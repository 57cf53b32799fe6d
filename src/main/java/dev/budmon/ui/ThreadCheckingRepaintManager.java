package dev.budmon.ui;

import dev.budmon.threads.ThreadCheck;

import javax.swing.JComponent;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;

/**
 * Debug mode ({@link ThreadCheck}): the repaint manager that tells when a Swing component is changed off
 * the Event Dispatch Thread. A component asks for a new layout or a repaint whenever its text, model or
 * size changes, so a change made on another thread passes through here. {@code repaint()} itself may be
 * called from any thread and is let through. Swing paints through a plain double buffer while a subclass of
 * {@link RepaintManager} is installed, which is why this is never installed outside the debug mode.
 */
public final class ThreadCheckingRepaintManager extends RepaintManager {

    private ThreadCheckingRepaintManager() {
    }

    /** Installs it when the check is on; else does nothing. Before the first window is built, any thread. */
    public static void installIfAsked() {
        if (ThreadCheck.enabled() && !(RepaintManager.currentManager(null) instanceof ThreadCheckingRepaintManager)) {
            RepaintManager.setCurrentManager(new ThreadCheckingRepaintManager());
        }
    }

    @Override
    public synchronized void addInvalidComponent(JComponent component) {
        check(component);
        super.addInvalidComponent(component);
    }

    @Override
    public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
        check(c);
        super.addDirtyRegion(c, x, y, w, h);
    }

    private static void check(JComponent c) {
        if (SwingUtilities.isEventDispatchThread() || isPlainRepaint()) {
            return;
        }
        ThreadCheck.onEdt("changing " + c.getClass().getName() + (c.getName() == null ? "" : " " + c.getName()));
    }

    /** Whether this comes from a {@code repaint()} that code outside Swing called, which is allowed anywhere. */
    private static boolean isPlainRepaint() {
        StackTraceElement[] stack = Thread.currentThread().getStackTrace();
        int i = 0;
        while (i < stack.length && !stack[i].getMethodName().equals("repaint")) {
            i++;
        }
        while (i + 1 < stack.length && stack[i + 1].getMethodName().equals("repaint")) {
            i++;
        }
        if (i + 1 >= stack.length) {
            return false;
        }
        String caller = stack[i + 1].getClassName();
        return !caller.startsWith("javax.swing.") && !caller.startsWith("java.awt.");
    }
}

package dev.budmon.threads;

import java.awt.EventQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A debug-mode check of BudMon's two thread rules: Swing is touched only on the Event Dispatch Thread, and
 * files are never read or written on it. Off unless the JVM runs with {@code -Dbudmon.checkThreads=true}
 * (the window tests do); then every breach is printed on stderr with its stack and kept for a test to ask.
 * Off, a call costs a look at the system property and loads no AWT class, so any reader may call it, the
 * status line's included. Any thread.
 */
public final class ThreadCheck {

    /** The system property that turns the check on. */
    public static final String PROPERTY = "budmon.checkThreads";

    private static final List<String> BREACHES = new CopyOnWriteArrayList<>();

    private ThreadCheck() {
    }

    /** Whether the check is on. */
    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Call where a file is read or written: a breach on the Event Dispatch Thread. */
    public static void notOnEdt(String what) {
        if (enabled() && EventQueue.isDispatchThread()) {
            breach(what + " on the Event Dispatch Thread");
        }
    }

    /** Call where Swing is touched: a breach on any other thread. */
    public static void onEdt(String what) {
        if (enabled() && !EventQueue.isDispatchThread()) {
            breach(what + " on " + Thread.currentThread().getName() + ", not on the Event Dispatch Thread");
        }
    }

    /** The breaches seen so far in this JVM, oldest first. */
    public static List<String> breaches() {
        return List.copyOf(BREACHES);
    }

    private static void breach(String what) {
        String message = "budmon: thread rule broken: " + what;
        BREACHES.add(message);
        new Throwable(message).printStackTrace();
    }
}

package dev.budmon;

import java.util.concurrent.ThreadFactory;

/**
 * BudMon's background threads: daemons, so that none keeps the process alive once the window or the command is
 * done, each named for what it does (the name shows in thread dumps and in the thread checker's messages).
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A daemon thread named {@code name} that runs {@code r}; not started. */
    public static Thread of(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Makes {@link #of} threads named {@code name}, for an executor of one thread. */
    public static ThreadFactory named(String name) {
        return r -> of(name, r);
    }
}

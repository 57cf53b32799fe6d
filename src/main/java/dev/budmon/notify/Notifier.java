package dev.budmon.notify;

import dev.budmon.alert.Notice;

/** One way of showing a notification. */
public interface Notifier extends AutoCloseable {

    /**
     * Shows the notice.
     *
     * @return whether it was handed to the desktop; {@code false} lets the caller try another way
     */
    boolean show(Notice notice);

    /** A short name for the log, e.g. {@code org.freedesktop.Notifications}. */
    String name();

    /** Lets go of what the notifier holds (a D-Bus match rule, …). */
    @Override
    default void close() {
    }
}

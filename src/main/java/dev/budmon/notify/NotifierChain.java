package dev.budmon.notify;

import dev.budmon.alert.Notice;

import java.util.ArrayList;
import java.util.List;

/**
 * The ways of showing notifications this desktop has, best first: each notice goes to the first that takes
 * it. When none does (or there is none), one line goes to the log, once, and nothing else happens: BudMon
 * keeps running without notifications. Thread-safe.
 */
public final class NotifierChain implements Notifier {

    private final List<Notifier> ways;
    private boolean reported;

    public NotifierChain(List<Notifier> ways) {
        this.ways = List.copyOf(ways);
    }

    @Override
    public synchronized boolean show(Notice notice) {
        for (Notifier n : ways) {
            if (n.show(notice)) {
                return true;
            }
        }
        if (!reported) {
            reported = true;
            List<String> names = new ArrayList<>();
            for (Notifier n : ways) {
                names.add(n.name());
            }
            System.err.println("budmon: alerts cannot be shown on this desktop ("
                    + (names.isEmpty() ? "no notification service and no notify-send" : "tried " + String.join(", ", names))
                    + "); the window and the tray icon still show every level");
        }
        return false;
    }

    /** The ways, best first. */
    public List<Notifier> ways() {
        return ways;
    }

    @Override
    public String name() {
        List<String> names = new ArrayList<>();
        for (Notifier n : ways) {
            names.add(n.name());
        }
        return names.isEmpty() ? "none" : String.join(" > ", names);
    }

    @Override
    public void close() {
        for (Notifier n : ways) {
            n.close();
        }
    }
}

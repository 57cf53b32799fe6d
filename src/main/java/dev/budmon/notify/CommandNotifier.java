package dev.budmon.notify;

import dev.budmon.alert.Notice;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Shows notices by running a command ({@code notify-send}, {@code osascript}) and waiting briefly for it to
 * end: both return at once once the desktop has the notification. Not for the EDT.
 */
public final class CommandNotifier implements Notifier {

    /** Long enough for a desktop under load, short enough not to hold up the next alert. */
    static final long WAIT_SECONDS = 5;

    private final String name;
    private final Function<Notice, List<String>> command;
    private final Map<String, String> environment;

    /**
     * @param name    for the log
     * @param command the command line for a notice
     */
    public CommandNotifier(String name, Function<Notice, List<String>> command) {
        this(name, command, Map.of());
    }

    /**
     * @param environment variables set for the command on top of BudMon's own, e.g. the session bus BudMon
     *                    uses, so that {@code notify-send} talks to the same one
     */
    public CommandNotifier(String name, Function<Notice, List<String>> command, Map<String, String> environment) {
        this.name = name;
        this.command = command;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public boolean show(Notice notice) {
        List<String> cmd = command.apply(notice);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(environment);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroy();
                System.err.println("budmon: " + name + " did not return within " + WAIT_SECONDS + " s");
                return false;
            }
            if (p.exitValue() != 0) {
                System.err.println("budmon: " + name + " failed (exit code " + p.exitValue() + ")");
                return false;
            }
            return true;
        } catch (IOException e) {
            System.err.println("budmon: " + name + " could not be run (" + e.getMessage() + ")");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return name;
    }
}

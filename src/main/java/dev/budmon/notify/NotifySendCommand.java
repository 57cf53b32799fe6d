package dev.budmon.notify;

import dev.budmon.alert.Notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code notify-send} command (libnotify) for a notice: the fallback on Linux when BudMon cannot reach
 * the notification service over D-Bus itself. Pure; any thread.
 */
public final class NotifySendCommand {

    /** The program's name, looked up on PATH. */
    public static final String PROGRAM = "notify-send";

    private NotifySendCommand() {
    }

    /**
     * The command line: app name, urgency, icon, desktop entry, then {@code --} so that a summary starting with
     * a dash is not taken for an option.
     *
     * @param icon an icon-theme name or an absolute path; {@code null} for none
     */
    public static List<String> of(String program, Notice n, String icon) {
        List<String> cmd = new ArrayList<>(List.of(program,
                "--app-name=" + FreedesktopCall.APP_NAME,
                "--urgency=" + n.urgency().name().toLowerCase(Locale.ROOT)));
        if (icon != null && !icon.isEmpty()) {
            cmd.add("--icon=" + icon);
        }
        cmd.add("--hint=string:desktop-entry:" + FreedesktopCall.DESKTOP_ENTRY);
        cmd.add("--");
        cmd.add(n.summary());
        cmd.add(n.body());
        return cmd;
    }
}

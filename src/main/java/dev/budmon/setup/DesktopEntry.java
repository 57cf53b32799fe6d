package dev.budmon.setup;

import java.util.ArrayList;
import java.util.List;

/**
 * BudMon's freedesktop.org desktop entries ({@code budmon.desktop}): the application menu's, so that BudMon
 * appears in the menu of Linux desktops, and the login autostart's, which runs {@code budmon --background}.
 */
final class DesktopEntry {

    /** The icon name; the icons are installed as {@code hicolor/<size>/apps/budmon.png}. */
    static final String ICON_NAME = "budmon";

    private DesktopEntry() {
    }

    /**
     * The entry's text.
     *
     * @param launcher absolute path of the installed {@code budmon} launcher
     * @throws IllegalArgumentException when the path holds a control character, which no desktop entry can carry
     */
    static String content(String launcher) {
        return entry(execValue(launcher),
                "Comment=Claude Code quota windows, burn rate and token costs",
                "Comment[de]=Kontingente, Verbrauchsrate und Token-Kosten von Claude Code",
                "Categories=Development;",
                "Keywords=Claude;quota;budget;tokens;cost;",
                "StartupWMClass=budmon");
    }

    /**
     * The login autostart entry's text: the tray icon and the alerts without the window. Desktops list it
     * among their start-up programs (GNOME Tweaks, XFCE's Session and Startup, Plasma's Autostart), where it
     * can be switched off without uninstalling.
     *
     * @param launcher absolute path of the installed {@code budmon} launcher
     * @throws IllegalArgumentException when the path holds a control character
     */
    static String autostart(String launcher) {
        return entry(execValue(launcher) + " --background",
                "Comment=Claude Code quota alerts and tray icon, from login on",
                "Comment[de]=Kontingent-Benachrichtigungen und Symbol im Infobereich für Claude Code, ab der Anmeldung",
                "X-GNOME-Autostart-enabled=true");
    }

    /** An entry of BudMon's: the lines all have, the {@code Exec} value, then the entry's own lines. */
    private static String entry(String exec, String... own) {
        List<String> lines = new ArrayList<>(List.of(
                "# " + Launchers.OWNER_MARK,
                "[Desktop Entry]",
                "Type=Application",
                "Version=1.0",
                "Name=BudMon",
                "GenericName=Budget Monitor",
                "GenericName[de]=Budget-Monitor",
                "Exec=" + exec,
                "Icon=" + ICON_NAME,
                "Terminal=false"));
        lines.addAll(List.of(own));
        lines.add("");
        return String.join("\n", lines);
    }

    /**
     * One program path as the value of an {@code Exec} key. Two layers of the Desktop Entry Specification
     * apply: the Exec quoting (an argument with a reserved character goes in double quotes, inside which
     * {@code "}, {@code `}, {@code $} and {@code \} take a backslash; a literal {@code %} is {@code %%}), and
     * then the escaping of every string value, in which a backslash is written {@code \\}.
     */
    static String execValue(String program) {
        for (int i = 0; i < program.length(); i++) {
            if (Character.isISOControl(program.charAt(i))) {
                throw new IllegalArgumentException("a path with a control character cannot go into a desktop entry: "
                        + program.replaceAll("\\p{Cntrl}", "?"));
            }
        }
        String arg;
        if (program.chars().anyMatch(c -> " \t\"'\\><~|&;$*?#()`".indexOf(c) >= 0)) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < program.length(); i++) {
                char c = program.charAt(i);
                if (c == '"' || c == '`' || c == '$' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            arg = sb.append('"').toString();
        } else {
            arg = program;
        }
        return arg.replace("%", "%%").replace("\\", "\\\\");
    }

    /** Whether this desktop entry was written by setup. */
    static boolean isOurs(byte[] content) {
        return Launchers.isOurs(content);
    }
}

package dev.budmon.setup;

/**
 * BudMon's freedesktop.org desktop entry ({@code budmon.desktop}), so that BudMon appears in the
 * application menu of Linux desktops.
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
        return String.join("\n",
                "# " + Launchers.OWNER_MARK,
                "[Desktop Entry]",
                "Type=Application",
                "Version=1.0",
                "Name=BudMon",
                "GenericName=Budget Monitor",
                "GenericName[de]=Budget-Monitor",
                "Comment=Claude Code quota windows, burn rate and token costs",
                "Comment[de]=Kontingente, Verbrauchsrate und Token-Kosten von Claude Code",
                "Exec=" + execValue(launcher),
                "Icon=" + ICON_NAME,
                "Terminal=false",
                "Categories=Development;",
                "Keywords=Claude;quota;budget;tokens;cost;",
                "StartupWMClass=budmon",
                "");
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

package dev.budmon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BudMon's parsed command line. Parsing is pure so that every command can be decided before Swing loads.
 *
 * @param command   what to do
 * @param claudeDir the {@code --claude-dir} value, or {@code null}
 * @param force     {@code --force} was given
 * @param noAutostart {@code --no-autostart} was given (only with {@code --setup})
 * @param operands  words after the command, e.g. {@code on} in {@code --statusline on}, or everything after
 *                  {@code report}
 */
public record CommandLine(Command command, Path claudeDir, boolean force, boolean noAutostart,
                          List<String> operands) {

    /** The things BudMon can be asked to do. */
    public enum Command {
        WINDOW, BACKGROUND, DEMO, JSON, STATUSLINE, SETUP, UNINSTALL, VERSION, HELP, HISTORY, REPORT
    }

    public CommandLine {
        operands = List.copyOf(operands);
    }

    /** The usage text shown by {@code --help} and after a bad option. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: budmon [--claude-dir DIR] [COMMAND]",
            "",
            "Without a command BudMon opens its window.",
            "",
            "Commands:",
            "  report KIND            cost report by day, week, month, project, session or model;",
            "                         KIND is daily, weekly, monthly, projects, sessions or models",
            "                         (budmon report --help lists its options)",
            "  --json                 print the current state and every derived figure as JSON",
            "  --statusline           print a compact line for Claude Code's status bar (payload on stdin)",
            "  --statusline on|off    enable or disable that status line in Claude Code's settings.json",
            "  history [--since DATE] [--json|--csv]",
            "                         print the quota history and a summary of each window;",
            "                         DATE: 2026-12-01, 2026-12-01T09:00:00Z, or 24h, 7d back",
            "  --setup                install the interceptor and the claude-budmon launcher",
            "  --uninstall            remove exactly what --setup installed",
            "  --background           run with the tray icon and the alerts only, no window (for the",
            "                         login autostart); the tray's Show window opens it",
            "  --demo                 open the window on generated, changing data",
            "  --version              print the version",
            "  --help                 print this help",
            "",
            "Options:",
            "  --claude-dir DIR       read and write this Claude directory instead of",
            "                         $CLAUDE_CONFIG_DIR or ~/.claude",
            "  --force                with --statusline on: replace another status line;",
            "                         with --setup: install BudMon's interceptor beside a compatible one",
            "  --no-autostart         with --setup: no login autostart entry (and remove the one an",
            "                         earlier setup installed)");

    /** Thrown for arguments BudMon does not understand; the message says which. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses the arguments.
     *
     * @throws UsageException for an unknown option, a missing value or two commands
     */
    public static CommandLine parse(String... args) throws UsageException {
        Command command = null;
        Path claudeDir = null;
        boolean force = false;
        boolean noAutostart = false;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (command == Command.HISTORY && !a.equals("--claude-dir") && !a.startsWith("--claude-dir=")) {
                operands.add(a); // the history command's own options, read by HistoryCommand
                continue;
            }
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--claude-dir" -> {
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].isEmpty()) {
                            throw new UsageException("--claude-dir needs a directory");
                        }
                        value = args[++i];
                    }
                    claudeDir = Path.of(value);
                }
                case "--force" -> force = true;
                case "--no-autostart" -> noAutostart = true;
                case "--json" -> command = only(command, Command.JSON, a);
                case "--statusline" -> command = only(command, Command.STATUSLINE, a);
                case "--setup" -> command = only(command, Command.SETUP, a);
                case "--uninstall" -> command = only(command, Command.UNINSTALL, a);
                case "--background" -> command = only(command, Command.BACKGROUND, a);
                case "--demo" -> command = only(command, Command.DEMO, a);
                case "--version", "-V" -> command = only(command, Command.VERSION, a);
                case "--help", "-h" -> command = only(command, Command.HELP, a);
                case "report" -> {
                    // the rest belongs to the report, which parses it itself (ReportCommand)
                    command = only(command, Command.REPORT, a);
                    operands.addAll(List.of(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option: " + args[i]);
                    }
                    if (a.equals("history") && command == null) {
                        command = Command.HISTORY;
                        continue;
                    }
                    if (command != Command.STATUSLINE) {
                        throw new UsageException("unexpected argument: " + a);
                    }
                    operands.add(a);
                }
            }
        }
        if (command == Command.STATUSLINE && !operands.isEmpty()) {
            if (operands.size() > 1 || !(operands.get(0).equals("on") || operands.get(0).equals("off"))) {
                throw new UsageException("--statusline takes 'on', 'off' or nothing, not: " + String.join(" ", operands));
            }
        }
        if (noAutostart && command != Command.SETUP) {
            throw new UsageException("--no-autostart goes with --setup");
        }
        return new CommandLine(command == null ? Command.WINDOW : command, claudeDir, force, noAutostart, operands);
    }

    private static Command only(Command current, Command next, String option) throws UsageException {
        if (current != null && current != next) {
            throw new UsageException(option + " cannot be combined with another command");
        }
        return next;
    }
}

package dev.budmon.cli;

import dev.budmon.Version;
import dev.budmon.setup.SetupChoices;
import dev.budmon.setup.SetupCommand;
import dev.budmon.setup.SetupContext;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.statusline.StatuslineCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * BudMon's entry point. Decides the command before anything else loads: the commands that need no window
 * never touch Swing or FlatLaf, so they start fast and run on machines without a display.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * BudMon's cache folder, where the transcript history's index lives: {@code $XDG_CACHE_HOME/budmon}, else
     * {@code ~/.cache/budmon}.
     */
    static Path cacheDir(Map<String, String> env, Path home) {
        return SetupContext.cacheHome(env, home).resolve("budmon");
    }

    /**
     * Runs one command.
     *
     * @return the process exit code: 0 on success, 1 on failure, 2 for bad usage
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> env = System.getenv();
        Path home = ClaudeDirs.userHome(env);
        CommandLine cl;
        try {
            cl = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("budmon: " + e.getMessage());
            err.println();
            err.println(CommandLine.USAGE);
            return 2;
        }
        switch (cl.command()) {
            case HELP -> {
                out.println(CommandLine.USAGE);
                return 0;
            }
            case VERSION -> {
                out.println("budmon " + Version.get());
                return 0;
            }
            case JSON -> {
                ClaudeDirs dirs = ClaudeDirs.resolve(cl.claudeDir(), env, home);
                return JsonCommand.run(dirs, cacheDir(env, home), Instant.now(), out, err);
            }
            case REPORT -> {
                return ReportCommand.run(cl.operands(), cl.claudeDir(), env, home, cacheDir(env, home), out, err);
            }
            case HISTORY -> {
                return HistoryCommand.run(ClaudeDirs.resolve(cl.claudeDir(), env, home), cl.operands(), Instant.now(),
                        java.time.ZoneId.systemDefault(), out, err);
            }
            case SETUP -> {
                return SetupCommand.setup(cl.claudeDir(), new SetupChoices(cl.force(), !cl.noAutostart()), out, err);
            }
            case UNINSTALL -> {
                return SetupCommand.uninstall(cl.claudeDir(), out, err);
            }
            case DEMO -> {
                return WindowCommand.demo(err);
            }
            case WINDOW -> {
                return WindowCommand.window(ClaudeDirs.resolve(cl.claudeDir(), env, home), home, cacheDir(env, home));
            }
            case BACKGROUND -> {
                return BackgroundCommand.run(ClaudeDirs.resolve(cl.claudeDir(), env, home), home, cacheDir(env, home),
                        err);
            }
            case STATUSLINE -> {
                return StatuslineCommand.run(cl.operands(), cl.force(), ClaudeDirs.resolve(cl.claudeDir(), env, home),
                        home, out, err);
            }
            default -> {
                err.println("budmon: " + cl.command().name().toLowerCase(java.util.Locale.ROOT)
                        + " is not available in this build");
                return 1;
            }
        }
    }
}

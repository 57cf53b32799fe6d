package dev.budmon.cli;

import dev.budmon.Version;
import dev.budmon.setup.SetupCommand;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.statusline.StatuslineCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

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
     * Runs one command.
     *
     * @return the process exit code: 0 on success, 1 on failure, 2 for bad usage
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
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
                ClaudeDirs dirs = ClaudeDirs.resolve(cl.claudeDir(), System.getenv(),
                        Path.of(System.getProperty("user.home")));
                return JsonCommand.run(dirs, Instant.now(), out, err);
            }
            case SETUP -> {
                return SetupCommand.setup(cl.claudeDir(), cl.force(), out, err);
            }
            case UNINSTALL -> {
                return SetupCommand.uninstall(cl.claudeDir(), out, err);
            }
            case DEMO -> {
                return WindowCommand.demo(err);
            }
            case WINDOW -> {
                return WindowCommand.window(ClaudeDirs.resolve(cl.claudeDir(), System.getenv(),
                        Path.of(System.getProperty("user.home"))));
            }
            case STATUSLINE -> {
                return StatuslineCommand.run(cl, ClaudeDirs.resolve(cl.claudeDir(),
                        System.getenv(), Path.of(System.getProperty("user.home"))), out, err);
            }
            default -> {
                err.println("budmon: " + cl.command().name().toLowerCase(java.util.Locale.ROOT)
                        + " is not available in this build");
                return 1;
            }
        }
    }
}

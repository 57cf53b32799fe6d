package dev.budmon.setup;

import dev.budmon.Os;

import dev.budmon.source.ClaudeDirs;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The edge of {@code budmon --setup} and {@code budmon --uninstall}: builds the {@link SetupContext} from the
 * real environment (home, PATH, OS, the running jar, the bundled files), runs, prints one line per file and
 * turns failures into a message and exit code 1.
 */
public final class SetupCommand {

    /** The bundled interceptor's classpath resource, packaged from {@code interceptor/} by the build. */
    public static final String INTERCEPTOR_RESOURCE = "/interceptor/budmon-interceptor.mjs";

    private SetupCommand() {
    }

    /**
     * {@code budmon --setup}.
     *
     * @param claudeDirOverride the {@code --claude-dir} value, or {@code null}
     * @param choices           what the user chose on the command line
     * @return the exit code: 0 done (or nothing needed), 1 failed
     */
    public static int setup(Path claudeDirOverride, SetupChoices choices, PrintStream out, PrintStream err) {
        SetupContext ctx = contextFromEnvironment(claudeDirOverride);
        int code = runSetup(ctx, choices, out, err);
        if (code == 0) {
            recordArchives(ctx, out, err);
        }
        return code;
    }

    /**
     * After a setup that installed the jar for the POSIX launcher: its class-data archives, recorded by the
     * Java that runs setup (a few seconds; see {@link ClassDataArchives}). Nothing otherwise.
     */
    static void recordArchives(SetupContext ctx, PrintStream out, PrintStream err) {
        Path jar = InstallPaths.of(ctx).installedJar();
        if (!ctx.os().isPosix() || !Setup.isOurJar(jar)) {
            return;
        }
        out.println("Class-data archives for a faster start of the installed BudMon:");
        ChangeReport report = ClassDataArchives.record(jar);
        report.files().forEach(f -> out.println("  " + f.line()));
        report.warnings().forEach(w -> err.println("budmon: warning: " + w));
    }

    /**
     * {@code budmon --uninstall}.
     *
     * @param claudeDirOverride the {@code --claude-dir} value, or {@code null}
     * @return the exit code: 0 done, 1 failed
     */
    public static int uninstall(Path claudeDirOverride, PrintStream out, PrintStream err) {
        return runUninstall(contextFromEnvironment(claudeDirOverride), out, err);
    }

    /** Runs setup in a given context and prints the outcome. */
    static int runSetup(SetupContext ctx, SetupChoices choices, PrintStream out, PrintStream err) {
        ChangeReport report;
        try {
            report = Setup.run(ctx, choices);
        } catch (SetupException e) {
            err.println("budmon: setup failed: " + e.getMessage());
            return 1;
        }
        if (report.compatibleInterceptor().isPresent()) {
            out.println("Found " + report.compatibleInterceptor().get() + ", an interceptor that already writes "
                    + "usage-limits.json: nothing more is needed, BudMon reads what it writes.");
            out.println("(budmon --setup --force installs BudMon's own interceptor anyway.)");
            return 0;
        }
        out.println("BudMon setup for the Claude directory " + ctx.claudeDir() + ":");
        report.files().forEach(f -> out.println("  " + f.line()));
        report.warnings().forEach(w -> err.println("budmon: warning: " + w));
        if (report.changedAnything()) {
            out.println("Done. Start Claude Code as claude-budmon (in a new shell) so that BudMon sees your quota.");
        } else {
            out.println("Nothing changed: BudMon is already set up.");
        }
        return 0;
    }

    /** Runs uninstall in a given context and prints the outcome. */
    static int runUninstall(SetupContext ctx, PrintStream out, PrintStream err) {
        ChangeReport report;
        try {
            report = Uninstall.run(ctx);
        } catch (SetupException e) {
            err.println("budmon: uninstall failed: " + e.getMessage());
            return 1;
        }
        out.println("BudMon uninstall (Claude directory " + ctx.claudeDir() + "):");
        report.files().forEach(f -> out.println("  " + f.line()));
        report.warnings().forEach(w -> err.println("budmon: warning: " + w));
        if (report.changedAnything()) {
            out.println("Done. Data files (usage-limits.json, budmon.ini) and the *.budmon-backup copies were kept.");
        } else {
            out.println("Nothing to remove: BudMon's setup files are not there.");
        }
        return 0;
    }

    /** The context of this process: its home, PATH, OS, jar and bundled files. */
    public static SetupContext contextFromEnvironment(Path claudeDirOverride) {
        Map<String, String> env = System.getenv();
        Path home = ClaudeDirs.userHome(env);
        Path claudeDir = ClaudeDirs.resolve(claudeDirOverride, env, home).primary();
        Path java = Path.of(System.getProperty("java.home"), "bin",
                Os.current() == Os.WINDOWS ? "java.exe" : "java");
        return new SetupContext(Os.current(), home, claudeDir, pathEntries(env.get("PATH")),
                Files.isExecutable(java) ? java : null, resource(INTERCEPTOR_RESOURCE), runningJar(),
                bundledIcons(), SetupContext.cacheHome(env, home), SetupContext.configHome(env, home));
    }

    /** The PATH entries, skipping empty and malformed ones. */
    static List<Path> pathEntries(String path) {
        List<Path> entries = new ArrayList<>();
        if (path == null) {
            return entries;
        }
        for (String s : path.split(File.pathSeparator)) {
            if (s.isEmpty()) {
                continue;
            }
            try {
                entries.add(Path.of(s));
            } catch (InvalidPathException e) {
                // A malformed entry can hold nothing setup looks for.
            }
        }
        return entries;
    }

    /** The jar this class was loaded from, or {@code null} when it runs from a classes folder (tests, IDE). */
    static Path runningJar() {
        try {
            CodeSource cs = SetupCommand.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return null;
            }
            Path p = Path.of(cs.getLocation().toURI());
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** The icons packaged from {@code icons/}, by their path in the icon theme. */
    static Map<String, byte[]> bundledIcons() {
        Map<String, byte[]> icons = new LinkedHashMap<>();
        for (int size : AppIcons.SIZES) {
            byte[] png = resource(AppIcons.pngResource(size));
            if (png != null) {
                icons.put(AppIcons.themePathPng(size), png);
            }
        }
        byte[] svg = resource(AppIcons.svgResource());
        if (svg != null) {
            icons.put(AppIcons.themePathSvg(), svg);
        }
        return icons;
    }

    private static byte[] resource(String name) {
        try (InputStream in = SetupCommand.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}

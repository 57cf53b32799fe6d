package dev.budmon.setup;

import dev.budmon.Os;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The launcher scripts setup writes, as pure functions of the paths they name. Every script carries
 * {@link #OWNER_MARK} so that {@code --setup} only replaces and {@code --uninstall} only removes scripts
 * that are recognisably BudMon's.
 */
final class Launchers {

    /** The line part that marks a file as written by setup. */
    static final String OWNER_MARK = "Written by budmon --setup; budmon --uninstall removes it.";

    /** The JVM flags for the status line's short runs on Windows (the POSIX launcher has its own). */
    static final String SHORT_RUN_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData";

    private Launchers() {
    }

    /**
     * {@code claude-budmon} for Linux and macOS: appends the interceptor's {@code --import} to
     * {@code NODE_OPTIONS} and its {@code --preload} to {@code BUN_OPTIONS} (keeping what is there, and not
     * twice when started from a shell that already has them), then runs {@code claude} with all arguments.
     *
     * @param interceptor absolute path of the installed interceptor
     */
    static String claudeBudmonSh(String interceptor) {
        String nodeImport = RuntimeOptions.nodeImport(interceptor, Os.LINUX);
        String bunPreload = RuntimeOptions.bunPreload(interceptor, Os.LINUX);
        return String.join("\n",
                "#!/bin/sh",
                "# claude-budmon: starts Claude Code with BudMon's read-only interceptor, which records the",
                "# quota headers of Claude Code's API responses in usage-limits.json for BudMon.",
                "# " + OWNER_MARK,
                "# Interceptor: " + interceptor.replace("\n", "?"),
                "budmon_import=" + PosixShell.quote(nodeImport),
                "budmon_preload=" + PosixShell.quote(bunPreload),
                "# Node (Claude Code up to 2.1.112) reads NODE_OPTIONS; the native build (a Bun executable, 2.1.113",
                "# and later) reads BUN_OPTIONS. Existing values are kept; the options are added only once.",
                "case \" ${NODE_OPTIONS:-} \" in",
                "  *\" $budmon_import \"*) ;;",
                "  *) NODE_OPTIONS=\"${NODE_OPTIONS:+$NODE_OPTIONS }$budmon_import\" ;;",
                "esac",
                "case \" ${BUN_OPTIONS:-} \" in",
                "  *\" $budmon_preload \"*) ;;",
                "  *) BUN_OPTIONS=\"${BUN_OPTIONS:+$BUN_OPTIONS }$budmon_preload\" ;;",
                "esac",
                "export NODE_OPTIONS BUN_OPTIONS",
                "exec claude \"$@\"",
                "");
    }

    /** The line that opens the block of settings setup fills in, in the launcher's first lines. */
    static final String INSTALL_BEGIN = "# BUDMON-INSTALL-BEGIN";
    /** The line that closes it. */
    static final String INSTALL_END = "# BUDMON-INSTALL-END";

    /**
     * {@code budmon} for Linux and macOS: the source checkout's launcher ({@code ./budmon}, bundled in the
     * jar as {@code /launcher/budmon}) with its install settings filled in, so that the installed copy runs
     * the installed jar with the same flags and class-data archives and never builds.
     *
     * @param jar       absolute path of the installed jar
     * @param setupJava the {@code java} executable that ran setup, or {@code null} when unknown
     */
    static String budmonSh(String jar, String setupJava) {
        try (InputStream in = Launchers.class.getResourceAsStream("/launcher/budmon")) {
            if (in == null) {
                throw new IllegalStateException("the launcher /launcher/budmon is missing from the build");
            }
            return budmonSh(new String(in.readAllBytes(), StandardCharsets.UTF_8), jar, setupJava);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled launcher cannot be read", e);
        }
    }

    /**
     * The launcher {@code template} with the lines between {@link #INSTALL_BEGIN} and {@link #INSTALL_END}
     * replaced by the jar, the fallback {@code java} and the owner mark.
     *
     * @throws IllegalStateException when the template has no such block
     */
    static String budmonSh(String template, String jar, String setupJava) {
        int begin = template.indexOf("\n" + INSTALL_BEGIN);
        int end = template.indexOf("\n" + INSTALL_END + "\n");
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("the bundled launcher has no " + INSTALL_BEGIN + " block");
        }
        String settings = String.join("\n",
                "",
                INSTALL_BEGIN + ": written by budmon --setup, which fills in these lines.",
                "# " + OWNER_MARK,
                "budmon_jar=" + PosixShell.quote(jar),
                "budmon_java=" + (setupJava == null ? "\"\"" : PosixShell.quote(setupJava)));
        return template.substring(0, begin) + settings + template.substring(end);
    }

    /**
     * {@code claude-budmon.cmd} for Windows: the same as {@link #claudeBudmonSh} in {@code cmd.exe}'s terms.
     * The options are first stored with delayed expansion off (so {@code !} in a path stays literal), then
     * appended with delayed expansion on (so characters such as {@code &} or {@code )} in the existing values
     * cannot break the line), and {@code claude} runs with it off again (so {@code !} in arguments survives).
     */
    static String claudeBudmonCmd(String interceptor) {
        String nodeImport = RuntimeOptions.nodeImport(interceptor, Os.WINDOWS);
        String bunPreload = RuntimeOptions.bunPreload(interceptor, Os.WINDOWS);
        return crlf(String.join("\n",
                "@echo off",
                "rem claude-budmon: starts Claude Code with BudMon's read-only interceptor, which records the",
                "rem quota headers of Claude Code's API responses in usage-limits.json for BudMon.",
                "rem " + OWNER_MARK,
                "setlocal DisableDelayedExpansion",
                "set \"BUDMON_IMPORT=" + cmdLiteral(nodeImport) + "\"",
                "set \"BUDMON_PRELOAD=" + cmdLiteral(bunPreload) + "\"",
                "setlocal EnableDelayedExpansion",
                "set \"NODE_OPTIONS=!NODE_OPTIONS! !BUDMON_IMPORT!\"",
                "set \"BUN_OPTIONS=!BUN_OPTIONS! !BUDMON_PRELOAD!\"",
                "setlocal DisableDelayedExpansion",
                "set \"BUDMON_IMPORT=\"",
                "set \"BUDMON_PRELOAD=\"",
                "claude %*",
                ""));
    }

    /** {@code budmon.cmd} for Windows: runs the installed jar, short-run flags for {@code --statusline}. */
    static String budmonCmd(String jar, String setupJava) {
        String fallback = setupJava == null ? "java" : setupJava;
        return crlf(String.join("\n",
                "@echo off",
                "rem budmon: starts the installed BudMon; Claude Code's status line runs this.",
                "rem " + OWNER_MARK,
                "setlocal DisableDelayedExpansion",
                "set \"BUDMON_JAR=" + cmdLiteral(jar) + "\"",
                "set \"BUDMON_JAVA=" + cmdLiteral(fallback) + "\"",
                "where java >nul 2>nul && set \"BUDMON_JAVA=java\"",
                "if defined JAVA_HOME if exist \"%JAVA_HOME%\\bin\\java.exe\" set \"BUDMON_JAVA=%JAVA_HOME%\\bin\\java.exe\"",
                "set \"BUDMON_SHORT_RUN=\"",
                "if \"%~1\"==\"--statusline\" set \"BUDMON_SHORT_RUN=" + SHORT_RUN_FLAGS + "\"",
                "rem No class-data archive on Windows: setup records them for the POSIX launcher only.",
                "\"%BUDMON_JAVA%\" %BUDMON_SHORT_RUN% %BUDMON_JAVA_OPTS% -jar \"%BUDMON_JAR%\" %*",
                "exit /b %ERRORLEVEL%",
                ""));
    }

    /** Whether these bytes are a script written by setup. */
    static boolean isOurs(byte[] content) {
        int n = Math.min(content.length, 2048);
        return new String(content, 0, n, StandardCharsets.UTF_8).contains(OWNER_MARK);
    }

    /** A value inside {@code set "NAME=…"} with delayed expansion off: only {@code %} is special there. */
    private static String cmdLiteral(String s) {
        return s.replace("%", "%%");
    }

    private static String crlf(String s) {
        return s.replace("\n", "\r\n");
    }
}

package dev.budmon.setup;

import dev.budmon.setup.FileAction.Outcome;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's class-data archives: {@code budmon-statusline.jsa} and {@code budmon-window.jsa} next to
 * a jar, recorded ({@code -Xshare:dump}) by the Java that runs this — setup's for the installed jar, the
 * build's for {@code target/budmon.jar} ({@link #main}) — from the class lists bundled in the jar
 * ({@code /cds/<kind>-<jdk>.classlist}, from {@code src/main/cds}): the list written by the newest JDK that
 * is not newer than this one, as a list names a JDK's own classes and a newer JDK writes lines an older one
 * refuses. The launcher uses an archive that is newer than the jar; the JVM quietly runs without one that
 * does not fit (another Java, another jar), and a second setup records such an archive again. Neither setup
 * nor the build fails because of them: a JVM that cannot record one leaves a warning. Any thread; starts a
 * JVM for each archive.
 */
public final class ClassDataArchives {

    /** The kinds: an archive {@code budmon-<kind>.jsa} each. */
    static final List<String> KINDS = List.of("statusline", "window");

    /** The JDKs that wrote the class lists, newest first (src/package/classlists.sh writes them). */
    static final List<Integer> LIST_JDKS = List.of(25, 17);

    private static final long TIMEOUT_SECONDS = 120;

    private ClassDataArchives() {
    }

    /**
     * The build's step after the jar ({@code mvn package}): records the archives for the jar given, with the
     * JDK that runs this.
     */
    public static void main(String[] args) {
        ChangeReport report = record(Path.of(args[0]).toAbsolutePath());
        report.files().forEach(f -> System.out.println(f.line()));
        report.warnings().forEach(w -> System.err.println("budmon: warning: " + w));
    }

    /**
     * The options of the launcher's runs that decide whether a JVM maps an archive whose classes are linked
     * ahead (JDK 24 and later): its collector and, for the window, its module options (see {@code ./budmon}).
     */
    private static List<String> runOptions(String kind) {
        return kind.equals("window")
                ? List.of("-XX:+UseSerialGC", "--add-opens=java.desktop/sun.awt.X11=ALL-UNNAMED")
                : List.of("-XX:+UseSerialGC");
    }

    /** Where the archive of {@code kind} for {@code jar} lives. */
    static Path archive(Path jar, String kind) {
        return jar.resolveSibling("budmon-" + kind + ".jsa");
    }

    /** The class list for this JDK: the one of the newest JDK in {@link #LIST_JDKS} not newer than it. */
    static String classList(String kind, int jdk) {
        int from = LIST_JDKS.stream().filter(j -> j <= jdk).findFirst().orElse(LIST_JDKS.get(LIST_JDKS.size() - 1));
        return "/cds/" + kind + "-" + from + ".classlist";
    }

    /**
     * Records the archives for {@code jar} that are missing, older than it or refused by the Java that runs
     * this.
     *
     * @return one action per archive, and a warning for each that could not be recorded
     */
    static ChangeReport record(Path jar) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<FileAction> actions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String kind : KINDS) {
            Path target = archive(jar, kind);
            try {
                boolean existed = Files.isRegularFile(target);
                if (existed && usable(java, jar, kind, target)) {
                    actions.add(new FileAction(target, Outcome.UNCHANGED, "class-data archive"));
                    continue;
                }
                Optional<String> problem = dump(java, jar, kind, target);
                if (problem.isEmpty()) {
                    actions.add(new FileAction(target, existed ? Outcome.UPDATED : Outcome.CREATED,
                            "class-data archive: a faster start"));
                } else {
                    warnings.add("could not record the class-data archive " + target + " (" + problem.get()
                            + "); BudMon starts without it, a little slower");
                }
            } catch (IOException e) {
                warnings.add("could not record the class-data archive " + target + ": "
                        + FileTransaction.describe(e) + "; BudMon starts without it, a little slower");
            }
        }
        return new ChangeReport(actions, warnings, Optional.empty());
    }

    /** Whether {@code archive} is newer than the jar and mapped by {@code java} for it. */
    private static boolean usable(Path java, Path jar, String kind, Path archive) throws IOException {
        if (Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) <= 0) {
            return false;
        }
        // -Xshare:on: the JVM exits with an error instead of running without the archive
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive));
        command.addAll(runOptions(kind));
        command.addAll(List.of("-cp", jar.toString(), "-version"));
        return run(command).isEmpty();
    }

    /**
     * Records the archive under a temporary name and renames it, so that a status line started meanwhile
     * never maps half an archive.
     *
     * @return what went wrong, if anything
     */
    private static Optional<String> dump(Path java, Path jar, String kind, Path target) throws IOException {
        byte[] classes;
        String resource = classList(kind, Runtime.version().feature());
        try (InputStream in = ClassDataArchives.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.of("this build has no class list " + resource);
            }
            classes = in.readAllBytes();
        }
        Path dir = target.getParent();
        Path list = Files.createTempFile(dir, ".budmon-" + kind + "-", ".classlist");
        Path temp = dir.resolve(".budmon-" + kind + "-" + ProcessHandle.current().pid() + ".jsa.tmp");
        try {
            Files.write(list, classes);
            Files.deleteIfExists(temp);
            // AOTClassLinking: the classes linked ahead, as JDK 24 and later can (older ones ignore the flag)
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Xshare:dump", "-Xlog:all=error",
                    "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+AOTClassLinking"));
            command.addAll(runOptions(kind));
            command.addAll(List.of("-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + temp,
                    "-cp", jar.toString()));
            Optional<String> problem = run(command);
            if (problem.isEmpty() && !Files.isRegularFile(temp)) {
                problem = Optional.of("the JVM wrote no archive");
            }
            if (problem.isEmpty()) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return problem;
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(temp);
        }
    }

    /** Runs a JVM; empty when it exited 0, else its last line of output or the exit code. */
    private static Optional<String> run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("no result within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() == 0) {
                return Optional.empty();
            }
            String last = output.isEmpty() ? "" : output.substring(output.lastIndexOf('\n') + 1);
            return Optional.of(last.isEmpty() ? "exit " + p.exitValue() : last);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}

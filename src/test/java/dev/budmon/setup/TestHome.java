package dev.budmon.setup;

import dev.budmon.Os;

import dev.budmon.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A temporary home folder for the setup tests: a home, a Claude directory, a folder with a stub
 * {@code claude} for PATH, and a real BudMon jar built from the compiled classes.
 */
final class TestHome {

    /** A name with a space, both quotes, a dollar and a backquote: everything a careless quoting breaks on. */
    static final String HOSTILE = "my home 'q' \"dq\" $HOME `x`";

    final Path root;
    final Path home;
    final Path claudeDir;
    final Path stubBin;
    final Path jar;
    final byte[] interceptor;

    private TestHome(Path root, Path home, Path claudeDir, Path stubBin, Path jar, byte[] interceptor) {
        this.root = root;
        this.home = home;
        this.claudeDir = claudeDir;
        this.stubBin = stubBin;
        this.jar = jar;
        this.interceptor = interceptor;
    }

    /** A home named {@code homeName} under {@code root}, with {@code .claude} and a stub {@code claude}. */
    static TestHome create(Path root, String homeName) throws IOException {
        Path home = Files.createDirectories(root.resolve(homeName));
        Path claude = Files.createDirectories(home.resolve(".claude"));
        Path stubBin = Files.createDirectories(root.resolve("stub bin"));
        Path stub = stubBin.resolve("claude");
        Files.writeString(stub, String.join("\n",
                "#!/bin/sh",
                "# Stub of Claude Code for the setup tests: records its environment and arguments, NUL-separated.",
                "{",
                "  printf 'NODE_OPTIONS=%s\\0' \"${NODE_OPTIONS-<unset>}\"",
                "  printf 'BUN_OPTIONS=%s\\0' \"${BUN_OPTIONS-<unset>}\"",
                "  for a in \"$@\"; do printf 'ARG=%s\\0' \"$a\"; done",
                "} > \"$STUB_RECORD\"",
                ""));
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        byte[] interceptor;
        try (InputStream in = TestHome.class.getResourceAsStream("placeholder-interceptor.mjs")) {
            interceptor = in.readAllBytes();
        }
        Path jar = root.resolve("build").resolve("budmon.jar");
        buildJar(jar);
        return new TestHome(root, home, claude, stubBin, jar, interceptor);
    }

    /** The context for this home on {@code os}, with the stub folder and the system folders on PATH. */
    SetupContext context(Os os) {
        return new SetupContext(os, home, claudeDir, List.of(stubBin, Path.of("/usr/bin"), Path.of("/bin")),
                Path.of(System.getProperty("java.home"), "bin", "java"), interceptor, jar,
                SetupCommand.bundledIcons());
    }

    InstallPaths paths() {
        return InstallPaths.of(context(Os.LINUX));
    }

    /** Output and exit code of one command run. */
    record Run(int exit, String out, String err) {
    }

    Run setup(SetupContext ctx) {
        return capture((out, err) -> SetupCommand.runSetup(ctx, SetupChoices.DEFAULT, out, err));
    }

    Run uninstall(SetupContext ctx) {
        return capture((out, err) -> SetupCommand.runUninstall(ctx, out, err));
    }

    interface Command {
        int run(PrintStream out, PrintStream err);
    }

    static Run capture(Command c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = c.run(o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Every file, folder and link under {@code dir}, relative, with its kind, permissions and the SHA-256 of
     * its content: two equal listings mean two equal trees.
     */
    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> listing = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    listing.put(rel, "link -> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    listing.put(rel, "dir " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                } else {
                    listing.put(rel, "file " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
                            + " " + sha256(Files.readAllBytes(p)));
                }
            }
        }
        return listing;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a process with exactly this environment; returns its exit code, failing after 60 s. */
    static ProcResult exec(List<String> command, Map<String, String> env, Path dir) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t1 = pump(p.getInputStream(), out);
        Thread t2 = pump(p.getErrorStream(), err);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        t1.join();
        t2.join();
        return new ProcResult(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record ProcResult(int exit, String out, String err) {
    }

    private static Thread pump(InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // The process ended; what was read is kept.
            }
        });
        t.start();
        return t;
    }

    /** The stub's record: NODE_OPTIONS, BUN_OPTIONS and the arguments, in order. */
    static List<String> readRecord(Path record) throws IOException {
        String s = Files.readString(record, StandardCharsets.UTF_8);
        List<String> fields = new ArrayList<>(List.of(s.split("\0", -1)));
        fields.remove(fields.size() - 1);
        return fields;
    }

    /** Writes a runnable BudMon jar from the compiled main classes. */
    static void buildJar(Path jar) throws IOException {
        Path classes;
        try {
            classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Files.createDirectories(jar.getParent());
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(f)) {
                    JarEntry e = new JarEntry(classes.relativize(f).toString().replace('\\', '/'));
                    e.setTime(0);
                    out.putNextEntry(e);
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
    }
}

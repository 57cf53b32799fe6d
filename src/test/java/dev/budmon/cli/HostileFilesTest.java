package dev.budmon.cli;

import dev.budmon.files.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file BudMon reads, replaced by something that is no file: a FIFO (whose open blocks), a link to
 * {@code /dev/zero} (which never ends) or a socket. The real commands run as processes; each must finish in
 * time, exit as it always does, and say what it could not read. A hang fails the test, never the build.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileFilesTest {

    @TempDir
    Path tmp;

    enum Kind { FIFO, ENDLESS, SOCKET }

    /** A Claude directory whose every file BudMon reads is of the given kind; sockets stay bound meanwhile. */
    private Path hostileClaudeDir(Kind kind, List<ServerSocketChannel> sockets) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(kind.name().toLowerCase()));
        Path project = Files.createDirectories(dir.resolve("projects/-w"));
        Path session = Files.createDirectories(project.resolve("s1/subagents"));
        Files.createDirectories(dir.resolve("budmon"));
        for (Path p : List.of(dir.resolve("usage-limits.json"), dir.resolve("budget_velocity.json"),
                dir.resolve("settings.json"), dir.resolve("budmon.ini"), dir.resolve("budmon/statusline.json"),
                project.resolve("s1.jsonl"), session.resolve("agent-1.jsonl"))) {
            switch (kind) {
                case FIFO -> SpecialFiles.fifo(p);
                case ENDLESS -> SpecialFiles.endless(p);
                case SOCKET -> {
                    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                    s.bind(UnixDomainSocketAddress.of(p));
                    sockets.add(s);
                }
            }
        }
        return dir;
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(Path claudeDir, String stdin, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--claude-dir", claudeDir.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        boolean ended = p.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended).as("budmon %s ended within 30 s", String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private void everyCommandCopes(Kind kind, String what) throws Exception {
        List<ServerSocketChannel> sockets = new ArrayList<>();
        try {
            Path dir = hostileClaudeDir(kind, sockets);
            Result json = run(dir, "", "--json");
            assertThat(json.exit()).as(json.err()).isZero();
            assertThat(json.out()).contains("\"warnings\"").contains(what).doesNotContain("Exception");

            String payload = "{\"session_id\": \"s1\", \"cwd\": \"/w\", \"transcript_path\": \""
                    + dir.resolve("projects/-w/s1.jsonl") + "\", \"rate_limits\": {\"five_hour\": "
                    + "{\"used_percentage\": 42, \"resets_at\": 4102444800}}}";
            Result line = run(dir, payload, "--statusline");
            assertThat(line.exit()).as(line.err()).isZero();
            assertThat(line.out()).startsWith("/w").contains("42%").endsWith("\n");
            assertThat(line.err()).contains(what).doesNotContain("\tat ");

            // With the elements that read the session's transcripts, and a budmon.ini that is a real file.
            Path ini = dir.resolve("budmon.ini");
            Files.delete(ini);
            Files.writeString(ini, "[statusline]\nelements = cwd, 5h_bar, requests, tokens_in, cache\n");
            Result counted = run(dir, payload, "--statusline");
            assertThat(counted.exit()).as(counted.err()).isZero();
            assertThat(counted.out()).startsWith("/w 5h").contains("42%");
            assertThat(counted.err()).contains("s1.jsonl").contains("agent-1.jsonl").contains(what);

            Result on = run(dir, "", "--statusline", "on");
            assertThat(on.exit()).as(on.out() + on.err()).isOne();
            assertThat(on.err()).contains("settings.json").contains(what).contains("did not change it");
        } finally {
            for (ServerSocketChannel s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void fifosInPlaceOfEveryFile() throws Exception {
        everyCommandCopes(Kind.FIFO, "a FIFO");
    }

    @Test
    void linksToAnEndlessDeviceInPlaceOfEveryFile() throws Exception {
        everyCommandCopes(Kind.ENDLESS, "a character device");
    }

    @Test
    void socketsInPlaceOfEveryFile() throws Exception {
        everyCommandCopes(Kind.SOCKET, "a socket");
    }

    @Test
    void aResetBeyondAnyYearIsAWarningNotAStackTrace() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("far"));
        Files.writeString(dir.resolve("usage-limits.json"), "{\"updated_at\": \"2026-11-26T10:00:00Z\", \"headers_raw\": {"
                + "\"anthropic-ratelimit-unified-5h-utilization\": \"0.4\","
                + "\"anthropic-ratelimit-unified-5h-reset\": \"32000000000000000000\","
                + "\"anthropic-ratelimit-unified-7d-utilization\": \"1e308\"}}");
        Result json = run(dir, "", "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.err()).isEmpty();
        assertThat(json.out()).contains("is not a time").contains("is not a fraction");
        Result line = run(dir, "{}", "--statusline");
        assertThat(line.exit()).isZero();
        assertThat(line.out()).contains("5h").contains("40%");
    }
}

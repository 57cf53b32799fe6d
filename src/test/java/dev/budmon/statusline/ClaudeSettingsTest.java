package dev.budmon.statusline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudeSettingsTest {

    static final String OURS = "/home/ann/.local/bin/budmon --statusline";

    /** settings.json as a person edits it: comments, trailing commas, other settings of every kind. */
    static final String JSONC = """
            {
              // my settings
              "model": "opus",
              "permissions": {
                "allow": ["Bash(npm run test:*)", "Read(~/.zshrc)",],
                "deny": [],
              },
              /* hooks stay */
              "hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "echo // not a comment"}]}]},
              "env": {"DISABLE_TELEMETRY": "1", "URL": "http://localhost:8080/*x*/"},
              "cleanupPeriodDays": 30,
              "ratio": 1.50,
              "big": 12345678901234567890,
              "unicode": "Grüße ✓",
            }
            """;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private Path settings() {
        return dir.resolve(ClaudeSettings.FILE_NAME);
    }

    private JsonNode read() throws IOException {
        return json.readTree(settings().toFile());
    }

    @Test
    void onWritesBudmonsCommandAndKeepsEverythingElse() throws IOException {
        Files.writeString(settings(), JSONC);
        ClaudeSettings.Result r = ClaudeSettings.enable(dir, OURS, false);
        assertThat(r.exitCode()).isZero();
        assertThat(r.written()).isTrue();

        JsonNode after = read();
        assertThat(after.get("statusLine").get("type").asText()).isEqualTo("command");
        assertThat(after.get("statusLine").get("command").asText()).isEqualTo(OURS);
        assertThat(after.get("model").asText()).isEqualTo("opus");
        assertThat(after.get("permissions").get("allow")).hasSize(2);
        assertThat(after.get("permissions").get("allow").get(0).asText()).isEqualTo("Bash(npm run test:*)");
        assertThat(after.get("hooks").get("PreToolUse").get(0).get("hooks").get(0).get("command").asText())
                .isEqualTo("echo // not a comment");
        assertThat(after.get("env").get("URL").asText()).isEqualTo("http://localhost:8080/*x*/");
        assertThat(after.get("cleanupPeriodDays").asInt()).isEqualTo(30);
        assertThat(after.get("unicode").asText()).isEqualTo("Grüße ✓");
        String text = Files.readString(settings());
        assertThat(text).contains("\"ratio\": 1.50").contains("\"big\": 12345678901234567890");
        assertThat(text).startsWith("{\n  \"model\": \"opus\",\n");
        List<String> keys = keys(after);
        assertThat(keys).containsExactly("model", "permissions", "hooks", "env", "cleanupPeriodDays", "ratio", "big",
                "unicode", "statusLine");
    }

    @Test
    void commentsAreReportedAndKeptInTheOneTimeBackup() throws IOException {
        Files.writeString(settings(), JSONC);
        ClaudeSettings.Result r = ClaudeSettings.enable(dir, OURS, false);
        Path backup = dir.resolve("settings.json.budmon-backup");
        assertThat(Files.readString(backup)).isEqualTo(JSONC);
        assertThat(r.messages()).anySatisfy(m -> assertThat(m).contains("had comments").contains(backup.toString()));
        assertThat(Files.readString(settings())).doesNotContain("// my settings");

        // The backup is made once: turning it off does not replace it with the file BudMon wrote.
        ClaudeSettings.Result off = ClaudeSettings.disable(dir);
        assertThat(off.exitCode()).isZero();
        assertThat(off.messages()).noneSatisfy(m -> assertThat(m).contains("had comments"));
        assertThat(Files.readString(backup)).isEqualTo(JSONC);
    }

    @Test
    void commentsAddedAgainLaterGetTheirOwnBackup() throws IOException {
        Files.writeString(settings(), "{\"a\": 1}");
        ClaudeSettings.enable(dir, OURS, false);
        String edited = "{\n  // added later\n  \"a\": 2,\n  \"statusLine\": {\"type\": \"command\", \"command\": \""
                + OURS + "\"}\n}\n";
        Files.writeString(settings(), edited);
        ClaudeSettings.Result r = ClaudeSettings.disable(dir);
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("settings.json.budmon-backup"))).isEqualTo("{\"a\": 1}");
        try (var files = Files.list(dir)) {
            List<Path> dated = files.filter(p -> p.getFileName().toString().startsWith("settings.json.budmon-backup-"))
                    .toList();
            assertThat(dated).singleElement().satisfies(p -> assertThat(Files.readString(p)).isEqualTo(edited));
        }
        assertThat(read().get("a").asInt()).isEqualTo(2);
    }

    @Test
    void aFileWithoutCommentsSaysNothingAboutThem() throws IOException {
        Files.writeString(settings(), "{\"model\": \"opus\"}\n");
        ClaudeSettings.Result r = ClaudeSettings.enable(dir, OURS, false);
        assertThat(r.messages()).noneSatisfy(m -> assertThat(m).contains("comments"));
    }

    @Test
    void aMissingFileIsCreated() throws IOException {
        Path nested = dir.resolve("new-claude-dir");
        ClaudeSettings.Result r = ClaudeSettings.enable(nested, OURS, false);
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(nested.resolve("settings.json"))).isEqualTo("""
                {
                  "statusLine": {
                    "type": "command",
                    "command": "/home/ann/.local/bin/budmon --statusline"
                  }
                }
                """);
        assertThat(Files.exists(nested.resolve("settings.json.budmon-backup"))).isFalse();
    }

    @Test
    void aForeignStatusLineIsRefusedAndNamed() throws IOException {
        String foreign = "{\"statusLine\": {\"type\": \"command\", \"command\": \"bash ~/.claude/statusline.sh\"}, \"x\": 1}";
        Files.writeString(settings(), foreign);
        ClaudeSettings.Result r = ClaudeSettings.enable(dir, OURS, false);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.written()).isFalse();
        assertThat(r.messages().get(0)).contains("bash ~/.claude/statusline.sh");
        assertThat(r.messages()).anySatisfy(m -> assertThat(m).contains("--force"));
        assertThat(Files.readString(settings())).isEqualTo(foreign);
        assertThat(Files.exists(dir.resolve("settings.json.budmon-backup"))).isFalse();
    }

    @Test
    void forceReplacesAForeignStatusLine() throws IOException {
        Files.writeString(settings(), "{\"statusLine\": {\"type\": \"command\", \"command\": \"ccusage statusline\","
                + " \"padding\": 2}, \"x\": 1}");
        ClaudeSettings.Result r = ClaudeSettings.enable(dir, OURS, true);
        assertThat(r.exitCode()).isZero();
        JsonNode after = read();
        assertThat(after.get("statusLine").get("command").asText()).isEqualTo(OURS);
        assertThat(after.get("statusLine").has("padding")).isFalse();
        assertThat(after.get("x").asInt()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("settings.json.budmon-backup"))).contains("ccusage statusline");
    }

    @Test
    void onAgainChangesNothingAndAnOlderBudmonPathIsUpdatedWithoutForce() throws IOException {
        Files.writeString(settings(), "{\"statusLine\": {\"type\": \"command\", \"command\": \"/old/checkout/budmon --statusline\","
                + " \"padding\": 0}}");
        ClaudeSettings.Result r = ClaudeSettings.enable(dir, OURS, false);
        assertThat(r.exitCode()).isZero();
        assertThat(read().get("statusLine").get("command").asText()).isEqualTo(OURS);
        assertThat(read().get("statusLine").get("padding").asInt()).isZero();

        long modified = Files.getLastModifiedTime(settings()).toMillis();
        Object key = Files.readAttributes(settings(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        ClaudeSettings.Result again = ClaudeSettings.enable(dir, OURS, false);
        assertThat(again.written()).isFalse();
        assertThat(again.messages().get(0)).contains("already on");
        assertThat(Files.readAttributes(settings(), java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(key);
        assertThat(Files.getLastModifiedTime(settings()).toMillis()).isEqualTo(modified);
    }

    @Test
    void offRemovesOnlyBudmonsStatusLine() throws IOException {
        Files.writeString(settings(), JSONC);
        ClaudeSettings.enable(dir, OURS, false);
        ClaudeSettings.Result off = ClaudeSettings.disable(dir);
        assertThat(off.exitCode()).isZero();
        assertThat(off.written()).isTrue();
        JsonNode after = read();
        assertThat(after.has("statusLine")).isFalse();
        assertThat(keys(after)).containsExactly("model", "permissions", "hooks", "env", "cleanupPeriodDays", "ratio",
                "big", "unicode");

        String foreign = "{\"statusLine\": {\"type\": \"command\", \"command\": \"~/bin/my-line --statusline\"}}";
        Files.writeString(settings(), foreign);
        ClaudeSettings.Result notOurs = ClaudeSettings.disable(dir);
        assertThat(notOurs.exitCode()).isZero();
        assertThat(notOurs.written()).isFalse();
        assertThat(notOurs.messages().get(0)).contains("not BudMon's").contains("~/bin/my-line --statusline");
        assertThat(Files.readString(settings())).isEqualTo(foreign);

        Files.writeString(settings(), "{}");
        assertThat(ClaudeSettings.disable(dir).messages().get(0)).contains("nothing to do");
        assertThat(ClaudeSettings.disable(dir.resolve("absent")).exitCode()).isZero();
    }

    @Test
    void aBrokenFileIsNeverRewritten() throws IOException {
        for (String broken : List.of("{\"model\": \"opus\",, }", "[1, 2]", "{\"a\": 1} {\"b\": 2}", "{\"a\": ")) {
            Files.writeString(settings(), broken);
            ClaudeSettings.Result r = ClaudeSettings.enable(dir, OURS, true);
            assertThat(r.exitCode()).as(broken).isEqualTo(1);
            assertThat(r.messages().get(0)).as(broken).contains("did not change it");
            assertThat(Files.readString(settings())).isEqualTo(broken);
            assertThat(ClaudeSettings.disable(dir).exitCode()).isEqualTo(1);
            assertThat(Files.readString(settings())).isEqualTo(broken);
        }
    }

    @Test
    void anEmptyOrCommentOnlyFileIsAnEmptyObject() throws IOException {
        Files.writeString(settings(), "// nothing yet\n");
        assertThat(ClaudeSettings.enable(dir, OURS, false).exitCode()).isZero();
        assertThat(keys(read())).containsExactly("statusLine");
    }

    @Test
    void whatCountsAsBudmonsCommand() {
        assertThat(ClaudeSettings.isBudmonCommand("/home/ann/.local/bin/budmon --statusline")).isTrue();
        assertThat(ClaudeSettings.isBudmonCommand("'/home/ann/my projects/budmon-java/budmon' --statusline")).isTrue();
        assertThat(ClaudeSettings.isBudmonCommand("java -jar /opt/budmon/budmon.jar --statusline")).isTrue();
        assertThat(ClaudeSettings.isBudmonCommand("budmon --statusline")).isTrue();
        assertThat(ClaudeSettings.isBudmonCommand("/home/ann/.local/bin/budmon --json")).isFalse();
        assertThat(ClaudeSettings.isBudmonCommand("bash ~/.claude/statusline.sh")).isFalse();
        assertThat(ClaudeSettings.isBudmonCommand("my-budmon-wrapper --statusline")).isFalse();
        assertThat(ClaudeSettings.isBudmonCommand("")).isFalse();
        // a user's command that merely includes BudMon's is the user's
        assertThat(ClaudeSettings.isBudmonCommand("~/bin/my-status.sh; budmon --statusline")).isFalse();
        assertThat(ClaudeSettings.isBudmonCommand("budmon --statusline && echo hi --statusline")).isFalse();
        assertThat(ClaudeSettings.isBudmonCommand("echo $(budmon --statusline)")).isFalse();
        assertThat(ClaudeSettings.isBudmonCommand("cat | budmon --statusline")).isFalse();
        assertThat(ClaudeSettings.isBudmonCommand("sh -c budmon --statusline")).isFalse();
    }

    @Test
    void offLeavesAUsersCombinedCommandAlone() throws IOException {
        String mine = "{\"statusLine\": {\"type\": \"command\", \"command\": \"~/bin/my-status.sh; budmon --statusline\"}}";
        Files.writeString(settings(), mine);
        ClaudeSettings.Result r = ClaudeSettings.disable(dir);
        assertThat(r.exitCode()).isZero();
        assertThat(r.written()).isFalse();
        assertThat(r.messages()).singleElement().asString().contains("is not BudMon's");
        assertThat(Files.readString(settings())).isEqualTo(mine);
    }

    @Test
    void aSymlinkedSettingsFileIsWrittenThroughAndKeptALink() throws IOException {
        Path dotfiles = Files.createDirectories(dir.resolve("dotfiles"));
        Path real = Files.writeString(dotfiles.resolve("settings.json"), "{\"model\": \"opus\"}");
        Files.createSymbolicLink(settings(), real);
        assertThat(ClaudeSettings.enable(dir, "/x/budmon --statusline", false).exitCode()).isZero();
        assertThat(Files.isSymbolicLink(settings())).isTrue();
        assertThat(json.readTree(real.toFile()).path("statusLine").path("command").asText())
                .isEqualTo("/x/budmon --statusline");
        assertThat(json.readTree(real.toFile()).path("model").asText()).isEqualTo("opus");
        assertThat(ClaudeSettings.disable(dir).exitCode()).isZero();
        assertThat(Files.isSymbolicLink(settings())).isTrue();
        assertThat(json.readTree(real.toFile()).has("statusLine")).isFalse();
    }

    @Test
    void aReadOnlySettingsFileIsRefusedWithAClearMessage() throws IOException {
        String before = "{\"model\": \"opus\"}";
        Files.writeString(settings(), before);
        Files.setPosixFilePermissions(settings(), java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        ClaudeSettings.Result r = ClaudeSettings.enable(dir, "/x/budmon --statusline", false);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.written()).isFalse();
        assertThat(r.messages()).singleElement().asString().contains("read-only").contains("not changed");
        assertThat(Files.readString(settings())).isEqualTo(before);
        // no backup and no temporary file left either
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(settings());
        }
    }

    @Test
    void commentsAreFoundOutsideStringsOnly() {
        assertThat(ClaudeSettings.hasComments("{\"url\": \"http://x/*y*/\", \"q\": \"a\\\"//b\"}")).isFalse();
        assertThat(ClaudeSettings.hasComments("{\"a\": 1} // c")).isTrue();
        assertThat(ClaudeSettings.hasComments("{/* c */}")).isTrue();
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}

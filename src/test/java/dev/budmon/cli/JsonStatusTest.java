package dev.budmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.budmon.source.ClaudeDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code budmon --json}'s overall status on a Claude directory as a user has it before setup: Claude Code's
 * real transcript, no {@code usage-limits.json}, no status-line file. The quota is unknown, so the status
 * must not be {@code OK}.
 */
class JsonStatusTest {

    private static final String TRANSCRIPT = "/transcripts/real/hello/projects/-tmp-budmon-fixture-hello/"
            + "65936c02-71e7-47f8-aff9-4a4bd5c758b2.jsonl";

    @TempDir
    Path claudeDir;
    @TempDir
    Path cacheDir;

    @Test
    void transcriptsWithoutAQuotaSourceSayNoQuota() throws Exception {
        Path file = claudeDir.resolve(TRANSCRIPT.substring("/transcripts/real/hello/".length()));
        Files.createDirectories(file.getParent());
        try (InputStream in = JsonStatusTest.class.getResourceAsStream(TRANSCRIPT)) {
            assertThat(in).as("test resource").isNotNull();
            Files.write(file, in.readAllBytes());
        }
        JsonNode json = json(Instant.now());
        assertThat(json.get("last_request").isNull()).as("the transcript was read").isFalse();
        assertThat(json.get("quota").get("windows")).isEmpty();
        assertThat(json.get("status").asText()).isEqualTo("NO_QUOTA");
    }

    @Test
    void anEmptyDirectoryIsStillWait() throws Exception {
        assertThat(json(Instant.now()).get("status").asText()).isEqualTo("WAIT");
    }

    private JsonNode json(Instant now) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = JsonCommand.run(new ClaudeDirs(List.of(claudeDir)), cacheDir, now,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}

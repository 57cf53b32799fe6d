package dev.budmon.statusline;

import dev.budmon.history.HistoryFiles;
import dev.budmon.history.Observation;
import dev.budmon.history.ObservationLine;
import dev.budmon.history.WindowReading;
import dev.budmon.source.ClaudeDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The status line records what Claude Code's payload says in the quota history, each change once. */
class StatuslineHistoryTest {

    static final Instant NOW = PayloadLimitsStoreTest.NOW;

    @TempDir
    Path root;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void run(Path dir, String payload, Instant now) {
        StatuslineCommand.printLine(new ClaudeDirs(List.of(dir)),
                () -> new StdinPayload.Input(payload.getBytes(StandardCharsets.UTF_8), null), root, root.resolve("cache"),
                now, new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
    }

    private List<String> history(Path dir) throws IOException {
        Path file = HistoryFiles.file(dir, NOW);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void eachNewPayloadIsOneStatuslineObservationWithItsSession() throws IOException {
        Path dir = Files.createDirectories(root.resolve(".claude"));
        run(dir, StatuslineCommandTest.payload("/w"), NOW);
        List<String> lines = history(dir);
        assertThat(lines).hasSize(1);
        Observation o = ObservationLine.parse(lines.get(0));
        assertThat(o.time()).isEqualTo(NOW);
        assertThat(o.source()).isEqualTo(Observation.STATUSLINE);
        assertThat(o.sessionId()).isEqualTo("s1");
        assertThat(o.requestId()).isNull();
        assertThat(o.windows()).containsExactly(
                Map.entry("5h", new WindowReading(0.42, Instant.ofEpochSecond(PayloadLimitsStoreTest.RESET_5H), null)),
                Map.entry("7d", new WindowReading(0.8, Instant.ofEpochSecond(PayloadLimitsStoreTest.RESET_7D), null)));

        // the same figures after the next message add nothing
        run(dir, StatuslineCommandTest.payload("/w"), NOW.plusSeconds(30));
        assertThat(history(dir)).hasSize(1);
        // new figures do
        run(dir, StatuslineCommandTest.payload("/w").replace("\"used_percentage\": 42", "\"used_percentage\": 43.5"),
                NOW.plusSeconds(60));
        lines = history(dir);
        assertThat(lines).hasSize(2);
        assertThat(ObservationLine.parse(lines.get(1)).windows().get("5h").utilization()).isEqualTo(0.435);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aPayloadWithoutRateLimitsRecordsNothing() throws IOException {
        Path dir = Files.createDirectories(root.resolve(".claude"));
        run(dir, "{\"session_id\": \"s1\", \"cwd\": \"/w\"}", NOW);
        assertThat(history(dir)).isEmpty();
        assertThat(Files.exists(HistoryFiles.folder(dir))).isFalse();
    }
}

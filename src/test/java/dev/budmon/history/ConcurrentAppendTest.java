package dev.budmon.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight processes append 500 lines each to one month's file at the same time, as the status lines and
 * interceptors of many Claude Code sessions do: every line arrives, whole.
 */
class ConcurrentAppendTest {

    static final int PROCESSES = 8;
    static final int LINES = 500;

    @TempDir
    Path claude;

    /** One writer process: waits for the start file, then appends its lines as fast as it can. */
    public static void main(String[] args) throws Exception {
        Path claudeDir = Path.of(args[0]);
        int writer = Integer.parseInt(args[1]);
        Path go = Path.of(args[2]);
        while (!Files.exists(go)) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < LINES; i++) {
            Map<String, WindowReading> w = new LinkedHashMap<>();
            // lines of different lengths, up to about 900 bytes
            for (int k = 0; k <= (writer + i) % 12; k++) {
                w.put(k == 0 ? "5h" : "7d_model_" + k, new WindowReading((i % 100) / 100.0,
                        Instant.ofEpochSecond(1796000000L + k), k % 2 == 0 ? "allowed" : null));
            }
            HistoryAppender.append(claudeDir, new Observation(Instant.parse("2026-12-06T03:30:00Z").plusMillis(i),
                    "writer-" + writer, "req_" + writer + "_" + i, null, "allowed", w));
        }
    }

    @Test
    void eightProcessesAppendFiveHundredLinesEachWithoutLosingOrTearingOne() throws Exception {
        Path go = claude.resolve("go");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> writers = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            writers.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    ConcurrentAppendTest.class.getName(), claude.toString(), Integer.toString(p), go.toString())
                    .redirectErrorStream(true).redirectOutput(claude.resolve("writer-" + p + ".log").toFile()).start());
        }
        Thread.sleep(1500); // let every JVM start and wait at the line
        Files.createFile(go);
        for (int p = 0; p < PROCESSES; p++) {
            assertThat(writers.get(p).waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(writers.get(p).exitValue()).as(Files.readString(claude.resolve("writer-" + p + ".log"))).isZero();
        }

        Path file = HistoryFiles.folder(claude).resolve("2026-12.jsonl");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(PROCESSES * LINES);
        Set<String> seen = new HashSet<>();
        int interleaved = 0;
        String previous = null;
        for (String line : lines) {
            Observation o = ObservationLine.parse(line);
            assertThat(o).as(line).isNotNull();
            assertThat(seen.add(o.requestId())).as("twice: " + o.requestId()).isTrue();
            int k = o.windows().size();
            assertThat(k).isBetween(1, 12);
            if (previous != null && !previous.equals(o.source())) {
                interleaved++;
            }
            previous = o.source();
        }
        for (int p = 0; p < PROCESSES; p++) {
            for (int i = 0; i < LINES; i++) {
                assertThat(seen).contains("req_" + p + "_" + i);
            }
        }
        // the writers did run at the same time: their lines alternate (else the test proved nothing)
        assertThat(interleaved).isGreaterThan(PROCESSES);
        HistoryReader.Read read = HistoryReader.read(claude, null, null);
        assertThat(read.history().size()).isEqualTo(PROCESSES * LINES);
        assertThat(read.stats().badLines()).isZero();
    }

    @Test
    void theWriterIsAMainOfItsOwn() throws IOException {
        // guards the process test above against a silently empty writer
        Path go = Files.createFile(claude.resolve("go"));
        try {
            main(new String[] {claude.toString(), "0", go.toString()});
        } catch (Exception e) {
            throw new IOException(e);
        }
        assertThat(HistoryReader.read(claude, null, null).history().size()).isEqualTo(LINES);
    }
}

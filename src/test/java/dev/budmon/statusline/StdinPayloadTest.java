package dev.budmon.statusline;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StdinPayloadTest {

    @Test
    void readsAPipeToItsEnd() {
        StdinPayload.Input in = StdinPayload.read(new ByteArrayInputStream("{\"cwd\":\"/x\"}".getBytes()),
                Duration.ofSeconds(5));
        assertThat(in.problem()).isNull();
        assertThat(new String(in.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"cwd\":\"/x\"}");
    }

    @Test
    void aPipeThatNeverEndsDoesNotBlock() throws IOException {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream reader = new PipedInputStream(writer);
        writer.write("{\"cwd\":\"/x\"}".getBytes());
        writer.flush();
        long start = System.nanoTime();
        StdinPayload.Input in = StdinPayload.read(reader, Duration.ofMillis(200));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        // Not a timing test: it only has to come back at all, with what arrived so far.
        assertThat(tookMs).isLessThan(10_000);
        assertThat(in.problem()).isEqualTo("did not end within 200 ms");
        assertThat(new String(in.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"cwd\":\"/x\"}");
        writer.close();
    }

    @Test
    void moreThanTheCapIsIgnoredWhole() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
        StdinPayload.Input in = StdinPayload.read(endless, Duration.ofSeconds(30));
        assertThat(in.bytes()).isEmpty();
        assertThat(in.problem()).isEqualTo("is larger than 1 MB and was ignored");
    }

    @Test
    void exactlyTheCapIsStillRead() {
        byte[] max = new byte[StdinPayload.MAX_BYTES];
        StdinPayload.Input in = StdinPayload.read(new ByteArrayInputStream(max), Duration.ofSeconds(30));
        assertThat(in.problem()).isNull();
        assertThat(in.bytes()).hasSize(StdinPayload.MAX_BYTES);
    }

    @Test
    void aFailingStreamIsAProblemNotAnException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("gone");
            }
        };
        StdinPayload.Input in = StdinPayload.read(failing, Duration.ofSeconds(5));
        assertThat(in.problem()).isEqualTo("cannot be read (IOException)");
    }
}

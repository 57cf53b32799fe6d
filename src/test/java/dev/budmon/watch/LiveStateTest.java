package dev.budmon.watch;

import dev.budmon.model.UsageState;
import dev.budmon.source.StateReader;
import dev.budmon.source.transcript.TranscriptSource;
import dev.budmon.source.UsageLimitsFile;
import dev.budmon.source.transcript.TranscriptFeed;
import dev.budmon.ui.ClaudeDirFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LiveStateTest {

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<UsageState> states = new LinkedBlockingQueue<>();

    private LiveState live(TranscriptSource transcripts) {
        // an hour's poll: only the start and file events refresh here
        return new LiveState(List.of(dir), new StateReader(List.of(dir), transcripts, List.of()),
                Duration.ofHours(1), () -> { }, states::add, Throwable::printStackTrace);
    }

    private UsageState next() throws InterruptedException {
        UsageState s = states.poll(10, TimeUnit.SECONDS);
        assertThat(s).as("a state within 10 s").isNotNull();
        return s;
    }

    /**
     * The real transcript reader, held back until the test lets it go: a transcript history that takes long
     * to scan.
     */
    private static TranscriptSource heldBack(CountDownLatch go) {
        TranscriptFeed feed = new TranscriptFeed();
        return (dirs, warnings) -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return feed.refresh(dirs, warnings);
        };
    }

    @Test
    void theQuotaIsShownBeforeTheTranscriptsAreReadAndStaysWhenTheyAre() throws Exception {
        ClaudeDirFixture.create(dir, Instant.now(), "en");
        CountDownLatch go = new CountDownLatch(1);
        try (LiveState live = live(heldBack(go))) {
            live.start();

            UsageState quota = next();
            assertThat(quota.rateLimits().window("5h").utilization()).isEqualTo(0.42);
            assertThat(quota.lastResponse()).as("the transcripts are still being read").isNull();

            go.countDown();
            UsageState full = next();
            assertThat(full.rateLimits()).as("the quota figures, not blank again").isEqualTo(quota.rateLimits());
            assertThat(full.lastResponse()).isNotNull();
            assertThat(full.activeSession().requests()).isEqualTo(2);
        }
    }

    @Test
    void withoutQuotaFilesTheFirstStateIsTheFullOne() throws Exception {
        ClaudeDirFixture.create(dir, Instant.now(), "en");
        Files.delete(dir.resolve(UsageLimitsFile.FILE_NAME));
        try (LiveState live = live(new TranscriptFeed())) {
            live.start();
            UsageState first = next();
            assertThat(first.rateLimits()).isNull();
            assertThat(first.lastResponse()).as("no empty state before the transcripts").isNotNull();
        }
    }

    @Test
    void aRewriteAfterTheStartIsShown() throws Exception {
        ClaudeDirFixture data = ClaudeDirFixture.create(dir, Instant.now(), "en");
        try (LiveState live = live(new TranscriptFeed())) {
            live.start();
            UsageState s = next();
            while (s.lastResponse() == null) {
                s = next();
            }
            data.writeUsageLimits(0.57, Instant.now());
            do {
                s = next();
            } while (s.rateLimits().window("5h").utilization() != 0.57);
            assertThat(s.lastResponse()).as("the transcript figures stay").isNotNull();
        }
    }
}

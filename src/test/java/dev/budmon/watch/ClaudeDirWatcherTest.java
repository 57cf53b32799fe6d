package dev.budmon.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudeDirWatcherTest {

    @TempDir
    Path dir;

    /** The poll is set to an hour so that only file events can trigger the refreshes awaited here. */
    private ClaudeDirWatcher watcher(LinkedBlockingQueue<String> refreshes) {
        return new ClaudeDirWatcher(List.of(dir), Duration.ofHours(1), Duration.ofMillis(20),
                () -> refreshes.add(Thread.currentThread().getName()), Throwable::printStackTrace);
    }

    private static void awaitRefresh(LinkedBlockingQueue<String> q) throws InterruptedException {
        assertThat(q.poll(10, TimeUnit.SECONDS)).as("a refresh after the change").isEqualTo("budmon-refresh");
    }

    @Test
    void anAtomicRenameOfUsageLimitsTriggersARefresh() throws Exception {
        LinkedBlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (ClaudeDirWatcher w = watcher(q)) {
            w.start();
            awaitRefresh(q);
            Path tmp = dir.resolve(".usage-limits.json.tmp");
            Files.writeString(tmp, "{}");
            Files.move(tmp, dir.resolve("usage-limits.json"), StandardCopyOption.ATOMIC_MOVE);
            awaitRefresh(q);
        }
    }

    @Test
    void transcriptsInNewProjectAndSubagentFoldersAreWatched() throws Exception {
        LinkedBlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (ClaudeDirWatcher w = watcher(q)) {
            w.start();
            awaitRefresh(q);
            Path sub = Files.createDirectories(dir.resolve("projects/-home-u-app/s1/subagents"));
            awaitRefresh(q);
            // Give the watcher a moment to register the new folders before writing into them.
            Thread.sleep(200);
            q.clear();
            Files.writeString(sub.resolve("agent-1.jsonl"), "{}\n");
            awaitRefresh(q);
        }
    }

    @Test
    void unrelatedFilesDoNotTriggerARefresh() throws Exception {
        LinkedBlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (ClaudeDirWatcher w = watcher(q)) {
            w.start();
            awaitRefresh(q);
            Files.writeString(dir.resolve("notes.txt"), "x");
            assertThat(q.poll(500, TimeUnit.MILLISECONDS)).isNull();
            Files.writeString(dir.resolve("budmon.ini"), "[general]\n");
            awaitRefresh(q);
        }
    }

    @Test
    void aBurstOfWritesIsReadOnceOrAFewTimesNotOncePerWrite() throws Exception {
        LinkedBlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (ClaudeDirWatcher w = new ClaudeDirWatcher(List.of(dir), Duration.ofHours(1), Duration.ofMillis(300),
                () -> q.add("r"), Throwable::printStackTrace)) {
            w.start();
            assertThat(q.poll(10, TimeUnit.SECONDS)).isNotNull();
            for (int i = 0; i < 50; i++) {
                Files.writeString(dir.resolve("usage-limits.json"), "{\"n\": " + i + "}");
            }
            // from the first refresh after the burst, however late a loaded machine runs it
            assertThat(q.poll(10, TimeUnit.SECONDS)).as("a refresh after the burst").isNotNull();
            Thread.sleep(1500);
            assertThat(1 + q.size()).isBetween(1, 5);
        }
    }

    @Test
    void theRefreshSurvivesItsOwnFailures() throws Exception {
        LinkedBlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (ClaudeDirWatcher w = new ClaudeDirWatcher(List.of(dir), Duration.ofMillis(100), Duration.ofMillis(10),
                () -> {
                    q.add("r");
                    throw new IllegalStateException("boom");
                }, errors::add)) {
            w.start();
            assertThat(errors.poll(5, TimeUnit.SECONDS)).hasMessage("boom");
            assertThat(errors.poll(5, TimeUnit.SECONDS)).hasMessage("boom");
        }
    }

    @Test
    void closeStopsRefreshing() throws IOException, InterruptedException {
        LinkedBlockingQueue<String> q = new LinkedBlockingQueue<>();
        ClaudeDirWatcher w = new ClaudeDirWatcher(List.of(dir), Duration.ofMillis(100), Duration.ofMillis(10),
                () -> q.add("r"), Throwable::printStackTrace);
        w.start();
        assertThat(q.poll(5, TimeUnit.SECONDS)).isNotNull();
        w.close();
        q.clear();
        Files.writeString(dir.resolve("usage-limits.json"), "{}");
        assertThat(q.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    /** What each refresh is told: {@code null} (walk everything) or the named transcripts, in order. */
    private static ClaudeDirWatcher telling(Path dir, Duration poll, Duration fullWalkEvery,
                                            LinkedBlockingQueue<Optional<Set<Path>>> told) {
        return new ClaudeDirWatcher(List.of(dir), poll, Duration.ofMillis(20), fullWalkEvery,
                changed -> told.add(Optional.ofNullable(changed)), Throwable::printStackTrace);
    }

    private static Optional<Set<Path>> next(LinkedBlockingQueue<Optional<Set<Path>>> told) throws InterruptedException {
        Optional<Set<Path>> t = told.poll(10, TimeUnit.SECONDS);
        assertThat(t).as("a refresh").isNotNull();
        return t;
    }

    /**
     * The first refresh told {@code expected}, skipping those that the step before may still cause on a
     * loaded machine (a second event of the same write, a folder registered late); fails when none comes
     * within 10 s.
     */
    private static Optional<Set<Path>> nextTelling(LinkedBlockingQueue<Optional<Set<Path>>> told,
                                                   Optional<Set<Path>> expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Optional<Set<Path>>> seen = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            Optional<Set<Path>> t = told.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (t != null && t.equals(expected)) {
                return t;
            }
            if (t != null) {
                seen.add(t);
            }
        }
        return seen.isEmpty() ? null : seen.get(seen.size() - 1);
    }

    @Test
    void eventsNameTheChangedTranscriptsAndOnlyWhatEventsMayMissWalksEverything() throws Exception {
        LinkedBlockingQueue<Optional<Set<Path>>> told = new LinkedBlockingQueue<>();
        try (ClaudeDirWatcher w = telling(dir, Duration.ofHours(1), Duration.ofHours(1), told)) {
            w.start();
            assertThat(next(told)).as("the first refresh walks everything").isEmpty();

            Path project = Files.createDirectories(dir.resolve("projects/-home-u-app"));
            assertThat(next(told)).as("a new folder, whose first files may come before it is watched").isEmpty();
            Thread.sleep(200);
            told.clear();

            Path transcript = project.resolve("s1.jsonl");
            Files.writeString(transcript, "{}\n");
            assertThat(nextTelling(told, Optional.of(Set.of(transcript)))).contains(Set.of(transcript));

            Files.writeString(dir.resolve("usage-limits.json"), "{}");
            assertThat(nextTelling(told, Optional.of(Set.of()))).as("the quota file: no transcript to read")
                    .contains(Set.of());

            Files.delete(transcript);
            assertThat(nextTelling(told, Optional.of(Set.of(transcript)))).contains(Set.of(transcript));

            Files.delete(project);
            assertThat(nextTelling(told, Optional.empty())).as("a folder gone as a whole").isEmpty();
        }
    }

    @Test
    void thePollOfAWorkingWatcherWalksEverythingOnlyAtItsOwnLongerInterval() throws Exception {
        LinkedBlockingQueue<Optional<Set<Path>>> told = new LinkedBlockingQueue<>();
        try (ClaudeDirWatcher w = telling(dir, Duration.ofMillis(100), Duration.ofHours(1), told)) {
            w.start();
            assertThat(next(told)).isEmpty();
            for (int i = 0; i < 3; i++) {
                assertThat(next(told)).as("poll %d", i).contains(Set.of());
            }
        }
        told.clear();
        try (ClaudeDirWatcher w = telling(dir, Duration.ofMillis(100), Duration.ZERO, told)) {
            w.start();
            for (int i = 0; i < 3; i++) {
                assertThat(next(told)).as("poll %d, walking every time", i).isEmpty();
            }
        }
    }

    @Test
    void requestRefreshLooksAtEverything() throws Exception {
        LinkedBlockingQueue<Optional<Set<Path>>> told = new LinkedBlockingQueue<>();
        try (ClaudeDirWatcher w = telling(dir, Duration.ofHours(1), Duration.ofHours(1), told)) {
            w.start();
            assertThat(next(told)).isEmpty();
            w.requestRefresh();
            assertThat(next(told)).isEmpty();
        }
    }
}

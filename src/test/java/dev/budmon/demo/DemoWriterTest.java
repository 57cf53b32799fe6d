package dev.budmon.demo;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.Level;
import dev.budmon.calc.OverallStatus;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.WindowForecast;
import dev.budmon.config.BudmonConfig;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.UsageState;
import dev.budmon.source.StateReader;
import dev.budmon.source.transcript.TranscriptSource;
import dev.budmon.source.UsageLimitsContent;
import dev.budmon.source.UsageLimitsFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo's files, read back by BudMon's own readers and calculator: what the window would show at each
 * moment of the demo's time line.
 */
class DemoWriterTest {

    static final Instant T0 = Instant.parse("2026-11-27T09:00:00.250Z");

    private ManualClock clock;
    private DemoWriter demo;
    private Path dir;

    @BeforeEach
    void start() throws IOException {
        clock = new ManualClock(T0);
        demo = new DemoWriter(clock, Duration.ZERO, 7);
        dir = demo.start();
    }

    @AfterEach
    void close() {
        demo.close();
    }

    /** What the window would compute at the clock's time from the files as they are. */
    private Figures figures() {
        UsageState state = new StateReader(List.of(dir), TranscriptSource.NONE, List.of()).read();
        return Calculator.compute(state, clock.instant(), BudmonConfig.DEFAULTS, PriceTable.bundled());
    }

    private UsageLimitsContent limits() {
        return UsageLimitsFile.read(dir.resolve(UsageLimitsFile.FILE_NAME));
    }

    /** Moves the clock one second and ticks; returns whether a response was written. */
    private boolean second() throws IOException {
        clock.advance(Duration.ofSeconds(1));
        return demo.tick();
    }

    @Test
    void startCreatesAClaudeDirectoryWithATranscriptAndCurrentFigures() throws IOException {
        assertThat(dir).isDirectory();
        assertThat(dir.getFileName().toString()).startsWith("budmon-demo-");
        Path transcript = demo.transcript();
        assertThat(transcript).isRegularFile();
        assertThat(transcript.getParent().getParent()).isEqualTo(dir.resolve("projects"));
        assertThat(Files.readAllLines(transcript)).hasSizeGreaterThan(DemoWriter.HISTORY_RESPONSES * 2);

        Figures f = figures();
        assertThat(f.status()).isNotEqualTo(OverallStatus.WAIT);
        assertThat(f.quotaSource()).isEqualTo("budmon-demo");
        assertThat(f.quotaCapturedAt()).isEqualTo(T0);
        assertThat(f.windows()).extracting(w -> w.window().name()).containsExactly("5h", "7d", "7d_sonnet");
        WindowForecast five = f.window("5h");
        assertThat(five.percent()).isBetween(84.0, 84.2);
        assertThat(five.untilReset()).isEqualTo(QuotaScript.CLOSING.minusMillis(250));
        // An old window: every derived figure is there from the first frame.
        assertThat(five.burnPerHour()).isNotNull();
        assertThat(five.expiry()).isNotNull();
        assertThat(five.reserve()).isNotNull();
        assertThat(f.window("7d").burnShownPerDay()).isTrue();
        assertThat(f.window("7d").burnPerDay()).isNotNull();
    }

    @Test
    void everyWrittenFileParsesWithoutWarningsForMoreThanACycle() throws IOException {
        int writes = 0;
        long seconds = QuotaScript.CYCLE.plusSeconds(60).toSeconds();
        for (int i = 0; i < seconds; i++) {
            if (second()) {
                writes++;
                UsageLimitsContent c = limits();
                assertThat(c.warnings()).as("warnings at +%ds", i + 1).isEmpty();
                assertThat(c.headers()).isNotNull();
                assertThat(c.headers().source()).isEqualTo(UsageLimitsWriter.SOURCE);
                assertThat(c.headers().capturedAt()).isEqualTo(clock.instant());
                assertThat(c.headers().windows()).extracting(QuotaWindow::name)
                        .containsExactly("5h", "7d", "7d_sonnet");
                for (QuotaWindow w : c.headers().windows()) {
                    assertThat(w.utilization()).isNotNull().isBetween(0.0, 1.0);
                    assertThat(w.reset()).isAfter(clock.instant());
                    assertThat(w.status()).isIn("allowed", "allowed_warning");
                }
                assertThat(c.headers().account().status()).isEqualTo("allowed");
                assertThat(c.headers().account().representativeClaim()).isEqualTo("five_hour");
            }
        }
        // A response every 2 to 5 seconds, none in the quiet phases.
        assertThat(writes).isBetween((int) (seconds / 5) - 5, (int) (seconds / 2));
        assertThat(dir.toFile().list()).as("no temp file left behind")
                .allMatch(n -> n.equals("projects") || n.equals(UsageLimitsFile.FILE_NAME));
    }

    @Test
    void utilizationRisesInTheFiveHourAndWeeklyWindows() throws IOException {
        List<Double> five = new ArrayList<>();
        List<Double> week = new ArrayList<>();
        List<Double> sonnet = new ArrayList<>();
        five.add(limits().headers().window("5h").utilization());
        week.add(limits().headers().window("7d").utilization());
        sonnet.add(limits().headers().window("7d_sonnet").utilization());
        while (clock.instant().isBefore(T0.plus(QuotaScript.CLOSING).minusSeconds(1))) {
            if (second()) {
                five.add(limits().headers().window("5h").utilization());
                week.add(limits().headers().window("7d").utilization());
                sonnet.add(limits().headers().window("7d_sonnet").utilization());
            }
        }
        assertThat(five).hasSizeGreaterThan(5).isSorted();
        assertThat(five.get(five.size() - 1)).isGreaterThan(0.90).isGreaterThan(five.get(0));
        assertThat(week).isSorted();
        assertThat(week.get(week.size() - 1)).isGreaterThan(week.get(0) + 0.005);
        assertThat(sonnet).isSorted();
        assertThat(sonnet.get(sonnet.size() - 1)).isGreaterThan(sonnet.get(0));
    }

    @Test
    void theFiveHourResetPassesWithinTheFirstMinuteThenANewWindowBegins() throws IOException {
        Instant firstReset = limits().headers().window("5h").reset();
        assertThat(firstReset).isAfter(T0).isBefore(T0.plusSeconds(40));

        Instant resetSeenAt = null;
        Instant newWindowAt = null;
        Instant lastWriteBeforeNewWindow = null;
        while (clock.instant().isBefore(T0.plusSeconds(60)) && newWindowAt == null) {
            boolean wrote = second();
            Figures f = figures();
            WindowForecast five = f.window("5h");
            if (resetSeenAt == null) {
                if (five.resetPassed()) {
                    resetSeenAt = clock.instant();
                    // Shown as reset: 0 %, no countdown, no burn figures, until a response brings new headers.
                    assertThat(five.percent()).isZero();
                    assertThat(five.untilReset()).isNull();
                    assertThat(five.burnPerHour()).isNull();
                    assertThat(five.window().reset()).isEqualTo(firstReset);
                } else if (wrote) {
                    lastWriteBeforeNewWindow = clock.instant();
                }
            } else if (wrote) {
                newWindowAt = clock.instant();
                assertThat(five.resetPassed()).isFalse();
                assertThat(five.window().reset()).isAfter(clock.instant().plus(Duration.ofHours(4)));
                assertThat(five.percent()).isLessThan(10);
            } else {
                assertThat(five.resetPassed()).as("still reset at %s", clock.instant()).isTrue();
            }
        }
        assertThat(resetSeenAt).isNotNull().isAfterOrEqualTo(firstReset);
        assertThat(newWindowAt).as("a new window within the first minute").isNotNull();
        // Long enough that a window polling every refresh_ms (2 s) shows the reset.
        assertThat(Duration.between(resetSeenAt, newWindowAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(lastWriteBeforeNewWindow).isBefore(firstReset);
    }

    @Test
    void theFreshWindowSoonRunsOutBeforeItsResetAndTheLevelsClimb() throws IOException {
        List<Level> quotaLevels = new ArrayList<>();
        List<OverallStatus> statuses = new ArrayList<>();
        boolean ringShowedReset = false;
        Instant ringShowedExpiryAt = null;
        while (clock.instant().isBefore(T0.plus(QuotaScript.CYCLE))) {
            if (second()) {
                Figures f = figures();
                WindowForecast five = f.window("5h");
                quotaLevels.add(five.quotaLevel());
                statuses.add(f.status());
                if (!five.expiresBeforeReset()) {
                    ringShowedReset = true;
                } else if (ringShowedExpiryAt == null) {
                    ringShowedExpiryAt = clock.instant();
                }
            }
        }
        assertThat(ringShowedReset).isTrue();
        assertThat(ringShowedExpiryAt).as("the ring turns to EXPIRY within two minutes")
                .isNotNull().isBefore(T0.plus(Duration.ofMinutes(2)));
        assertThat(quotaLevels).contains(Level.OK, Level.WARN, Level.ALARM);
        assertThat(statuses).contains(OverallStatus.WARN, OverallStatus.ALARM);
    }

    @Test
    void theNextCycleBeginsWithAnotherResetAFewSecondsAhead() throws IOException {
        clock.set(T0.plus(QuotaScript.CYCLE).minusSeconds(10));
        while (!demo.tick()) {
            clock.advance(Duration.ofSeconds(1));
        }
        double endOfFresh = limits().headers().window("5h").utilization();
        clock.set(T0.plus(QuotaScript.CYCLE).plusSeconds(1));
        while (!demo.tick()) {
            clock.advance(Duration.ofSeconds(1));
        }
        QuotaWindow five = limits().headers().window("5h");
        assertThat(five.reset()).isEqualTo(T0.plus(QuotaScript.CYCLE).plus(QuotaScript.CLOSING).minusMillis(250));
        assertThat(five.utilization()).isGreaterThanOrEqualTo(endOfFresh);
    }

    @Test
    void theSameSeedWritesTheSameTranscript() throws IOException {
        for (int i = 0; i < 60; i++) {
            second();
        }
        ManualClock other = new ManualClock(T0);
        try (DemoWriter twin = new DemoWriter(other, Duration.ZERO, 7)) {
            twin.start();
            for (int i = 0; i < 60; i++) {
                other.advance(Duration.ofSeconds(1));
                twin.tick();
            }
            assertThat(Files.readString(twin.transcript())).isEqualTo(Files.readString(demo.transcript()));
            assertThat(twin.transcript().getFileName()).isEqualTo(demo.transcript().getFileName());
        }
        try (DemoWriter different = new DemoWriter(new ManualClock(T0), Duration.ZERO, 8)) {
            different.start();
            assertThat(different.transcript().getFileName()).isNotEqualTo(demo.transcript().getFileName());
        }
    }

    @Test
    void closeDeletesTheFolderAndLaterTicksWriteNothing() throws IOException {
        second();
        demo.close();
        assertThat(dir).doesNotExist();
        clock.advance(Duration.ofSeconds(10));
        assertThat(demo.tick()).isFalse();
        assertThat(dir).doesNotExist();
        demo.close();
        assertThatThrownBy(demo::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startTwiceAndANegativeIntervalAreRefused() {
        assertThatThrownBy(demo::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DemoWriter(clock, Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Demo time runs sixty times faster than the wall clock, so a real thread passes a reset in a second. */
    private static final class FastClock extends Clock {
        private final Instant base = T0;
        private final long startNanos = System.nanoTime();

        @Override
        public Instant instant() {
            return base.plusNanos((System.nanoTime() - startNanos) * 60);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theBackgroundThreadKeepsWritingUntilClosed() throws Exception {
        demo.close();
        FastClock fast = new FastClock();
        try (DemoWriter running = new DemoWriter(fast, Duration.ofMillis(10), 3)) {
            Path d = running.start();
            Path transcript = running.transcript();
            long linesAtStart = Files.readAllLines(transcript).size();
            Instant firstCapture = UsageLimitsFile.read(d.resolve(UsageLimitsFile.FILE_NAME)).headers().capturedAt();
            assertThat(writerThreads()).hasSize(1).allMatch(Thread::isDaemon);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean sawReset = false;
            boolean sawNewWindow = false;
            Instant firstReset = UsageLimitsFile.read(d.resolve(UsageLimitsFile.FILE_NAME)).headers().window("5h").reset();
            while (System.nanoTime() < deadline && !(sawReset && sawNewWindow)) {
                UsageLimitsContent c = UsageLimitsFile.read(d.resolve(UsageLimitsFile.FILE_NAME));
                assertThat(c.warnings()).isEmpty();
                Instant reset = c.headers().window("5h").reset();
                sawReset |= reset.equals(firstReset) && fast.instant().isAfter(firstReset);
                sawNewWindow |= reset.isAfter(firstReset.plus(Duration.ofHours(4)));
                Thread.sleep(5);
            }
            assertThat(sawReset).as("the reset passed while the thread ran").isTrue();
            assertThat(sawNewWindow).as("a new window began").isTrue();
            assertThat(Files.readAllLines(transcript).size()).isGreaterThan((int) linesAtStart);
            assertThat(UsageLimitsFile.read(d.resolve(UsageLimitsFile.FILE_NAME)).headers().capturedAt())
                    .isAfter(firstCapture);

            running.close();
            assertThat(d).doesNotExist();
            assertThat(writerThreads()).isEmpty();
        }
    }

    private static List<Thread> writerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("budmon-demo-writer") && t.isAlive()).toList();
    }

    @Test
    void theFolderIsDeletedWhenTheJvmExitsWithoutClose() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                DemoExitProbe.class.getName())).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = out.lines().toList();
        Path probeDir = Path.of(lines.get(lines.size() - 1));
        assertThat(probeDir.getFileName().toString()).startsWith("budmon-demo-");
        assertThat(probeDir).doesNotExist();
        try (Stream<Path> left = Files.list(probeDir.getParent())) {
            assertThat(left.filter(x -> x.equals(probeDir))).isEmpty();
        }
    }
}

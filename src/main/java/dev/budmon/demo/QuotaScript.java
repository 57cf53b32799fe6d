package dev.budmon.demo;

import dev.budmon.source.UnifiedHeaders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The quota figures of the demo as a function of time: what the rate-limit headers of a response at a given
 * moment say. Pure; any thread.
 *
 * <p>Time is compressed so that a newcomer sees every state within a minute or two. The demo runs in
 * cycles of {@link #CYCLE}:
 * <ol>
 *   <li><b>closing</b> ({@link #CLOSING}): the end of a 5-hour window that began almost five hours ago; its
 *       reset lies a few seconds ahead and utilization climbs through the alarm threshold. Burn rate, expiry
 *       and reserve are moderate because the window is old.</li>
 *   <li><b>quiet</b> ({@link #QUIET}): the reset has passed and no response arrives, so the window shows
 *       "reset, no request since".</li>
 *   <li><b>fresh</b> ({@link #FRESH}): a new window whose (hour-aligned) start lies {@link #HEAD_START}
 *       back, so burn figures exist at once; utilization climbs fast enough that the expiry soon comes before
 *       the reset. At the end of the cycle the clock jumps: the next cycle's closing phase continues the same
 *       utilization with the reset a few seconds away again.</li>
 * </ol>
 * The weekly windows ({@code 7d}, {@code 7d_sonnet}) share one reset days ahead and climb slowly.
 */
final class QuotaScript {

    /** The end of an old 5-hour window, until its reset. */
    static final Duration CLOSING = Duration.ofSeconds(35);
    /** After the reset, before the next response: the window shows as reset. */
    static final Duration QUIET = Duration.ofSeconds(12);
    /** A new window filling up. */
    static final Duration FRESH = Duration.ofSeconds(340);
    /** One round of the three phases. */
    static final Duration CYCLE = CLOSING.plus(QUIET).plus(FRESH);
    /** How long a fresh window has (nominally) been running when the quiet phase ends. */
    static final Duration HEAD_START = Duration.ofMinutes(40);

    static final Duration FIVE_HOURS = Duration.ofHours(5);

    /** Utilization (fraction) of the 5-hour window at the start and end of the closing phase. */
    static final double CLOSING_FROM = 0.84;
    static final double CLOSING_TO = 0.924;
    /** Utilization of a fresh window at its first response; it reaches {@link #CLOSING_FROM} at the end. */
    static final double FRESH_FROM = 0.03;

    static final double WEEK_FROM = 0.52;
    static final double WEEK_PER_SECOND = 0.0002;
    static final double SONNET_WEEK_FROM = 0.18;
    static final double SONNET_WEEK_PER_SECOND = 0.0001;
    /** Weekly figures stop climbing here, short of the limit, however long the demo runs. */
    static final double WEEK_CAP = 0.97;
    /** The weekly warning threshold the API reports as surpassed. */
    static final double WEEK_WARNING = 0.75;

    /** Where the demo is within its cycle. */
    enum Phase {
        CLOSING, QUIET, FRESH
    }

    /**
     * The 5-hour window at a moment.
     *
     * @param reset       its reset
     * @param utilization fraction used
     */
    record FiveHour(Instant reset, double utilization) {
    }

    private final Instant start;
    private final Instant weekReset;

    /**
     * @param start the moment the demo began; cycle 0 starts at its whole second, so that every reset is a
     *              whole second, as the headers' epoch seconds are
     */
    QuotaScript(Instant start) {
        this.start = start.truncatedTo(ChronoUnit.SECONDS);
        // Real resets fall on full hours; two days and a bit ahead leaves the weekly window well used.
        this.weekReset = start.plus(Duration.ofDays(2).plusHours(7)).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    }

    /** The whole second the demo began in. */
    Instant start() {
        return start;
    }

    /** The phase at {@code now}; moments before the start count as the start. */
    Phase phase(Instant now) {
        long offset = offsetInCycle(now);
        if (offset < CLOSING.toMillis()) {
            return Phase.CLOSING;
        }
        return offset < CLOSING.plus(QUIET).toMillis() ? Phase.QUIET : Phase.FRESH;
    }

    /** Whether no response may arrive at {@code now}: the reset has just passed. */
    boolean quiet(Instant now) {
        return phase(now) == Phase.QUIET;
    }

    /** The reset that ends the closing phase of the cycle that contains {@code now}. */
    Instant closingReset(Instant now) {
        return cycleStart(now).plus(CLOSING);
    }

    /**
     * The 5-hour window as a response at {@code now} reports it; empty in the quiet phase, when no response
     * arrives.
     */
    Optional<FiveHour> fiveHour(Instant now) {
        long offset = offsetInCycle(now);
        Instant closingReset = closingReset(now);
        switch (phase(now)) {
            case CLOSING -> {
                double t = (double) offset / CLOSING.toMillis();
                return Optional.of(new FiveHour(closingReset, lerp(CLOSING_FROM, CLOSING_TO, t)));
            }
            case FRESH -> {
                Instant freshBegin = closingReset.plus(QUIET);
                double t = (double) (offset - CLOSING.plus(QUIET).toMillis()) / FRESH.toMillis();
                return Optional.of(new FiveHour(freshBegin.minus(HEAD_START).plus(FIVE_HOURS),
                        lerp(FRESH_FROM, CLOSING_FROM, t)));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The reset of both weekly windows. */
    Instant weekReset() {
        return weekReset;
    }

    /** Utilization of the 7-day window at {@code now}. */
    double week(Instant now) {
        return Math.min(WEEK_CAP, WEEK_FROM + WEEK_PER_SECOND * secondsSinceStart(now));
    }

    /** Utilization of the 7-day Sonnet window at {@code now}. */
    double sonnetWeek(Instant now) {
        return Math.min(WEEK_CAP, SONNET_WEEK_FROM + SONNET_WEEK_PER_SECOND * secondsSinceStart(now));
    }

    /**
     * The {@code anthropic-ratelimit-unified-*} headers of a response arriving at {@code now}, as the API sends
     * them (fractions, epoch seconds) and sorted by name as the {@code Headers} object the interceptor
     * iterates yields them; empty in the quiet phase.
     */
    Optional<SortedMap<String, String>> headers(Instant now) {
        Optional<FiveHour> five = fiveHour(now);
        if (five.isEmpty()) {
            return Optional.empty();
        }
        SortedMap<String, String> h = new TreeMap<>();
        String fiveStatus = five.get().utilization() >= 1 ? "rejected" : "allowed";
        window(h, "5h", five.get().utilization(), five.get().reset(), fiveStatus);
        window(h, "7d", week(now), weekReset, weekStatus(week(now)));
        window(h, "7d_sonnet", sonnetWeek(now), weekReset, weekStatus(sonnetWeek(now)));
        if (week(now) >= WEEK_WARNING) {
            h.put(UnifiedHeaders.PREFIX + "7d-surpassed-threshold", fraction(WEEK_WARNING));
        }
        if (sonnetWeek(now) >= WEEK_WARNING) {
            h.put(UnifiedHeaders.PREFIX + "7d_sonnet-surpassed-threshold", fraction(WEEK_WARNING));
        }
        h.put(UnifiedHeaders.PREFIX + "status", fiveStatus);
        h.put(UnifiedHeaders.PREFIX + "reset", epochSeconds(five.get().reset()));
        h.put(UnifiedHeaders.PREFIX + "representative-claim", "five_hour");
        // A subscription without extra usage: what the API reports for most accounts.
        h.put(UnifiedHeaders.PREFIX + "fallback-percentage", "0.5");
        h.put(UnifiedHeaders.PREFIX + "overage-status", "rejected");
        h.put(UnifiedHeaders.PREFIX + "overage-disabled-reason", "org_level_disabled");
        return Optional.of(h);
    }

    private static String weekStatus(double utilization) {
        return utilization >= WEEK_WARNING ? "allowed_warning" : "allowed";
    }

    private static void window(SortedMap<String, String> h, String name, double utilization, Instant reset,
                               String status) {
        h.put(UnifiedHeaders.PREFIX + name + "-utilization", fraction(utilization));
        h.put(UnifiedHeaders.PREFIX + name + "-reset", epochSeconds(reset));
        h.put(UnifiedHeaders.PREFIX + name + "-status", status);
    }

    /** A fraction as the API writes it: a plain decimal, no exponent, no trailing zeros. */
    static String fraction(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static String epochSeconds(Instant t) {
        return Long.toString(t.getEpochSecond());
    }

    private Instant cycleStart(Instant now) {
        long cycles = Math.floorDiv(Math.max(0, millisSinceStart(now)), CYCLE.toMillis());
        return start.plusMillis(cycles * CYCLE.toMillis());
    }

    private long offsetInCycle(Instant now) {
        return Math.floorMod(Math.max(0, millisSinceStart(now)), CYCLE.toMillis());
    }

    private long millisSinceStart(Instant now) {
        return Duration.between(start, now).toMillis();
    }

    private double secondsSinceStart(Instant now) {
        return Math.max(0, millisSinceStart(now)) / 1000.0;
    }

    private static double lerp(double from, double to, double t) {
        return from + (to - from) * Math.max(0, Math.min(1, t));
    }
}

package dev.budmon.ui;

import dev.budmon.ui.view.DashboardView;
import dev.budmon.ui.view.QuotaSectionView;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * Timing lines for the window benchmark ({@code src/bench/window.sh}) on stderr, switched on by system
 * properties and silent otherwise. Painting is the end of the path being measured, so the lines are written
 * when the dashboard has painted, not when a view was built:
 * <ul>
 *   <li>{@code -Dbudmon.bench.firstFrame=true}: once, when the first frame with data has been painted,
 *       {@code budmon-bench first-frame <ms since JVM start> <epoch µs>};</li>
 *   <li>{@code -Dbudmon.bench.paints=true}: after the first paint of a view whose first window shows another
 *       percentage than the last line said,
 *       {@code budmon-bench paint <epoch µs> <first window's key, e.g. 5h> <its percentage>}, so that a benchmark
 *       that rewrote {@code usage-limits.json} at a known time sees when its figure reached the screen. Not
 *       for every view: the clock makes one a second, and the probe must not add to the idle CPU it
 *       measures.</li>
 * </ul>
 * Epoch times come from the system clock in microseconds, which another process on the same machine reads
 * the same way. EDT only.
 */
final class BenchProbe {

    /** System property: report the first frame with data. */
    static final String FIRST_FRAME = "budmon.bench.firstFrame";
    /** System property: report every painted view. */
    static final String PAINTS = "budmon.bench.paints";

    private final boolean firstFrame;
    private final boolean paints;
    private final PrintStream out;
    private boolean firstFrameDone;
    private DashboardView lastPainted;
    private String lastReported;

    private BenchProbe(boolean firstFrame, boolean paints, PrintStream out) {
        this.firstFrame = firstFrame;
        this.paints = paints;
        this.out = out;
    }

    /** The probe the system properties ask for, or {@code null} when none is asked for (the normal case). */
    static BenchProbe fromSystemProperties() {
        boolean first = Boolean.getBoolean(FIRST_FRAME);
        boolean all = Boolean.getBoolean(PAINTS);
        return first || all ? new BenchProbe(first, all, System.err) : null;
    }

    /**
     * Called after the dashboard painted.
     *
     * @param hasData {@code false} while the window still shows WAIT
     * @param view    the view on screen now
     */
    void painted(boolean hasData, DashboardView view) {
        Instant now = Instant.now();
        if (firstFrame && hasData && !firstFrameDone) {
            firstFrameDone = true;
            // read after taking the time: the management classes load only now
            long sinceStart = now.toEpochMilli() - ManagementFactory.getRuntimeMXBean().getStartTime();
            out.println("budmon-bench first-frame " + sinceStart + " " + micros(now));
        }
        // the frame ignores a view equal to the one it shows, so a new instance is a new view
        if (paints && view != lastPainted) {
            lastPainted = view;
            String first = "- --";
            if (!view.quotas().isEmpty()) {
                QuotaSectionView q = view.quotas().get(0);
                first = q.window() + " " + q.bar().text().replace(" ", "");
            }
            if (!first.equals(lastReported)) {
                lastReported = first;
                out.println("budmon-bench paint " + micros(now) + " " + first);
            }
        }
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}

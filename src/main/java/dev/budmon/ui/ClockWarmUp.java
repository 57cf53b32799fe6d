package dev.budmon.ui;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.config.BudmonConfig;
import dev.budmon.i18n.Messages;
import dev.budmon.model.UsageState;
import dev.budmon.ui.view.DashboardView;
import dev.budmon.ui.view.DashboardViewBuilder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the pure part of the one-second clock — figures and view moved on by a second, and the comparison
 * with the view shown — for {@link #SECONDS} simulated seconds ahead, once, shortly after the start; the
 * results are thrown away.
 *
 * <p>Why: with {@code -XX:TieredStopAtLevel=1} a method reaches the compile threshold after a few hundred
 * calls, and one the clock calls once a second gets there only after minutes. Until then the clock runs
 * interpreted, and the compiler compiles it bit by bit in the middle of the idle minutes. Running it ahead
 * (with the Swing half, about 0.65 s of CPU once, in the first seconds) moves that work, it does not add
 * to it: the process's CPU after five minutes is the same, and the idle window costs from its second minute
 * what it used to cost from its fifth (see BENCHMARKS.md). The Swing part of the clock (setting texts,
 * painting) is run ahead with the last {@link #PAINTED} views by {@link ClockPaintWarmUp}.
 *
 * <p>Pure: any thread; the inputs are immutable.
 */
final class ClockWarmUp {

    /**
     * Well past the compile threshold: the interpreter reports a method's calls to the compile policy only
     * every 128 calls, and the policy raises the threshold while the compiler's queue is long, which it is
     * while this runs. Twenty minute changes on the way.
     */
    static final int SECONDS = 1200;
    /** How many of the last views are returned for painting: past the compile policy's first look at 128 calls. */
    static final int PAINTED = 150;

    private ClockWarmUp() {
    }

    /**
     * @param view the view built from {@code figures}, as the window shows it
     * @return the views of the last {@link #PAINTED} simulated seconds that differ from the one before, in
     *         order; the last is the view for {@code figures.now()} plus {@link #SECONDS}, as the clock would
     *         have built it
     */
    static List<DashboardView> run(UsageState state, Figures figures, DashboardView view, BudmonConfig config,
                             PriceTable prices, Messages m, ZoneId zone, long refreshes) {
        Figures f = figures;
        DashboardView v = view;
        List<DashboardView> kept = new ArrayList<>(PAINTED);
        for (int s = 1; s <= SECONDS; s++) {
            Instant now = figures.now().plusSeconds(s);
            Figures next = Calculator.advance(f, state, now, config);
            DashboardView nextView;
            if (next == null) {
                // a reset passed: the clock rebuilds everything, as here
                next = Calculator.compute(state, now, config, prices);
                nextView = DashboardViewBuilder.build(next, config, m, zone, refreshes);
            } else {
                nextView = DashboardViewBuilder.advance(v, next, config, m, zone, refreshes);
            }
            f = next;
            // as the window does: a view equal to the shown one is ignored
            if (!nextView.equals(v)) {
                v = nextView;
                if (s > SECONDS - PAINTED) {
                    kept.add(v);
                }
            }
        }
        return kept;
    }
}

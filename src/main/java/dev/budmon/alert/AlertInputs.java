package dev.budmon.alert;

import dev.budmon.calc.Figures;
import dev.budmon.calc.WindowForecast;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.UsageState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Makes the engine's {@link AlertInput} from the calculator's figures and the state they came from. Pure; any thread. */
public final class AlertInputs {

    private AlertInputs() {
    }

    /**
     * The readings of these figures.
     *
     * @param figures what {@code Calculator.compute} made of {@code state}
     * @param state   the state, for the time of Claude Code's newest response
     */
    public static AlertInput of(Figures figures, UsageState state) {
        List<WindowReading> windows = new ArrayList<>(figures.windows().size());
        for (WindowForecast f : figures.windows()) {
            QuotaWindow w = f.window();
            Double percent = w.utilization() == null ? null : w.utilization() * 100;
            windows.add(new WindowReading(w.name(), percent, w.reset(), w.length(), predictedExhaustion(f)));
        }
        AccountLimits a = figures.account();
        Instant lastActivity = state.lastResponse() == null ? null : state.lastResponse().time();
        if (state.rateLimits() != null && figures.quotaCapturedAt() == null) {
            lastActivity = null; // figures without a time: nobody can tell whether they are missing
        }
        return new AlertInput(windows, new ServerReading(a.status(), a.representativeClaim(), a.reset()),
                figures.quotaCapturedAt(), lastActivity);
    }

    /**
     * When the window runs out at the current pace. For now the pace is the window's average since its start
     * ({@link WindowForecast#expiry()}); a burn rate of the recent observations belongs here once it exists,
     * since a session that has just sped up runs out sooner than the average says.
     */
    static Instant predictedExhaustion(WindowForecast f) {
        return f.expiry();
    }
}

package dev.budmon.alert;

import dev.budmon.calc.Figures;
import dev.budmon.calc.WindowForecast;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.UsageState;

import dev.budmon.calc.PaceForecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Makes the engine's {@link AlertInput} from the calculator's figures and the state they came from. Pure; any thread. */
public final class AlertInputs {

    private AlertInputs() {
    }

    /**
     * The readings of these figures.
     *
     * @param figures what {@code Calculator.compute} made of {@code state}
     * @param state   the state, for the time of Claude Code's newest response
     * @param paces   each window's pace from the quota history, by window name; empty without a history
     */
    public static AlertInput of(Figures figures, UsageState state, Map<String, PaceForecast> paces) {
        List<WindowReading> windows = new ArrayList<>(figures.windows().size());
        for (WindowForecast f : figures.windows()) {
            QuotaWindow w = f.window();
            Double percent = w.utilization() == null ? null : w.utilization() * 100;
            windows.add(new WindowReading(w.name(), percent, w.reset(), w.length(), predictedExhaustion(f, paces.get(w.name()))));
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
     * When the window runs out at the current pace: the quota history's pace of the last half hour or so when
     * it has one (a session that has just sped up runs out sooner than the window's average says, and a quiet
     * one later), else the window's average since its start ({@link WindowForecast#expiry()}).
     */
    static Instant predictedExhaustion(WindowForecast f, PaceForecast pace) {
        return pace != null && pace.perHour() != null ? pace.expiry() : f.expiry();
    }
}

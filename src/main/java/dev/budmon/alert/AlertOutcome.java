package dev.budmon.alert;

import java.util.List;

/**
 * What one evaluation found.
 *
 * @param alerts what to tell the user now, at most one per window, in display order
 * @param next   the state to give the next evaluation (and to save)
 */
public record AlertOutcome(List<Alert> alerts, AlertState next) {

    public AlertOutcome {
        alerts = List.copyOf(alerts);
    }
}

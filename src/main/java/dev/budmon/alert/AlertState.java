package dev.budmon.alert;

import dev.budmon.calc.Level;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the alert engine remembers between evaluations, and across restarts ({@link AlertStateStore}): for
 * each window instance which alerts it has given. Immutable; any thread.
 *
 * @param windows by window name
 * @param server  the server status's instance; {@link ServerMemory#NONE} when none is open
 * @param gap     work seen without quota figures; {@link GapMemory#NONE} when there is none
 */
public record AlertState(Map<String, WindowMemory> windows, ServerMemory server, GapMemory gap) {

    /** Nothing remembered: the first run. */
    public static final AlertState EMPTY = new AlertState(Map.of(), ServerMemory.NONE, GapMemory.NONE);

    public AlertState {
        windows = java.util.Collections.unmodifiableMap(new TreeMap<>(windows));
    }

    /**
     * One instance of a window: from its start to its reset, or, for a window whose reset is unknown, until it
     * falls clearly below the warn threshold (by the hysteresis).
     *
     * @param reset      the instance's reset; {@code null} when unknown
     * @param notified   the highest threshold level announced in this instance ({@code NONE}, {@code WARN},
     *                   {@code ALARM})
     * @param exhaustion whether the predicted exhaustion was announced
     * @param peak       the highest utilization seen, percent
     * @param closed     the instance is over and its end was dealt with (quota back told, or not due)
     */
    public record WindowMemory(Instant reset, Level notified, boolean exhaustion, double peak, boolean closed) {

        /** A new instance at this utilization, nothing announced yet. */
        static WindowMemory open(Instant reset, double percent) {
            return new WindowMemory(reset, Level.NONE, false, percent, false);
        }
    }

    /**
     * One instance of the server's status: until the account-wide reset or, without one, until the status is
     * {@code allowed} again.
     *
     * @param reset    the account-wide reset of the instance; {@code null} when unknown
     * @param notified {@code WARN} after {@code allowed_warning} was told, {@code ALARM} after {@code rejected}
     */
    public record ServerMemory(Instant reset, Level notified) {
        /** No instance open. */
        public static final ServerMemory NONE = new ServerMemory(null, Level.NONE);
    }

    /**
     * Work without quota figures.
     *
     * @param since    the first response seen after the newest quota figures; {@code null} when none
     * @param last     the newest such response
     * @param notified whether the alert was given for this stretch of work
     */
    public record GapMemory(Instant since, Instant last, boolean notified) {
        /** No such work. */
        public static final GapMemory NONE = new GapMemory(null, null, false);
    }
}

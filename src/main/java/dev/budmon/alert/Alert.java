package dev.budmon.alert;

import dev.budmon.calc.Level;

import java.time.Duration;
import java.time.Instant;

/**
 * Something the user should be told, as the {@link AlertEngine} found it; {@link AlertTexts} turns it into
 * words. Immutable records; any thread.
 */
public sealed interface Alert {

    /** How urgent the notification is. */
    Urgency urgency();

    /**
     * A window reached the warn or the alarm threshold.
     *
     * @param exhaustion when the same evaluation also found that the window runs out within the lead time,
     *                   its predicted exhaustion, told in the same notification; else {@code null}
     */
    record QuotaReached(String window, Level level, double percent, double threshold, Instant reset,
                        Duration length, Instant exhaustion) implements Alert {
        @Override
        public Urgency urgency() {
            return level == Level.ALARM || exhaustion != null ? Urgency.CRITICAL : Urgency.NORMAL;
        }
    }

    /** At the current pace the window runs out before its reset, within the lead time. */
    record RunsOut(String window, double percent, Instant exhaustion, Instant reset, Duration length)
            implements Alert {
        @Override
        public Urgency urgency() {
            return Urgency.CRITICAL;
        }
    }

    /**
     * The server's account-wide status turned {@code allowed_warning} or {@code rejected}.
     *
     * @param claim the binding window as the server names it ({@code five_hour}, …); {@code null} when unknown
     */
    record ServerStatus(String status, String claim, Instant reset) implements Alert {
        @Override
        public Urgency urgency() {
            return "rejected".equals(status) ? Urgency.CRITICAL : Urgency.NORMAL;
        }
    }

    /**
     * A window that was at or above the warn threshold has reset.
     *
     * @param available percent of the window available now
     * @param reset     the reset that passed; {@code null} for a window whose reset was unknown
     */
    record QuotaBack(String window, double available, Instant reset, Duration length) implements Alert {
        @Override
        public Urgency urgency() {
            return Urgency.LOW;
        }
    }

    /**
     * Claude Code has been working without any quota figures arriving.
     *
     * @param working how long the transcripts have been growing without them
     */
    record NoQuotaData(Duration working) implements Alert {
        @Override
        public Urgency urgency() {
            return Urgency.NORMAL;
        }
    }
}

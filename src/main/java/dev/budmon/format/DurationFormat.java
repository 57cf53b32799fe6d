package dev.budmon.format;

import dev.budmon.i18n.Messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Durations as text, pure and locale-aware through {@link Messages}' units. Any thread.
 *
 * <p>Rounding: every form rounds <em>up</em> to its smallest unit, so a countdown never shows {@code 0 min}
 * (or {@code 0:00:00}) while time is left, and a duration is never shown shorter than it is. A duration of
 * zero or less is {@code 0 min}; the signed forms round the amount away from zero. {@code null} gives
 * {@link Unknown#FIGURE}.
 */
public final class DurationFormat {

    /** U+2212, the typographic minus the examples use ({@code −25 min}). */
    public static final String MINUS = "\u2212";

    private static final long MINUTES_PER_DAY = 24 * 60;

    private DurationFormat() {
    }

    /**
     * Days, hours and minutes in words, zero parts left out: {@code 1 d 2 h 3 min}, {@code 1 h 14 min},
     * {@code 2 d 5 min}, {@code 25 min}, {@code 0 min}. Rounded up to the minute.
     */
    public static String words(Duration d, Messages m) {
        if (d == null) {
            return Unknown.FIGURE;
        }
        long minutes = ceilMinutes(d);
        List<String> parts = new ArrayList<>(3);
        long days = minutes / MINUTES_PER_DAY;
        long hours = minutes % MINUTES_PER_DAY / 60;
        long mins = minutes % 60;
        if (days > 0) {
            parts.add(days + " " + m.get("unit.day"));
        }
        if (hours > 0) {
            parts.add(hours + " " + m.get("unit.hour"));
        }
        if (mins > 0 || parts.isEmpty()) {
            parts.add(mins + " " + m.get("unit.minute"));
        }
        return String.join(" ", parts);
    }

    /**
     * An age in one unit, rounded down: {@code 0 min} to {@code 59 min}, then {@code 1 h} to {@code 47 h},
     * then days ({@code 3 d}). For "figures from 2 h ago", where minutes past the hour would only be noise.
     * Zero or less is {@code 0 min}.
     */
    public static String age(Duration d, Messages m) {
        if (d == null) {
            return Unknown.FIGURE;
        }
        long minutes = d.isNegative() ? 0 : d.toMinutes();
        if (minutes < 60) {
            return minutes + " " + m.get("unit.minute");
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " " + m.get("unit.hour");
        }
        return hours / 24 + " " + m.get("unit.day");
    }

    /**
     * {@link #signedWords} in at most two units, the smaller rounded up: {@code −2 d 10 h}, {@code +1 h 12 min},
     * {@code −25 min}. For a compact row, where the minutes of a multi-day figure only take room.
     */
    public static String signedShort(Duration d, Messages m) {
        if (d == null) {
            return Unknown.FIGURE;
        }
        Duration abs = d.abs();
        if (abs.compareTo(Duration.ofDays(1)) < 0) {
            return signedWords(d, m);
        }
        long hours = abs.toHours() + (abs.minusHours(abs.toHours()).isZero() ? 0 : 1);
        StringBuilder b = new StringBuilder(sign(d)).append(hours / 24).append(' ').append(m.get("unit.day"));
        if (hours % 24 > 0) {
            b.append(' ').append(hours % 24).append(' ').append(m.get("unit.hour"));
        }
        return b.toString();
    }

    /** {@link #words} with a sign: {@code +1 h 12 min}, {@code −25 min}; exactly zero is {@code 0 min}. */
    public static String signedWords(Duration d, Messages m) {
        if (d == null) {
            return Unknown.FIGURE;
        }
        return sign(d) + words(d.abs(), m);
    }

    /**
     * A countdown clock, {@code H:MM:SS} ({@code 1:14:05}, {@code 0:00:59}), rounded up to the second;
     * hours go past 24 when they must. Zero or less is {@code 0:00:00}.
     */
    public static String clock(Duration d) {
        if (d == null) {
            return Unknown.FIGURE;
        }
        long seconds = d.isNegative() || d.isZero() ? 0 : d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        StringBuilder b = new StringBuilder(8).append(seconds / 3600).append(':');
        TimeFormat.twoDigits(b, seconds % 3600 / 60).append(':');
        return TimeFormat.twoDigits(b, seconds % 60).toString();
    }

    private static String sign(Duration d) {
        if (d.isZero()) {
            return "";
        }
        return d.isNegative() ? MINUS : "+";
    }

    /** Whole minutes, rounded up; 0 for zero and negative durations. */
    static long ceilMinutes(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return 0;
        }
        long minutes = d.toMinutes();
        return d.minusMinutes(minutes).isZero() ? minutes : minutes + 1;
    }
}

package dev.budmon.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;

/**
 * What a JSON value means to BudMon when it should be a number or a time: the one place for the rules that
 * every reader (interceptor file, status-line payload, BudMon's own files) follows. A value that does not fit
 * the rule is {@code null}, never an exception and never a nonsense figure: callers turn {@code null} into a
 * warning and {@code --}. Pure; any thread.
 */
public final class JsonValues {

    /** The last second BudMon accepts as a time: 9999-12-31T23:59:59Z. */
    public static final long MAX_EPOCH_SECOND = 253_402_300_799L;
    /** The same moment in milliseconds. */
    public static final long MAX_EPOCH_MILLI = MAX_EPOCH_SECOND * 1000 + 999;

    private JsonValues() {
    }

    /**
     * An epoch time given as a number: seconds when it can be seconds at all (up to year 9999), else
     * milliseconds (up to year 9999); {@code null} for zero, negative, not finite or later values. Every
     * plausible time is read right this way: seconds of years 1970–9999 stay below the cut, and milliseconds of
     * any year after 1977 lie above it.
     */
    public static Instant epoch(double value) {
        if (!Double.isFinite(value) || value <= 0) {
            return null;
        }
        if (value <= MAX_EPOCH_SECOND) {
            return Instant.ofEpochSecond((long) value);
        }
        if (value <= MAX_EPOCH_MILLI) {
            return Instant.ofEpochMilli((long) value);
        }
        return null;
    }

    /** A time written as ISO-8601 text or as epoch seconds (or milliseconds) in text; {@code null} otherwise. */
    public static Instant time(String text) {
        String s = text.trim();
        Double d = number(s);
        if (d != null) {
            return epoch(d);
        }
        Instant t = IsoTime.parse(s);
        return t == null || t.getEpochSecond() > MAX_EPOCH_SECOND ? null : t;
    }

    /** A time node: a number by {@link #epoch}, a string by {@link #time(String)}; {@code null} otherwise. */
    public static Instant time(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return epoch(n.asDouble());
        }
        return n.isTextual() ? time(n.asText()) : null;
    }

    /** The time at the parser's current token ({@code t}); {@code null} for anything but a number or a string. */
    public static Instant time(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
            return time(p.getText());
        }
        return null;
    }

    /** A number or numeric text at the parser's current token; {@code null} for anything else. */
    public static Double number(JsonParser p, JsonToken t) throws IOException {
        // Read from the text: Jackson's number parsing compiles regular expressions on first use.
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
            return number(p.getText());
        }
        return null;
    }

    /** A count (0 or more, at most {@link Long#MAX_VALUE}) at the parser's token; {@code null} otherwise. */
    public static Long count(JsonParser p, JsonToken t) throws IOException {
        Double d = number(p, t);
        return d == null || d < 0 || d >= 0x1p63 ? null : (long) d.doubleValue();
    }

    /** Non-blank text at the parser's token; {@code null} otherwise. */
    public static String text(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            return null;
        }
        String s = p.getText();
        return s.isBlank() ? null : s;
    }

    /** A number's text as a finite double; {@code null} when it is not one. */
    public static Double number(String s) {
        String t = s.trim();
        // Double.parseDouble also takes "NaN", "Infinity", "1d" and "0x1p3": none of them is a figure.
        if (t.isEmpty() || !isDigit(t.charAt(t.length() - 1)) || t.indexOf('x') >= 0 || t.indexOf('X') >= 0) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A whole number's text as a long (a fraction is cut); {@code fallback} when it is none or out of range. */
    public static long parseLong(String s, long fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            Double d = number(s);
            return d == null || d >= 0x1p63 || d < -0x1p63 ? fallback : (long) d.doubleValue();
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

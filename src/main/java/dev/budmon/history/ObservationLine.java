package dev.budmon.history;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.budmon.json.IsoTime;
import dev.budmon.json.JsonStreams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * One observation as its history line: compact JSON ending with {@code \n}, the time in UTC with
 * milliseconds, utilization as a plain decimal (never {@code 1.0E-4}), resets in epoch seconds, unknown
 * values left out. Pure; any thread.
 */
public final class ObservationLine {

    private ObservationLine() {
    }

    /** The line's bytes, newline included. */
    public static byte[] format(Observation o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JsonStreams.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("t", time(o.time()));
            g.writeStringField("src", o.source());
            if (o.requestId() != null) {
                g.writeStringField("req", o.requestId());
            }
            if (o.sessionId() != null) {
                g.writeStringField("sid", o.sessionId());
            }
            if (o.status() != null) {
                g.writeStringField("status", o.status());
            }
            g.writeObjectFieldStart("w");
            for (Map.Entry<String, WindowReading> e : o.windows().entrySet()) {
                WindowReading r = e.getValue();
                g.writeObjectFieldStart(e.getKey());
                if (r.utilization() != null) {
                    g.writeFieldName("u");
                    g.writeNumber(plain(r.utilization()));
                }
                if (r.reset() != null) {
                    g.writeNumberField("r", r.reset().getEpochSecond());
                }
                if (r.status() != null) {
                    g.writeStringField("s", r.status());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads one line (without or with its newline).
     *
     * @return the observation, or {@code null} when the line is none
     */
    public static Observation parse(String line) {
        byte[] b = (line.endsWith("\n") ? line : line + "\n").getBytes(StandardCharsets.UTF_8);
        LineScanner s = new LineScanner();
        return s.line(b, 0, b.length - 1) ? s.toObservation() : null;
    }

    /** {@code 2026-12-06T03:30:00.120Z}: always three digits of milliseconds. */
    static String time(Instant t) {
        String s = IsoTime.format(t.truncatedTo(ChronoUnit.MILLIS));
        int dot = s.indexOf('.');
        return dot >= 0 ? s : s.substring(0, s.length() - 1) + ".000Z";
    }

    /** A fraction in millionths as a plain decimal: {@code 0.42}, {@code 1}, {@code 0.0001}. */
    static String plain(double fraction) {
        long m = Math.round(fraction * 1_000_000);
        StringBuilder sb = new StringBuilder(12).append(m / 1_000_000);
        long frac = m % 1_000_000;
        if (frac != 0) {
            String digits = Long.toString(frac + 1_000_000).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
        return sb.toString();
    }
}

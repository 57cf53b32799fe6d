package dev.budmon.statusline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.budmon.source.UsageLimitsFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the quota figures of Claude Code's status-line payload in {@code usage-limits.json}, so that the
 * dashboard works for users who enabled only the status line. They go under the key
 * {@value UsageLimitsFile#STATUSLINE_KEY} as
 * <pre>{"seen_at": "2026-11-26T21:44:13Z", "rate_limits": { …the payload's rate_limits as Claude Code sent them… }}</pre>
 * ({@code used_percentage} 0–100 there; {@link UsageLimitsFile} turns it into the model's fractions). Every
 * other key of the file is kept as it was.
 *
 * <p>The file is written only when the figures differ from the stored ones (the status line runs after every
 * message), atomically (temporary file and rename in the same folder), and only when it can be understood:
 * a file that is not a JSON object is left alone. The interceptor replaces the same file; a change between
 * BudMon's read and its rename is noticed and the merge done again. Streaming parser and generator only,
 * for a fast start. I/O; any thread.
 */
public final class PayloadLimitsStore {

    /** What {@link #record} did. */
    public enum Outcome {
        /** The figures were new and were written. */
        WRITTEN,
        /** The file already held these figures. */
        UNCHANGED,
        /** The payload had no figures, or the file could not be merged; see the warning. */
        SKIPPED
    }

    private static final int ATTEMPTS = 3;

    private PayloadLimitsStore() {
    }

    /**
     * Stores the payload's {@code rate_limits} in the Claude directory's {@code usage-limits.json}.
     *
     * @param claudeDir BudMon's Claude directory; nothing is written when it does not exist
     * @param now       the {@code seen_at} time
     * @param warnings  receives one line when the file could not be merged
     */
    public static Outcome record(Path claudeDir, Payload payload, Instant now, List<String> warnings) {
        if (!payload.hasRateLimits()) {
            return Outcome.SKIPPED;
        }
        if (!Files.isDirectory(claudeDir)) {
            warnings.add(claudeDir + " does not exist; the status line's quota figures were not stored");
            return Outcome.SKIPPED;
        }
        Path file = claudeDir.resolve(UsageLimitsFile.FILE_NAME);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Object before = stamp(file);
                byte[] old = readCapped(file);
                if (old == null) {
                    warnings.add(file + " is too large to merge the status line's quota figures into");
                    return Outcome.SKIPPED;
                }
                Merge m = merge(old, payload.rateLimitsJson(), now);
                if (m.problem != null) {
                    warnings.add(file + " " + m.problem + "; the status line's quota figures were not stored");
                    return Outcome.SKIPPED;
                }
                if (m.bytes == null) {
                    return Outcome.UNCHANGED;
                }
                if (!Objects.equals(before, stamp(file))) {
                    continue; // someone replaced the file while we merged: merge into the new one
                }
                JsonFiles.replaceAtomically(file, m.bytes);
                return Outcome.WRITTEN;
            }
            warnings.add(file + " kept changing; the status line's quota figures were not stored this time");
            return Outcome.SKIPPED;
        } catch (IOException | RuntimeException e) {
            warnings.add(file + " cannot be written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return Outcome.SKIPPED;
        }
    }

    /** The merged file, or {@code null} bytes when nothing changed, or a problem. */
    private record Merge(byte[] bytes, String problem) {
    }

    /**
     * Merges the payload's {@code rate_limits} into the file's bytes. Pure.
     *
     * @param old an empty array for a missing or empty file
     */
    static Merge merge(byte[] old, String rateLimitsJson, Instant now) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(old.length + 512);
        boolean blank = isBlank(old);
        try (JsonGenerator g = PayloadParser.JSON.createGenerator(out)) {
            g.setPrettyPrinter(JsonFiles.printer());
            g.writeStartObject();
            boolean written = false;
            if (!blank) {
                try (JsonParser p = PayloadParser.JSON.createParser(old)) {
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        return new Merge(null, "does not hold a JSON object");
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        if (name.equals(UsageLimitsFile.STATUSLINE_KEY)) {
                            if (written) {
                                p.skipChildren();
                                continue;
                            }
                            String stored = storedRateLimits(p);
                            if (rateLimitsJson.equals(stored)) {
                                return new Merge(null, null);
                            }
                            writeStatusline(g, rateLimitsJson, now);
                            written = true;
                        } else {
                            g.writeFieldName(name);
                            PayloadParser.copyStructure(p, g);
                        }
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return new Merge(null, "is not valid JSON");
                }
            }
            if (!written) {
                writeStatusline(g, rateLimitsJson, now);
            }
            g.writeEndObject();
        }
        out.write('\n');
        return new Merge(out.toByteArray(), null);
    }

    /**
     * The stored {@code rate_limits} as compact JSON, written the way {@link PayloadParser} copies the payload's,
     * so that equal figures give equal text; {@code null} when there are none. Consumes the value.
     */
    private static String storedRateLimits(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String found = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("rate_limits") && v == JsonToken.START_OBJECT) {
                StringWriter w = new StringWriter();
                try (JsonGenerator g = PayloadParser.JSON.createGenerator(w)) {
                    PayloadParser.copyStructure(p, g);
                }
                found = w.toString();
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    private static void writeStatusline(JsonGenerator g, String rateLimitsJson, Instant now) throws IOException {
        g.writeFieldName(UsageLimitsFile.STATUSLINE_KEY);
        g.writeStartObject();
        g.writeStringField("seen_at", IsoTime.format(now));
        g.writeFieldName("rate_limits");
        try (JsonParser p = PayloadParser.JSON.createParser(rateLimitsJson)) {
            p.nextToken();
            PayloadParser.copyStructure(p, g);
        }
        g.writeEndObject();
    }

    /** The file's bytes, at most {@link UsageLimitsFile}'s own limit; empty when missing; {@code null} when larger. */
    private static byte[] readCapped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(4 * 1024 * 1024 + 1);
            return bytes.length > 4 * 1024 * 1024 ? null : bytes;
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    /** Size, modification time and file key: a rename over the file changes the key. */
    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.size(), a.lastModifiedTime().toMillis(), String.valueOf(a.fileKey()));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\n' && x != '\r' && x != '\t') {
                return false;
            }
        }
        return true;
    }
}

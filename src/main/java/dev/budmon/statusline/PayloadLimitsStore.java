package dev.budmon.statusline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.budmon.files.AtomicFile;
import dev.budmon.files.NotRegularFileException;
import dev.budmon.files.SafeRead;
import dev.budmon.json.IsoTime;
import dev.budmon.json.JsonStreams;
import dev.budmon.json.JsonValues;
import dev.budmon.source.UsageLimitsFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the quota figures of Claude Code's status-line payload in BudMon's own file
 * {@code <claude dir>/budmon/statusline.json}, so that the window works for users who enabled only the status
 * line:
 * <pre>{"seen_at": "2026-11-26T21:44:13Z", "session_id": "…", "rate_limits": { …the payload's rate_limits as sent… }}</pre>
 * ({@code used_percentage} 0–100 there; {@link UsageLimitsFile#readStatusline} turns it into the model's
 * fractions).
 *
 * <p>Only status lines write this file, never the interceptor, which owns {@code usage-limits.json}: two kinds
 * of writers of one file would lose each other's updates. Several Claude Code sessions run status lines at
 * once, so the read-compare-write is done under an advisory lock on a sidecar file, and a payload older than
 * the stored one never replaces it. The file is written only when the figures changed or the stored ones are
 * older than {@link #REFRESH_AFTER} (so that their age says when they were last confirmed), atomically. I/O;
 * any thread.
 */
public final class PayloadLimitsStore {

    /** What {@link #record} did. */
    public enum Outcome {
        /** The figures were new (or newly confirmed) and were written. */
        WRITTEN,
        /** The file already held these figures, or newer ones. */
        UNCHANGED,
        /** The payload had no figures, or the file could not be written; see the warning. */
        SKIPPED
    }

    /** Equal figures are written again when the stored ones are older than this. */
    static final Duration REFRESH_AFTER = Duration.ofMinutes(5);
    /** How long a status line waits for another one's write; Claude Code waits for the line. */
    static final Duration LOCK_WAIT = Duration.ofMillis(300);
    private static final long MAX_BYTES = 1024 * 1024;

    private PayloadLimitsStore() {
    }

    /**
     * Stores the payload's {@code rate_limits}.
     *
     * @param claudeDir BudMon's Claude directory; nothing is written when it does not exist
     * @param now       the {@code seen_at} time
     * @param warnings  receives one line when the figures could not be stored
     */
    public static Outcome record(Path claudeDir, Payload payload, Instant now, List<String> warnings) {
        if (!payload.hasRateLimits()) {
            return Outcome.SKIPPED;
        }
        if (!Files.isDirectory(claudeDir)) {
            warnings.add(claudeDir + " does not exist; the status line's quota figures were not stored");
            return Outcome.SKIPPED;
        }
        Path file = UsageLimitsFile.statuslineFile(claudeDir);
        Path lockFile = file.resolveSibling(".statusline.lock");
        try {
            Files.createDirectories(file.getParent());
            requireRegularOrAbsent(lockFile);
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
                 FileLock lock = acquire(ch)) {
                if (lock == null) {
                    warnings.add(file + " is being written by another status line; the quota figures were not stored this time");
                    return Outcome.SKIPPED;
                }
                Stored old = readStored(file);
                if (old != null && old.seenAt != null && old.seenAt.isAfter(now)) {
                    return Outcome.UNCHANGED; // another session's newer payload is stored
                }
                if (old != null && payload.rateLimitsJson().equals(old.rateLimits) && old.seenAt != null
                        && Duration.between(old.seenAt, now).compareTo(REFRESH_AFTER) < 0) {
                    return Outcome.UNCHANGED;
                }
                AtomicFile.replace(file, content(payload, now));
                return Outcome.WRITTEN;
            }
        } catch (IOException | RuntimeException e) {
            warnings.add(file + ": the quota figures could not be stored (" + describe(e) + ")");
            return Outcome.SKIPPED;
        }
    }

    private static void requireRegularOrAbsent(Path p) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                throw new NotRegularFileException(p.toString(), "not a plain file");
            }
        } catch (NoSuchFileException e) {
            // created on open
        }
    }

    /** The lock, waiting at most {@link #LOCK_WAIT}; {@code null} when another process keeps it. */
    private static FileLock acquire(FileChannel ch) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            try {
                FileLock lock = ch.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // held by another thread of this process: wait as for another process
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** What the file holds: {@code rate_limits} as compact JSON and {@code seen_at}. */
    private record Stored(String rateLimits, Instant seenAt) {
    }

    /** The stored figures; {@code null} when the file is missing or is not ours to understand (then replaced). */
    private static Stored readStored(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = SafeRead.bytes(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return null;
        }
        String rateLimits = null;
        Instant seenAt = null;
        try (JsonParser p = JsonStreams.FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("rate_limits") && v == JsonToken.START_OBJECT) {
                    rateLimits = JsonStreams.copy(p);
                } else if (name.equals("seen_at")) {
                    seenAt = JsonValues.time(p, v);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return new Stored(rateLimits, seenAt);
    }

    /** The file's content, formatted as {@code JSON.stringify(v, null, 2)} would. */
    static byte[] content(Payload payload, Instant now) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JsonStreams.FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(JsonStreams.printer());
            g.writeStartObject();
            g.writeStringField("seen_at", IsoTime.format(now));
            if (payload.sessionId() != null) {
                g.writeStringField("session_id", payload.sessionId());
            }
            g.writeFieldName("rate_limits");
            try (JsonParser p = JsonStreams.FACTORY.createParser(payload.rateLimitsJson())) {
                p.nextToken();
                JsonStreams.copyStructure(p, g);
            }
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}

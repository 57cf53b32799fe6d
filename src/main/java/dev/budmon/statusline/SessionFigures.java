package dev.budmon.statusline;

import dev.budmon.json.JsonValues;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.SourceWarning;
import dev.budmon.model.TokenCounts;
import dev.budmon.source.transcript.TranscriptIndex;
import dev.budmon.source.transcript.TranscriptStore;
import dev.budmon.source.transcript.TranscriptSummary;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The session's figures the status line shows from its transcript: the transcript Claude Code names in the
 * payload plus its subagents' files, counted by the same {@link TranscriptStore} rules as the window's. Only
 * this session is read, never the whole history, because the status line runs after every message; the
 * store is kept between calls in an index file in BudMon's cache folder, so each call reads only what was
 * appended since. I/O; any thread.
 *
 * @param requests       API responses counted
 * @param tokens         all of them together, by kind
 * @param lastCacheRatio cache-hit ratio of the newest response; {@code null} when it had no prompt tokens
 */
public record SessionFigures(int requests, TokenCounts tokens, Double lastCacheRatio) {

    /** Index files of sessions untouched this long are removed when a new one is written. */
    static final long INDEX_DAYS = 14;

    /**
     * Reads what was appended to the session's files since the last call.
     *
     * @param cacheDir where the session's index lives; {@code null} to read everything every time
     * @param warnings receives one line per problem
     * @return the figures; {@code null} when the transcript does not exist
     */
    public static SessionFigures read(Path transcript, Path cacheDir, List<String> warnings) {
        Path file = transcript.toAbsolutePath().normalize();
        String scope = file.toString();
        Path index = cacheDir == null ? null : cacheDir.resolve(indexName(file));
        TranscriptStore store = index == null ? null : TranscriptIndex.load(index, scope);
        boolean fresh = store == null;
        if (fresh) {
            store = new TranscriptStore();
        }
        TranscriptSummary s = store.refreshSession(file);
        for (SourceWarning w : s.warnings()) {
            warnings.add(w.source() + ": " + w.message());
        }
        if (s.files() == 0) {
            return null;
        }
        if (index != null) {
            String problem = TranscriptIndex.saveIfChanged(store, index, scope);
            if (problem != null) {
                warnings.add(problem);
            } else if (fresh) {
                pruneOld(cacheDir);
            }
        }
        TokenCounts tokens = s.timeline().between(Instant.EPOCH, Instant.ofEpochSecond(JsonValues.MAX_EPOCH_SECOND))
                .tokens();
        ApiResponse last = s.lastResponse();
        Double ratio = null;
        if (last != null) {
            double r = last.tokens().cacheHitRatio();
            ratio = Double.isNaN(r) ? null : r;
        }
        return new SessionFigures(s.responses(), tokens, ratio);
    }

    /** The index file's name: the transcript's own (Claude Code names it after the session) and its path's hash. */
    static String indexName(Path transcript) {
        StringBuilder n = new StringBuilder();
        for (char ch : transcript.getFileName().toString().toCharArray()) {
            n.append(Character.isLetterOrDigit(ch) || ch == '.' || ch == '-' || ch == '_' ? ch : '_');
        }
        return "session-" + Integer.toHexString(transcript.toString().hashCode()) + "-" + n + ".idx";
    }

    /** Removes the index files of sessions nobody has looked at for {@link #INDEX_DAYS} days. */
    private static void pruneOld(Path dir) {
        long cutoff = System.currentTimeMillis() - INDEX_DAYS * 24 * 3600 * 1000;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "session-*.idx")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toMillis() < cutoff) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an old index left behind is harmless
        }
    }
}

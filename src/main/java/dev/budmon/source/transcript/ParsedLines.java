package dev.budmon.source.transcript;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one read of one transcript file found, kept to be counted later: the lines that matter (usage and
 * cost-state) and how many were skipped. Lets a helper thread read and parse a file while the
 * {@link TranscriptStore}'s own thread counts the files before it, in order.
 */
final class ParsedLines implements TranscriptTail.LineSink {

    final TranscriptFile file;
    final List<TranscriptLine> lines = new ArrayList<>();
    long skipped;
    TranscriptTail.Outcome outcome;
    /** The file disappeared before it could be opened. */
    boolean gone;
    /** Why the read stopped early; the lines before it were read and count. */
    Exception error;

    private final TranscriptLineParser parser;
    private TranscriptLine next = new TranscriptLine();

    private ParsedLines(TranscriptFile file, TranscriptLineParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** Reads what was appended to {@code file}, with the calling thread's own tail and parser. Never throws. */
    static ParsedLines read(TranscriptFile file, TranscriptTail tail, TranscriptLineParser parser) {
        ParsedLines result = new ParsedLines(file, parser);
        try {
            result.outcome = tail.read(file, result);
        } catch (NoSuchFileException e) {
            result.gone = true;
        } catch (IOException | RuntimeException e) {
            result.error = e;
        }
        return result;
    }

    @Override
    public void line(byte[] a, int from, int to) {
        parser.parse(a, from, to, next);
        switch (next.kind) {
            case USAGE, COST_STATE -> {
                // Claude Code writes a line per content block, each repeating the response: folded into one,
                // they are counted once, with fewer objects kept until then.
                TranscriptLine last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                if (last != null && last.sameResponseAs(next)) {
                    last.fold(next);
                    return;
                }
                lines.add(next);
                next = new TranscriptLine();
            }
            case BAD -> skipped++;
            default -> {
            }
        }
    }

    @Override
    public void oversizeLine() {
        skipped++;
    }
}

package dev.budmon.source.transcript;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A fixed byte sequence searched for in raw transcript bytes, before any JSON parsing.
 *
 * <p>Most of a transcript's bytes are content (prompts, tool results) that BudMon never needs; finding
 * the few lines worth parsing by their bytes is what makes a full scan fast. A pattern that includes
 * JSON quotes, such as {@code "usage":}, can only occur in the raw bytes as a real key: inside a JSON
 * string every quote is escaped as {@code \"}, so text that merely mentions the word never matches.
 *
 * <p>Immutable; any thread.
 */
final class BytePattern {

    /** Eight bytes of an array as one {@code long}, for the word-at-a-time searches here and elsewhere. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    static final long QUOTES = 0x2222222222222222L;
    static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    static final long ONES = 0x0101010101010101L;
    static final long HIGHS = 0x8080808080808080L;

    private final byte[] pattern;
    /** Where in the pattern the rare pair of bytes that the search looks for starts. */
    private final int pairAt;
    private final long firstOfPair;
    private final long secondOfPair;

    /**
     * A pattern of the given ASCII text, searched for by two adjacent bytes of it that are rare in
     * transcripts (not a quote, colon or common letter pair), starting at {@code pairAt}.
     */
    BytePattern(String text, int pairAt) {
        pattern = text.getBytes(StandardCharsets.US_ASCII);
        if (pairAt < 0 || pairAt + 1 >= pattern.length) {
            throw new IllegalArgumentException("no pair at " + pairAt + " in " + text);
        }
        this.pairAt = pairAt;
        firstOfPair = (pattern[pairAt] & 0xFFL) * ONES;
        secondOfPair = (pattern[pairAt + 1] & 0xFFL) * ONES;
    }

    /** Whether the pattern occurs within {@code a[from, to)}. */
    boolean occursIn(byte[] a, int from, int to) {
        int last = to - pattern.length + pairAt; // the last place the pair can start
        int i = from + pairAt;
        // Eight candidate places at a time: a byte of x is zero where both bytes of the pair are found.
        for (; i + 9 <= to && i <= last; i += 8) {
            long x = ((long) LONGS.get(a, i) ^ firstOfPair) | ((long) LONGS.get(a, i + 1) ^ secondOfPair);
            long found = (x - ONES) & ~x & HIGHS;
            while (found != 0) {
                int at = i + lowestByte(found);
                if (at <= last && matchesAt(a, at - pairAt)) {
                    return true;
                }
                found &= found - 1;
            }
        }
        for (; i <= last; i++) {
            if (matchesAt(a, i - pairAt)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(byte[] a, int at) {
        for (int j = 0; j < pattern.length; j++) {
            if (a[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Index of the first {@code '\n'} within {@code a[from, to)}, or -1. Reads eight bytes at a time and
     * finds a newline among them with word arithmetic, since this runs over every byte of every transcript.
     */
    static int indexOfNewline(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i) ^ NEWLINES;
            // A byte of x is zero exactly where a newline was; this sets its high bit (only false positives
            // above a real zero byte are possible, and the lowest set bit is always a real one).
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + lowestByte(found);
            }
        }
        for (; i < to; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the lowest byte whose high bit is set in {@code found} (not 0): the lowest set bit is bit 8k+7;
     * shifted down to 2^(8k), it picks byte k of the multiplier into the top byte. A multiplication, where the
     * client compiler makes a call of {@code Long.numberOfTrailingZeros}.
     */
    static int lowestByte(long found) {
        return (int) ((((found & -found) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /**
     * Index of the first {@code '"'} or {@code '\\'} within {@code a[from, to)}, or -1: where a JSON string
     * may end. Eight bytes at a time, since it runs over the long strings of message content.
     */
    static int indexOfQuoteOrBackslash(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(a, i);
            long q = w ^ QUOTES;
            long b = w ^ BACKSLASHES;
            // the lowest flagged byte of either mask is a real match, so it is of their union too
            long found = (((q - ONES) & ~q) | ((b - ONES) & ~b)) & HIGHS;
            if (found != 0) {
                return i + lowestByte(found);
            }
        }
        for (; i < to; i++) {
            if (a[i] == '"' || a[i] == '\\') {
                return i;
            }
        }
        return -1;
    }
}

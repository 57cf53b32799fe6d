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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] pattern;
    private final int[] shift = new int[256];

    /** A pattern of the given ASCII text. */
    BytePattern(String text) {
        pattern = text.getBytes(StandardCharsets.US_ASCII);
        if (pattern.length == 0) {
            throw new IllegalArgumentException("empty pattern");
        }
        // Boyer-Moore-Horspool: on a mismatch, skip by how far the window's last byte lies from the end
        // of the pattern; for an 8-byte pattern that reads only every few bytes of the text.
        java.util.Arrays.fill(shift, pattern.length);
        for (int i = 0; i < pattern.length - 1; i++) {
            shift[pattern[i] & 0xFF] = pattern.length - 1 - i;
        }
    }

    /** Whether the pattern occurs within {@code a[from, to)}. */
    boolean occursIn(byte[] a, int from, int to) {
        int m = pattern.length;
        int last = m - 1;
        byte lastByte = pattern[last];
        int i = from;
        int limit = to - m;
        while (i <= limit) {
            byte b = a[i + last];
            if (b == lastByte && matchesAt(a, i)) {
                return true;
            }
            i += shift[b & 0xFF];
        }
        return false;
    }

    private boolean matchesAt(byte[] a, int at) {
        for (int j = 0; j < pattern.length - 1; j++) {
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
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}

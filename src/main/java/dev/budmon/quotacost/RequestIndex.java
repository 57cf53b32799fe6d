package dev.budmon.quotacost;

/**
 * The responses' positions by their request's key ({@code QuotaHistory.requestKey}, never 0): an open-addressing
 * table of primitives. The join looks up every observation of every window in it, tens of thousands a month of
 * heavy use, at every new state; a {@code HashMap<Long, Integer>} spent most of that time boxing and following
 * references (BENCHMARKS.md, Quota history). Not thread-safe; built and read by one join.
 */
final class RequestIndex {

    private static final int ABSENT = -1;

    private final long[] keys;
    private final int[] positions;
    private final int mask;

    /** An index for up to {@code expected} keys. */
    RequestIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1; // at most half full
        keys = new long[capacity];
        positions = new int[capacity];
        mask = capacity - 1;
    }

    /** Records {@code position} for {@code key}, replacing an earlier one (the last response of a request wins). */
    void put(long key, int position) {
        if (key == 0) {
            throw new IllegalArgumentException("0 is no request key");
        }
        int i = slot(key);
        keys[i] = key;
        positions[i] = position;
    }

    /** The position recorded for {@code key}, or -1; -1 for the key 0 (no request id). */
    int get(long key) {
        if (key == 0) {
            return ABSENT;
        }
        int i = slot(key);
        return keys[i] == key ? positions[i] : ABSENT;
    }

    /** The slot that holds {@code key}, or the empty one where it would go. */
    private int slot(long key) {
        // the keys are already well mixed 64-bit hashes: their low bits spread evenly
        int i = (int) key & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }
}

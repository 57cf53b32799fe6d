package dev.budmon.source.transcript;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accumulates usage into a {@link MinuteTimeline} and hands out immutable snapshots of it.
 *
 * <p>Changes go into mutable copies of the hours they touch; {@link #snapshot()} freezes only those and
 * shares every other hour with the previous snapshot (copy-on-write per hour). Not thread-safe.
 */
final class TimelineBuilder {

    private MinuteTimeline current = MinuteTimeline.EMPTY;
    private final Map<Long, Map<String, long[]>> dirty = new HashMap<>();
    /** The hour the last change went into: the next change usually goes there too. */
    private long lastHourKey = Long.MIN_VALUE;
    private Map<String, long[]> lastHour;

    /** Adds (or, with negative values, takes away) usage at the minute of {@code timeMillis}. */
    void add(long timeMillis, String model, long requests, long input, long output, long write5m, long write1h,
             long read) {
        long minute = Math.floorDiv(timeMillis, 60_000L);
        long hourKey = Math.floorDiv(minute, 60);
        int at = (int) (minute - hourKey * 60) * MinuteTimeline.FIELDS;
        Map<String, long[]> hour = hourKey == lastHourKey ? lastHour : dirty.get(hourKey);
        if (hour == null) {
            hour = thaw(hourKey);
            dirty.put(hourKey, hour);
        }
        lastHourKey = hourKey;
        lastHour = hour;
        long[] d = hour.get(model);
        if (d == null) {
            d = new long[MinuteTimeline.TOTALS + MinuteTimeline.FIELDS];
            hour.put(model, d);
        }
        addAt(d, at, requests, input, output, write5m, write1h, read);
        addAt(d, MinuteTimeline.TOTALS, requests, input, output, write5m, write1h, read);
    }

    private static void addAt(long[] d, int at, long requests, long input, long output, long write5m,
                              long write1h, long read) {
        d[at + MinuteTimeline.REQUESTS] += requests;
        d[at + MinuteTimeline.INPUT] += input;
        d[at + MinuteTimeline.OUTPUT] += output;
        d[at + MinuteTimeline.WRITE_5M] += write5m;
        d[at + MinuteTimeline.WRITE_1H] += write1h;
        d[at + MinuteTimeline.READ] += read;
    }

    /** A mutable copy of the hour as the current snapshot has it (or an empty one). */
    private Map<String, long[]> thaw(long hourKey) {
        Map<String, long[]> copy = new LinkedHashMap<>();
        int i = Arrays.binarySearch(current.hourKeys(), hourKey);
        if (i >= 0) {
            MinuteTimeline.Hour h = current.hours()[i];
            for (int m = 0; m < h.models.length; m++) {
                copy.put(h.models[m], h.data[m].clone());
            }
        }
        return copy;
    }

    /** The usage so far as an immutable timeline. Cost: the changed hours plus one array of references. */
    MinuteTimeline snapshot() {
        if (dirty.isEmpty()) {
            return current;
        }
        long[] changed = new long[dirty.size()];
        int c = 0;
        for (Long key : dirty.keySet()) {
            changed[c++] = key;
        }
        Arrays.sort(changed);
        long[] oldKeys = current.hourKeys();
        MinuteTimeline.Hour[] oldHours = current.hours();
        long[] keys = new long[oldKeys.length + changed.length];
        MinuteTimeline.Hour[] hours = new MinuteTimeline.Hour[keys.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < oldKeys.length || j < changed.length) {
            if (j == changed.length || (i < oldKeys.length && oldKeys[i] < changed[j])) {
                keys[n] = oldKeys[i];
                hours[n++] = oldHours[i++];
            } else {
                if (i < oldKeys.length && oldKeys[i] == changed[j]) {
                    i++;
                }
                keys[n] = changed[j];
                hours[n++] = freeze(changed[j], dirty.get(changed[j]));
                j++;
            }
        }
        dirty.clear();
        lastHour = null;
        lastHourKey = Long.MIN_VALUE;
        current = new MinuteTimeline(Arrays.copyOf(keys, n), Arrays.copyOf(hours, n));
        return current;
    }

    private static MinuteTimeline.Hour freeze(long key, Map<String, long[]> models) {
        String[] names = models.keySet().toArray(new String[0]);
        long[][] data = new long[names.length][];
        for (int m = 0; m < names.length; m++) {
            data[m] = models.get(names[m]);
        }
        // The mutable arrays are handed over, not copied: the next change to this hour thaws a fresh copy.
        return new MinuteTimeline.Hour(key, names, data);
    }

    /** Forgets all usage. */
    void clear() {
        dirty.clear();
        lastHour = null;
        lastHourKey = Long.MIN_VALUE;
        current = MinuteTimeline.EMPTY;
    }
}

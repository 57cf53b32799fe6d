package dev.budmon.config;

/**
 * Where the dashboard window was and how large, as {@code [window] geometry = x,y,width,height} holds it: the
 * position in screen pixels, the size at 100 % (unscaled), so that a window saved at 2× opens as large at 1×
 * relative to its content. Whether the point is on a screen is the window's question, not this record's.
 *
 * @param x      left edge (negative on a screen left of the primary one)
 * @param y      top edge
 * @param width  width, at least 1
 * @param height height, at least 1
 */
public record WindowGeometry(int x, int y, int width, int height) {

    public WindowGeometry {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be positive: " + width + "x" + height);
        }
    }

    /** Reads {@code x,y,width,height} (blanks around the commas allowed); {@code null} when it is not that. */
    public static WindowGeometry parse(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",", -1);
        if (parts.length != 4) {
            return null;
        }
        long[] n = new long[4];
        for (int i = 0; i < 4; i++) {
            // x and y may be negative (a screen left of or above the primary one), sizes not
            n[i] = number(parts[i].trim(), i < 2);
            if (n[i] == Long.MIN_VALUE) {
                return null;
            }
        }
        if (n[2] < 1 || n[3] < 1) {
            return null;
        }
        return new WindowGeometry((int) n[0], (int) n[1], (int) n[2], (int) n[3]);
    }

    /** One to seven digits, with a leading minus when allowed; {@link Long#MIN_VALUE} when it is not that. */
    private static long number(String s, boolean signed) {
        int start = signed && s.startsWith("-") ? 1 : 0;
        int digits = s.length() - start;
        if (digits < 1 || digits > 7) {
            return Long.MIN_VALUE;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return Long.MIN_VALUE;
            }
        }
        return Long.parseLong(s);
    }

    /** The INI spelling, e.g. {@code 100,80,520,760}. */
    public String toIniValue() {
        return x + "," + y + "," + width + "," + height;
    }
}

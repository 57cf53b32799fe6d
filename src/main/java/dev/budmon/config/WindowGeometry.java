package dev.budmon.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the dashboard window was and how large, as {@code [window] geometry = x,y,width,height} holds it,
 * in screen pixels. Whether the point is on a screen is the window's question, not this record's.
 *
 * @param x      left edge (negative on a screen left of the primary one)
 * @param y      top edge
 * @param width  width, at least 1
 * @param height height, at least 1
 */
public record WindowGeometry(int x, int y, int width, int height) {

    private static final Pattern FORM =
            Pattern.compile("\\s*(-?\\d{1,7})\\s*,\\s*(-?\\d{1,7})\\s*,\\s*(\\d{1,7})\\s*,\\s*(\\d{1,7})\\s*");

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
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            return null;
        }
        int w = Integer.parseInt(m.group(3));
        int h = Integer.parseInt(m.group(4));
        if (w < 1 || h < 1) {
            return null;
        }
        return new WindowGeometry(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), w, h);
    }

    /** The INI spelling, e.g. {@code 100,80,520,760}. */
    public String toIniValue() {
        return x + "," + y + "," + width + "," + height;
    }
}

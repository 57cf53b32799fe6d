package dev.budmon.tray;

import dev.budmon.calc.Level;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The colours of the tray icon: the theme's keys ({@code BudMon.tray.*} and the tones of
 * {@code FlatDarkLaf.properties}). Immutable; any thread.
 *
 * @param background the icon's rounded square
 * @param border     its edge, so that it stands out on a black panel too
 * @param track      the empty part of the bar
 * @param ok         figure and bar within limits
 * @param warn       past the warn threshold
 * @param alarm      past the alarm threshold
 * @param dim        unknown
 */
public record TrayPalette(Color background, Color border, Color track, Color ok, Color warn, Color alarm, Color dim) {

    /** The theme file, beside BudmonTheme. */
    static final String THEME = "/dev/budmon/ui/theme/FlatDarkLaf.properties";

    /** The theme's keys of each colour. */
    static final String[] KEYS = {"BudMon.tray.background", "BudMon.tray.borderColor", "BudMon.tray.trackColor",
        "BudMon.tone.ok", "BudMon.tone.warn", "BudMon.tone.alarm", "BudMon.tone.dim"};

    /** The colour of a level. */
    public Color of(Level level) {
        return switch (level) {
            case OK -> ok;
            case WARN -> warn;
            case ALARM -> alarm;
            case NONE -> dim;
        };
    }

    /**
     * The palette of the installed look and feel ({@code UIManager}), once {@code BudmonTheme.setup()} has run.
     * EDT only.
     */
    public static TrayPalette fromUiManager() {
        Color[] c = new Color[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            c[i] = javax.swing.UIManager.getColor(KEYS[i]);
            if (c[i] == null) {
                c[i] = Color.MAGENTA; // as BudmonTheme shows a missing key: loud
            }
        }
        return new TrayPalette(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }

    /**
     * The palette read straight from the theme file, without installing a look and feel: the background mode
     * paints its icon without loading Swing. Resolves the file's {@code @variables} and {@code $references} to
     * colours; any thread.
     */
    public static TrayPalette fromThemeFile() {
        Map<String, String> values = new HashMap<>();
        try (InputStream in = TrayPalette.class.getResourceAsStream(THEME)) {
            if (in == null) {
                throw new IllegalStateException(THEME + " is missing from the build");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (l.isEmpty() || l.startsWith("#") || eq < 0) {
                    continue;
                }
                values.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Color[] c = new Color[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            c[i] = resolve(values, KEYS[i], 0);
        }
        return new TrayPalette(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }

    private static Color resolve(Map<String, String> values, String key, int depth) {
        String v = values.get(key);
        if (v == null || depth > 10) {
            return Color.MAGENTA;
        }
        if (v.startsWith("@") || v.startsWith("$")) {
            return resolve(values, v.startsWith("@") ? v : v.substring(1), depth + 1);
        }
        if (v.startsWith("#") && v.length() == 7) {
            return new Color(Integer.parseInt(v.substring(1), 16));
        }
        return Color.MAGENTA;
    }
}

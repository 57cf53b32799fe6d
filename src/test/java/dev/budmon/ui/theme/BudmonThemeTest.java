package dev.budmon.ui.theme;

import com.formdev.flatlaf.util.UIScale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The theme file delivers BudMon's palette, every key the code names, and monospaced, scaled fonts. */
class BudmonThemeTest {

    @AfterAll
    static void reset() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            System.clearProperty("flatlaf.uiScale");
            BudmonTheme.setup();
        });
    }

    @Test
    void paletteIsBudmonsTerminalColours() throws Exception {
        Map<String, String> colours = onEdt(() -> {
            BudmonTheme.setup();
            Map<String, String> m = new LinkedHashMap<>();
            for (Tone t : Tone.values()) {
                m.put(t.name(), hex(t.color()));
            }
            m.put("background", hex(BudmonTheme.color(BudmonTheme.BACKGROUND)));
            m.put("track", hex(BudmonTheme.color(BudmonTheme.QUOTA_TRACK)));
            m.put("accent", hex(BudmonTheme.color(BudmonTheme.ACCENT)));
            m.put("Panel.background", hex(UIManager.getColor("Panel.background")));
            m.put("Label.foreground", hex(UIManager.getColor("Label.foreground")));
            return m;
        });
        assertThat(colours).containsEntry("NORMAL", "#d4d4d4").containsEntry("OK", "#22c55e")
                .containsEntry("WARN", "#eab308").containsEntry("ALARM", "#ef4444")
                .containsEntry("DIM", "#808080").containsEntry("INFO", "#06b6d4")
                .containsEntry("background", "#0a0a0a").containsEntry("track", "#1e1e1e")
                .containsEntry("accent", "#a78bfa")
                // the standard components take the palette too
                .containsEntry("Panel.background", "#0a0a0a").containsEntry("Label.foreground", "#d4d4d4");
    }

    @Test
    void everyKeyTheCodeNamesIsDefined() throws Exception {
        List<String> missing = onEdt(() -> {
            BudmonTheme.setup();
            List<String> m = new ArrayList<>();
            for (Field f : BudmonTheme.class.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    String key = (String) f.get(null);
                    if (UIManager.get(key) == null) {
                        m.add(key);
                    }
                }
            }
            for (Tone t : Tone.values()) {
                if (UIManager.getColor(t.colorKey()) == null) {
                    m.add(t.colorKey());
                }
            }
            return m;
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void figuresAreMonospacedAndFollowTheScale() throws Exception {
        int[] sizes = new int[2];
        for (int i = 0; i < 2; i++) {
            int scale = i + 1;
            int index = i;
            String family = onEdt(() -> {
                System.setProperty("flatlaf.uiScale", scale + "x");
                BudmonTheme.setup();
                assertThat(UIScale.getUserScaleFactor()).isEqualTo((float) scale);
                Font font = BudmonTheme.font(BudmonTheme.FONT);
                FontMetrics fm = new JLabel().getFontMetrics(font);
                // the digits and the narrowest and widest letters all share one advance
                assertThat(fm.charWidth('1')).isEqualTo(fm.charWidth('8')).isEqualTo(fm.charWidth('i'))
                        .isEqualTo(fm.charWidth('W'));
                sizes[index] = font.getSize();
                return font.getFamily();
            });
            assertThat(family).isNotBlank();
        }
        assertThat(sizes[1]).isEqualTo(2 * sizes[0]);
    }

    private static String hex(Color c) {
        return c == null ? "null" : String.format("#%06x", c.getRGB() & 0xffffff);
    }

    private interface EdtTask<T> {
        T run() throws Exception;
    }

    private static <T> T onEdt(EdtTask<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(task.run());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() instanceof Exception e) {
            throw e;
        } else if (failure.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }
}

package dev.budmon.ui.theme;

import dev.budmon.help.HelpStyle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text colour of the theme against the background it is drawn on, computed from the theme keys as
 * WCAG 2.1 defines contrast: at least 4.5:1 (level AA for normal text) everywhere, the dim captions included.
 */
class ContrastTest {

    /** WCAG 2.1 AA for text below 18 pt. */
    static final double AA = 4.5;

    @AfterAll
    static void reset() throws Exception {
        SwingUtilities.invokeAndWait(BudmonTheme::setup);
    }

    @Test
    void everyTextColourHasAtLeastAaContrastOnItsBackground() throws Exception {
        Map<String, Double> ratios = onEdt(() -> {
            BudmonTheme.setup();
            Map<String, Double> r = new LinkedHashMap<>();
            List<String> texts = new ArrayList<>(List.of(BudmonTheme.FOREGROUND, BudmonTheme.DIM_FOREGROUND,
                    BudmonTheme.ACCENT));
            for (Tone t : Tone.values()) {
                texts.add(t.colorKey());
            }
            for (String text : texts) {
                pair(r, text, BudmonTheme.BACKGROUND);
            }
            // the standard components BudMon uses: menus, dialogs, tables, tooltips, buttons
            String[][] standard = {
                    {"Label.foreground", "Panel.background"},
                    {"Menu.foreground", "MenuBar.background"},
                    {"MenuItem.foreground", "PopupMenu.background"},
                    {"MenuItem.acceleratorForeground", "PopupMenu.background"},
                    {"RadioButtonMenuItem.foreground", "PopupMenu.background"},
                    {"ToolTip.foreground", "ToolTip.background"},
                    {"Table.foreground", "Table.background"},
                    {"TableHeader.foreground", "TableHeader.background"},
                    {"Button.foreground", "Button.background"},
                    {"TextArea.foreground", "TextArea.background"},
                    {"TextField.foreground", "TextField.background"},
                    {"Label.foreground", "OptionPane.background"},
            };
            for (String[] p : standard) {
                pair(r, p[0], p[1]);
            }
            return r;
        });
        // the help pages are styled by HelpStyle's own colours
        ratios.put("help text", ratio(HelpStyle.TEXT, HelpStyle.BACKGROUND));
        ratios.put("help dim", ratio(HelpStyle.DIM, HelpStyle.BACKGROUND));
        ratios.put("help accent", ratio(HelpStyle.ACCENT, HelpStyle.BACKGROUND));
        ratios.put("help code", ratio(HelpStyle.CYAN, HelpStyle.BACKGROUND));
        ratios.put("help pre", ratio(HelpStyle.TEXT, HelpStyle.TRACK));
        ratios.put("help th", ratio(HelpStyle.ACCENT, HelpStyle.TRACK));

        assertThat(ratios).allSatisfy((pair, ratio) ->
                assertThat(ratio).as("contrast of %s", pair).isGreaterThanOrEqualTo(AA));
        // the dim colour stays a grey well below the normal text: the look is kept
        assertThat(ratios.get(BudmonTheme.DIM_FOREGROUND + " on " + BudmonTheme.BACKGROUND))
                .isLessThan(ratios.get(BudmonTheme.FOREGROUND + " on " + BudmonTheme.BACKGROUND) / 2);
    }

    @Test
    void theFormulaGivesWcagsOwnFigures() {
        assertThat(ratio(Color.BLACK, Color.WHITE)).isCloseTo(21.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ratio(Color.WHITE, Color.WHITE)).isEqualTo(1.0);
        // the figure for BudMon's former dim text
        assertThat(ratio(new Color(0x666666), new Color(0x0a0a0a))).isCloseTo(3.45,
                org.assertj.core.data.Offset.offset(0.01));
    }

    private static void pair(Map<String, Double> r, String text, String background) {
        Color fg = UIManager.getColor(text);
        Color bg = UIManager.getColor(background);
        assertThat(fg).as(text).isNotNull();
        assertThat(bg).as(background).isNotNull();
        r.put(text + " on " + background, ratio(fg, bg));
    }

    static double ratio(String fg, String bg) {
        return ratio(Color.decode(fg), Color.decode(bg));
    }

    /** (L1 + 0.05) / (L2 + 0.05) with L the relative luminance of the lighter and the darker colour. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int value) {
        double v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
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

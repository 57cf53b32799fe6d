package dev.budmon.ui;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.config.ModelChoice;
import dev.budmon.config.SettingSwitch;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.DashboardView;
import dev.budmon.ui.widget.QuotaBar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.JComponent;
import javax.swing.RepaintManager;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.SwingUtilities;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's content laid out headless (no window needed) at 1× and 2×, in English and German, for
 * every sample situation: nothing may be clipped or truncated, the width stays compact, updates change texts
 * in place, a new structure rebuilds. The rendered pictures go to {@code target/dashboard-*.png}.
 */
class DashboardPanelTest {

    @AfterAll
    static void resetScale() {
        onEdt(() -> {
            System.clearProperty("flatlaf.uiScale");
            return BudmonTheme.setup();
        });
    }

    static Stream<Arguments> situations() {
        List<Arguments> args = new ArrayList<>();
        for (int scale : new int[] {1, 2}) {
            for (SampleViews.Scenario s : SampleViews.Scenario.values()) {
                args.add(Arguments.of(scale, s, false));
                args.add(Arguments.of(scale, s, true));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}x {1} german={2}")
    @MethodSource("situations")
    void nothingIsClippedAndTheWindowStaysCompact(int scale, SampleViews.Scenario scenario, boolean german)
            throws IOException {
        useScale(scale);
        DashboardView view = SampleViews.view(scenario, 0, german);
        AtomicReference<Dimension> size = new AtomicReference<>();
        BufferedImage img = onEdt(() -> {
            DashboardPanel panel = new DashboardPanel();
            panel.show(view);
            layOut(panel);
            size.set(panel.getSize());
            return paint(panel);
        });
        // the picture first, so that a failure can be looked at
        Path out = Path.of("target", "dashboard-" + scenario.name().toLowerCase() + "-" + (german ? "de" : "en")
                + "-" + scale + "x.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
        onEdt(() -> {
            DashboardPanel panel = new DashboardPanel();
            panel.show(view);
            layOut(panel);
            // compact beside a terminal in every situation a user meets; the longest texts the formats can
            // make may widen it, but never beyond a screen
            int most = scenario == SampleViews.Scenario.LONGEST ? 760 : 490;
            assertThat(size.get().width).as("compact width").isBetween(420 * scale, most * scale);
            assertNothingClipped(panel);
            return null;
        });
    }

    /** Every label at least as large as its text, every component inside the panel, every bar at least its minimum. */
    static void assertNothingClipped(Container panel) {
        for (Component c : all(panel)) {
            if (!c.isVisible() || !isShowingIn(c, panel)) {
                continue;
            }
            if (c instanceof JLabel label && !label.getText().isEmpty()) {
                Dimension pref = label.getPreferredSize();
                assertThat(label.getWidth()).as("width of '%s' (%s)", label.getText(), label.getName())
                        .isGreaterThanOrEqualTo(pref.width);
                assertThat(label.getHeight()).as("height of '%s'", label.getText())
                        .isGreaterThanOrEqualTo(pref.height);
            }
            if (c.getWidth() == 0 && c.getHeight() == 0) {
                continue; // an empty filler has nothing to clip
            }
            Rectangle inPanel = SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), panel);
            assertThat(new Rectangle(panel.getSize()).contains(inPanel))
                    .as("%s %s %s inside the panel %s", c.getClass().getSimpleName(), c.getName(), inPanel,
                            panel.getSize())
                    .isTrue();
            if (c instanceof QuotaBar bar) {
                assertThat(bar.getWidth()).as("bar %s", bar.getName())
                        .isGreaterThanOrEqualTo(bar.getMinimumSize().width);
            }
        }
    }

    private static boolean isShowingIn(Component c, Container root) {
        for (Component p = c; p != null && p != root; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(SampleViews.Scenario.class)
    void everyLabelBarRingAndFigureHasATooltipInBothLanguages(SampleViews.Scenario scenario) {
        useScale(1);
        onEdt(() -> {
            java.util.Map<String, String> english = new java.util.HashMap<>();
            for (boolean german : new boolean[] {false, true}) {
                DashboardPanel panel = new DashboardPanel();
                panel.show(SampleViews.view(scenario, 0, german));
                layOut(panel);
                List<String> without = new ArrayList<>();
                for (Component c : all(panel)) {
                    boolean shown = c instanceof JLabel l ? !l.getText().isEmpty() && isVisibleIn(c, panel)
                            : c instanceof dev.budmon.ui.widget.ModelWidget<?> && isVisibleIn(c, panel);
                    if (!shown) {
                        continue;
                    }
                    String tip = Tips.plain((JComponent) c);
                    if (tip == null || tip.isBlank()) {
                        without.add(c.getName() + " '" + (c instanceof JLabel l ? l.getText() : "") + "'");
                    } else if (!german) {
                        english.put(c.getName(), tip);
                    } else if (english.containsKey(c.getName()) && c.getName().startsWith("caption:")) {
                        assertThat(tip).as("German tooltip of %s", c.getName()).isNotEqualTo(english.get(c.getName()));
                    }
                    if (tip != null) {
                        assertThat(((JComponent) c).getToolTipText()).startsWith("<html>");
                    }
                }
                assertThat(without).as("components without a tooltip (%s)", german ? "de" : "en").isEmpty();
            }
            return null;
        });
    }

    private static boolean isVisibleIn(Component c, Container root) {
        for (Component p = c; p != null && p != root; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void menusHaveMnemonicsAndTheFrequentItemsAccelerators() {
        useScale(1);
        onEdt(() -> {
            DashboardMenuBar bar = new DashboardMenuBar(new RecordingActions(new ArrayList<>()));
            bar.show(SampleViews.menu(false));
            assertThat(mnemonic(bar, "menu:logs")).isEqualTo('L');
            assertThat(mnemonic(bar, "menu:settings")).isEqualTo('S');
            assertThat(mnemonic(bar, "menu:help")).isEqualTo('H');
            assertThat(((JMenu) find(bar, "menu:logs")).getText()).isEqualTo("Logs");
            assertThat(((JMenuItem) find(bar, "menu:logs.session")).getAccelerator())
                    .isEqualTo(javax.swing.KeyStroke.getKeyStroke("ctrl L"));
            assertThat(((JMenuItem) find(bar, "menu:logs.history")).getAccelerator())
                    .isEqualTo(javax.swing.KeyStroke.getKeyStroke("ctrl H"));
            assertThat(((JMenuItem) find(bar, "menu:logs.folder")).getAccelerator())
                    .isEqualTo(javax.swing.KeyStroke.getKeyStroke("ctrl O"));
            assertThat(((JMenuItem) find(bar, "menu:settings.ini")).getAccelerator())
                    .isEqualTo(javax.swing.KeyStroke.getKeyStroke("ctrl E"));
            assertThat(((JMenuItem) find(bar, "menu:help.guide")).getAccelerator())
                    .isEqualTo(javax.swing.KeyStroke.getKeyStroke("F1"));
            for (boolean german : new boolean[] {false, true}) {
                bar.show(SampleViews.menu(german));
                // within each menu the letters differ, so each press picks one item
                for (String menu : List.of("menu:logs", "menu:settings", "menu:help")) {
                    List<Character> letters = new ArrayList<>();
                    letters.add(mnemonic(bar, menu));
                    for (Component item : ((JMenu) find(bar, menu)).getMenuComponents()) {
                        if (item instanceof JMenuItem i) {
                            assertThat(i.getMnemonic()).as("%s has a mnemonic", i.getText()).isNotZero();
                            assertThat(i.getText().toUpperCase().indexOf(Character.toUpperCase((char) i.getMnemonic())))
                                    .as("the mnemonic of %s is one of its letters", i.getText()).isNotNegative();
                            letters.add((char) i.getMnemonic());
                        }
                    }
                    assertThat(letters.subList(1, letters.size())).as("items of %s", menu).doesNotHaveDuplicates();
                }
            }
            assertThat(mnemonic(bar, "menu:logs")).isEqualTo('P');
            assertThat(mnemonic(bar, "menu:settings")).isEqualTo('E');
            assertThat(mnemonic(bar, "menu:help")).isEqualTo('H');
            return null;
        });
    }

    private static char mnemonic(Container bar, String name) {
        return (char) ((JMenuItem) find(bar, name)).getMnemonic();
    }

    @Test
    void newViewOfTheSameShapeUpdatesTextsInPlace() {
        useScale(1);
        onEdt(() -> {
            DashboardPanel panel = new DashboardPanel();
            assertThat(panel.show(SampleViews.view(SampleViews.Scenario.NORMAL, 0, false))).isTrue();
            JLabel countdown = (JLabel) find(panel, "quota:5h.countdown");
            JLabel status = (JLabel) find(panel, "header:status");
            assertThat(countdown.getText()).isEqualTo("0:20:00");

            boolean rebuilt = panel.show(SampleViews.view(SampleViews.Scenario.NORMAL, 1, false));

            assertThat(rebuilt).as("same shape: no rebuild").isFalse();
            assertThat(find(panel, "quota:5h.countdown")).as("the same label, updated").isSameAs(countdown);
            assertThat(countdown.getText()).isEqualTo("0:19:59");
            assertThat(status.getText()).isEqualTo("WARN");
            assertThat(status.getForeground()).isEqualTo(BudmonTheme.color(Tone.WARN.colorKey()));
            assertThat(((QuotaBar) find(panel, "quota:5h.bar")).getModel().text()).isEqualTo("76%");
            return null;
        });
    }

    @Test
    void theNextSecondOfACountdownRepaintsWithoutLayingTheWindowOut() {
        useScale(1);
        onEdt(() -> {
            DashboardPanel panel = new DashboardPanel();
            panel.show(SampleViews.view(SampleViews.Scenario.NORMAL, 0, false));
            List<Component> relaidOut = new ArrayList<>();
            List<Component> repainted = new ArrayList<>();
            RepaintManager normal = RepaintManager.currentManager(panel);
            RepaintManager.setCurrentManager(new RepaintManager() {
                @Override
                public void addInvalidComponent(JComponent c) {
                    relaidOut.add(c);
                }

                @Override
                public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
                    repainted.add(c);
                }
            });
            try {
                panel.show(SampleViews.view(SampleViews.Scenario.NORMAL, 1, false));
                JLabel countdown = (JLabel) find(panel, "quota:5h.countdown");
                assertThat(countdown.getText()).isEqualTo("0:19:59");
                assertThat(repainted).as("the countdown and the ring repaint").contains(countdown,
                        find(panel, "quota:ring"));
                assertThat(relaidOut).as("same widths: nothing laid out again").isEmpty();

                ((ToneLabel) countdown).show("12:22:56");
                assertThat(relaidOut).as("a wider text is laid out").containsExactly(countdown);
            } finally {
                RepaintManager.setCurrentManager(normal);
            }
            return null;
        });
    }

    @Test
    void aDifferentSetOfWindowsRebuildsTheSections() {
        useScale(1);
        onEdt(() -> {
            DashboardPanel panel = new DashboardPanel();
            panel.show(SampleViews.view(SampleViews.Scenario.NORMAL, 0, false));
            assertThat(find(panel, "quota:7d_sonnet.bar")).isNotNull();

            boolean rebuilt = panel.show(SampleViews.view(SampleViews.Scenario.ALARM, 0, false));

            assertThat(rebuilt).isTrue();
            assertThat(find(panel, "quota:7d_sonnet.bar")).as("gone with its window").isNull();
            assertThat(find(panel, "quota:7d_opus.bar")).isNotNull();
            JLabel note = (JLabel) find(panel, "quota:7d.note");
            assertThat(note.getText()).isEqualTo("reset Tue Dec 8 11:00");
            assertThat(find(panel, "quota:7d.expiry")).as("no figures under a note").isNull();
            assertThat(((JLabel) find(panel, "quota:7d.label")).getForeground())
                    .isEqualTo(BudmonTheme.color(Tone.DIM.colorKey()));
            assertThat(((JLabel) find(panel, "header:status")).getText()).isEqualTo("ALARM");
            return null;
        });
    }

    @Test
    void withoutAFullSectionTheRingStillShows() {
        useScale(1);
        onEdt(() -> {
            DashboardView normal = SampleViews.view(SampleViews.Scenario.NORMAL, 0, false);
            for (List<dev.budmon.ui.view.QuotaSectionView> quotas : List.of(
                    List.<dev.budmon.ui.view.QuotaSectionView>of(),
                    normal.quotas().subList(2, 4))) {
                DashboardView v = new DashboardView(normal.windowTitle(), normal.menu(), normal.header(),
                        normal.ring(), normal.ringTip(), normal.captions(), quotas, normal.requests(), normal.cache(),
                        normal.notices(), normal.footer());
                DashboardPanel panel = new DashboardPanel();
                panel.show(v);
                layOut(panel);
                Component ring = find(panel, "quota:ring");
                assertThat(ring).as("ring with %d sections", quotas.size()).isNotNull();
                assertThat(ring.getWidth()).isEqualTo(ring.getPreferredSize().width);
                assertThat(ring.getParent()).isSameAs(panel.quotas);
            }
            return null;
        });
    }

    @Test
    void menuTextsFollowTheViewAndItemsCallTheActions() {
        useScale(1);
        List<String> calls = new ArrayList<>();
        onEdt(() -> {
            DashboardMenuBar bar = new DashboardMenuBar(new RecordingActions(calls));
            bar.show(SampleViews.menu(false));
            JMenu settings = (JMenu) find(bar, "menu:settings");
            assertThat(settings.getText()).isEqualTo("Settings");

            bar.show(SampleViews.menu(true));

            assertThat(settings.getText()).isEqualTo("Einstellungen");
            assertThat(((JMenu) find(bar, "menu:logs")).getText()).isEqualTo("Protokolle");
            JRadioButtonMenuItem de = (JRadioButtonMenuItem) find(bar, "menu:settings.language.de");
            JRadioButtonMenuItem en = (JRadioButtonMenuItem) find(bar, "menu:settings.language.en");
            assertThat(de.isSelected()).isTrue();
            assertThat(en.isSelected()).isFalse();

            en.doClick(0);
            ((JMenuItem) find(bar, "menu:settings.model.SONNET")).doClick(0);
            ((JMenuItem) find(bar, "menu:logs.history")).doClick(0);
            ((JMenuItem) find(bar, "menu:help.about")).doClick(0);
            return null;
        });
        assertThat(calls).containsExactly("language en", "model SONNET", "history log", "about");
    }

    /** Records which action was called. */
    private record RecordingActions(List<String> calls) implements DashboardActions {
        @Override
        public void showSessionLog() {
            calls.add("session log");
        }

        @Override
        public void showHistoryLog() {
            calls.add("history log");
        }

        @Override
        public void showQuotaHistory() {
            calls.add("quota_history");
        }

        @Override
        public void openClaudeFolder() {
            calls.add("folder");
        }

        @Override
        public void selectLanguage(String code) {
            calls.add("language " + code);
        }

        @Override
        public void selectModel(ModelChoice model) {
            calls.add("model " + model);
        }

        @Override
        public void switchSetting(SettingSwitch setting, boolean on) {
            calls.add("switch " + setting + " " + on);
        }

        @Override
        public void openIni() {
            calls.add("ini");
        }

        @Override
        public void showUserGuide() {
            calls.add("user guide");
        }

        @Override
        public void showAbout() {
            calls.add("about");
        }
    }

    /** 1: FlatLaf's default (as users run it); 2: {@code flatlaf.uiScale=2x}. */
    private static void useScale(int scale) {
        onEdt(() -> {
            if (scale == 1) {
                System.clearProperty("flatlaf.uiScale");
            } else {
                System.setProperty("flatlaf.uiScale", scale + "x");
            }
            BudmonTheme.setup();
            assertThat(UIScale.getUserScaleFactor()).isEqualTo((float) scale);
            return null;
        });
    }

    /** Lays out like a window would: the panel at its preferred size, then every container inside. */
    private static void layOut(Container panel) {
        panel.setSize(panel.getPreferredSize());
        doLayoutTree(panel);
    }

    private static void doLayoutTree(Container c) {
        c.doLayout();
        for (Component child : c.getComponents()) {
            if (child instanceof Container container) {
                doLayoutTree(container);
            }
        }
    }

    private static BufferedImage paint(DashboardPanel panel) {
        BufferedImage img = new BufferedImage(panel.getWidth(), panel.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            panel.paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    static List<Component> all(Container root) {
        List<Component> out = new ArrayList<>();
        for (Component c : root.getComponents()) {
            out.add(c);
            if (c instanceof JMenu menu) {
                for (Component item : menu.getMenuComponents()) {
                    out.add(item);
                    if (item instanceof JMenu sub) {
                        out.addAll(all(sub.getPopupMenu()));
                    }
                }
            } else if (c instanceof Container container) {
                out.addAll(all(container));
            }
        }
        return out;
    }

    static Component find(Container root, String name) {
        for (Component c : all(root)) {
            if (name.equals(c.getName())) {
                return c;
            }
        }
        return null;
    }

    static <T> T onEdt(Callable<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(task.call());
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        } else if (failure.get() instanceof Error e) {
            throw e;
        } else if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }
}

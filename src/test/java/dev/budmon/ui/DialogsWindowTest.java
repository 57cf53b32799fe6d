package dev.budmon.ui;

import dev.budmon.config.ModelChoice;
import dev.budmon.config.SettingSwitch;
import dev.budmon.i18n.Messages;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.ui.theme.BudmonTheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import java.awt.Component;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.budmon.ui.DashboardPanelTest.all;
import static dev.budmon.ui.DashboardPanelTest.find;
import static dev.budmon.ui.DashboardPanelTest.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialogs around the window on a display (Xvfb in CI): the setup result fits the screen with its Close
 * button on it; About has its author, no text caret and links that open; a file with no program to open it is
 * shown with its path and a Copy button, translated; Escape closes every dialog; the menus open with Alt and
 * their letter and the frequent items with their accelerators. Screenshots go to {@code target/dialog-*.png}.
 */
@Tag("window")
class DialogsWindowTest {

    @TempDir
    Path tmp;

    /** The dialogs here offer no setup; one that ran it would fail the test. */
    private static final SetupRunner NO_SETUP = (dir, out) -> {
        throw new AssertionError("setup run by a dialog test");
    };

    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final List<Window> opened = new ArrayList<>();

    @BeforeAll
    static void needsDisplay() {
        WindowTestDisplay.require();
        onEdt(BudmonTheme::setup);
    }

    @AfterEach
    void close() throws InterruptedException {
        onEdt(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isDisplayable()) {
                    w.dispose();
                }
            }
            return null;
        });
        io.shutdownNow();
        io.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aLongSetupResultWrapsInADialogThatFitsTheScreen() throws Exception {
        StringBuilder out = new StringBuilder();
        String deep = tmp.resolve("a-rather-long-home-folder/with/many/levels/of/folders/that/setup/writes/into")
                .toString();
        for (int i = 0; i < 12; i++) {
            out.append("created    ").append(deep).append("/file-number-").append(i)
                    .append(".sh (runs claude with the interceptor, which records the quota headers)\n");
        }
        out.append("budmon: warning: claude is not on the PATH: ").append(deep.repeat(3)).append('\n');
        out.append('\n').append("Setup finished.");
        AppDialogs dialogs = new AppDialogs(new ClaudeDirs(List.of(tmp)), io, NO_SETUP);
        Messages m = Messages.of("en");
        JDialog d = onEdt(() -> dialogs.showText(null, m.get("dialog.setup.title"), out.toString(), m));
        awaitShowing(d);
        onEdt(() -> {
            Rectangle area = WindowPlacement.usableArea(d.getGraphicsConfiguration());
            assertThat(area.contains(d.getBounds())).as("%s inside the screen %s", d.getBounds(), area).isTrue();
            JTextArea area0 = (JTextArea) find(d.getContentPane(), "dialog:text");
            int longestLine = 0;
            for (String line : out.toString().split("\n")) {
                longestLine = Math.max(longestLine, area0.getFontMetrics(area0.getFont()).stringWidth(line));
            }
            assertThat(d.getWidth()).as("a readable width, not the longest line's").isLessThan(longestLine);
            JButton close = (JButton) find(d.getContentPane(), "dialog:close");
            Rectangle closeOnScreen = new Rectangle(close.getLocationOnScreen(), close.getSize());
            assertThat(area.contains(closeOnScreen)).as("the Close button on the screen").isTrue();
            JTextArea text = (JTextArea) find(d.getContentPane(), "dialog:text");
            assertThat(text.getLineWrap()).isTrue();
            JScrollPane scroll = (JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, text);
            assertThat(scroll.getHorizontalScrollBar().isVisible()).as("no sideways scrolling").isFalse();
            assertThat(text.getWidth()).isLessThanOrEqualTo(scroll.getViewport().getWidth());
            return null;
        });
        screenshot(d, "dialog-setup-result");
        pressEscapeIn(d);
    }

    @Test
    void aSetupFailureIsReadInFullWithoutAScrollbarInTheWay() throws Exception {
        Messages m = Messages.of("de");
        String failure = "budmon: setup failed: the Claude directory " + tmp.resolve("missing")
                + " does not exist, nor does " + tmp + ". Run claude once, or name the directory with"
                + " --claude-dir or CLAUDE_CONFIG_DIR.\n\n" + m.get("dialog.setup.failed", "exit 1");
        AppDialogs dialogs = new AppDialogs(new ClaudeDirs(List.of(tmp)), io, NO_SETUP);
        JDialog d = onEdt(() -> dialogs.showText(null, m.get("dialog.setup.title"), failure, m));
        awaitShowing(d);
        onEdt(() -> {
            JTextArea text = (JTextArea) find(d.getContentPane(), "dialog:text");
            JScrollPane scroll = (JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, text);
            assertThat(scroll.getVerticalScrollBar().isVisible()).as("short enough to show whole").isFalse();
            assertThat(scroll.getHorizontalScrollBar().isVisible()).isFalse();
            assertThat(scroll.getViewport().getHeight()).isGreaterThanOrEqualTo(text.getPreferredSize().height);
            assertThat(((JButton) find(d.getContentPane(), "dialog:close")).getText()).isEqualTo("Schließen");
            return null;
        });
        screenshot(d, "dialog-setup-failed-de");
        pressEscapeIn(d);
    }

    @Test
    void aboutListsTheAuthorHasNoCaretAndItsLinksOpen() throws Exception {
        Path opened = tmp.resolve("opened.txt");
        Path xdgOpen = script("xdg-open-ok", "printf '%s' \"$1\" > '" + opened + "'\nexit 0\n");
        AppDialogs dialogs = new AppDialogs(new ClaudeDirs(List.of(tmp)), io, NO_SETUP,
                new DesktopOpener(false, List.of(xdgOpen.toString())));
        JDialog d = onEdt(() -> dialogs.showAbout(null, Messages.of("en")));
        awaitShowing(d);
        onEdt(() -> {
            List<Component> parts = all(d.getContentPane());
            assertThat(parts).as("no text component, so no caret").noneMatch(c -> c instanceof JTextComponent);
            assertThat(((JLabel) find(d.getContentPane(), "about:author")).getText()).startsWith("weilhalt");
            assertThat(((AbstractButton) find(d.getContentPane(), "about:homepage")).getText())
                    .isEqualTo(AboutDialog.HOMEPAGE);
            assertThat(find(d.getContentPane(), "about:homepage").getCursor().getType())
                    .isEqualTo(java.awt.Cursor.HAND_CURSOR);
            ((AbstractButton) find(d.getContentPane(), "about:homepage")).doClick(0);
            return null;
        });
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!Files.exists(opened) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(opened)).isEqualTo(AboutDialog.HOMEPAGE);
        screenshot(d, "dialog-about");
        pressEscapeIn(d);
    }

    @Test
    void withoutAProgramToOpenItThePathIsShownToCopyInTheLanguage() throws Exception {
        // xdg-open as it behaves without a program for the folder: exit code 3
        Path xdgOpen = script("xdg-open-none", "echo 'xdg-open: no method available for opening' >&2\nexit 3\n");
        AppDialogs dialogs = new AppDialogs(new ClaudeDirs(List.of(tmp)), io, NO_SETUP,
                new DesktopOpener(false, List.of(xdgOpen.toString())));
        Path folder = Files.createDirectories(tmp.resolve("claude dir"));
        onEdt(() -> {
            dialogs.openInDesktop(null, Messages.of("de"), folder);
            return null;
        });
        JDialog d = awaitDialog("open-manually");
        onEdt(() -> {
            assertThat(d.getTitle()).isEqualTo("Selbst öffnen");
            JTextField path = (JTextField) find(d.getContentPane(), "dialog:path");
            assertThat(path.getText()).isEqualTo(folder.toString());
            assertThat(path.isEditable()).isFalse();
            assertThat(path.getSelectedText()).as("selected, ready to copy").isEqualTo(folder.toString());
            assertThat(path.isShowing()).isTrue();
            assertThat(path.getHeight()).as("the path field is not squeezed away")
                    .isGreaterThanOrEqualTo(path.getPreferredSize().height);
            assertThat(path.getWidth()).isGreaterThanOrEqualTo(path.getPreferredSize().width);
            ((JButton) find(d.getContentPane(), "dialog:copy")).doClick(0);
            assertThat(((JLabel) find(d.getContentPane(), "dialog:copied")).getText())
                    .isEqualTo("In die Zwischenablage kopiert.");
            return null;
        });
        String copied = onEdt(() -> (String) Toolkit.getDefaultToolkit().getSystemClipboard()
                .getData(DataFlavor.stringFlavor));
        assertThat(copied).isEqualTo(folder.toString());
        assertThat(onEdt(() -> all(d.getContentPane()).stream().filter(c -> c instanceof JLabel)
                .map(c -> ((JLabel) c).getText()).toList())).noneMatch(t -> t.contains("Failed to show URI"));
        screenshot(d, "dialog-open-manually-de");
        pressEscapeIn(d);

        // no xdg-open at all: the same dialog
        AppDialogs none = new AppDialogs(new ClaudeDirs(List.of(tmp)), io, NO_SETUP,
                new DesktopOpener(false, List.of(tmp.resolve("no-such-program").toString())));
        onEdt(() -> {
            none.openInDesktop(null, Messages.of("en"), folder);
            return null;
        });
        JDialog again = awaitDialog("open-manually");
        assertThat(onEdt(again::getTitle)).isEqualTo("Open by hand");
    }

    @Test
    void aProgramThatOpensItLeavesNoDialog() throws Exception {
        Path opened = tmp.resolve("opened.txt");
        Path xdgOpen = script("xdg-open-ok", "printf '%s' \"$1\" > '" + opened + "'\n");
        AppDialogs dialogs = new AppDialogs(new ClaudeDirs(List.of(tmp)), io, NO_SETUP,
                new DesktopOpener(false, List.of(xdgOpen.toString())));
        onEdt(() -> {
            dialogs.openInDesktop(null, Messages.of("en"), tmp);
            return null;
        });
        io.submit(() -> null).get(10, TimeUnit.SECONDS);
        assertThat(Files.readString(opened)).isEqualTo(tmp.toString());
        Thread.sleep(200);
        assertThat(onEdt(() -> awaitDialogNow("open-manually"))).isNull();
    }

    @Test
    void menusOpenWithAltAndTheirLetterAndAcceleratorsRunTheirItems() throws Exception {
        List<String> calls = new ArrayList<>();
        DashboardFrame frame = onEdt(() -> {
            BudmonTheme.setup();
            DashboardFrame f = new DashboardFrame(new Recording(calls),
                    SampleViews.view(SampleViews.Scenario.NORMAL, 0, false));
            f.setLocation(30, 30);
            f.setVisible(true);
            return f;
        });
        awaitShowing(frame);
        focus(frame);
        Robot robot = new Robot();
        robot.setAutoDelay(30);
        // Alt+L opens Logs
        key(robot, KeyEvent.VK_ALT, KeyEvent.VK_L);
        assertThat(await(() -> ((JMenu) find(frame.getJMenuBar(), "menu:logs")).isPopupMenuVisible()))
                .as("Alt+L opens Logs").isTrue();
        screenshot(frame, "dialog-menu-logs");
        key(robot, KeyEvent.VK_ESCAPE);
        key(robot, KeyEvent.VK_ESCAPE);
        assertThat(await(() -> !((JMenu) find(frame.getJMenuBar(), "menu:logs")).isPopupMenuVisible())).isTrue();
        // Ctrl+H: the history log, without opening a menu
        key(robot, KeyEvent.VK_CONTROL, KeyEvent.VK_H);
        assertThat(await(() -> calls.contains("history log"))).as("Ctrl+H").isTrue();
        key(robot, KeyEvent.VK_F1);
        assertThat(await(() -> calls.contains("user guide"))).as("F1").isTrue();
    }

    /** Escape in the dialog's focused window closes it. */
    private void pressEscapeIn(JDialog d) throws Exception {
        focus(d);
        Robot robot = new Robot();
        key(robot, KeyEvent.VK_ESCAPE);
        assertThat(await(() -> !d.isDisplayable())).as("Escape closes %s", d.getTitle()).isTrue();
    }

    /**
     * Without a window manager X gives the keyboard to the window under the pointer: move it there, and let
     * Java focus the window.
     */
    private static void focus(Window w) throws Exception {
        Rectangle r = onEdt(w::getBounds);
        new Robot().mouseMove(r.x + r.width / 2, r.y + Math.min(r.height / 2, 60));
        onEdt(() -> {
            w.toFront();
            w.requestFocus();
            return null;
        });
        await(() -> w.isFocused());
    }

    private static void key(Robot robot, int... keys) {
        for (int k : keys) {
            robot.keyPress(k);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.keyRelease(keys[i]);
        }
    }

    private static void awaitShowing(Window w) throws Exception {
        assertThat(await(w::isShowing)).as("%s shows", w.getName()).isTrue();
        Thread.sleep(200);
    }

    private static JDialog awaitDialog(String name) throws Exception {
        JDialog[] found = new JDialog[1];
        await(() -> (found[0] = awaitDialogNow(name)) != null);
        assertThat(found[0]).as("dialog %s", name).isNotNull();
        awaitShowing(found[0]);
        return found[0];
    }

    private static JDialog awaitDialogNow(String name) {
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog d && d.isShowing() && name.equals(d.getName())) {
                return d;
            }
        }
        return null;
    }

    /** Polls on the EDT for up to 5 s. */
    private static boolean await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(onEdt(condition))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private Path script(String name, String body) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static void screenshot(Window w, String name) throws Exception {
        Thread.sleep(150);
        Rectangle bounds = onEdt(w::getBounds);
        Path out = Path.of("target", name + "-" + onEdt(WindowTestDisplay::scaleName) + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(new Robot().createScreenCapture(bounds), "png", out.toFile());
    }

    /** Records the actions the keys reach. */
    private record Recording(List<String> calls) implements DashboardActions {
        @Override
        public void showSessionLog() {
            calls.add("session log");
        }

        @Override
        public void showHistoryLog() {
            calls.add("history log");
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
}

package dev.budmon.ui;

import dev.budmon.threads.ThreadCheck;
import dev.budmon.ui.view.DashboardView;

import javax.swing.JFrame;
import javax.swing.WindowConstants;
import javax.swing.BorderFactory;
import javax.swing.JScrollPane;
import javax.swing.ScrollPaneConstants;
import dev.budmon.ui.theme.BudmonTheme;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.Rectangle;
import java.util.Objects;

/**
 * BudMon's dashboard window. It lays out and paints a {@link DashboardView}; it computes nothing and reads
 * no file. Hand it a new view whenever the state or the clock changes: equal views are ignored, changed
 * texts update in place, and a change of structure (sections added, rows removed) resizes the window to its
 * content's height.
 *
 * <p>Nothing is ever cut off: the window's minimum size is what its content needs with every text whole and
 * the bars at their shortest, and whenever a text grows beyond the width the window has (a countdown that
 * gains a unit, a longer date), the window grows with it. Spare width goes to the bars and the sparkline,
 * spare height to the sparkline.
 *
 * <p>The X11 window class is {@code budmon} (see {@link X11WindowClass}). EDT only.
 */
public class DashboardFrame extends JFrame {

    /** The X11 window class, matching {@code StartupWMClass} of the desktop entry. */
    public static final String WINDOW_CLASS = "budmon";

    private final DashboardPanel content = new DashboardPanel();
    /**
     * Holds the content; scrolls only when the screen is shorter than the content (the longest texts at 2× on a
     * small screen): the window stays on the screen and every figure can still be reached, none is cut.
     */
    private final JScrollPane scroller = new JScrollPane(content, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
            ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
    private final DashboardMenuBar menuBar;
    private DashboardView view;

    /**
     * Builds the window showing {@code initial}; it is packed to its preferred size but not shown. Set the
     * theme ({@code BudmonTheme.setup()}) before.
     *
     * @param actions what the menu items do
     * @param initial the first view (e.g. the WAIT view before data arrives)
     */
    public DashboardFrame(DashboardActions actions, DashboardView initial) {
        // before the first window peer exists, or AWT has already used the default class
        X11WindowClass.set(WINDOW_CLASS);
        Objects.requireNonNull(actions, "actions");
        menuBar = new DashboardMenuBar(actions);
        setJMenuBar(menuBar);
        scroller.setName("dashboard-scroller");
        scroller.setBorder(BorderFactory.createEmptyBorder());
        scroller.setViewportBorder(null);
        scroller.getVerticalScrollBar().setUnitIncrement(BudmonTheme.font(BudmonTheme.FONT).getSize() * 2);
        setContentPane(scroller);
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        apply(Objects.requireNonNull(initial, "initial"));
        pack();
        Dimension minimum = contentMinimum();
        setMinimumSize(minimum);
        Rectangle area = WindowPlacement.usableArea(getGraphicsConfiguration());
        if (getHeight() > area.height) {
            setSize(Math.max(getWidth(), minimum.width), area.height);
        }
    }

    /** The dashboard inside the window (the content pane holds it in a scroll pane). EDT only. */
    DashboardPanel dashboard() {
        return content;
    }

    /** The view currently shown. */
    public DashboardView getView() {
        return view;
    }

    /** Shows {@code newView}; equal views are ignored. EDT only. */
    public void setView(DashboardView newView) {
        Objects.requireNonNull(newView, "view");
        ThreadCheck.onEdt("DashboardFrame.setView");
        if (newView.equals(view)) {
            return;
        }
        if (apply(newView)) {
            fitToContent();
        } else if (!content.isValid()) {
            // a text changed its width (a countdown's next second does not): keep every text whole
            keepContentWhole();
        }
    }

    /** @return {@code true} if the structure changed */
    private boolean apply(DashboardView v) {
        DashboardView old = view;
        view = v;
        if (!v.windowTitle().equals(getTitle())) {
            setTitle(v.windowTitle());
        }
        // By identity: the clock's views carry the menu over, every full build makes a new one, which is
        // shown even when equal, as it puts back the radio item that a click selected when its save failed.
        if (old == null || v.menu() != old.menu()) {
            menuBar.show(v.menu());
        }
        return content.show(v);
    }

    /**
     * Grows or shrinks the window's height to the new content, keeping a width the user chose unless the
     * content needs more, so that nothing is clipped after sections appear and no empty space stays after they
     * go. The whole window stays on its screen.
     */
    void fitToContent() {
        Dimension minimum = contentMinimum();
        setMinimumSize(minimum);
        Dimension preferred = getPreferredSize();
        resizeOnScreen(Math.max(getWidth(), minimum.width), Math.max(preferred.height, minimum.height), minimum);
    }

    /** Grows the window when its content needs more than it has; never shrinks it. */
    private void keepContentWhole() {
        Dimension minimum = contentMinimum();
        setMinimumSize(minimum);
        if (getWidth() < minimum.width || getHeight() < minimum.height) {
            resizeOnScreen(Math.max(getWidth(), minimum.width), Math.max(getHeight(), minimum.height), minimum);
        } else {
            validate();
        }
    }

    private void resizeOnScreen(int width, int height, Dimension minimum) {
        Rectangle wanted = new Rectangle(getX(), getY(), width, height);
        if (isShowing()) {
            wanted = WindowPlacement.clamp(wanted, minimum, WindowPlacement.usableArea(getGraphicsConfiguration()));
        }
        setBounds(wanted);
        validate();
    }

    /**
     * The least size at which nothing is cut off: every text whole, every bar at its shortest; the frame's
     * decorations and menu bar included. Taller than the screen, it is the screen's height and the content
     * scrolls, with room for the scroll bar beside it.
     */
    Dimension contentMinimum() {
        Dimension content = this.content.getMinimumSize();
        Dimension bar = getJMenuBar() == null ? new Dimension() : getJMenuBar().getMinimumSize();
        Insets in = getInsets();
        int width = Math.max(content.width, bar.width) + in.left + in.right;
        int height = content.height + bar.height + in.top + in.bottom;
        Rectangle area = WindowPlacement.usableArea(getGraphicsConfiguration());
        if (height > area.height) {
            height = area.height;
            width += scroller.getVerticalScrollBar().getPreferredSize().width;
        }
        return new Dimension(width, height);
    }
}

package dev.budmon.ui;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.view.DashboardView;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridBagLayout;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;

/**
 * The window's content: header, quota windows with the ring, requests, cache and footer, separated by thin
 * rules. Paints the theme's background itself. EDT only.
 */
final class DashboardPanel extends JPanel implements Scrollable {

    /** The dashboard's design width at 100 %: compact enough to sit beside a terminal. */
    private static final int DESIGN_WIDTH = 420;

    final HeaderPanel header = new HeaderPanel();
    final QuotaPanel quotas = new QuotaPanel();
    final RequestsPanel requests = new RequestsPanel();
    final CachePanel cache = new CachePanel();
    final NoticesPanel notices = new NoticesPanel();
    final FooterPanel footer = new FooterPanel();
    /** The view the parts show; {@code null} before the first. */
    private DashboardView shown;

    DashboardPanel() {
        super(new GridBagLayout());
        setName("dashboard");
        int row = 0;
        add(header, Cell.at(0, row++).fillX());
        add(new Rule(), Cell.at(0, row++).fillX().gap(6, 0, 8, 0));
        add(quotas, Cell.at(0, row++).fillX());
        add(new Rule(), Cell.at(0, row++).fillX().gap(8, 0, 8, 0));
        add(requests, Cell.at(0, row++).fillX());
        add(new Rule(), Cell.at(0, row++).fillX().gap(8, 0, 8, 0));
        // spare height of a window the user made taller goes to the cache's sparkline, spare width to the bars
        // and the sparkline; nothing is left as a dead area
        add(cache, Cell.at(0, row++).fillBoth());
        add(notices, Cell.at(0, row++).fillX());
        add(new Rule(), Cell.at(0, row++).fillX().gap(8, 0, 4, 0));
        add(footer, Cell.at(0, row).fillX());
        applyTheme();
    }

    /**
     * Shows {@code v}; a part whose view equals the one it shows is not touched (with the clock's ticks
     * only the header, the quota windows and perhaps the footer change).
     *
     * @return {@code true} if a part changed its structure, so the window may need a new size
     */
    boolean show(DashboardView v) {
        DashboardView old = shown;
        shown = v;
        if (old == null || !v.header().equals(old.header())) {
            header.show(v.header());
        }
        boolean rebuilt = false;
        if (old == null || !v.quotas().equals(old.quotas()) || !v.captions().equals(old.captions())
                || !v.ring().equals(old.ring()) || !v.ringTip().equals(old.ringTip())) {
            rebuilt = quotas.show(v.quotas(), v.captions(), v.ring(), v.ringTip());
        }
        if (old == null || !v.requests().equals(old.requests())) {
            rebuilt |= requests.show(v.requests());
        }
        if (old == null || !v.cache().equals(old.cache())) {
            cache.show(v.cache());
        }
        if (old == null || !v.notices().equals(old.notices())) {
            rebuilt |= notices.show(v.notices());
        }
        if (old == null || !v.footer().equals(old.footer())) {
            footer.show(v.footer());
        }
        return rebuilt;
    }

    @Override
    public Dimension getPreferredSize() {
        Dimension d = super.getPreferredSize();
        return new Dimension(Math.max(d.width, UIScale.scale(DESIGN_WIDTH)), d.height);
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return BudmonTheme.font(BudmonTheme.FONT).getSize() * 2;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return Math.max(1, visible.height - getScrollableUnitIncrement(visible, orientation, direction));
    }

    /** The window's width is the dashboard's: the window is never narrower than what the content needs. */
    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    /** The window's height too, unless the window is shorter than the content needs: then it scrolls. */
    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() instanceof JViewport v && v.getHeight() >= getMinimumSize().height;
    }

    @Override
    public void updateUI() {
        super.updateUI();
        applyTheme();
    }

    private void applyTheme() {
        setOpaque(true);
        setBackground(BudmonTheme.color(BudmonTheme.BACKGROUND));
        setBorder(BorderFactory.createEmptyBorder(UIScale.scale(10), UIScale.scale(14), UIScale.scale(8),
                UIScale.scale(14)));
    }

    /** A one-pixel (scaled) horizontal rule in the separator colour. */
    private static final class Rule extends JComponent {
        @Override
        public Dimension getPreferredSize() {
            return new Dimension(UIScale.scale(10), Math.max(1, UIScale.scale(1)));
        }

        @Override
        public Dimension getMinimumSize() {
            return getPreferredSize();
        }

        @Override
        protected void paintComponent(Graphics g) {
            if (getWidth() <= 0 || getHeight() <= 0) {
                return;
            }
            Graphics2D g2 = (Graphics2D) g.create();
            try {
                g2.setColor(BudmonTheme.color(BudmonTheme.SEPARATOR));
                g2.fill(new Rectangle2D.Float(0, 0, getWidth(), getHeight()));
            } finally {
                g2.dispose();
            }
        }
    }
}

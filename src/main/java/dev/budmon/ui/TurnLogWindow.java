package dev.budmon.ui;

import com.formdev.flatlaf.util.UIScale;
import dev.budmon.calc.Cost;
import dev.budmon.calc.Pricing;
import dev.budmon.format.AmountFormat;
import dev.budmon.format.TimeFormat;
import dev.budmon.i18n.Messages;
import dev.budmon.model.ApiResponse;
import dev.budmon.quotacost.JoinedQuota;
import dev.budmon.model.TokenCounts;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.RowSorter;
import javax.swing.ScrollPaneConstants;
import javax.swing.SortOrder;
import javax.swing.SwingConstants;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;
import javax.swing.table.TableModel;
import javax.swing.table.TableRowSorter;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Window;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The per-turn figures of one session or of all sessions, as a sortable table: time, session, model, the
 * four token kinds and the cost at the configured prices. Newest first. Every column is as wide as its
 * widest entry, a totals row under the table sums the tokens and the cost, and a line tells how many
 * requests there are. EDT only.
 */
final class TurnLogWindow {

    /** Columns are sized to the widest of at most this many rows (the newest); more would only cost time. */
    static final int SIZING_ROWS = 5000;

    private TurnLogWindow() {
    }

    /** The table's model: one response a row; cells are typed so that sorting is numeric. */
    static final class TurnTableModel extends AbstractTableModel {

        private final List<ApiResponse> rows;
        private final double[] costs;
        private final String[] columns;
        /** Each request's share of the 5-hour and the 7-day window, from the quota history; may be {@code null}. */
        private final JoinedQuota quota;

        TurnTableModel(List<ApiResponse> rows, Pricing pricing, Messages m) {
            this(rows, pricing, m, null);
        }

        /** @param quota the history joined to the rows, for their shares of quota; {@code null} without one */
        TurnTableModel(List<ApiResponse> rows, Pricing pricing, Messages m, JoinedQuota quota) {
            this.quota = quota;
            this.rows = List.copyOf(rows);
            this.costs = new double[rows.size()];
            for (int i = 0; i < costs.length; i++) {
                ApiResponse r = rows.get(i);
                Cost c = pricing.cost(r.model(), r.tokens());
                costs[i] = c.total();
            }
            this.columns = columnNames(m);
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return columns.length;
        }

        @Override
        public String getColumnName(int column) {
            return columns[column];
        }

        @Override
        public Class<?> getColumnClass(int column) {
            return columnClass(column);
        }

        @Override
        public Object getValueAt(int row, int column) {
            ApiResponse r = rows.get(row);
            return switch (column) {
                case 0 -> r.time();
                case 1 -> r.sessionId() == null ? "" : r.sessionId().substring(0, Math.min(8, r.sessionId().length()));
                case 2 -> r.model();
                case 3 -> r.tokens().input();
                case 4 -> r.tokens().output();
                case 5 -> r.tokens().cacheWrite();
                case 6 -> r.tokens().cacheRead();
                case 7 -> costs[row];
                default -> share(column == 8 ? "5h" : "7d", r);
            };
        }

        /** The request's share of the window, or {@code null} when unknown (no history, across a reset). */
        private QuotaShare share(String window, ApiResponse r) {
            Double s = quota == null ? null : quota.shareOf(window, r.requestId());
            return s == null ? null : new QuotaShare(s * 100);
        }

        /** The sums of the token columns and of the cost, for the totals row. */
        TokenCounts totalTokens() {
            TokenCounts sum = TokenCounts.ZERO;
            for (ApiResponse r : rows) {
                sum = sum.plus(r.tokens());
            }
            return sum;
        }

        double totalCost() {
            double sum = 0;
            for (double c : costs) {
                sum += c;
            }
            return sum;
        }
    }

    /** The one row under the table: {@code Total}, the token sums and the cost; nothing in time and session. */
    static final class TotalsModel extends AbstractTableModel {
        private final Object[] cells;
        private final String[] columns;

        TotalsModel(TurnTableModel turns, Messages m) {
            TokenCounts t = turns.totalTokens();
            // no sum of the shares: across resets and windows it would mean nothing
            cells = new Object[] {null, "", m.get("table.total"), t.input(), t.output(), t.cacheWrite(),
                    t.cacheRead(), turns.totalCost(), null, null};
            columns = columnNames(m);
        }

        @Override
        public int getRowCount() {
            return 1;
        }

        @Override
        public int getColumnCount() {
            return cells.length;
        }

        @Override
        public String getColumnName(int column) {
            return columns[column];
        }

        @Override
        public Class<?> getColumnClass(int column) {
            return columnClass(column);
        }

        @Override
        public Object getValueAt(int row, int column) {
            return cells[column];
        }
    }

    private static String[] columnNames(Messages m) {
        return new String[] {m.get("table.time"), m.get("table.session"), m.get("table.model"),
                m.get("table.input"), m.get("table.output"), m.get("table.cache_write"),
                m.get("table.cache_read"), m.get("table.cost"), m.get("table.share_5h"), m.get("table.share_7d")};
    }

    /** A request's share of a quota window in percentage points; sorts by its value. */
    record QuotaShare(double points) implements Comparable<QuotaShare> {
        @Override
        public int compareTo(QuotaShare o) {
            return Double.compare(points, o.points);
        }
    }

    private static Class<?> columnClass(int column) {
        return switch (column) {
            case 0 -> Instant.class;
            case 1, 2 -> String.class;
            case 7 -> Double.class;
            case 8, 9 -> QuotaShare.class;
            default -> Long.class;
        };
    }

    /** Shows the rows in a window of its own, as wide as its columns (at most the screen). */
    static JDialog show(Window owner, String title, List<ApiResponse> rows, Pricing pricing, Messages m, ZoneId zone,
                        JoinedQuota quota) {
        JComponent content = content(rows, pricing, m, zone, quota);
        JDialog d = AppDialogs.dialog(owner, title, content, m);
        d.setName("turn-log");
        d.pack();
        int unit = BudmonTheme.font(BudmonTheme.FONT).getSize();
        d.setSize(d.getWidth(), Math.max(d.getHeight(), unit * 36));
        TextDialog.fitToScreen(d, owner);
        d.setVisible(true);
        return d;
    }

    /** The dialog's content: the table (or "No requests yet."), the totals row and the count. */
    static JComponent content(List<ApiResponse> rows, Pricing pricing, Messages m, ZoneId zone) {
        return content(rows, pricing, m, zone, null);
    }

    /** @param quota the quota history joined to the rows, for their shares; {@code null} without one */
    static JComponent content(List<ApiResponse> rows, Pricing pricing, Messages m, ZoneId zone, JoinedQuota quota) {
        if (rows.isEmpty()) {
            return AppDialogs.emptyLabel(m.get("table.empty"));
        }
        TurnTableModel model = new TurnTableModel(rows, pricing, m, quota);
        JTable table = table(model, m, zone);
        JTable totals = totals(table, new TotalsModel(model, m), m, zone);
        sizeColumns(table, totals);
        ToneLabel count = new ToneLabel("turns:count", BudmonTheme.FONT_SMALL, Tone.DIM);
        count.show(m.get("table.count", AmountFormat.tokensFull((long) rows.size(), m.locale())));
        count.setBorder(BorderFactory.createEmptyBorder(UIScale.scale(4), UIScale.scale(6), UIScale.scale(2), 0));
        JPanel content = new JPanel(new BorderLayout());
        content.add(withTotals(table, totals, Math.min(24, rows.size()), "turns-scroll"), BorderLayout.CENTER);
        content.add(count, BorderLayout.SOUTH);
        return content;
    }

    /**
     * The table in a scroll pane, as wide as its columns and {@code rows} rows tall (the window may be made
     * smaller or larger), with the totals row under it in a scroll pane of its own without header that
     * scrolls sideways with the table's, so that the totals stay in view.
     */
    static JPanel withTotals(JTable table, JTable totals, int rows, String scrollName) {
        JScrollPane scroll = new JScrollPane(table, ScrollPaneConstants.VERTICAL_SCROLLBAR_ALWAYS,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_AS_NEEDED);
        scroll.setName(scrollName);
        int width = table.getColumnModel().getTotalColumnWidth();
        scroll.getViewport().setPreferredSize(new Dimension(width, table.getRowHeight() * rows));
        JScrollPane totalsScroll = new JScrollPane(totals, ScrollPaneConstants.VERTICAL_SCROLLBAR_ALWAYS,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        totalsScroll.setColumnHeaderView(null);
        totalsScroll.getViewport().setPreferredSize(new Dimension(width, totals.getRowHeight()));
        scroll.getHorizontalScrollBar().addAdjustmentListener(e ->
                totalsScroll.getViewport().setViewPosition(new java.awt.Point(e.getValue(), 0)));
        JPanel panel = new JPanel(new BorderLayout());
        panel.add(scroll, BorderLayout.CENTER);
        panel.add(totalsScroll, BorderLayout.SOUTH);
        return panel;
    }

    static JTable table(TurnTableModel model, Messages m, ZoneId zone) {
        JTable table = new FittingTable(model);
        table.setName("turns");
        renderers(table, m, zone);
        TableRowSorter<TurnTableModel> sorter = new TableRowSorter<>(model);
        sorter.setSortKeys(List.of(new RowSorter.SortKey(0, SortOrder.DESCENDING)));
        table.setRowSorter(sorter);
        sizeColumns(table);
        return table;
    }

    /** The totals row under {@code table}: its columns, in bold, without a header, not selectable. */
    static JTable totals(JTable table, TableModel model, Messages m, ZoneId zone) {
        JTable totals = new FittingTable(model);
        totals.setName("turns:totals");
        totals.setAutoCreateColumnsFromModel(false);
        totals.setColumnModel(table.getColumnModel());
        totals.setTableHeader(null);
        totals.setFocusable(false);
        totals.setRowSelectionAllowed(false);
        renderers(totals, m, zone);
        totals.setFont(BudmonTheme.font(BudmonTheme.FONT_BOLD));
        totals.setRowHeight(table.getRowHeight());
        return totals;
    }

    /** The table's font and how times (in {@code zone}), token counts and dollars are shown. */
    static void renderers(JTable table, Messages m, ZoneId zone) {
        table.setFont(BudmonTheme.font(BudmonTheme.FONT));
        table.setFillsViewportHeight(true);
        table.setDefaultRenderer(Instant.class, new DefaultTableCellRenderer() {
            @Override
            protected void setValue(Object value) {
                // the language's own date order: "Mon Dec 8 21:07:09", "Mo 08.12. 21:07:09"
                setText(value == null ? "" : TimeFormat.weekdayDateTimeSeconds((Instant) value, zone, m));
            }
        });
        table.setDefaultRenderer(Long.class, new DefaultTableCellRenderer() {
            {
                setHorizontalAlignment(SwingConstants.RIGHT);
            }

            @Override
            protected void setValue(Object value) {
                setText(AmountFormat.tokensFull((Long) value, m.locale()));
            }
        });
        table.setDefaultRenderer(Double.class, new DefaultTableCellRenderer() {
            {
                setHorizontalAlignment(SwingConstants.RIGHT);
            }

            @Override
            protected void setValue(Object value) {
                setText(AmountFormat.dollars((Double) value, m.locale()));
            }
        });
        table.setDefaultRenderer(QuotaShare.class, new DefaultTableCellRenderer() {
            {
                setHorizontalAlignment(SwingConstants.RIGHT);
            }

            @Override
            protected void setValue(Object value) {
                setText(value == null ? "" : AmountFormat.percentPoints(((QuotaShare) value).points(), m.locale()));
            }
        });
    }

    /**
     * Sets every column's preferred and minimum width to its widest entry (header and the newest
     * {@link #SIZING_ROWS} rows) plus a gap, so that no time, model id or figure is cut off.
     */
    static void sizeColumns(JTable table, JTable... sharing) {
        int gap = UIScale.scale(14);
        for (int c = 0; c < table.getColumnCount(); c++) {
            TableColumn column = table.getColumnModel().getColumn(c);
            TableCellRenderer header = column.getHeaderRenderer() != null ? column.getHeaderRenderer()
                    : table.getTableHeader().getDefaultRenderer();
            int width = header.getTableCellRendererComponent(table, column.getHeaderValue(), false, false, -1, c)
                    .getPreferredSize().width;
            width = Math.max(width, widest(table, c));
            for (JTable other : sharing) {
                width = Math.max(width, widest(other, c));
            }
            column.setMinWidth(width + gap);
            column.setPreferredWidth(width + gap);
        }
    }

    private static int widest(JTable table, int c) {
        int width = 0;
        int rows = Math.min(table.getRowCount(), SIZING_ROWS);
        for (int r = 0; r < rows; r++) {
            Component cell = table.prepareRenderer(table.getCellRenderer(r, c), r, c);
            width = Math.max(width, cell.getPreferredSize().width);
        }
        return width;
    }

    /**
     * A table that fills the viewport's width when that is wider than its columns and scrolls sideways when it
     * is narrower, instead of squeezing columns below their content.
     */
    static final class FittingTable extends JTable {
        FittingTable(TableModel model) {
            super(model);
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return getParent() == null || getPreferredSize().width <= getParent().getWidth();
        }
    }
}

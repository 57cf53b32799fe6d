package dev.budmon.ui;

import dev.budmon.calc.Cost;
import dev.budmon.calc.Pricing;
import dev.budmon.format.AmountFormat;
import dev.budmon.i18n.Messages;
import dev.budmon.model.ApiResponse;
import dev.budmon.ui.theme.BudmonTheme;

import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.SwingConstants;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import java.awt.Window;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The per-turn figures of one session or of all sessions, as a sortable table: time, session, model, the
 * four token kinds and the cost at the configured prices. Newest first. EDT only.
 */
final class TurnLogWindow {

    private TurnLogWindow() {
    }

    /** The table's model: one response a row; cells are typed so that sorting is numeric. */
    static final class TurnTableModel extends AbstractTableModel {

        private final List<ApiResponse> rows;
        private final double[] costs;
        private final String[] columns;

        TurnTableModel(List<ApiResponse> rows, Pricing pricing, Messages m) {
            this.rows = List.copyOf(rows);
            this.costs = new double[rows.size()];
            for (int i = 0; i < costs.length; i++) {
                ApiResponse r = rows.get(i);
                Cost c = pricing.cost(r.model(), r.tokens());
                costs[i] = c.total();
            }
            this.columns = new String[] {m.get("table.time"), m.get("table.session"), m.get("table.model"),
                    m.get("table.input"), m.get("table.output"), m.get("table.cache_write"),
                    m.get("table.cache_read"), m.get("table.cost")};
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
            return switch (column) {
                case 0 -> Instant.class;
                case 1, 2 -> String.class;
                case 7 -> Double.class;
                default -> Long.class;
            };
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
                default -> costs[row];
            };
        }
    }

    /** Shows the rows in a window of its own. */
    static JDialog show(Window owner, String title, List<ApiResponse> rows, Pricing pricing, Messages m, ZoneId zone) {
        JComponent content;
        if (rows.isEmpty()) {
            content = AppDialogs.emptyLabel(m.get("table.empty"));
        } else {
            JTable table = table(new TurnTableModel(rows, pricing, m), m.locale(), zone);
            content = new JScrollPane(table);
        }
        JDialog d = AppDialogs.dialog(owner, title, content, m);
        int unit = BudmonTheme.font(BudmonTheme.FONT).getSize();
        d.setSize(unit * 62, unit * 36);
        d.setLocationRelativeTo(owner);
        d.setVisible(true);
        return d;
    }

    static JTable table(TurnTableModel model, Locale locale, ZoneId zone) {
        JTable table = new JTable(model);
        table.setName("turns");
        table.setFont(BudmonTheme.font(BudmonTheme.FONT));
        table.setFillsViewportHeight(true);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("dd.MM. HH:mm:ss", locale).withZone(zone);
        table.setDefaultRenderer(Instant.class, new DefaultTableCellRenderer() {
            @Override
            protected void setValue(Object value) {
                setText(value == null ? "--" : time.format((Instant) value));
            }
        });
        table.setDefaultRenderer(Long.class, new DefaultTableCellRenderer() {
            {
                setHorizontalAlignment(SwingConstants.RIGHT);
            }

            @Override
            protected void setValue(Object value) {
                setText(AmountFormat.tokensFull((Long) value, locale));
            }
        });
        table.setDefaultRenderer(Double.class, new DefaultTableCellRenderer() {
            {
                setHorizontalAlignment(SwingConstants.RIGHT);
            }

            @Override
            protected void setValue(Object value) {
                setText(AmountFormat.dollars((Double) value, locale));
            }
        });
        TableRowSorter<TurnTableModel> sorter = new TableRowSorter<>(model);
        sorter.setSortKeys(List.of(new RowSorter.SortKey(0, SortOrder.DESCENDING)));
        table.setRowSorter(sorter);
        return table;
    }
}

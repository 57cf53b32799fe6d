package dev.budmon.ui;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.util.UIScale;
import dev.budmon.calc.Pricing;
import dev.budmon.files.AtomicFile;
import dev.budmon.format.AmountFormat;
import dev.budmon.i18n.Messages;
import dev.budmon.model.SourceWarning;
import dev.budmon.report.DateRange;
import dev.budmon.report.ModelLine;
import dev.budmon.report.Report;
import dev.budmon.report.ReportCsv;
import dev.budmon.report.ReportKind;
import dev.budmon.report.ReportOptions;
import dev.budmon.source.HistoryReports;
import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Window;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Logs › Reports: the reports of {@code budmon report} as tabs (daily, weekly, monthly, projects, sessions,
 * models), each a sortable table with a totals row, the time tabs with a bar chart of the cost stacked by
 * model; a range of days (presets or two dates) and Export CSV of the tab shown, in the CSV of
 * {@code budmon report --csv}. The history is read once, on the I/O thread, through the same index and
 * report code as the command line ({@link HistoryReports}); another range builds the reports again there
 * from what was read. EDT only, except where a method says otherwise.
 */
final class ReportsWindow {

    /** The dialog's name, for tests and for finding an open one. */
    static final String NAME = "reports";

    private final Messages m;
    private final ZoneId zone;
    private final DayOfWeek weekStart;
    private final Pricing pricing;
    private final Executor io;
    private final LocalDate today;
    private final JDialog dialog;
    private final JTabbedPane tabs = new JTabbedPane();
    private final Map<ReportKind, ReportTab> tabOf = new EnumMap<>(ReportKind.class);
    private final JComboBox<Choice> preset = new JComboBox<>();
    private final JTextField from = new JTextField(12);
    private final JTextField until = new JTextField(12);
    private final ToneLabel rangeProblem = new ToneLabel("reports:range-problem", BudmonTheme.FONT_SMALL, Tone.ALARM);
    private final ToneLabel status = new ToneLabel("reports:status", BudmonTheme.FONT_SMALL, Tone.DIM);
    private final JButton export;

    /** The history once read; {@code null} before. */
    private HistoryReports history;
    /** The models by their cost over the whole history, for the charts' colours; empty before it is read. */
    private List<String> colourOrder = List.of();
    private DateRange range = DateRange.ALL;
    /** Counts the builds asked for, so that a slower, older one does not replace a newer one. */
    private int builds;
    private boolean choosingPreset;

    /** A preset of the range, or "custom" ({@code preset} {@code null}), as the combo box lists it. */
    private record Choice(DateRange.Preset preset, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * @param today the day "last 7 days" and "this month" count from, in {@code zone}
     */
    private ReportsWindow(Window owner, Messages m, ZoneId zone, DayOfWeek weekStart, Pricing pricing, Executor io,
                          LocalDate today) {
        this.m = m;
        this.zone = zone;
        this.weekStart = weekStart;
        this.pricing = pricing;
        this.io = io;
        this.today = today;
        export = new JButton(m.get("reports.export"));
        export.setName("reports:export");
        export.setEnabled(false);
        export.addActionListener(e -> exportCsv());
        JPanel content = new JPanel(new BorderLayout(0, UIScale.scale(6)));
        content.setBorder(BorderFactory.createEmptyBorder(UIScale.scale(8), UIScale.scale(8), 0, UIScale.scale(8)));
        content.add(rangeBar(), BorderLayout.NORTH);
        tabs.setName("reports:tabs");
        for (ReportKind kind : ReportKind.values()) {
            ReportTab tab = new ReportTab(kind, m, zone);
            tabOf.put(kind, tab);
            tabs.addTab(m.get("reports.tab." + kind.word()), tab.panel());
        }
        content.add(tabs, BorderLayout.CENTER);
        content.add(status, BorderLayout.SOUTH);
        dialog = TextDialog.dialog(owner, m.get("reports.title"), content, m.get("dialog.close"), export);
        dialog.setName(NAME);
        dialog.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                // every response of the history is held for other ranges; a closed window needs none
                history = null;
                builds++;
            }
        });
    }

    /**
     * Opens the window and reads the history on {@code io}. EDT only.
     *
     * @param read  reads the history (on {@code io}); {@link HistoryReports#read} with the index of the
     *              command line
     * @param range the days shown first
     * @param tab   the tab shown first
     */
    static ReportsWindow show(Window owner, Messages m, ZoneId zone, DayOfWeek weekStart, Pricing pricing,
                              Executor io, LocalDate today, Callable<HistoryReports> read, DateRange range,
                              ReportKind tab) {
        ReportsWindow w = new ReportsWindow(owner, m, zone, weekStart, pricing, io, today);
        w.status.show(m.get("reports.reading"));
        w.range = range;
        w.showRange(range);
        w.select(tab);
        int unit = BudmonTheme.font(BudmonTheme.FONT).getSize();
        w.dialog.setSize(unit * 96, unit * 56);
        TextDialog.fitToScreen(w.dialog, owner);
        w.dialog.setVisible(true);
        int build = ++w.builds;
        io.execute(() -> {
            try {
                HistoryReports h = read.call();
                Map<ReportKind, Report> reports = w.build(h, range);
                List<String> order = w.colourOrder(h, range, reports);
                SwingUtilities.invokeLater(() -> {
                    if (w.dialog.isDisplayable()) { // not closed while it was read
                        w.history = h;
                        w.colourOrder = order;
                        w.shown(build, reports);
                    }
                });
            } catch (Exception | LinkageError e) {
                SwingUtilities.invokeLater(() -> w.status.show(m.get("reports.read_failed", e.toString()), Tone.ALARM));
            }
        });
        return w;
    }

    /** The dialog. */
    JDialog dialog() {
        return dialog;
    }

    /** The language of its texts. */
    String language() {
        return m.language();
    }

    /** Every report for the range. Pure; on the I/O thread. */
    private Map<ReportKind, Report> build(HistoryReports h, DateRange r) {
        Map<ReportKind, Report> reports = new EnumMap<>(ReportKind.class);
        for (ReportKind kind : ReportKind.values()) {
            reports.put(kind, h.build(new ReportOptions(kind, zone, weekStart, r.since(), r.until()), pricing));
        }
        return reports;
    }

    /**
     * The models by their cost over the whole history, most first: a model's colour in the charts, which stays
     * when the range changes: the models report of {@code reports} when they are of the whole history. Pure; on
     * the I/O thread.
     */
    private List<String> colourOrder(HistoryReports h, DateRange range, Map<ReportKind, Report> reports) {
        Report all = range.since() == null && range.until() == null ? reports.get(ReportKind.MODELS)
                : h.build(new ReportOptions(ReportKind.MODELS, zone, weekStart, null, null), pricing);
        List<String> order = new ArrayList<>();
        for (ModelLine line : all.total().models()) {
            order.add(line.model());
        }
        return order;
    }

    /** Shows the reports of a build unless a newer one was asked for meanwhile. */
    private void shown(int build, Map<ReportKind, Report> reports) {
        if (build != builds) {
            return;
        }
        for (Map.Entry<ReportKind, Report> e : reports.entrySet()) {
            tabOf.get(e.getKey()).show(e.getValue(), colourOrder);
        }
        Report total = reports.get(ReportKind.DAILY);
        List<SourceWarning> warnings = history.warnings();
        if (warnings.isEmpty()) {
            status.show(m.get("reports.count", AmountFormat.tokensFull((long) total.total().requests(), m.locale()),
                    AmountFormat.dollars(total.total().cost().total(), m.locale())), Tone.DIM);
        } else {
            SourceWarning w = warnings.get(0);
            status.show(w.source() + ": " + w.message() + (warnings.size() > 1 ? " (+" + (warnings.size() - 1) + ")" : ""),
                    Tone.WARN);
        }
        export.setEnabled(true);
    }

    // ---- the range ----

    private JComponent rangeBar() {
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, UIScale.scale(6), 0));
        preset.setName("reports:preset");
        for (DateRange.Preset p : DateRange.Preset.values()) {
            preset.addItem(new Choice(p, m.get("reports.range." + p.name().toLowerCase(java.util.Locale.ROOT))));
        }
        preset.addItem(new Choice(null, m.get("reports.range.custom")));
        preset.addActionListener(e -> presetChosen());
        from.setName("reports:from");
        until.setName("reports:until");
        for (JTextField f : List.of(from, until)) {
            f.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, m.get("reports.range.placeholder"));
            f.setFont(BudmonTheme.font(BudmonTheme.FONT));
            f.addActionListener(e -> applyFields());
        }
        JButton apply = new JButton(m.get("reports.range.apply"));
        apply.setName("reports:apply");
        apply.addActionListener(e -> applyFields());
        bar.add(new JLabel(m.get("reports.range.label")));
        bar.add(preset);
        bar.add(new JLabel(m.get("reports.range.from")));
        bar.add(from);
        bar.add(new JLabel(m.get("reports.range.until")));
        bar.add(until);
        bar.add(apply);
        bar.add(rangeProblem);
        return bar;
    }

    private void presetChosen() {
        Choice c = (Choice) preset.getSelectedItem();
        if (choosingPreset || c == null || c.preset() == null) {
            return;
        }
        DateRange r = c.preset().on(today);
        showRange(r);
        applyFields();
    }

    /** Reads the two fields; a day that cannot be read, or an end before the start, is marked and said. */
    void applyFields() {
        LocalDate[] days = new LocalDate[2];
        JTextField[] fields = {from, until};
        for (int i = 0; i < fields.length; i++) {
            try {
                days[i] = DateRange.parseDay(fields[i].getText());
                mark(fields[i], false);
            } catch (DateTimeParseException e) {
                mark(fields[i], true);
                rangeProblem.show(m.get("reports.range.invalid", fields[i].getText().strip()));
                return;
            }
        }
        DateRange r = new DateRange(days[0], days[1]);
        if (!r.isValid()) {
            mark(until, true);
            rangeProblem.show(m.get("reports.range.reversed"));
            return;
        }
        rangeProblem.show("");
        showRange(r);
        range = r;
        rebuild();
    }

    /** The range in the fields and the preset that is it, or Custom. */
    private void showRange(DateRange r) {
        from.setText(r.since() == null ? "" : r.since().toString());
        until.setText(r.until() == null ? "" : r.until().toString());
        choosingPreset = true;
        preset.setSelectedIndex(preset.getItemCount() - 1);
        for (int i = 0; i < preset.getItemCount() - 1; i++) {
            if (preset.getItemAt(i).preset().on(today).equals(r)) {
                preset.setSelectedIndex(i);
                break;
            }
        }
        choosingPreset = false;
    }

    /** The days shown. */
    DateRange range() {
        return range;
    }

    private static void mark(JTextField field, boolean wrong) {
        field.putClientProperty(FlatClientProperties.OUTLINE, wrong ? FlatClientProperties.OUTLINE_ERROR : null);
    }

    /** Builds the reports of the range on the I/O thread from the history read. */
    private void rebuild() {
        HistoryReports h = history;
        if (h == null) {
            return; // the first build, still reading, is asked again with the range once it is read
        }
        int build = ++builds;
        DateRange r = range;
        io.execute(() -> {
            Map<ReportKind, Report> reports = build(h, r);
            SwingUtilities.invokeLater(() -> shown(build, reports));
        });
    }

    // ---- export ----

    /** The kind of the tab shown. */
    ReportKind selectedKind() {
        return ReportKind.values()[tabs.getSelectedIndex()];
    }

    private void exportCsv() {
        Report report = tabOf.get(selectedKind()).report();
        if (report == null) {
            return;
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setName("reports:chooser");
        chooser.setDialogTitle(m.get("reports.export"));
        chooser.setFileFilter(new FileNameExtensionFilter("CSV", "csv"));
        chooser.setSelectedFile(new File("budmon-" + report.options().kind().word() + ".csv"));
        if (chooser.showSaveDialog(dialog) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path chosen = chooser.getSelectedFile().toPath();
        Path file = chosen.getFileName().toString().contains(".") ? chosen
                : chosen.resolveSibling(chosen.getFileName() + ".csv");
        io.execute(() -> {
            try {
                StringBuilder csv = new StringBuilder();
                ReportCsv.write(report, csv);
                AtomicFile.replace(file, csv.toString().getBytes(StandardCharsets.UTF_8));
                SwingUtilities.invokeLater(() -> status.show(m.get("reports.exported", file), Tone.OK));
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> status.show(m.get("reports.export_failed", file, e.getMessage()),
                        Tone.ALARM));
            }
        });
    }

    /** Shows a tab. */
    void select(ReportKind kind) {
        tabs.setSelectedIndex(kind.ordinal());
    }
}

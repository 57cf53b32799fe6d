package dev.budmon.ui;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.QuotaCaptions;
import dev.budmon.ui.view.QuotaSectionView;
import dev.budmon.ui.view.TonedText;
import dev.budmon.ui.widget.CountdownRing;
import dev.budmon.ui.widget.QuotaBar;
import dev.budmon.ui.widget.RingModel;

import javax.swing.JPanel;
import java.awt.GridBagLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The quota windows: the first full section with the countdown ring beside it, further full sections
 * below, then the compact one-line sections in an aligned grid. Long values (a weekly window's date and
 * countdown) get a row of their own, so nothing is cut off; bars take the width the window has beyond that.
 *
 * <p>Updating with a view of the same shape (same sections, same forms) only changes texts and models;
 * a different shape rebuilds the children. EDT only.
 */
final class QuotaPanel extends JPanel {

    private final CountdownRing ring = new CountdownRing();
    private final List<Section> sections = new ArrayList<>();
    private List<String> shape = List.of("none");

    QuotaPanel() {
        super(new GridBagLayout());
        setOpaque(false);
        ring.setName("quota:ring");
    }

    /** @return {@code true} if the children were rebuilt (the window may need a new size) */
    boolean show(List<QuotaSectionView> views, QuotaCaptions captions, RingModel ringModel, String ringTip) {
        boolean rebuilt = false;
        List<String> newShape = shapeOf(views);
        if (!newShape.equals(shape)) {
            rebuild(views);
            shape = newShape;
            rebuilt = true;
        }
        for (int i = 0; i < views.size(); i++) {
            sections.get(i).show(views.get(i), captions);
        }
        ring.setModel(ringModel);
        Tips.set(ring, ringTip);
        return rebuilt;
    }

    /** Finds the section of the quota window {@code window} (e.g. {@code 5h}), for tests; {@code null} if none. */
    Section section(String window) {
        for (Section s : sections) {
            if (s.window.equals(window)) {
                return s;
            }
        }
        return null;
    }

    private static List<String> shapeOf(List<QuotaSectionView> views) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            QuotaSectionView v = views.get(i);
            // the first full section sits beside the ring in one column; later ones use two; the window key is
            // part of the shape because the components are named after it
            s.add(v.window() + ":" + (v.compact() ? "compact" : i == 0 ? "ring" : "full")
                    + (v.hasNote() ? "+note" : "") + (v.hasAlert() && !v.compact() ? "+alert" : ""));
        }
        return s;
    }

    private void rebuild(List<QuotaSectionView> views) {
        removeAll();
        sections.clear();
        int row = 0;
        boolean ringBesideFirst = !views.isEmpty() && !views.get(0).compact();
        if (!ringBesideFirst) {
            // no full section to stand beside (no data yet, or only compact windows): the ring heads the block
            add(ring, Cell.at(0, row++).span(2).end());
        }
        JPanel compactGrid = null;
        int compactRow = 0;
        for (int i = 0; i < views.size(); i++) {
            QuotaSectionView v = views.get(i);
            int top = row == 0 ? 0 : 10;
            if (v.compact()) {
                if (compactGrid == null) {
                    compactGrid = new JPanel(new GridBagLayout());
                    compactGrid.setOpaque(false);
                    add(compactGrid, Cell.at(0, row++).span(2).fillX().gap(top, 0, 0, 0));
                }
                sections.add(Section.compact(compactGrid, compactRow++, v));
            } else {
                Section s = Section.full(v, i == 0);
                sections.add(s);
                if (i == 0) {
                    add(s.panel, Cell.at(0, row).fillX().top().gap(top, 0, 0, 12));
                    add(ring, Cell.at(1, row).topEnd().gap(top, 0, 0, 0));
                } else {
                    add(s.panel, Cell.at(0, row).span(2).fillX().gap(top, 0, 0, 0));
                }
                row++;
            }
        }
        revalidate();
        repaint();
    }

    /** One quota window's components, either in a panel of its own (full) or in the shared compact grid. */
    static final class Section {
        /** The quota window's key, e.g. {@code 5h}; the components' names start with {@code quota:<key>}. */
        final String window;
        /** The full section's own panel; {@code null} for a compact one, whose parts sit in the shared grid. */
        final JPanel panel;
        final ToneLabel label;
        final QuotaBar bar;
        private final ToneLabel note;
        private final ToneLabel alert;
        private final ToneLabel mark;
        private final ToneLabel resetCaption;
        private final ToneLabel reset;
        private final ToneLabel countdown;
        private final ToneLabel expiryCaption;
        private final ToneLabel expiry;
        private final ToneLabel reserveCaption;
        private final ToneLabel reserve;
        private final ToneLabel burnCaption;
        private final ToneLabel burn;
        /** The figures at the current pace, each beside the one at the window's average. */
        private final ToneLabel expiryPace;
        private final ToneLabel reservePace;
        private final ToneLabel burnPace;

        private Section(String id, boolean compact) {
            window = id;
            if (compact) {
                panel = null;
            } else {
                panel = new JPanel(new GridBagLayout());
                panel.setOpaque(false);
                panel.setName("quota:" + id);
            }
            label = new ToneLabel("quota:" + id + ".label", compact ? BudmonTheme.FONT : BudmonTheme.FONT_BOLD,
                    Tone.NORMAL);
            bar = new QuotaBar(compact);
            bar.setName("quota:" + id + ".bar");
            note = new ToneLabel("quota:" + id + ".note", BudmonTheme.FONT, Tone.DIM);
            alert = new ToneLabel("quota:" + id + ".alert", BudmonTheme.FONT_BOLD, Tone.ALARM);
            mark = new ToneLabel("quota:" + id + ".mark", BudmonTheme.FONT, Tone.NORMAL);
            resetCaption = caption("reset");
            reset = value(id, "reset");
            countdown = value(id, "countdown");
            expiryCaption = caption("expiry");
            expiry = value(id, "expiry");
            reserveCaption = caption("reserve");
            reserve = value(id, "reserve");
            burnCaption = caption("burn");
            burn = value(id, "burn");
            expiryPace = value(id, "expiry_pace");
            reservePace = value(id, "reserve_pace");
            burnPace = value(id, "burn_pace");
        }

        private static ToneLabel caption(String what) {
            return new ToneLabel("caption:" + what, BudmonTheme.FONT, Tone.DIM);
        }

        private static ToneLabel value(String id, String what) {
            return new ToneLabel("quota:" + id + "." + what, BudmonTheme.FONT, Tone.NORMAL);
        }

        /**
         * A full section: label, bar, the alert if any, then the figures: beside the ring in one column; else
         * Reset and Expiry (whose values are long for a weekly window) each on a row of its own and Reserve and
         * Burn Rate side by side.
         */
        static Section full(QuotaSectionView v, boolean besideRing) {
            Section s = new Section(v.window(), false);
            int row = 0;
            s.panel.add(s.label, Cell.at(0, row++).span(4));
            s.panel.add(s.bar, Cell.at(0, row++).span(4).fillX().gap(2, 0, 3, 0));
            if (v.hasAlert()) {
                s.panel.add(s.alert, Cell.at(0, row++).span(4).gap(0, 0, 2, 0));
            }
            if (v.hasNote()) {
                s.panel.add(s.note, Cell.at(0, row).span(4));
                return s;
            }
            JPanel resetValue = new JPanel(new GridBagLayout());
            resetValue.setOpaque(false);
            resetValue.add(s.reset, Cell.at(0, 0).baseline());
            resetValue.add(s.countdown, Cell.at(1, 0).baseline().gap(0, 12, 0, 0));
            java.awt.Component expiry = s.withPace(s.expiry, s.expiryPace);
            java.awt.Component reserve = s.withPace(s.reserve, s.reservePace);
            java.awt.Component burn = s.withPace(s.burn, s.burnPace);
            if (besideRing) {
                s.pair(s.resetCaption, resetValue, 0, row++, 1);
                s.pair(s.expiryCaption, expiry, 0, row++, 1);
                s.pair(s.reserveCaption, reserve, 0, row++, 1);
                s.pair(s.burnCaption, burn, 0, row, 1);
            } else {
                // with the pace beside them, Reserve and Burn Rate are too long to share a row
                s.pair(s.resetCaption, resetValue, 0, row++, 3);
                s.pair(s.expiryCaption, expiry, 0, row++, 3);
                s.pair(s.reserveCaption, reserve, 0, row++, 3);
                s.pair(s.burnCaption, burn, 0, row, 3);
            }
            return s;
        }

        /** A figure at the window's average with the one at the current pace after it, on one baseline. */
        private JPanel withPace(ToneLabel average, ToneLabel pace) {
            JPanel p = new JPanel(new GridBagLayout());
            p.setOpaque(false);
            p.add(average, Cell.at(0, 0).baseline());
            p.add(pace, Cell.at(1, 0).baseline().grow().gap(0, 8, 0, 0));
            return p;
        }

        private void pair(ToneLabel caption, java.awt.Component value, int column, int row, int valueColumns) {
            panel.add(caption, Cell.at(column, row).baseline().gap(0, column == 0 ? 0 : 12, 0, 8));
            panel.add(value, Cell.at(column + 1, row).span(valueColumns).baseline().grow());
        }

        /**
         * A compact section: its label, bar, reset (or note) and mark (what makes it warn when its bar does
         * not show it) as one row of the shared {@code grid}.
         */
        static Section compact(JPanel grid, int row, QuotaSectionView v) {
            Section s = new Section(v.window(), true);
            grid.add(s.label, Cell.at(0, row).gap(1, 0, 1, 8));
            grid.add(s.bar, Cell.at(1, row).fillX().gap(1, 0, 1, 8));
            grid.add(v.hasNote() ? s.note : s.reset, Cell.at(2, row).gap(1, 0, 1, 0));
            grid.add(s.mark, Cell.at(3, row).end().gap(1, 8, 1, 0));
            return s;
        }

        void show(QuotaSectionView v, QuotaCaptions captions) {
            boolean dim = v.dimmed();
            label.show(v.label(), dim ? Tone.DIM : Tone.NORMAL);
            bar.setModel(v.bar());
            note.show(v.note(), Tone.DIM);
            alert.show(v.alert());
            mark.show(v.mark());
            for (javax.swing.JComponent c : new javax.swing.JComponent[] {label, bar, note, alert, mark}) {
                Tips.set(c, v.tip());
            }
            Tips.set(resetCaption, captions.resetTip());
            Tips.set(reset, captions.resetTip());
            Tips.set(countdown, captions.resetTip());
            Tips.set(expiryCaption, captions.expiryTip());
            Tips.set(expiry, captions.expiryTip());
            Tips.set(reserveCaption, captions.reserveTip());
            Tips.set(reserve, captions.reserveTip());
            Tips.set(burnCaption, captions.burnRateTip());
            Tips.set(burn, captions.burnRateTip());
            Tips.set(expiryPace, captions.expiryTip());
            Tips.set(reservePace, captions.reserveTip());
            Tips.set(burnPace, captions.burnRateTip());
            resetCaption.show(captions.reset());
            expiryCaption.show(captions.expiry());
            reserveCaption.show(captions.reserve());
            burnCaption.show(captions.burnRate());
            reset.show(dimmed(v.reset(), dim));
            countdown.show(dimmed(v.countdown(), dim));
            expiry.show(dimmed(v.expiry(), dim));
            reserve.show(dimmed(v.reserve(), dim));
            burn.show(dimmed(v.burnRate(), dim));
            expiryPace.show(dimmed(v.pace().expiry(), dim));
            reservePace.show(dimmed(v.pace().reserve(), dim));
            burnPace.show(dimmed(v.pace().burnRate(), dim));
        }

        private static TonedText dimmed(TonedText t, boolean dim) {
            return dim ? new TonedText(t.text(), Tone.DIM) : t;
        }
    }
}

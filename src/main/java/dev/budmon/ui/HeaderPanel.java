package dev.budmon.ui;

import dev.budmon.ui.theme.BudmonTheme;
import dev.budmon.ui.theme.Tone;
import dev.budmon.ui.view.HeaderView;
import dev.budmon.ui.widget.HeartbeatDot;
import dev.budmon.ui.widget.QuotaTrail;
import dev.budmon.ui.widget.TrailModel;

import javax.swing.JPanel;
import java.awt.GridBagLayout;

/** Title, version, heartbeat and the overall status. EDT only. */
final class HeaderPanel extends JPanel {

    private final ToneLabel title = new ToneLabel("header:title", BudmonTheme.FONT_TITLE, BudmonTheme.ACCENT);
    private final ToneLabel version = new ToneLabel("header:version", BudmonTheme.FONT_SMALL, Tone.DIM);
    private final HeartbeatDot heartbeat = new HeartbeatDot();
    /** The last 24 hours of 5h and 7d, in the room between the version and the status. */
    private final QuotaTrail trail = new QuotaTrail();
    private final ToneLabel status = new ToneLabel("header:status", BudmonTheme.FONT_BOLD, Tone.DIM);
    /** Which window runs out first and when; empty (and no height) when none does. */
    private final ToneLabel binds = new ToneLabel("header:binds", BudmonTheme.FONT, Tone.WARN);

    HeaderPanel() {
        super(new GridBagLayout());
        setOpaque(false);
        heartbeat.setName("header:heartbeat");
        trail.setName("header:trail");
        add(title, Cell.at(0, 0).baseline());
        add(version, Cell.at(1, 0).baseline().gap(0, 8, 0, 0).grow());
        add(trail, Cell.at(2, 0).gap(0, 6, 0, 8));
        add(heartbeat, Cell.at(3, 0).gap(0, 0, 0, 2));
        add(status, Cell.at(4, 0).baseline());
        add(binds, Cell.at(0, 1).span(5).end());
    }

    void show(HeaderView v) {
        title.show(v.title());
        version.show(v.version());
        heartbeat.setModel(v.heartbeat());
        status.show(v.status(), v.statusTone());
        Tips.set(title, v.titleTip());
        Tips.set(version, v.titleTip());
        Tips.set(heartbeat, v.heartbeatTip());
        Tips.set(status, v.statusTip());
        binds.show(v.binds());
        trail.setModel(v.trail());
        // nothing to show before the history is read, and no room beside the longest status words then
        trail.setVisible(!v.trail().equals(TrailModel.EMPTY));
        Tips.set(trail, v.trailTip());
        Tips.set(binds, v.bindsTip().isEmpty() ? null : v.bindsTip());
    }
}

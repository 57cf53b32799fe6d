package dev.budmon.ui.view;

import dev.budmon.ui.widget.RingModel;

import java.util.List;
import java.util.Objects;

/**
 * Everything the dashboard window shows, top to bottom. Built by a pure function of (state, now, config,
 * messages); the window compares it with the previous one and updates only what changed.
 *
 * @param windowTitle the frame's title, e.g. {@code BudMon}
 * @param menu        the menu bar
 * @param header      title, version, heartbeat and overall status
 * @param ring        the countdown ring beside the first quota section (the 5h window)
 * @param ringTip     the ring's tooltip: what it counts down to and why
 * @param captions    the captions of the quota figures
 * @param quotas      one section per quota window, in display order: the first gets the ring; compact
 *                    sections (per-model windows, overage) after the full ones
 * @param requests    Last Request / Total Requests and the 5h-window line
 * @param cache       the cache-hit section
 * @param notices     notes and warnings about the files, above the footer; usually none
 * @param footer      checks, data time and prices
 */
public record DashboardView(String windowTitle, MenuView menu, HeaderView header, RingModel ring, String ringTip,
                            QuotaCaptions captions, List<QuotaSectionView> quotas, RequestsView requests,
                            CacheView cache, List<NoticeView> notices, FooterView footer) {

    public DashboardView {
        Objects.requireNonNull(windowTitle, "windowTitle");
        Objects.requireNonNull(menu, "menu");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(ringTip, "ringTip");
        Objects.requireNonNull(captions, "captions");
        quotas = List.copyOf(quotas);
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(cache, "cache");
        notices = List.copyOf(notices);
        Objects.requireNonNull(footer, "footer");
    }
}

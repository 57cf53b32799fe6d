package dev.budmon.ui.view;

import dev.budmon.calc.Figures;
import dev.budmon.calc.PricedUsage;
import dev.budmon.config.BudmonConfig;
import dev.budmon.format.AmountFormat;
import dev.budmon.format.TimeFormat;
import dev.budmon.i18n.Messages;
import dev.budmon.quotacost.HistoryFigures;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The requests part of the {@link DashboardView}: the last request's and the session's tokens, cost and share of
 * quota, and the 5-hour window's cost. Pure, any thread; part of {@link DashboardViewBuilder}.
 */
final class RequestsBuilder {

    private RequestsBuilder() {
    }

    static RequestsView requests(Figures f, HistoryFigures h, BudmonConfig config, Messages m, ZoneId zone) {
        String prices = pricesInWords(config, m);
        RequestColumnView last = column(m.get("label.last_request"), f.lastRequest(), m, zone,
                m.get("tip.requests.last", prices), quotaRow(h == null ? null : h.lastRequest(), m,
                        "tip.requests.quota_last"));
        RequestColumnView total = column(m.get("label.total_requests"), f.session(), m, zone,
                m.get("tip.requests.total", prices), quotaRow(h == null ? null : h.session(), m,
                        "tip.requests.quota_total"));
        PricedUsage five = f.windowUsage().get("5h");
        TonedText line = five == null ? TonedText.UNKNOWN : TonedText.plain(tokensAndCost(five, m));
        String tip = m.get("tip.requests.window", prices);
        // what 1 % of the window is worth stands beside what the window cost so far
        QuotaSectionBuilder.Worth worth = QuotaSectionBuilder.worth(f.window("5h"), h, m);
        if (worth != null) {
            line = new TonedText(line.text() + " · " + worth.shortText().text(), line.tone());
            tip += "\n" + worth.text().text() + ". " + worth.tip();
        }
        return new RequestsView(last, total, new FigureRow(m.get("label.window_caption", QuotaSectionBuilder.windowLabel("5h", m)), line,
                tip));
    }

    private static final String[] ROW_KEYS = {"label.requests", "label.since", "label.input", "label.output",
            "label.cache_c", "label.cache_r"};
    private static final String[] ROW_TIPS = {"tip.requests.requests", "tip.requests.since", "tip.requests.input",
            "tip.requests.output", "tip.requests.cache_c", "tip.requests.cache_r"};

    /**
     * The share of quota a request or a session took: {@code 0.8% of 5h} (the 5-hour window, else the first
     * window known), every window's in the tooltip; unknown without history figures or a share.
     *
     * @param shares percentage points by window name, {@code null} values for unknown shares
     */
    static FigureRow quotaRow(Map<String, Double> shares, Messages m, String tipKey) {
        String label = m.get("label.quota_share");
        if (shares == null) {
            return new FigureRow(label, TonedText.UNKNOWN, m.get("tip.requests.quota_unknown"));
        }
        StringBuilder tip = new StringBuilder(m.get(tipKey));
        String first = null;
        String firstWindow = null;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String share = AmountFormat.percentPoints(e.getValue(), m.locale());
            tip.append("\n• ").append(QuotaSectionBuilder.windowLabel(e.getKey(), m)).append(": ").append(share);
            if (first == null || ("5h".equals(e.getKey()) && !"5h".equals(firstWindow))) {
                first = share;
                firstWindow = e.getKey();
            }
        }
        if (first == null) {
            return new FigureRow(label, TonedText.UNKNOWN, tip.append("\n").append(m.get("tip.requests.quota_none"))
                    .toString());
        }
        return FigureRow.of(label, m.get("requests.share", first, RingBuilder.shortLabel(firstWindow, m)), tip.toString());
    }

    private static RequestColumnView column(String title, PricedUsage u, Messages m, ZoneId zone, String tip,
                                            FigureRow quota) {
        String upper = title.toUpperCase(m.locale());
        List<FigureRow> rows = new ArrayList<>();
        if (u == null) {
            for (int i = 0; i < ROW_KEYS.length; i++) {
                rows.add(new FigureRow(m.get(ROW_KEYS[i]), TonedText.UNKNOWN, m.get(ROW_TIPS[i])));
            }
            rows.add(new FigureRow(quota.label(), TonedText.UNKNOWN, quota.tip()));
            return new RequestColumnView(upper, TonedText.UNKNOWN, rows, tip);
        }
        Locale locale = m.locale();
        String[] values = {AmountFormat.tokensFull((long) u.requests(), locale), TimeFormat.time(u.since(), zone),
                AmountFormat.tokensFull(u.tokens().input(), locale), AmountFormat.tokensFull(u.tokens().output(), locale),
                AmountFormat.tokensFull(u.tokens().cacheWrite(), locale),
                AmountFormat.tokensFull(u.tokens().cacheRead(), locale)};
        for (int i = 0; i < ROW_KEYS.length; i++) {
            rows.add(FigureRow.of(m.get(ROW_KEYS[i]), values[i], m.get(ROW_TIPS[i])));
        }
        rows.add(quota);
        return new RequestColumnView(upper, TonedText.plain(tokensAndCost(u, m)), rows, tip);
    }

    private static String tokensAndCost(PricedUsage u, Messages m) {
        return m.get("label.tokens_cost", AmountFormat.tokensCompact(u.tokens().total(), m.locale()),
                AmountFormat.dollars(u.cost().total(), m.locale()));
    }

    /** Which prices the dollar figures use, in words: each model's own, or one model's, or the custom ones. */
    static String pricesInWords(BudmonConfig config, Messages m) {
        return switch (config.model()) {
            case AUTO -> m.get("pricing.auto");
            case CUSTOM -> m.get("pricing.custom",
                    AmountFormat.plain(config.customPrices().input(), m.locale()),
                    AmountFormat.plain(config.customPrices().output(), m.locale()));
            default -> m.get("pricing.model", m.get("choice.model." + config.model().iniValue()));
        };
    }
}

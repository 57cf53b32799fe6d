package dev.budmon.ui.view;

import java.util.Objects;

/**
 * The footer line: that the monitor is alive, how old the data is, and which prices are in use.
 *
 * @param alive     e.g. {@code #412 · checked 12:34:56}: the checks of the files so far and the last one;
 *                  "Waiting for data..." while there is none
 * @param data      e.g. {@code data 12:30}, in the warn colour and in words when the quota figures are old:
 *                  {@code quota from 2 h ago}; empty while waiting
 * @param prices    e.g. {@code prices: Opus} when not every response is priced at its own model; else empty
 * @param aliveTip  tooltip of {@code alive}
 * @param dataTip   tooltip of {@code data}
 * @param pricesTip tooltip of {@code prices}
 */
public record FooterView(String alive, TonedText data, String prices, String aliveTip, String dataTip,
                         String pricesTip) {

    public FooterView {
        Objects.requireNonNull(alive, "alive");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(aliveTip, "aliveTip");
        Objects.requireNonNull(dataTip, "dataTip");
        Objects.requireNonNull(pricesTip, "pricesTip");
    }
}

package dev.budmon.statusline;

import java.util.ArrayList;
import java.util.List;

/**
 * What the status line can show, by the name used in {@code [statusline] elements} of {@code budmon.ini}.
 */
public enum Element {
    /** The working directory, home as {@code ~}. */
    CWD("cwd"),
    /** The model's name in brackets: {@code [Opus 5.5]}. */
    MODEL_INFO("model_info"),
    /** The 5-hour quota as a bar: {@code 5h ███░░░░░ 42%}. */
    BAR_5H("5h_bar"),
    /** The 7-day quota as a bar. */
    BAR_7D("7d_bar"),
    /** Time until the 5-hour window resets: {@code ↓2h14m}. */
    COUNTDOWN_5H("countdown_5h"),
    /** Time until the 7-day window resets: {@code ↓3d12h}. */
    COUNTDOWN_7D("countdown_7d"),
    /** Dollars the session cost as Claude Code counts them (its own figure, not BudMon's prices): {@code $1.42}. */
    CLAUDE_CODE_COST("cost"),
    /** Burn rate of the 5-hour window: {@code ⚡18%/h}. */
    BURN_5H("burn_5h"),
    /** Burn rate of the 7-day window, per day: {@code ⚡42%/d}. */
    BURN_7D("burn_7d"),
    /** Reserve of the 5-hour window (expiry minus reset): {@code +1h12m}. */
    RESERVE("reserve"),
    /** Cache-hit ratio of the newest response: {@code ⊞72%}. */
    CACHE("cache"),
    /** Uncached input tokens of the session: {@code →125k}. */
    TOKENS_IN("tokens_in"),
    /** Output tokens of the session: {@code ←42k}. */
    TOKENS_OUT("tokens_out"),
    /** API responses (requests) in the session: {@code #28}. */
    REQUESTS("requests"),
    /** The model's name alone: {@code Opus 5.5}. */
    MODEL("model"),
    /** The 5-hour window's pace now, from the last hour of the quota history: {@code ↗23%/h}. */
    PACE_5H("pace_5h"),
    /** The 7-day window's pace now, per day: {@code ↗60%/d}. */
    PACE_7D("pace_7d"),
    /** The window that runs out first before its reset at the current pace, and in how long: {@code 7d_sonnet out 2h5m}. */
    BINDS("binds");

    private final String iniName;

    Element(String iniName) {
        this.iniName = iniName;
    }

    /** The name in {@code budmon.ini}. */
    public String iniName() {
        return iniName;
    }

    /**
     * The elements of the configured names, in order, each once.
     *
     * @param unknown receives the names that are no element
     */
    public static List<Element> of(List<String> names, List<String> unknown) {
        List<Element> out = new ArrayList<>();
        for (String name : names) {
            Element e = byName(name);
            if (e == null) {
                unknown.add(name);
            } else if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The element of that INI name (case-insensitive, trimmed), or {@code null} for an unknown name. */
    public static Element byName(String name) {
        String n = name.trim();
        for (Element e : values()) {
            if (e.iniName.equalsIgnoreCase(n)) {
                return e;
            }
        }
        return null;
    }
}

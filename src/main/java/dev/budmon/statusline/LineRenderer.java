package dev.budmon.statusline;

import dev.budmon.calc.BindingLimit;
import dev.budmon.calc.Level;
import dev.budmon.calc.Levels;
import dev.budmon.calc.PaceForecast;
import dev.budmon.calc.WindowForecast;
import dev.budmon.config.Thresholds;
import dev.budmon.format.CompactFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds the status line from the figures: the configured elements in order, separated by one space, at
 * most {@code max_width} visible columns. An element that does not fit is left out whole and the next ones
 * are still tried; an element whose figure is unknown is left out. Only warnings (yellow) and alarms (red)
 * are coloured, each figure by its own thresholds (quota, burn rate, reserve, cache). Pure; any thread.
 */
public final class LineRenderer {

    /** ANSI yellow, for WARN. */
    public static final String YELLOW = "\u001b[33m";
    /** ANSI red, for ALARM. */
    public static final String RED = "\u001b[31m";
    /** ANSI reset. */
    public static final String RESET = "\u001b[0m";

    /** Cells of a quota bar. */
    static final int BAR_CELLS = 8;

    private LineRenderer() {
    }

    /**
     * The line, without a line break; empty when no element has a figure.
     *
     * @param elements   the elements to show, in order
     * @param maxWidth   visible columns at most
     * @param thresholds where figures turn yellow and red
     */
    public static String render(LineData d, List<Element> elements, int maxWidth, Thresholds thresholds) {
        StringBuilder line = new StringBuilder();
        int width = 0;
        for (Element e : elements) {
            String part = element(e, d, thresholds);
            if (part == null) {
                continue;
            }
            int w = TerminalWidth.of(part);
            int needed = width == 0 ? w : width + 1 + w;
            if (needed > maxWidth) {
                continue;
            }
            if (width > 0) {
                line.append(' ');
            }
            line.append(part);
            width = needed;
        }
        return line.toString();
    }

    /** One element, coloured when it warns or alarms; {@code null} when its figure is unknown. */
    static String element(Element e, LineData d, Thresholds t) {
        return switch (e) {
            case CWD -> d.cwd() == null ? null : printable(homeAsTilde(d.cwd(), d.home()));
            case MODEL_INFO -> d.modelName() == null ? null : "[" + printable(d.modelName()) + "]";
            case MODEL -> d.modelName() == null ? null : printable(d.modelName());
            case BAR_5H -> bar("5h", d.fiveHour(), t);
            case BAR_7D -> bar("7d", d.sevenDay(), t);
            case COUNTDOWN_5H -> countdown(d.fiveHour());
            case COUNTDOWN_7D -> countdown(d.sevenDay());
            case CLAUDE_CODE_COST -> d.claudeCodeCostUsd() == null ? null : CompactFormat.dollars(d.claudeCodeCostUsd());
            case BURN_5H -> burn(d.fiveHour(), false, t);
            case BURN_7D -> burn(d.sevenDay(), true, t);
            case RESERVE -> reserve(d.fiveHour(), t);
            case CACHE -> d.cacheRatio() == null || d.cacheRatio().isNaN() ? null
                    : coloured("⊞" + CompactFormat.percent(d.cacheRatio() * 100), Levels.cache(d.cacheRatio(), t));
            case TOKENS_IN -> d.inputTokens() == null ? null : "→" + CompactFormat.tokens(d.inputTokens());
            case TOKENS_OUT -> d.outputTokens() == null ? null : "←" + CompactFormat.tokens(d.outputTokens());
            case REQUESTS -> d.requests() == null ? null : "#" + d.requests();
            case PACE_5H -> pace(d.pace5h(), false);
            case PACE_7D -> pace(d.pace7d(), true);
            case BINDS -> binds(d.binds(), d.now(), t);
        };
    }

    /** {@code ↗23%/h} (per day for the 7-day window), coloured by the burn-rate thresholds. */
    private static String pace(PaceForecast p, boolean perDay) {
        if (p == null || p.perHour() == null) {
            return null;
        }
        String text = perDay ? CompactFormat.rate(p.perDay()) + "%/d" : CompactFormat.rate(p.perHour()) + "%/h";
        return coloured("↗" + text, p.paceLevel());
    }

    /**
     * {@code 7d_sonnet out 2h5m}: the window that runs out before its reset, red when that is now or within the
     * reserve's safe margin, else yellow.
     */
    private static String binds(BindingLimit b, Instant now, Thresholds t) {
        if (b == null || now == null) {
            return null;
        }
        Duration left = Duration.between(now, b.runsOut());
        boolean soon = BindingLimit.NOW.equals(b.basis()) || left.compareTo(t.reserveSafe()) <= 0;
        String when = BindingLimit.NOW.equals(b.basis()) || left.isNegative() ? "now" : CompactFormat.duration(left);
        return coloured(printable(b.window()) + " out " + when, soon ? Level.ALARM : Level.WARN);
    }

    /** {@code 5h ███░░░░░ 42%}, coloured by the quota level. */
    private static String bar(String label, WindowForecast w, Thresholds t) {
        if (w == null || w.percent() == null) {
            return null;
        }
        double p = w.percent();
        int filled = (int) Math.round(Math.min(100, Math.max(0, p)) / 100 * BAR_CELLS);
        StringBuilder sb = new StringBuilder(label).append(' ');
        for (int i = 0; i < BAR_CELLS; i++) {
            sb.append(i < filled ? '█' : '░');
        }
        sb.append(' ').append(CompactFormat.percent(p));
        return coloured(sb.toString(), Levels.quota(p, t));
    }

    private static String countdown(WindowForecast w) {
        if (w == null || w.untilReset() == null) {
            return null;
        }
        return "↓" + CompactFormat.duration(w.untilReset());
    }

    /** {@code ⚡18%/h} for the 5-hour window, {@code ⚡42%/d} for the 7-day window, coloured by the burn level. */
    private static String burn(WindowForecast w, boolean perDay, Thresholds t) {
        if (w == null || w.burnPerHour() == null) {
            return null;
        }
        String text = perDay ? CompactFormat.rate(w.burnPerDay()) + "%/d" : CompactFormat.rate(w.burnPerHour()) + "%/h";
        return coloured("⚡" + text, Levels.burn(w.burnPerHour(), w.window().length(), t));
    }

    private static String reserve(WindowForecast w, Thresholds t) {
        if (w == null || w.reserve() == null) {
            return null;
        }
        return coloured(CompactFormat.signedDuration(w.reserve()), Levels.reserve(w.reserve(), t));
    }

    /** Yellow for WARN, red for ALARM, plain otherwise. */
    static String coloured(String text, Level level) {
        return switch (level) {
            case WARN -> YELLOW + text + RESET;
            case ALARM -> RED + text + RESET;
            case NONE, OK -> text;
        };
    }

    /**
     * The text with control characters (a line break or an escape in a directory name) shown as {@code ?}:
     * the status line is one line, and only BudMon's own colours may reach the terminal.
     */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append('?');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** The home directory as {@code ~}: {@code /home/ann/work} becomes {@code ~/work}. */
    static String homeAsTilde(String cwd, String home) {
        if (home == null || home.isEmpty() || home.equals("/")) {
            return cwd;
        }
        String h = home.endsWith("/") || home.endsWith("\\") ? home.substring(0, home.length() - 1) : home;
        if (cwd.equals(h)) {
            return "~";
        }
        if (cwd.startsWith(h) && cwd.length() > h.length() && (cwd.charAt(h.length()) == '/' || cwd.charAt(h.length()) == '\\')) {
            return "~" + cwd.substring(h.length());
        }
        return cwd;
    }
}

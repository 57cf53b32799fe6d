package dev.budmon.statusline;

import dev.budmon.calc.QuotaForecast;
import dev.budmon.calc.WindowForecast;
import dev.budmon.config.StatuslineConfig;
import dev.budmon.config.Thresholds;
import dev.budmon.model.QuotaWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.budmon.statusline.LineRenderer.RED;
import static dev.budmon.statusline.LineRenderer.RESET;
import static dev.budmon.statusline.LineRenderer.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;

class LineRendererTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Thresholds T = Thresholds.DEFAULTS;

    /** A window with this utilization (percent) whose reset lies {@code untilReset} ahead. */
    static WindowForecast window(String name, double percent, Duration untilReset) {
        return QuotaForecast.of(new QuotaWindow(name, percent / 100, NOW.plus(untilReset), null, null,
                QuotaWindow.lengthOf(name)), NOW, T);
    }

    static final WindowForecast FIVE = window("5h", 42, Duration.ofHours(2).plusMinutes(14).plusSeconds(30));
    static final WindowForecast SEVEN = window("7d", 15, Duration.ofDays(3).plusHours(12).plusMinutes(5));

    static final LineData FULL = new LineData("/home/ann/projects/budmon", "/home/ann", "Opus 5.5", FIVE, SEVEN,
            1.4234, 0.72, 125_000L, 42_000L, 28);

    private static String one(Element e, LineData d) {
        return LineRenderer.render(d, List.of(e), 200, T);
    }

    @Test
    void everyElementWithItsFigure() {
        assertThat(one(Element.CWD, FULL)).isEqualTo("~/projects/budmon");
        assertThat(one(Element.MODEL_INFO, FULL)).isEqualTo("[Opus 5.5]");
        assertThat(one(Element.MODEL, FULL)).isEqualTo("Opus 5.5");
        assertThat(one(Element.BAR_5H, FULL)).isEqualTo("5h ███░░░░░ 42%");
        assertThat(one(Element.BAR_7D, FULL)).isEqualTo("7d █░░░░░░░ 15%");
        assertThat(one(Element.COUNTDOWN_5H, FULL)).isEqualTo("↓2h14m");
        assertThat(one(Element.COUNTDOWN_7D, FULL)).isEqualTo("↓3d12h");
        assertThat(one(Element.CLAUDE_CODE_COST, FULL)).isEqualTo("$1.42");
        assertThat(one(Element.CACHE, FULL)).isEqualTo("⊞72%");
        assertThat(one(Element.TOKENS_IN, FULL)).isEqualTo("→125k");
        assertThat(one(Element.TOKENS_OUT, FULL)).isEqualTo("←42k");
        assertThat(one(Element.REQUESTS, FULL)).isEqualTo("#28");
    }

    @Test
    void burnRatesAndReserveFollowTheForecast() {
        // 42 % in the 2 h 45 min 30 s since the window started: 15.2 %/h; the 58 % left last 3 h 48 min
        // 32 s, 1 h 34 min past the reset. Per day for the 7-day window: 15 % in 3 d 11 h 55 min, 4.3 %/d.
        assertThat(FIVE.burnPerHour()).isCloseTo(15.23, org.assertj.core.data.Offset.offset(0.01));
        assertThat(one(Element.BURN_5H, FULL)).isEqualTo(YELLOW + "⚡15%/h" + RESET);
        assertThat(one(Element.BURN_7D, FULL)).isEqualTo("⚡4.3%/d");
        assertThat(one(Element.RESERVE, FULL)).isEqualTo("+1h34m");
    }

    @Test
    void theDefaultLineFitsEightyColumns() {
        String line = LineRenderer.render(FULL, Element.of(StatuslineConfig.DEFAULTS.elements(), new ArrayList<>()), 80, T);
        assertThat(line).isEqualTo("~/projects/budmon [Opus 5.5] 5h ███░░░░░ 42% 7d █░░░░░░░ 15% ↓2h14m +1h34m");
        assertThat(TerminalWidth.of(line)).isLessThanOrEqualTo(80);
    }

    @Test
    void quotaBarsTurnYellowFromWarnAndRedFromAlarm() {
        LineData d = withWindows(window("5h", 74.9, Duration.ofHours(1)), window("7d", 75, Duration.ofDays(2)));
        assertThat(one(Element.BAR_5H, d)).isEqualTo("5h ██████░░ 75%");
        assertThat(one(Element.BAR_7D, d)).isEqualTo(YELLOW + "7d ██████░░ 75%" + RESET);
        d = withWindows(window("5h", 90, Duration.ofHours(1)), window("7d", 130, Duration.ofDays(2)));
        assertThat(one(Element.BAR_5H, d)).isEqualTo(RED + "5h ███████░ 90%" + RESET);
        assertThat(one(Element.BAR_7D, d)).isEqualTo(RED + "7d ████████ 130%" + RESET);
    }

    @Test
    void coloursFollowTheConfiguredThresholds() {
        Thresholds strict = new Thresholds(40, 60, 0.8, 0.75, 5, 10, Duration.ofHours(3));
        String bar = LineRenderer.render(FULL, List.of(Element.BAR_5H), 80, strict);
        assertThat(bar).isEqualTo(YELLOW + "5h ███░░░░░ 42%" + RESET);
        assertThat(LineRenderer.render(FULL, List.of(Element.CACHE), 80, strict)).isEqualTo(RED + "⊞72%" + RESET);
        assertThat(LineRenderer.render(FULL, List.of(Element.CACHE), 80, T)).isEqualTo("⊞72%");
        // 15.2 %/h is a warning under the defaults and an alarm above burn_warn = 10; +1h34m is short of 3 h.
        assertThat(LineRenderer.render(FULL, List.of(Element.BURN_5H, Element.RESERVE), 80, strict))
                .isEqualTo(RED + "⚡15%/h" + RESET + " " + YELLOW + "+1h34m" + RESET);
    }

    @Test
    void reserveLevels() {
        // 80 % used 4 h into the window, 1 h left: 20 %/h, the rest lasts 1 h: reserve 0, an alarm.
        WindowForecast zero = window("5h", 80, Duration.ofHours(1));
        assertThat(one(Element.RESERVE, withWindows(zero, null))).isEqualTo(RED + "+<1m" + RESET);
        // 50 % used 4 h in: 12.5 %/h, 4 h left to use, reset in 1 h: 3 h of reserve, safe.
        WindowForecast safe = window("5h", 50, Duration.ofHours(1));
        assertThat(one(Element.RESERVE, withWindows(safe, null))).isEqualTo("+3h0m");
        // 60 % used 2 h in: 30 %/h, 1 h 20 min left, reset in 3 h: 1 h 40 min short.
        WindowForecast short_ = window("5h", 60, Duration.ofHours(3));
        assertThat(one(Element.RESERVE, withWindows(short_, null))).isEqualTo(RED + "-1h40m" + RESET);
        assertThat(one(Element.BURN_5H, withWindows(short_, null))).isEqualTo(RED + "⚡30%/h" + RESET);
        // 76 % used 4 h 30 min in: 16.9 %/h, the rest lasts 1 h 25 min, reset in 30 min: 55 min, a warning.
        WindowForecast warn = window("5h", 76, Duration.ofMinutes(30));
        assertThat(one(Element.RESERVE, withWindows(warn, null))).isEqualTo(YELLOW + "+55m" + RESET);
    }

    @Test
    void cacheLevels() {
        assertThat(one(Element.CACHE, withCache(0.5))).isEqualTo(YELLOW + "⊞50%" + RESET);
        assertThat(one(Element.CACHE, withCache(0.2))).isEqualTo(RED + "⊞20%" + RESET);
        assertThat(one(Element.CACHE, withCache(0.51))).isEqualTo("⊞51%");
    }

    @Test
    void aWindowWhoseResetPassedShowsAnEmptyBarAndNoForecast() {
        WindowForecast passed = QuotaForecast.of(new QuotaWindow("5h", 0.97, NOW.minusSeconds(60), null, null,
                Duration.ofHours(5)), NOW, T);
        LineData d = withWindows(passed, null);
        assertThat(one(Element.BAR_5H, d)).isEqualTo("5h ░░░░░░░░ 0%");
        assertThat(one(Element.COUNTDOWN_5H, d)).isEmpty();
        assertThat(one(Element.BURN_5H, d)).isEmpty();
        assertThat(one(Element.RESERVE, d)).isEmpty();
    }

    @Test
    void unknownFiguresLeaveTheirElementsOut() {
        assertThat(LineRenderer.render(LineData.EMPTY, List.of(Element.values()), 1000, T)).isEmpty();
        WindowForecast onlyReset = QuotaForecast.of(new QuotaWindow("5h", null, NOW.plusSeconds(600), null, null,
                Duration.ofHours(5)), NOW, T);
        LineData d = withWindows(onlyReset, null);
        assertThat(LineRenderer.render(d, List.of(Element.BAR_5H, Element.COUNTDOWN_5H, Element.RESERVE), 80, T))
                .isEqualTo("↓10m");
    }

    @Test
    void anElementThatDoesNotFitIsDroppedWholeAndLaterOnesStillTried() {
        List<Element> order = List.of(Element.CWD, Element.BAR_5H, Element.CLAUDE_CODE_COST, Element.REQUESTS);
        // "~/projects/budmon" 17 + " " + bar 15 = 33; "$1.42" would make 39; "#28" makes 37.
        assertThat(LineRenderer.render(FULL, order, 38, T)).isEqualTo("~/projects/budmon 5h ███░░░░░ 42% #28");
        assertThat(LineRenderer.render(FULL, order, 39, T)).isEqualTo("~/projects/budmon 5h ███░░░░░ 42% $1.42");
        assertThat(LineRenderer.render(FULL, order, 16, T)).isEqualTo("5h ███░░░░░ 42%");
        assertThat(LineRenderer.render(FULL, order, 10, T)).isEqualTo("$1.42 #28");
    }

    @Test
    void coloursDoNotCountTowardsTheWidth() {
        LineData d = withWindows(window("5h", 95, Duration.ofMinutes(20)), null);
        String line = LineRenderer.render(d, List.of(Element.BAR_5H, Element.COUNTDOWN_5H), 22, T);
        assertThat(line).isEqualTo(RED + "5h ████████ 95%" + RESET + " ↓20m");
        assertThat(line.length()).isGreaterThan(22);
        assertThat(TerminalWidth.of(line)).isEqualTo(20);
    }

    @Test
    void wideCharactersCountTwice() {
        LineData d = withWindows(window("5h", 42, Duration.ofHours(2)), null);
        // "⚡" is two columns wide: "⚡14%/h" takes 7, which does not fit in 6.
        assertThat(LineRenderer.render(d, List.of(Element.BURN_5H), 6, T)).isEmpty();
        assertThat(LineRenderer.render(d, List.of(Element.BURN_5H), 7, T)).isEqualTo("⚡14%/h");
    }

    @Test
    void homeBecomesTildeOnlyAtAPathBoundary() {
        assertThat(LineRenderer.homeAsTilde("/home/ann", "/home/ann")).isEqualTo("~");
        assertThat(LineRenderer.homeAsTilde("/home/ann/x", "/home/ann/")).isEqualTo("~/x");
        assertThat(LineRenderer.homeAsTilde("/home/anna/x", "/home/ann")).isEqualTo("/home/anna/x");
        assertThat(LineRenderer.homeAsTilde("/srv/x", "/home/ann")).isEqualTo("/srv/x");
    }

    @Test
    void controlCharactersInNamesCannotBreakTheLine() {
        LineData d = new LineData("/tmp/a\nb\u001b[31m", null, "Op\tus", null, null, null, null, null, null, null);
        assertThat(LineRenderer.render(d, List.of(Element.CWD, Element.MODEL_INFO), 80, T))
                .isEqualTo("/tmp/a?b?[31m [Op?us]");
    }

    private static LineData withWindows(WindowForecast five, WindowForecast seven) {
        return new LineData(null, null, null, five, seven, null, null, null, null, null);
    }

    private static LineData withCache(double ratio) {
        return new LineData(null, null, null, null, null, null, ratio, null, null, null);
    }
}

package dev.budmon.statusline;

import dev.budmon.calc.BindingLimit;
import dev.budmon.calc.Level;
import dev.budmon.calc.PaceForecast;
import dev.budmon.config.Thresholds;
import dev.budmon.history.HistoryAppender;
import dev.budmon.history.Observation;
import dev.budmon.history.WindowReading;
import dev.budmon.source.ClaudeDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.budmon.statusline.LineRenderer.RED;
import static dev.budmon.statusline.LineRenderer.RESET;
import static dev.budmon.statusline.LineRenderer.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The status line's elements from the quota history: pace_5h, pace_7d and binds. */
class HistoryElementsTest {

    static final Instant NOW = PayloadLimitsStoreTest.NOW;
    static final Thresholds T = Thresholds.DEFAULTS;

    @TempDir
    Path root;

    private static String one(Element e, LineData d) {
        return LineRenderer.render(d, List.of(e), 200, T);
    }

    @Test
    void pacesAndTheBindingWindowAsTheyAreShown() {
        LineData d = LineData.EMPTY.withHistory(
                new PaceForecast("5h", 12.34, null, null, 20, Level.OK, Level.NONE),
                new PaceForecast("7d", 2.5, null, null, 20, Level.WARN, Level.NONE),
                new BindingLimit("7d_sonnet", NOW.plus(Duration.ofHours(2).plusMinutes(5)), BindingLimit.PACE), NOW);
        assertThat(one(Element.PACE_5H, d)).isEqualTo("↗12%/h");
        assertThat(one(Element.PACE_7D, d)).isEqualTo(YELLOW + "↗60%/d" + RESET);
        assertThat(one(Element.BINDS, d)).isEqualTo(YELLOW + "7d_sonnet out 2h5m" + RESET);
        // within the reserve's safe margin (1 h), or out already: red
        LineData soon = d.withHistory(d.pace5h(), d.pace7d(), new BindingLimit("5h", NOW.plusSeconds(1800), BindingLimit.PACE), NOW);
        assertThat(one(Element.BINDS, soon)).isEqualTo(RED + "5h out 30m" + RESET);
        LineData out = d.withHistory(d.pace5h(), d.pace7d(), new BindingLimit("7d_opus", NOW, BindingLimit.NOW), NOW);
        assertThat(one(Element.BINDS, out)).isEqualTo(RED + "7d_opus out now" + RESET);
        // unknown: left out
        assertThat(LineRenderer.render(LineData.EMPTY, List.of(Element.PACE_5H, Element.PACE_7D, Element.BINDS), 200, T))
                .isEmpty();
        assertThat(Element.byName("pace_5h")).isEqualTo(Element.PACE_5H);
        assertThat(Element.byName("BINDS")).isEqualTo(Element.BINDS);
    }

    @Test
    void theCommandTakesThePaceFromTheHistorysLastHour() throws IOException {
        Path dir = Files.createDirectories(root.resolve(".claude"));
        Files.writeString(dir.resolve("budmon.ini"), "[statusline]\nelements = 5h_bar, burn_5h, pace_5h, pace_7d, binds\n");
        Instant reset = Instant.ofEpochSecond(PayloadLimitsStoreTest.RESET_5H); // 14:14, the period began 09:14
        Instant weekReset = Instant.ofEpochSecond(PayloadLimitsStoreTest.RESET_7D);
        // the interceptor saw 0.6 % a minute over the last two hours (36 %/h), 7d_sonnet 0.3 % a minute
        for (int m = 120; m >= 1; m--) {
            Map<String, WindowReading> w = new LinkedHashMap<>();
            w.put("5h", new WindowReading(0.78 - 0.006 * m, reset, "allowed"));
            w.put("7d", new WindowReading(0.50, weekReset, "allowed"));
            w.put("7d_sonnet", new WindowReading(0.80 - 0.003 * m, weekReset, "allowed"));
            HistoryAppender.append(dir, new Observation(NOW.minus(Duration.ofMinutes(m)), Observation.INTERCEPTOR,
                    "req_" + m, null, "allowed", w));
        }
        // and wrote the newest headers into usage-limits.json, where the status line finds 7d_sonnet
        Files.writeString(dir.resolve("usage-limits.json"), """
                {"source": "budmon-interceptor", "updated_at": "2026-11-26T11:59:00.000Z", "headers_raw": {
                  "anthropic-ratelimit-unified-5h-utilization": "0.774", "anthropic-ratelimit-unified-5h-reset": "%d",
                  "anthropic-ratelimit-unified-7d-utilization": "0.5", "anthropic-ratelimit-unified-7d-reset": "%d",
                  "anthropic-ratelimit-unified-7d_sonnet-utilization": "0.797",
                  "anthropic-ratelimit-unified-7d_sonnet-reset": "%d"}}
                """.formatted(reset.getEpochSecond(), weekReset.getEpochSecond(), weekReset.getEpochSecond()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StatuslineCommand.printLine(new ClaudeDirs(List.of(dir)),
                () -> new StdinPayload.Input("{\"session_id\": \"s1\"}".getBytes(StandardCharsets.UTF_8), null), root,
                root.resolve("cache"), NOW, new PrintStream(out, true), new PrintStream(err, true));
        String line = out.toString(StandardCharsets.UTF_8);
        // The window's average: 77.4 % in 2 h 46 min, 28 %/h. The pace over the last hour, growth up to a minute
        // ago: 36 %/h × (e^(-1/15) − e^(-4)) / (1 − e^(-4)) = 33.6 %/h (both red: from 25 %/h). 7d does not move.
        // The 5-hour window's 22.6 % left last 40 min at that pace, before 7d_sonnet's 20.3 % at 16.8 %/h (1 h 12 min).
        assertThat(line).isEqualTo(YELLOW + "5h ██████░░ 77%" + RESET + " " + RED + "⚡28%/h" + RESET + " " + RED
                + "↗34%/h" + RESET + " ↗0.0%/d " + RED + "5h out 40m" + RESET + "\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}

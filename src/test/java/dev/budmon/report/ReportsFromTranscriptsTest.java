package dev.budmon.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.model.TokenCounts;
import dev.budmon.source.transcript.ClaudeLines;
import dev.budmon.source.transcript.TranscriptStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reports of transcripts written the way Claude Code writes them, read by the real {@link TranscriptStore},
 * against the known truth of {@link HistoryFixture} and against Claude Code's own cost figures.
 */
class ReportsFromTranscriptsTest {

    private static final Pricing PRICES = new Pricing(PriceTable.bundled(), BudmonConfig.DEFAULTS);

    @TempDir
    Path tmp;

    private static Report report(TranscriptStore store, ReportKind kind, ZoneId zone) {
        return ReportBuilder.build(store.responses(null), store.sessions(),
                new ReportOptions(kind, zone, DayOfWeek.MONDAY, null, null), PRICES);
    }

    private static Map<String, Map<String, TokenCounts>> byModel(Report r) {
        Map<String, Map<String, TokenCounts>> out = new LinkedHashMap<>();
        for (ReportRow row : r.rows()) {
            Map<String, TokenCounts> models = new HashMap<>();
            for (ModelLine l : row.models()) {
                models.put(l.model(), l.tokens());
            }
            out.put(row.key(), models);
        }
        return out;
    }

    private static Map<String, Integer> requests(Report r) {
        Map<String, Integer> out = new HashMap<>();
        r.rows().forEach(row -> out.put(row.key(), row.requests()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham"})
    void daysEqualTheTruthInEveryTimeZone(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        Path dir = tmp.resolve(".claude");
        HistoryFixture truth = HistoryFixture.write(dir);
        TranscriptStore store = new TranscriptStore();
        store.refresh(List.of(dir));

        Report daily = report(store, ReportKind.DAILY, zone);
        assertThat(byModel(daily)).isEqualTo(truth.tokensBy(HistoryFixture.day(zone)));
        assertThat(requests(daily)).isEqualTo(truth.requestsBy(HistoryFixture.day(zone)));
        assertThat(daily.rows()).extracting(ReportRow::key).isSorted();
        assertThat(daily.total().requests()).isEqualTo(truth.responses.size()).isEqualTo(12);
        Report monthly = report(store, ReportKind.MONTHLY, zone);
        assertThat(requests(monthly)).isEqualTo(truth.requestsBy(e -> HistoryFixture.day(zone).apply(e).substring(0, 7)));
    }

    @Test
    void berlinsDaylightSavingChangesAsKnownDays() {
        Path dir = tmp.resolve(".claude");
        HistoryFixture.write(dir);
        TranscriptStore store = new TranscriptStore();
        store.refresh(List.of(dir));
        Map<String, Integer> berlin = requests(report(store, ReportKind.DAILY, ZoneId.of("Europe/Berlin")));
        // 23:59 on the 28th; 00:00 and 23:59 on the 29th (a day of 23 hours); 00:00 on the 30th
        assertThat(berlin).containsEntry("2026-03-28", 1).containsEntry("2026-03-29", 2).containsEntry("2026-03-30", 1);
        // 00:00 and 23:59 on October 25th (a day of 25 hours), 00:00 on the 26th
        assertThat(berlin).containsEntry("2026-10-25", 2).containsEntry("2026-10-26", 1);
        Map<String, Integer> utc = requests(report(store, ReportKind.DAILY, ZoneId.of("UTC")));
        assertThat(utc).containsEntry("2026-03-28", 2).containsEntry("2026-03-29", 2).doesNotContainKey("2026-03-30")
                .containsEntry("2026-10-24", 1).containsEntry("2026-10-25", 2);
    }

    @Test
    void projectsSessionsAndModelsEqualTheTruth() {
        Path dir = tmp.resolve(".claude");
        HistoryFixture truth = HistoryFixture.write(dir);
        TranscriptStore store = new TranscriptStore();
        store.refresh(List.of(dir));
        ZoneId utc = ZoneId.of("UTC");

        Report projects = report(store, ReportKind.PROJECTS, utc);
        // the working directories, not the one folder two of them share
        assertThat(byModel(projects)).isEqualTo(truth.tokensBy(HistoryFixture.Expected::project));
        assertThat(projects.rows()).extracting(ReportRow::key)
                .containsExactlyInAnyOrder(HistoryFixture.APP_DOT, HistoryFixture.APP_DASH, HistoryFixture.TOOL);

        Report sessions = report(store, ReportKind.SESSIONS, utc);
        assertThat(byModel(sessions)).isEqualTo(truth.tokensBy(HistoryFixture.Expected::session));
        ReportRow s1 = sessions.rows().stream().filter(r -> r.key().equals(HistoryFixture.S1)).findFirst().orElseThrow();
        assertThat(s1.project()).isEqualTo(HistoryFixture.APP_DOT);
        assertThat(s1.first()).isEqualTo(truth.responses.get(0).time());
        assertThat(s1.last()).isEqualTo(truth.responses.get(4).time());
        ReportRow s2 = sessions.rows().stream().filter(r -> r.key().equals(HistoryFixture.S2)).findFirst().orElseThrow();
        assertThat(s2.models()).extracting(ModelLine::model).containsExactly(HistoryFixture.OPUS, HistoryFixture.HAIKU);
        assertThat(s2.requests()).isEqualTo(4); // the replay and the subagent's own response: one of them counts

        Report models = report(store, ReportKind.MODELS, utc);
        assertThat(byModel(models)).isEqualTo(truth.tokensBy(HistoryFixture.Expected::model).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(models.unknownModels()).containsExactly(HistoryFixture.UNKNOWN);
    }

    @Test
    void severalClaudeDirectoriesCountEachResponseOnce() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        HistoryFixture truth = HistoryFixture.write(a);
        truth.writeSecondDir(a, b);
        TranscriptStore store = new TranscriptStore();
        store.refresh(List.of(a, b));
        Report sessions = report(store, ReportKind.SESSIONS, ZoneId.of("UTC"));
        assertThat(byModel(sessions)).isEqualTo(truth.tokensBy(HistoryFixture.Expected::session));
        assertThat(sessions.total().requests()).isEqualTo(13);
    }

    private static Path scenario(String name) throws URISyntaxException {
        return Path.of(ReportsFromTranscriptsTest.class.getResource("/transcripts/real/" + name + "/projects").toURI())
                .getParent();
    }

    /**
     * BudMon's prices are Claude Code's own: the cost of a recorded session equals the {@code totalCostUSD} and
     * each model's {@code costUSD} of the last cost-state line the real Claude Code wrote.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hello", "tool", "subagent", "resume"})
    void costsEqualClaudeCodesOwnCostState(String name) throws Exception {
        Path dir = scenario(name);
        TranscriptStore store = new TranscriptStore();
        store.refresh(List.of(dir));
        Report sessions = report(store, ReportKind.SESSIONS, ZoneId.of("UTC"));
        assertThat(sessions.rows()).hasSize(1);
        ReportRow row = sessions.rows().get(0);

        JsonNode last = null;
        try (Stream<Path> files = Files.walk(dir.resolve("projects"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    JsonNode n = ClaudeLines.JSON.readTree(line);
                    if (n.path("type").asText().equals("cost-state")
                            && (last == null || n.path("totalCostUSD").asDouble() >= last.path("totalCostUSD").asDouble())) {
                        last = n;
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(last).as("a cost-state line").isNotNull();
        assertThat(row.cost().total()).isCloseTo(last.path("totalCostUSD").asDouble(), within(1e-9));
        Map<String, Double> own = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = last.path("modelUsage").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            own.put(e.getKey(), e.getValue().path("costUSD").asDouble());
        }
        assertThat(row.models()).hasSize(own.size());
        for (ModelLine l : row.models()) {
            assertThat(l.priceKnown()).isTrue();
            assertThat(l.cost().total()).as(l.model()).isCloseTo(own.get(l.model()), within(1e-9));
        }
    }
}

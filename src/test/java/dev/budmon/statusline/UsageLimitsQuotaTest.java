package dev.budmon.statusline;

import dev.budmon.model.RateLimits;
import dev.budmon.source.StateReader;
import dev.budmon.source.TranscriptSource;
import dev.budmon.source.UsageLimitsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The status line's lean reader must agree with the foundation's state reader on every file. */
class UsageLimitsQuotaTest {

    @TempDir
    Path root;

    private final List<String> warnings = new ArrayList<>();

    private RateLimits foundation(List<Path> dirs) {
        return new StateReader(dirs, TranscriptSource.NONE, List.of()).read().rateLimits();
    }

    private Path dir(String name, String content) throws IOException {
        Path d = Files.createDirectories(root.resolve(name));
        Files.writeString(d.resolve(UsageLimitsFile.FILE_NAME), content);
        return d;
    }

    static final String STATUSLINE_NEWER = """
            {"source": "budmon-interceptor", "updated_at": "2026-11-26T10:00:00Z",
             "headers_raw": {"anthropic-ratelimit-unified-5h-utilization": "0.30",
                             "anthropic-ratelimit-unified-5h-reset": "1795702440",
                             "anthropic-ratelimit-unified-7d_opus-utilization": "0.05",
                             "anthropic-ratelimit-unified-status": "allowed_warning"},
             "statusline": {"seen_at": "2026-11-26T11:00:00Z",
                            "rate_limits": {"five_hour": {"used_percentage": 42, "resets_at": 1795702440},
                                            "seven_day": {"used_percentage": 15.5, "resets_at": "2026-11-30T00:00:00Z"}}}}
            """;

    @Test
    void agreesOnEveryShapeTheFoundationReads() throws IOException {
        List<String> files = List.of(
                PayloadLimitsStoreTest.INTERCEPTOR_FILE,
                STATUSLINE_NEWER,
                STATUSLINE_NEWER.replace("2026-11-26T11:00:00Z", "2026-11-26T09:00:00Z"),
                "{\"statusline\": {\"seen_at\": \"2026-11-26T11:00:00Z\", \"rate_limits\": {\"five_hour\": {\"used_percentage\": 7, \"resets_at\": 1795702440}}}}",
                """
                {"updated_at": 1795690000, "headers_raw": [["anthropic-ratelimit-unified-5h-utilization", 0.5],
                 ["anthropic-ratelimit-unified-5h-reset", "1795702440"], ["x", null], 7,
                 {"name": "anthropic-ratelimit-unified-7d-utilization", "value": "0.25"},
                 {"name": "anthropic-ratelimit-unified-7d-reset", "value": 1795996800}]}
                """,
                "{\"headers_raw\": {\"anthropic-ratelimit-unified-5h-utilization\": \"abc\", \"nested\": {\"a\": 1}}}",
                "{\"headers_raw\": \"nonsense\", \"statusline\": 5}",
                "{}", "", "[1]", "not json", "{\"headers_raw\": {\"anthropic-ratelimit-unified-5h-util");
        for (String content : files) {
            Path d = dir("d" + files.indexOf(content), content);
            assertThat(UsageLimitsQuota.read(List.of(d), warnings)).as(content).isEqualTo(foundation(List.of(d)));
        }
    }

    @Test
    void theNewestOfSeveralDirectoriesWinsAsInTheFoundation() throws IOException {
        Path a = dir("a", PayloadLimitsStoreTest.INTERCEPTOR_FILE);
        Path b = dir("b", PayloadLimitsStoreTest.INTERCEPTOR_FILE.replace("2026-11-26T10:00:00.000Z", "2026-11-26T10:30:00Z")
                .replace("\"0.30\"", "\"0.35\""));
        Path c = dir("c", STATUSLINE_NEWER);
        RateLimits lean = UsageLimitsQuota.read(List.of(a, b, c), warnings);
        assertThat(lean).isEqualTo(foundation(List.of(a, b, c)));
        assertThat(lean.window("5h").utilization()).isEqualTo(0.42);
        assertThat(lean.window("7d_opus").utilization()).isEqualTo(0.05);
        assertThat(UsageLimitsQuota.read(List.of(a, b), warnings).window("5h").utilization()).isEqualTo(0.35);
    }

    @Test
    void problemsAreWarningsAndMissingFilesAreNot() throws IOException {
        assertThat(UsageLimitsQuota.read(List.of(root.resolve("absent")), warnings)).isNull();
        assertThat(warnings).isEmpty();
        Path d = dir("broken", "{\"headers_raw\": {");
        assertThat(UsageLimitsQuota.read(List.of(d), warnings)).isNull();
        assertThat(warnings).singleElement().asString().contains("not valid JSON");
    }
}

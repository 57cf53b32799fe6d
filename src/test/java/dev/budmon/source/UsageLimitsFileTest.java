package dev.budmon.source;

import dev.budmon.model.RateLimits;
import dev.budmon.model.SourceWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UsageLimitsFileTest {

    @TempDir
    Path dir;

    static final String GOOD = """
            {
              "source": "budmon-interceptor",
              "interceptor_version": "1.0.0",
              "updated_at": "2026-11-26T10:00:00.000Z",
              "headers_raw": {
                "anthropic-ratelimit-unified-5h-utilization": "0.42",
                "anthropic-ratelimit-unified-5h-reset": "1764165600",
                "anthropic-ratelimit-unified-5h-status": "allowed",
                "anthropic-ratelimit-unified-7d-utilization": "0.18",
                "anthropic-ratelimit-unified-7d-reset": "1764540000",
                "anthropic-ratelimit-unified-status": "allowed",
                "anthropic-ratelimit-unified-representative-claim": "five_hour"
              },
              "something_else": {"kept": true}
            }
            """;

    private Path write(String content) throws IOException {
        Path f = dir.resolve(UsageLimitsFile.FILE_NAME);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsTheInterceptorsFile() throws IOException {
        UsageLimitsContent c = UsageLimitsFile.read(write(GOOD));
        assertThat(c.warnings()).isEmpty();
        RateLimits r = c.headers();
        assertThat(r.source()).isEqualTo("budmon-interceptor");
        assertThat(r.capturedAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(r.window("5h").utilization()).isEqualTo(0.42);
        assertThat(r.window("7d").reset()).isEqualTo(Instant.ofEpochSecond(1764540000));
        assertThat(c.statusline()).isNull();
        assertThat(c.legacy().isEmpty()).isTrue();
    }

    @Test
    void headersAsAListOfPairsOrNameValueObjects() {
        UsageLimitsContent pairs = UsageLimitsFile.parse("""
                {"updated_at": 1764151200, "headers_raw": [["anthropic-ratelimit-unified-5h-utilization", "0.5"],
                  {"name": "anthropic-ratelimit-unified-7d-utilization", "value": 0.25}, 7, null]}
                """.getBytes(StandardCharsets.UTF_8), "f");
        assertThat(pairs.headers().window("5h").utilization()).isEqualTo(0.5);
        assertThat(pairs.headers().window("7d").utilization()).isEqualTo(0.25);
        assertThat(pairs.headers().capturedAt()).isEqualTo(Instant.ofEpochSecond(1764151200));
        assertThat(pairs.headers().source()).isEqualTo("unknown");
    }

    @Test
    void aMissingFileIsNoDataAndNoWarning() {
        UsageLimitsContent c = UsageLimitsFile.read(dir.resolve("nope.json"));
        assertThat(c).isEqualTo(UsageLimitsContent.EMPTY);
    }

    @Test
    void brokenFilesGiveOneClearWarningEach() throws IOException {
        assertWarns(write(""), "is empty");
        assertWarns(write("   \n"), "is empty");
        assertWarns(write(GOOD.substring(0, GOOD.length() / 2)), "is not valid JSON");
        assertWarns(write("hello"), "is not valid JSON");
        assertWarns(write("[1, 2, 3]"), "does not hold a JSON object");
        assertWarns(write("\"text\""), "does not hold a JSON object");
        assertWarns(write("{\"headers_raw\": \"nope\"}"), "headers_raw is neither");

        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        Path bin = dir.resolve("binary.json");
        Files.write(bin, binary);
        assertWarns(bin, "is not valid JSON");

        Path huge = dir.resolve("huge.json");
        byte[] big = new byte[(int) UsageLimitsFile.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        Files.write(huge, big);
        assertWarns(huge, "larger than");
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsAWarningNotACrash() throws IOException {
        Path f = dir.resolve("as-dir.json");
        Files.createDirectory(f);
        UsageLimitsContent c = UsageLimitsFile.read(f);
        assertThat(c.headers()).isNull();
        assertThat(c.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("cannot be read"));
    }

    @Test
    void aBadHeaderSpoilsOnlyItsOwnFigure() throws IOException {
        UsageLimitsContent c = UsageLimitsFile.read(write(GOOD.replace("\"0.42\"", "\"NaN%\"")));
        assertThat(c.headers().window("5h").utilization()).isNull();
        assertThat(c.headers().window("5h").reset()).isNotNull();
        assertThat(c.headers().window("7d").utilization()).isEqualTo(0.18);
        assertThat(c.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("NaN%"));
    }

    @Test
    void theStatusLinePayloadIsReadInPercentAndTurnedIntoFractions() {
        UsageLimitsContent c = UsageLimitsFile.parse("""
                {"statusline": {"seen_at": "2026-11-26T11:00:00Z",
                  "rate_limits": {"five_hour": {"used_percentage": 42, "resets_at": 1764165600},
                                  "seven_day": {"used_percentage": 7.5, "resets_at": "2026-11-30T10:00:00Z"}}}}
                """.getBytes(StandardCharsets.UTF_8), "f");
        RateLimits s = c.statusline();
        assertThat(s.source()).isEqualTo(UsageLimitsFile.STATUSLINE_SOURCE);
        assertThat(s.capturedAt()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
        assertThat(s.window("5h").utilization()).isCloseTo(0.42, within(1e-12));
        assertThat(s.window("7d").utilization()).isCloseTo(0.075, within(1e-12));
        assertThat(s.window("7d").reset()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(c.headers()).isNull();
    }

    @Test
    void theOlderFormatsTokenFiguresAreRead() {
        UsageLimitsContent c = UsageLimitsFile.parse("""
                {"turn_usage": {"input_tokens": 10, "output_tokens": 20, "cache_creation_input_tokens": 30,
                                "cache_read_input_tokens": 40, "model": "claude-sonnet-4-5", "timestamp": "2026-11-26T09:00:00Z"},
                 "cumulative": {"input": 100, "output": 200, "cache_write": 300, "cache_read": 400, "turns": 5},
                 "cache_ratios": [0.5, {"ratio": 0.75}, 7, "x"]}
                """.getBytes(StandardCharsets.UTF_8), "f");
        LegacyUsage l = c.legacy();
        assertThat(l.lastTurn().input()).isEqualTo(10);
        assertThat(l.lastTurn().cacheWrite5m()).isEqualTo(30);
        assertThat(l.lastTurn().cacheRead()).isEqualTo(40);
        assertThat(l.lastTurnModel()).isEqualTo("claude-sonnet-4-5");
        assertThat(l.lastTurnTime()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(l.cumulative().output()).isEqualTo(200);
        assertThat(l.cumulativeTurns()).isEqualTo(5);
        assertThat(l.cacheRatios()).containsExactly(0.5, 0.75);
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void velocityFileGivesCacheRatios() throws IOException {
        Path v = dir.resolve(UsageLimitsFile.VELOCITY_FILE_NAME);
        Files.writeString(v, "{\"cache_ratios\": [0.9, 0.8]}");
        List<SourceWarning> w = new ArrayList<>();
        assertThat(UsageLimitsFile.readVelocityCacheRatios(v, w)).containsExactly(0.9, 0.8);
        Files.writeString(v, "{{{");
        assertThat(UsageLimitsFile.readVelocityCacheRatios(v, w)).isEmpty();
        assertThat(w).hasSize(1);
        assertThat(UsageLimitsFile.readVelocityCacheRatios(dir.resolve("none"), w)).isEmpty();
        assertThat(w).hasSize(1);
    }

    private static void assertWarns(Path file, String text) {
        UsageLimitsContent c = UsageLimitsFile.read(file);
        assertThat(c.headers()).as(file.toString()).isNull();
        assertThat(c.warnings()).as(file.toString()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains(text));
    }

    @Test
    void headersThatAreNoHeadersAreWarnedAboutNotSilentlyDropped() {
        UsageLimitsContent numbers = UsageLimitsFile.parse("{\"headers_raw\": [1, 2, 3]}"
                .getBytes(StandardCharsets.UTF_8), "f");
        assertThat(numbers.headers()).isNull();
        assertThat(numbers.warnings()).extracting(SourceWarning::message)
                .contains("headers_raw: 3 entries are neither a [name, value] pair nor a {name, value} object; ignored");

        UsageLimitsContent shapes = UsageLimitsFile.parse(("{\"headers_raw\": {"
                + "\"anthropic-ratelimit-unified-5h-utilization\": [0.4],"
                + "\"anthropic-ratelimit-unified-7d-utilization\": {\"v\": 0.4},"
                + "\"anthropic-ratelimit-unified-7d_opus-utilization\": \"0.2\"}}").getBytes(StandardCharsets.UTF_8), "f");
        assertThat(shapes.headers().window("7d_opus").utilization()).isEqualTo(0.2);
        assertThat(shapes.warnings()).extracting(SourceWarning::message).containsExactlyInAnyOrder(
                "header anthropic-ratelimit-unified-5h-utilization is not a single value; ignored",
                "header anthropic-ratelimit-unified-7d-utilization is not a single value; ignored");
    }

    @Test
    void statusLineFiguresOutOfRangeAreUnknown() {
        UsageLimitsContent c = UsageLimitsFile.parse(("{\"statusline\": {\"seen_at\": \"2026-11-26T10:00:00Z\","
                + " \"rate_limits\": {\"five_hour\": {\"used_percentage\": 1e308, \"resets_at\": 253402300799},"
                + " \"seven_day\": {\"used_percentage\": 15, \"resets_at\": 3.2e19}}}}").getBytes(StandardCharsets.UTF_8), "f");
        assertThat(c.statusline().window("5h").utilization()).isNull();
        assertThat(c.statusline().window("5h").reset()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(c.statusline().window("7d").utilization()).isEqualTo(0.15);
        assertThat(c.statusline().window("7d").reset()).isNull();
        assertThat(c.warnings()).extracting(SourceWarning::message).containsExactlyInAnyOrder(
                "statusline 5h used_percentage is not a percentage from 0 to 1000",
                "statusline 7d resets_at is not a time");
    }

    @Test
    void aFifoOrAnEndlessDeviceInPlaceOfTheFileIsAWarningAndNoHang() throws Exception {
        Path fifo = dev.budmon.files.SpecialFiles.fifo(dir.resolve("fifo.json"));
        assertThat(UsageLimitsFile.read(fifo).warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("FIFO"));
        Path zero = dev.budmon.files.SpecialFiles.endless(dir.resolve("zero.json"));
        assertThat(UsageLimitsFile.read(zero).warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("character device"));
        List<SourceWarning> warnings = new ArrayList<>();
        assertThat(UsageLimitsFile.readVelocityCacheRatios(fifo, warnings)).isEmpty();
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.message()).contains("FIFO"));
    }
}

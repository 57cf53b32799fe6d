package dev.budmon.ui;

import dev.budmon.config.ConfigStore;
import dev.budmon.source.UnifiedHeaders;
import dev.budmon.source.UsageLimitsFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Claude directory as a user's machine has it while Claude Code runs with BudMon's interceptor: a
 * transcript written by the real Claude Code (the {@code tool} recording in
 * {@code src/test/resources/transcripts/real/}, its times moved to just before now), a
 * {@code usage-limits.json} written the way the interceptor writes it, and a {@code budmon.ini}. For the
 * whole-window test and the window benchmark, which rewrite {@code usage-limits.json} as the interceptor
 * does: temp file in the same folder, then a rename.
 */
public final class ClaudeDirFixture {

    /** The recorded transcript (Claude Code 2.1.332: a tool round trip, two responses). */
    static final String TRANSCRIPT = "/transcripts/real/tool/projects/-tmp-budmon-fixture-tool/"
            + "d5882127-0ba0-45c0-bc32-fbaa6aff730b.jsonl";
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    private static final DateTimeFormatter JS_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Instant fiveHourReset;
    private final Instant weekReset;
    private int tempCounter;

    private ClaudeDirFixture(Path dir, Instant now) {
        this.dir = dir;
        // a 5h window that began 3.5 h ago (42 % in it is a safe pace) and a week that began 2 days ago
        this.fiveHourReset = now.plus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.SECONDS);
        this.weekReset = now.plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Fills {@code dir}: {@code budmon.ini} with the language, the transcript, and {@code usage-limits.json}
     * with the 5h window at 42 %, 7 days at 18 % and 7 days Sonnet at 6 %.
     *
     * @param now      the time the data should look fresh at
     * @param language {@code en}, {@code de} or {@code auto}
     */
    public static ClaudeDirFixture create(Path dir, Instant now, String language) throws IOException {
        ClaudeDirFixture f = new ClaudeDirFixture(dir, now);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(ConfigStore.FILE_NAME),
                "; written by the window test\n[general]\nlanguage = " + language + "\n", StandardCharsets.UTF_8);
        f.copyTranscript(now.minus(Duration.ofMinutes(2)));
        f.writeUsageLimits(0.42, now);
        return f;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /**
     * Replaces {@code usage-limits.json} atomically with the 5h window at {@code fiveHour}, as the interceptor
     * does after a response that arrived at {@code capturedAt}.
     *
     * @return when the rename was made: the moment a watcher can first see the new file
     */
    public Instant writeUsageLimits(double fiveHour, Instant capturedAt) throws IOException {
        Path target = dir.resolve(UsageLimitsFile.FILE_NAME);
        Path temp = dir.resolve("." + UsageLimitsFile.FILE_NAME + "." + ProcessHandle.current().pid() + "."
                + ++tempCounter + ".tmp");
        Files.writeString(temp, interceptorJson(headers(fiveHour), capturedAt), StandardCharsets.UTF_8);
        Instant renamed = Instant.now();
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return renamed;
    }

    /** The unified rate-limit headers of one response, as the API sends them. */
    private Map<String, String> headers(double fiveHour) {
        Map<String, String> h = new TreeMap<>(); // the interceptor iterates a Headers object: sorted names
        window(h, "5h", fiveHour, fiveHourReset);
        window(h, "7d", 0.18, weekReset);
        window(h, "7d_sonnet", 0.06, weekReset);
        h.put(UnifiedHeaders.PREFIX + "status", "allowed");
        h.put(UnifiedHeaders.PREFIX + "reset", Long.toString(fiveHourReset.getEpochSecond()));
        h.put(UnifiedHeaders.PREFIX + "representative-claim", "five_hour");
        h.put(UnifiedHeaders.PREFIX + "fallback-percentage", "0.5");
        h.put(UnifiedHeaders.PREFIX + "overage-status", "rejected");
        h.put(UnifiedHeaders.PREFIX + "overage-disabled-reason", "org_level_disabled");
        return h;
    }

    private static void window(Map<String, String> h, String name, double utilization, Instant reset) {
        h.put(UnifiedHeaders.PREFIX + name + "-utilization", fraction(utilization));
        h.put(UnifiedHeaders.PREFIX + name + "-reset", Long.toString(reset.getEpochSecond()));
        h.put(UnifiedHeaders.PREFIX + name + "-status", "allowed");
    }

    /** A fraction as the API writes it: plain decimal, no trailing zeros. */
    private static String fraction(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** {@code JSON.stringify(content, null, 2) + "\n"} of the interceptor's file. */
    static String interceptorJson(Map<String, String> headers, Instant capturedAt) {
        StringBuilder sb = new StringBuilder("{\n  \"headers_raw\": {\n");
        int i = 0;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            sb.append("    \"").append(e.getKey()).append("\": \"").append(e.getValue()).append('"')
                    .append(++i < headers.size() ? ",\n" : "\n");
        }
        sb.append("  },\n");
        sb.append("  \"updated_at\": \"").append(JS_ISO.format(capturedAt)).append("\",\n");
        sb.append("  \"source\": \"budmon-interceptor\",\n");
        sb.append("  \"interceptor_version\": \"0.1.0\"\n");
        sb.append("}\n");
        return sb.toString();
    }

    /** Copies the recorded transcript, every timestamp moved by one offset so that the last is {@code last}. */
    private void copyTranscript(Instant last) throws IOException {
        String text;
        try (InputStream in = ClaudeDirFixture.class.getResourceAsStream(TRANSCRIPT)) {
            if (in == null) {
                throw new IOException("test resource " + TRANSCRIPT + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Instant newest = Instant.EPOCH;
        Matcher m = TIMESTAMP.matcher(text);
        while (m.find()) {
            Instant t = Instant.parse(m.group(1));
            newest = t.isAfter(newest) ? t : newest;
        }
        Duration shift = Duration.between(newest, last);
        StringBuilder out = new StringBuilder();
        m.reset();
        while (m.find()) {
            String moved = JS_ISO.format(Instant.parse(m.group(1)).plus(shift));
            m.appendReplacement(out, Matcher.quoteReplacement("\"timestamp\":\"" + moved + "\""));
        }
        m.appendTail(out);
        Path file = dir.resolve(TRANSCRIPT.substring("/transcripts/real/tool/".length()));
        Files.createDirectories(file.getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }
}

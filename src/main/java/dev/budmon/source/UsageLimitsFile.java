package dev.budmon.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.budmon.files.FileTooLargeException;
import dev.budmon.files.NotRegularFileException;
import dev.budmon.files.SafeRead;
import dev.budmon.json.JsonStreams;
import dev.budmon.json.JsonTrees;
import dev.budmon.json.JsonValues;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.SourceWarning;
import dev.budmon.model.TokenCounts;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code usage-limits.json} (and the older {@code budget_velocity.json}). The file is written by
 * BudMon's interceptor, by older community interceptors, and by BudMon's status line, so every field is
 * optional and every shape is checked.
 */
public final class UsageLimitsFile {

    /** The file's name in the Claude directory. */
    public static final String FILE_NAME = "usage-limits.json";
    /** The older velocity file, read only for cache ratios. */
    public static final String VELOCITY_FILE_NAME = "budget_velocity.json";
    /**
     * The key under which older BudMon versions stored Claude Code's {@code rate_limits} payload in this
     * file; still read. The status line now keeps its own file, {@link #statuslineFile}.
     */
    public static final String STATUSLINE_KEY = "statusline";
    /** BudMon's own folder in the Claude directory. */
    public static final String BUDMON_DIR = "budmon";
    /** Source name of limits that came from the status-line payload. */
    public static final String STATUSLINE_SOURCE = "statusline";

    /** Larger files are not ours: the interceptor writes a few kilobytes. */
    static final long MAX_BYTES = 4L * 1024 * 1024;


    private UsageLimitsFile() {
    }

    /**
     * Where the status line keeps the quota figures of Claude Code's payload: a file of its own, so that it
     * never rewrites the file the interceptor owns (two writers of one file lose each other's updates).
     */
    public static Path statuslineFile(Path claudeDir) {
        return claudeDir.resolve(BUDMON_DIR).resolve("statusline.json");
    }

    /**
     * Reads the file. Never throws: a missing file gives {@link UsageLimitsContent#EMPTY}, anything else
     * wrong gives a warning. I/O; any thread but the EDT.
     */
    public static UsageLimitsContent read(Path file) {
        FileBytes f = readBytes(file);
        return f.failure != null ? f.failure : parse(f.bytes, file.toString());
    }

    /**
     * Reads the status line's own file ({@code budmon/statusline.json}: {@code seen_at} and Claude Code's
     * {@code rate_limits}), which only {@code budmon --statusline} writes. Never throws; a missing file gives
     * {@link UsageLimitsContent#EMPTY}. I/O; any thread but the EDT.
     */
    public static UsageLimitsContent readStatusline(Path file) {
        FileBytes f = readBytes(file);
        if (f.failure != null) {
            return f.failure;
        }
        String origin = file.toString();
        JsonNode root;
        try {
            root = JsonTrees.read(f.bytes);
        } catch (IOException | RuntimeException e) {
            return onlyWarningNamed(origin, "is not valid JSON");
        }
        List<SourceWarning> warnings = new ArrayList<>();
        RateLimits limits = statusline(root, origin, warnings);
        return new UsageLimitsContent(null, limits, LegacyUsage.EMPTY, warnings);
    }

    /** A file's bytes, or what its reading gives instead: nothing for a missing file, else a warning. */
    private record FileBytes(byte[] bytes, UsageLimitsContent failure) {
    }

    private static FileBytes readBytes(Path file) {
        try {
            return new FileBytes(SafeRead.bytes(file, MAX_BYTES), null);
        } catch (NoSuchFileException e) {
            return new FileBytes(null, UsageLimitsContent.EMPTY);
        } catch (IOException | RuntimeException e) {
            return new FileBytes(null, onlyWarning(file, describeReadFailure(e)));
        }
    }

    /** Why a file could not be read, in words for a warning. */
    static String describeReadFailure(Exception e) {
        if (e instanceof FileTooLargeException t) {
            return t.getReason() + " and was ignored";
        }
        if (e instanceof NotRegularFileException n) {
            return "cannot be read: it " + n.getReason();
        }
        return "cannot be read: " + describe(e);
    }

    /** Parses the file's bytes. Pure; any thread. */
    public static UsageLimitsContent parse(byte[] bytes, String origin) {
        if (bytes.length == 0 || isBlank(bytes)) {
            return onlyWarningNamed(origin, "is empty");
        }
        JsonNode root;
        try {
            root = JsonTrees.read(bytes);
        } catch (JsonProcessingException e) {
            return onlyWarningNamed(origin, "is not valid JSON (" + JsonStreams.firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException | RuntimeException e) {
            return onlyWarningNamed(origin, "is not valid JSON (" + describe(e) + ")");
        }
        if (root == null || !root.isObject()) {
            return onlyWarningNamed(origin, "does not hold a JSON object");
        }
        List<SourceWarning> warnings = new ArrayList<>();
        Instant updatedAt = time(root.get("updated_at"));
        if (root.has("updated_at") && updatedAt == null) {
            warnings.add(new SourceWarning(origin, "updated_at is not a time"));
        }
        String source = root.path("source").isTextual() ? root.get("source").asText() : "unknown";

        RateLimits headers = null;
        JsonNode raw = root.get("headers_raw");
        if (raw != null && !raw.isNull()) {
            Map<String, String> map = headerMap(raw, origin, warnings);
            if (map == null) {
                warnings.add(new SourceWarning(origin, "headers_raw is neither an object nor a list of headers"));
            } else {
                UnifiedHeaders.Parsed parsed = UnifiedHeaders.parse(map, updatedAt, source, origin);
                headers = parsed.limits();
                warnings.addAll(parsed.warnings());
            }
        }
        RateLimits statusline = statusline(root.get(STATUSLINE_KEY), origin, warnings);
        return new UsageLimitsContent(headers, statusline, legacy(root, origin, warnings), warnings);
    }

    /**
     * Cache ratios from {@code budget_velocity.json}; empty when the file is missing or unusable. I/O; any
     * thread but the EDT.
     */
    public static List<Double> readVelocityCacheRatios(Path file, List<SourceWarning> warnings) {
        try {
            byte[] bytes = SafeRead.bytes(file, MAX_BYTES);
            JsonNode root = JsonTrees.read(bytes);
            if (root == null || !root.isObject()) {
                warnings.add(new SourceWarning(file.toString(), "does not hold a JSON object"));
                return List.of();
            }
            return ratios(root.get("cache_ratios"));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            warnings.add(new SourceWarning(file.toString(), describeReadFailure(e)));
            return List.of();
        }
    }

    /**
     * {@code headers_raw} as the interceptors write it: an object of header names to values, or a list of
     * {@code [name, value]} pairs or {@code {"name": …, "value": …}} objects; {@code null} for anything else.
     * Entries that are none of these (a number in the list, a value that is an object) are left out, with a
     * warning: a header that silently vanished would make its window vanish with it.
     */
    private static Map<String, String> headerMap(JsonNode raw, String origin, List<SourceWarning> warnings) {
        Map<String, String> map = new LinkedHashMap<>();
        int unusable = 0;
        if (raw.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String v = scalar(e.getValue());
                if (v != null) {
                    map.put(e.getKey(), v);
                } else if (e.getKey().toLowerCase(Locale.ROOT).startsWith(UnifiedHeaders.PREFIX)) {
                    warnings.add(new SourceWarning(origin, "header " + e.getKey() + " is not a single value; ignored"));
                }
            }
            return map;
        }
        if (!raw.isArray()) {
            return null;
        }
        for (JsonNode item : raw) {
            String name = null;
            String v = null;
            if (item.isArray() && item.size() == 2 && item.get(0).isTextual()) {
                name = item.get(0).asText();
                v = scalar(item.get(1));
            } else if (item.isObject() && item.path("name").isTextual()) {
                name = item.get("name").asText();
                v = scalar(item.get("value"));
            }
            if (name != null && v != null) {
                map.put(name, v);
            } else {
                unusable++;
            }
        }
        if (unusable > 0) {
            warnings.add(new SourceWarning(origin, "headers_raw: " + unusable + (unusable == 1 ? " entry is" : " entries are")
                    + " neither a [name, value] pair nor a {name, value} object; ignored"));
        }
        return map;
    }

    private static String scalar(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        return n.asText();
    }

    private static RateLimits statusline(JsonNode node, String origin, List<SourceWarning> warnings) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode limits = node.get("rate_limits");
        if (!node.isObject() || limits == null || !limits.isObject()) {
            warnings.add(new SourceWarning(origin, STATUSLINE_KEY + " does not hold rate_limits"));
            return null;
        }
        List<QuotaWindow> windows = new ArrayList<>();
        addPayloadWindow(windows, "5h", limits.get("five_hour"), origin, warnings);
        addPayloadWindow(windows, "7d", limits.get("seven_day"), origin, warnings);
        if (windows.isEmpty()) {
            return null;
        }
        return new RateLimits(time(node.get("seen_at")), STATUSLINE_SOURCE, windows, AccountLimits.EMPTY);
    }

    /** Claude Code's payload gives percent (0–100); the headers, and so our model, use fractions. */
    private static void addPayloadWindow(List<QuotaWindow> out, String name, JsonNode w, String origin,
                                         List<SourceWarning> warnings) {
        if (w == null || w.isNull() || !w.isObject()) {
            return;
        }
        JsonNode pct = w.get("used_percentage");
        Double percent = pct != null && pct.isNumber() ? JsonValues.number(pct.asText()) : null;
        Double utilization = percent != null && percent >= 0 && percent <= UnifiedHeaders.MAX_UTILIZATION * 100
                ? percent / 100 : null;
        if (pct != null && !pct.isNull() && utilization == null) {
            warnings.add(new SourceWarning(origin, STATUSLINE_KEY + " " + name
                    + " used_percentage is not a percentage from 0 to " + (int) (UnifiedHeaders.MAX_UTILIZATION * 100)));
        }
        JsonNode resetNode = w.get("resets_at");
        Instant reset = JsonValues.time(resetNode);
        if (resetNode != null && !resetNode.isNull() && reset == null) {
            warnings.add(new SourceWarning(origin, STATUSLINE_KEY + " " + name + " resets_at is not a time"));
        }
        out.add(new QuotaWindow(name, utilization, reset, null, null, QuotaWindow.lengthOf(name)));
    }

    private static LegacyUsage legacy(JsonNode root, String origin, List<SourceWarning> warnings) {
        JsonNode turn = root.get("turn_usage");
        JsonNode cumulative = root.get("cumulative");
        TokenCounts turnTokens = tokens(turn);
        TokenCounts cumulativeTokens = tokens(cumulative);
        if (turn != null && !turn.isNull() && turnTokens == null) {
            warnings.add(new SourceWarning(origin, "turn_usage is not a usage object"));
        }
        if (cumulative != null && !cumulative.isNull() && cumulativeTokens == null) {
            warnings.add(new SourceWarning(origin, "cumulative is not a usage object"));
        }
        String model = turn != null && turn.path("model").isTextual() ? turn.get("model").asText() : null;
        Instant time = turn == null ? null : time(turn.has("timestamp") ? turn.get("timestamp") : turn.get("time"));
        int turns = 0;
        if (cumulative != null) {
            for (String k : new String[] {"turns", "requests", "count"}) {
                if (cumulative.path(k).canConvertToInt()) {
                    turns = Math.max(0, cumulative.get(k).asInt());
                    break;
                }
            }
        }
        return new LegacyUsage(turnTokens, model, time, cumulativeTokens, turns, ratios(root.get("cache_ratios")));
    }

    /** A usage object with API names ({@code input_tokens}, …) or short names ({@code input}, …). */
    static TokenCounts tokens(JsonNode u) {
        if (u == null || !u.isObject()) {
            return null;
        }
        long input = count(u, "input_tokens", "input");
        long output = count(u, "output_tokens", "output");
        long read = count(u, "cache_read_input_tokens", "cache_read");
        JsonNode split = u.get("cache_creation");
        long w5 = split != null && split.isObject() ? count(split, "ephemeral_5m_input_tokens", null) : -1;
        long w1 = split != null && split.isObject() ? count(split, "ephemeral_1h_input_tokens", null) : -1;
        long writeAll = count(u, "cache_creation_input_tokens", "cache_write");
        if (input < 0 && output < 0 && read < 0 && writeAll < 0) {
            return null;
        }
        long write5m;
        long write1h;
        if (w5 >= 0 || w1 >= 0) {
            write5m = Math.max(0, w5);
            write1h = Math.max(0, w1);
        } else {
            // Without the split, a cache write is assumed to be the default 5-minute kind.
            write5m = Math.max(0, writeAll);
            write1h = 0;
        }
        return new TokenCounts(Math.max(0, input), Math.max(0, output), write5m, write1h, Math.max(0, read));
    }

    private static long count(JsonNode u, String name, String alt) {
        JsonNode n = u.get(name);
        if ((n == null || n.isNull()) && alt != null) {
            n = u.get(alt);
        }
        // A count beyond 2^53 is no token count; asLong would quietly turn 1e308 into Long.MAX_VALUE.
        return n != null && n.isNumber() && n.asDouble() >= 0 && n.asDouble() < 0x1p53 ? n.asLong() : -1;
    }

    private static List<Double> ratios(JsonNode n) {
        List<Double> out = new ArrayList<>();
        if (n == null || !n.isArray()) {
            return out;
        }
        for (JsonNode item : n) {
            JsonNode v = item.isObject() ? item.get("ratio") : item;
            if (v != null && v.isNumber()) {
                double d = v.asDouble();
                if (d >= 0 && d <= 1) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** ISO-8601 text, or epoch seconds (or milliseconds) as a number or numeric text; see {@link JsonValues#epoch}. */
    static Instant time(JsonNode n) {
        return JsonValues.time(n);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static UsageLimitsContent onlyWarning(Path file, String problem) {
        return onlyWarningNamed(file.toString(), problem);
    }

    private static UsageLimitsContent onlyWarningNamed(String origin, String problem) {
        return new UsageLimitsContent(null, null, LegacyUsage.EMPTY, List.of(new SourceWarning(origin, problem)));
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + JsonStreams.firstLine(m));
    }
}

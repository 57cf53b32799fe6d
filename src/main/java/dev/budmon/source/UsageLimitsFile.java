package dev.budmon.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.budmon.json.JsonTrees;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.SourceWarning;
import dev.budmon.model.TokenCounts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** The key under which the status line stores Claude Code's {@code rate_limits} payload. */
    public static final String STATUSLINE_KEY = "statusline";
    /** Source name of limits that came from the status-line payload. */
    public static final String STATUSLINE_SOURCE = "statusline";

    /** Larger files are not ours: the interceptor writes a few kilobytes. */
    static final long MAX_BYTES = 4L * 1024 * 1024;


    private UsageLimitsFile() {
    }

    /**
     * Reads the file. Never throws: a missing file gives {@link UsageLimitsContent#EMPTY}, anything else
     * wrong gives a warning. I/O; any thread but the EDT.
     */
    public static UsageLimitsContent read(Path file) {
        byte[] bytes;
        try {
            bytes = readCapped(file);
        } catch (NoSuchFileException e) {
            return UsageLimitsContent.EMPTY;
        } catch (IOException | RuntimeException e) {
            return onlyWarning(file, "cannot be read: " + describe(e));
        }
        if (bytes == null) {
            return onlyWarning(file, "is larger than " + MAX_BYTES / 1024 / 1024 + " MB and was ignored");
        }
        return parse(bytes, file.toString());
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
            return onlyWarningNamed(origin, "is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
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
            Map<String, String> map = headerMap(raw);
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
            byte[] bytes = readCapped(file);
            if (bytes == null) {
                warnings.add(new SourceWarning(file.toString(), "is too large and was ignored"));
                return List.of();
            }
            JsonNode root = JsonTrees.read(bytes);
            if (root == null || !root.isObject()) {
                warnings.add(new SourceWarning(file.toString(), "does not hold a JSON object"));
                return List.of();
            }
            return ratios(root.get("cache_ratios"));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            warnings.add(new SourceWarning(file.toString(), "cannot be read: " + describe(e)));
            return List.of();
        }
    }

    /** Reads at most {@link #MAX_BYTES}; {@code null} when the file is larger. */
    private static byte[] readCapped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? null : bytes;
        }
    }

    private static Map<String, String> headerMap(JsonNode raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String v = scalar(e.getValue());
                if (v != null) {
                    map.put(e.getKey(), v);
                }
            }
            return map;
        }
        if (raw.isArray()) {
            for (JsonNode item : raw) {
                if (item.isArray() && item.size() == 2) {
                    String v = scalar(item.get(1));
                    if (item.get(0).isTextual() && v != null) {
                        map.put(item.get(0).asText(), v);
                    }
                } else if (item.isObject() && item.path("name").isTextual()) {
                    String v = scalar(item.get("value"));
                    if (v != null) {
                        map.put(item.get("name").asText(), v);
                    }
                }
            }
            return map;
        }
        return null;
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
        Double utilization = pct != null && pct.isNumber() && pct.asDouble() >= 0 ? pct.asDouble() / 100 : null;
        if (pct != null && !pct.isNull() && utilization == null) {
            warnings.add(new SourceWarning(origin, STATUSLINE_KEY + " " + name + " used_percentage is not a number"));
        }
        out.add(new QuotaWindow(name, utilization, time(w.get("resets_at")), null, null, QuotaWindow.lengthOf(name)));
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
        return n != null && n.isNumber() && n.asLong() >= 0 ? n.asLong() : -1;
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

    /** ISO-8601 text, or epoch seconds (or milliseconds) as a number or numeric text. */
    static Instant time(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return epoch(n.asDouble());
        }
        if (n.isTextual()) {
            String s = n.asText().trim();
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                try {
                    return java.time.OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeParseException e2) {
                    try {
                        return epoch(Double.parseDouble(s));
                    } catch (NumberFormatException e3) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static Instant epoch(double d) {
        if (!Double.isFinite(d) || d <= 0) {
            return null;
        }
        return d > 1e11 ? Instant.ofEpochMilli((long) d) : Instant.ofEpochSecond((long) d);
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

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + firstLine(m));
    }
}

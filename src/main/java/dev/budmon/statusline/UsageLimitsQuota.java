package dev.budmon.statusline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.source.LimitsMerge;
import dev.budmon.source.UnifiedHeaders;
import dev.budmon.source.UsageLimitsFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quota figures of {@code usage-limits.json} for the status line when Claude Code's payload brings none:
 * the interceptor's headers and the status line's own stored payload, merged as the foundation's state
 * reader merges them (newest headers across the Claude directories, the newer source winning for 5h and
 * 7d through {@link LimitsMerge}). It reads the file with the streaming parser instead of
 * {@link UsageLimitsFile}'s tree: building an {@code ObjectMapper} costs the status line a quarter of a
 * second on every call without an archive. The headers mean what {@link UnifiedHeaders} says they mean.
 * I/O; any thread.
 */
final class UsageLimitsQuota {

    /** The interceptor writes a few kilobytes; a larger file is not ours. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private UsageLimitsQuota() {
    }

    /**
     * The merged limits of all directories.
     *
     * @param warnings receives one line per file that could not be read
     * @return the limits, or {@code null} when no directory has any
     */
    static RateLimits read(List<Path> dirs, List<String> warnings) {
        RateLimits headers = null;
        RateLimits statusline = null;
        for (Path d : dirs) {
            Path file = d.resolve(UsageLimitsFile.FILE_NAME);
            RateLimits[] both = readFile(file, warnings);
            headers = newer(headers, both[0]);
            statusline = newer(statusline, both[1]);
        }
        return LimitsMerge.merge(headers, statusline);
    }

    /** The headers' and the stored payload's limits of one file; either may be {@code null}. */
    static RateLimits[] readFile(Path file, List<String> warnings) {
        RateLimits[] none = new RateLimits[2];
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return none;
        } catch (IOException | RuntimeException e) {
            warnings.add(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
            return none;
        }
        if (bytes.length > MAX_BYTES) {
            warnings.add(file + " is larger than 4 MB and was ignored");
            return none;
        }
        Instant updatedAt = null;
        String source = "unknown";
        Map<String, String> headers = null;
        Instant seenAt = null;
        String rateLimits = null;
        try (JsonParser p = PayloadParser.JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                warnings.add(file + " does not hold a JSON object");
                return none;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "updated_at" -> updatedAt = PayloadParser.time(p, v);
                    case "source" -> source = v == JsonToken.VALUE_STRING ? p.getText() : source;
                    case "headers_raw" -> headers = headerMap(p, v);
                    case UsageLimitsFile.STATUSLINE_KEY -> {
                        if (v != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            break;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            JsonToken kv = p.nextToken();
                            if (k.equals("seen_at")) {
                                seenAt = PayloadParser.time(p, kv);
                            } else if (k.equals("rate_limits") && kv == JsonToken.START_OBJECT) {
                                rateLimits = PayloadParser.copy(p);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            warnings.add(file + " is not valid JSON");
            return none;
        }
        RateLimits fromHeaders = headers == null ? null
                : UnifiedHeaders.parse(headers, updatedAt, source, file.toString()).limits();
        RateLimits fromStatusline = null;
        if (rateLimits != null) {
            PayloadWindow[] w = PayloadParser.windows(rateLimits);
            List<QuotaWindow> windows = new ArrayList<>();
            if (!w[0].isEmpty()) {
                windows.add(w[0].toQuotaWindow("5h"));
            }
            if (!w[1].isEmpty()) {
                windows.add(w[1].toQuotaWindow("7d"));
            }
            if (!windows.isEmpty()) {
                fromStatusline = new RateLimits(seenAt, UsageLimitsFile.STATUSLINE_SOURCE, windows, AccountLimits.EMPTY);
            }
        }
        return new RateLimits[] {fromHeaders, fromStatusline};
    }

    /**
     * {@code headers_raw} as the interceptors write it: an object of header names to values, or a list of
     * {@code [name, value]} pairs or {@code {"name": …, "value": …}} objects; {@code null} for anything else.
     */
    private static Map<String, String> headerMap(JsonParser p, JsonToken v) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        if (v == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                String value = scalar(p, p.nextToken());
                if (value != null) {
                    map.put(name, value);
                }
            }
            return map;
        }
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            if (item == JsonToken.START_ARRAY) {
                List<String> parts = new ArrayList<>();
                List<JsonToken> kinds = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    kinds.add(t);
                    parts.add(scalar(p, t));
                }
                if (parts.size() == 2 && kinds.get(0) == JsonToken.VALUE_STRING && parts.get(1) != null) {
                    map.put(parts.get(0), parts.get(1));
                }
            } else if (item == JsonToken.START_OBJECT) {
                String name = null;
                String value = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    JsonToken kv = p.nextToken();
                    if (k.equals("name") && kv == JsonToken.VALUE_STRING) {
                        name = p.getText();
                    } else if (k.equals("value")) {
                        value = scalar(p, kv);
                    } else {
                        p.skipChildren();
                    }
                }
                if (name != null && value != null) {
                    map.put(name, value);
                }
            } else {
                p.skipChildren();
            }
        }
        return map;
    }

    /** A scalar's text; containers are skipped and {@code null} is {@code null}. */
    private static String scalar(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static RateLimits newer(RateLimits a, RateLimits b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.capturedAt() != null && (a.capturedAt() == null || b.capturedAt().isAfter(a.capturedAt())) ? b : a;
    }
}

package dev.budmon.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.budmon.alert.AlertState.GapMemory;
import dev.budmon.alert.AlertState.ServerMemory;
import dev.budmon.alert.AlertState.WindowMemory;
import dev.budmon.calc.Level;
import dev.budmon.json.IsoTime;
import dev.budmon.json.JsonStreams;
import dev.budmon.json.JsonTrees;
import dev.budmon.json.JsonValues;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The alert state as JSON, the content of {@code budmon/alerts.json}. Pure; any thread.
 *
 * <pre>
 * {"version": 1,
 *  "windows": {"5h": {"reset": "2026-11-26T14:00:00Z", "notified": "alarm", "exhaustion": true,
 *                     "peak": 92.0, "closed": false}},
 *  "server": {"reset": null, "notified": "none"},
 *  "gap": {"since": null, "last": null, "notified": false}}
 * </pre>
 * Reading is lenient: an entry it cannot understand is left out (that window may then alert once more),
 * never the whole file.
 */
public final class AlertStateJson {

    static final int VERSION = 1;

    private AlertStateJson() {
    }

    /** The state as UTF-8 JSON text. */
    public static byte[] write(AlertState state) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JsonStreams.FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(JsonStreams.printer());
            g.writeStartObject();
            g.writeNumberField("version", VERSION);
            g.writeObjectFieldStart("windows");
            for (Map.Entry<String, WindowMemory> e : state.windows().entrySet()) {
                WindowMemory m = e.getValue();
                g.writeObjectFieldStart(e.getKey());
                time(g, "reset", m.reset());
                g.writeStringField("notified", name(m.notified()));
                g.writeBooleanField("exhaustion", m.exhaustion());
                g.writeNumberField("peak", m.peak());
                g.writeBooleanField("closed", m.closed());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("server");
            time(g, "reset", state.server().reset());
            g.writeStringField("notified", name(state.server().notified()));
            g.writeEndObject();
            g.writeObjectFieldStart("gap");
            time(g, "since", state.gap().since());
            time(g, "last", state.gap().last());
            g.writeBooleanField("notified", state.gap().notified());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * The state in these bytes.
     *
     * @throws IOException when they are not a JSON object of a version this BudMon knows
     */
    public static AlertState read(byte[] bytes) throws IOException {
        JsonNode root = JsonTrees.read(bytes);
        if (!root.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new IOException("version " + root.path("version") + " is not " + VERSION);
        }
        Map<String, WindowMemory> windows = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("windows").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode w = e.getValue();
            Level notified = level(w.path("notified"));
            if (!w.isObject() || notified == null || !w.path("peak").isNumber()) {
                continue;
            }
            windows.put(e.getKey(), new WindowMemory(JsonValues.time(w.get("reset")), notified,
                    w.path("exhaustion").asBoolean(false), w.path("peak").asDouble(), w.path("closed").asBoolean(false)));
        }
        JsonNode s = root.path("server");
        Level serverLevel = level(s.path("notified"));
        ServerMemory server = serverLevel == null ? ServerMemory.NONE
                : new ServerMemory(JsonValues.time(s.get("reset")), serverLevel);
        JsonNode g = root.path("gap");
        GapMemory gap = new GapMemory(JsonValues.time(g.get("since")), JsonValues.time(g.get("last")),
                g.path("notified").asBoolean(false));
        if (gap.since() == null || gap.last() == null) {
            gap = GapMemory.NONE;
        }
        return new AlertState(windows, server, gap);
    }

    private static void time(JsonGenerator g, String field, Instant t) throws IOException {
        if (t == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, IsoTime.format(t));
        }
    }

    private static String name(Level l) {
        return l.name().toLowerCase(Locale.ROOT);
    }

    private static Level level(JsonNode n) {
        if (!n.isTextual()) {
            return null;
        }
        return switch (n.asText()) {
            case "none" -> Level.NONE;
            case "warn" -> Level.WARN;
            case "alarm" -> Level.ALARM;
            default -> null;
        };
    }
}

package dev.budmon.cli;

import dev.budmon.Version;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.budmon.calc.CacheStats;
import dev.budmon.calc.Cost;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PricedUsage;
import dev.budmon.calc.Pricing;
import dev.budmon.calc.WindowForecast;
import dev.budmon.model.AccountLimits;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.SourceWarning;
import dev.budmon.model.TokenCounts;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the figures as the one JSON object of {@code budmon --json}. The field names are a public
 * interface, documented in the README: add fields, never rename or remove them.
 */
public final class JsonReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    /**
     * Writes the report.
     *
     * @param dirs     the Claude directories read
     * @param warnings every source and config warning
     */
    public static void write(Writer out, Figures f, List<Path> dirs, List<SourceWarning> warnings, Pricing pricing)
            throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("version", Version.get());
            time(g, "now", f.now());
            g.writeArrayFieldStart("claude_dirs");
            for (Path d : dirs) {
                g.writeString(d.toString());
            }
            g.writeEndArray();
            g.writeStringField("status", f.status().name());
            quota(g, f);
            lastRequest(g, f);
            session(g, f, pricing);
            cache(g, f.cache());
            g.writeArrayFieldStart("unknown_models");
            for (String m : f.unknownModels().stream().sorted().toList()) {
                g.writeString(m);
            }
            g.writeEndArray();
            time(g, "newest_data", f.newestData());
            warnings(g, warnings);
            g.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    /** The field {@code warnings}: one object of {@code source} and {@code message} per warning. */
    static void warnings(JsonGenerator g, List<SourceWarning> warnings) throws IOException {
        g.writeArrayFieldStart("warnings");
        for (SourceWarning w : warnings) {
            g.writeStartObject();
            g.writeStringField("source", w.source());
            g.writeStringField("message", w.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void quota(JsonGenerator g, Figures f) throws IOException {
        g.writeObjectFieldStart("quota");
        g.writeStringField("source", f.quotaSource());
        time(g, "captured_at", f.quotaCapturedAt());
        g.writeBooleanField("stale", f.quotaStale());
        AccountLimits a = f.account();
        g.writeObjectFieldStart("account");
        g.writeStringField("status", a.status());
        time(g, "reset", a.reset());
        g.writeStringField("representative_claim", a.representativeClaim());
        g.writeStringField("overage_status", a.overageStatus());
        if (a.overageInUse() == null) {
            g.writeNullField("overage_in_use");
        } else {
            g.writeBooleanField("overage_in_use", a.overageInUse());
        }
        g.writeStringField("overage_disabled_reason", a.overageDisabledReason());
        number(g, "fallback_percentage", a.fallbackPercentage());
        g.writeEndObject();
        g.writeArrayFieldStart("windows");
        for (WindowForecast w : f.windows()) {
            window(g, w, f.windowUsage().get(w.window().name()));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void window(JsonGenerator g, WindowForecast w, PricedUsage usage) throws IOException {
        QuotaWindow q = w.window();
        g.writeStartObject();
        g.writeStringField("name", q.name());
        number(g, "utilization", q.utilization());
        number(g, "percent", w.percent());
        time(g, "reset", q.reset());
        g.writeBooleanField("reset_passed", w.resetPassed());
        seconds(g, "seconds_to_reset", w.untilReset());
        g.writeStringField("status", q.status());
        number(g, "surpassed_threshold", q.surpassedThreshold());
        if (q.length() == null) {
            g.writeNullField("length_hours");
        } else {
            g.writeNumberField("length_hours", q.length().toHours());
        }
        number(g, "burn_rate_per_hour", w.burnPerHour());
        number(g, "burn_rate_per_day", w.burnPerDay());
        g.writeStringField("burn_rate_unit", w.burnShownPerDay() ? "%/d" : "%/h");
        time(g, "expiry", w.expiry());
        seconds(g, "reserve_seconds", w.reserve());
        g.writeStringField("level", w.level().name());
        g.writeStringField("quota_level", w.quotaLevel().name());
        g.writeStringField("burn_level", w.burnLevel().name());
        g.writeStringField("reserve_level", w.reserveLevel().name());
        g.writeFieldName("usage");
        if (usage == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("requests", usage.requests());
            tokens(g, "tokens", usage.tokens());
            cost(g, "cost", usage.cost());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void lastRequest(JsonGenerator g, Figures f) throws IOException {
        ApiResponse r = f.lastResponse();
        g.writeFieldName("last_request");
        if (r == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("model", r.model());
        time(g, "time", r.time());
        g.writeStringField("session_id", r.sessionId());
        g.writeStringField("message_id", r.messageId());
        g.writeStringField("request_id", r.requestId());
        tokens(g, "tokens", f.lastRequest().tokens());
        cost(g, "cost", f.lastRequest().cost());
        g.writeEndObject();
    }

    private static void session(JsonGenerator g, Figures f, Pricing pricing) throws IOException {
        SessionUsage s = f.activeSession();
        g.writeFieldName("session");
        if (s == null) {
            g.writeNull();
            return;
        }
        PricedUsage p = f.session();
        g.writeStartObject();
        g.writeStringField("id", s.sessionId());
        g.writeStringField("cwd", s.cwd());
        g.writeStringField("transcript", s.transcript() == null ? null : s.transcript().toString());
        time(g, "start", s.start());
        time(g, "last_activity", s.lastActivity());
        g.writeNumberField("requests", p.requests());
        tokens(g, "tokens", p.tokens());
        cost(g, "cost", p.cost());
        number(g, "claude_code_cost_usd", f.sessionClaudeCostUsd());
        g.writeObjectFieldStart("by_model");
        for (Map.Entry<String, TokenCounts> e : new TreeMap<>(p.tokensByModel()).entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            tokens(g, "tokens", e.getValue());
            cost(g, "cost", pricing.cost(e.getKey(), e.getValue()));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void cache(JsonGenerator g, CacheStats c) throws IOException {
        g.writeObjectFieldStart("cache");
        number(g, "current", c.current());
        number(g, "average", c.average());
        g.writeStringField("level", c.level().name());
        g.writeArrayFieldStart("history");
        for (double d : c.history()) {
            g.writeNumber(round(d, 4));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void tokens(JsonGenerator g, String name, TokenCounts t) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("input", t.input());
        g.writeNumberField("output", t.output());
        g.writeNumberField("cache_write_5m", t.cacheWrite5m());
        g.writeNumberField("cache_write_1h", t.cacheWrite1h());
        g.writeNumberField("cache_read", t.cacheRead());
        g.writeNumberField("total", t.total());
        g.writeEndObject();
    }

    static void cost(JsonGenerator g, String name, Cost c) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("input", round(c.input(), 6));
        g.writeNumberField("output", round(c.output(), 6));
        g.writeNumberField("cache_write_5m", round(c.cacheWrite5m(), 6));
        g.writeNumberField("cache_write_1h", round(c.cacheWrite1h(), 6));
        g.writeNumberField("cache_read", round(c.cacheRead(), 6));
        g.writeNumberField("total", round(c.total(), 6));
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, Double d) throws IOException {
        if (d == null || d.isNaN() || d.isInfinite()) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, round(d, 6));
        }
    }

    static void time(JsonGenerator g, String name, Instant t) throws IOException {
        g.writeStringField(name, t == null ? null : t.toString());
    }

    private static void seconds(JsonGenerator g, String name, Duration d) throws IOException {
        if (d == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, d.getSeconds());
        }
    }

    private static double round(double d, int places) {
        double f = Math.pow(10, places);
        return Math.round(d * f) / f;
    }
}

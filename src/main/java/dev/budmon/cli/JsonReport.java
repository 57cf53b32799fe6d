package dev.budmon.cli;

import dev.budmon.Version;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.budmon.calc.BindingLimit;
import dev.budmon.calc.CacheStats;
import dev.budmon.calc.Cost;
import dev.budmon.calc.Figures;
import dev.budmon.calc.Level;
import dev.budmon.calc.PaceForecast;
import dev.budmon.calc.PricedUsage;
import dev.budmon.calc.Pricing;
import dev.budmon.calc.WindowForecast;
import dev.budmon.quotacost.DollarsPerPercent;
import dev.budmon.quotacost.GroupShare;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.quotacost.WindowShares;
import dev.budmon.history.HistoryReader;
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
        write(out, f, dirs, warnings, pricing, null, null);
    }

    /**
     * Writes the report with what the quota history adds.
     *
     * @param history      the paces, binding window, shares and fits; {@code null} without a history read
     * @param historyStats what reading the history found; {@code null} without a history read
     */
    public static void write(Writer out, Figures f, List<Path> dirs, List<SourceWarning> warnings, Pricing pricing,
                             HistoryFigures history, HistoryReader.Stats historyStats) throws IOException {
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
            quota(g, f, history);
            lastRequest(g, f, history);
            session(g, f, pricing, history);
            cache(g, f.cache());
            g.writeArrayFieldStart("unknown_models");
            for (String m : f.unknownModels().stream().sorted().toList()) {
                g.writeString(m);
            }
            g.writeEndArray();
            time(g, "newest_data", f.newestData());
            history(g, history, historyStats);
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

    private static void quota(JsonGenerator g, Figures f, HistoryFigures h) throws IOException {
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
            window(g, w, f.windowUsage().get(w.window().name()), h);
        }
        g.writeEndArray();
        binding(g, f, h);
        g.writeEndObject();
    }

    private static void window(JsonGenerator g, WindowForecast w, PricedUsage usage, HistoryFigures h)
            throws IOException {
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
        String name = q.name();
        pace(g, h == null ? null : h.paces().get(name));
        worth(g, h == null ? null : h.worth().get(name), w.percent());
        shares(g, h == null ? null : h.shares().get(name));
        g.writeEndObject();
    }

    private static void pace(JsonGenerator g, PaceForecast p) throws IOException {
        number(g, "pace_per_hour", p == null ? null : p.perHour());
        number(g, "pace_per_day", p == null ? null : p.perDay());
        time(g, "pace_expiry", p == null ? null : p.expiry());
        seconds(g, "pace_reserve_seconds", p == null ? null : p.reserve());
        g.writeStringField("pace_level", p == null ? Level.NONE.name() : p.paceLevel().name());
        g.writeStringField("pace_reserve_level", p == null ? Level.NONE.name() : p.reserveLevel().name());
        g.writeNumberField("pace_observations", p == null ? 0 : p.samples());
    }

    private static void worth(JsonGenerator g, DollarsPerPercent d, Double percent) throws IOException {
        g.writeFieldName("dollars_per_percent");
        if (d == null) {
            g.writeNull();
            g.writeNullField("dollars_left");
            return;
        }
        g.writeStartObject();
        number(g, "value", d.dollarsPerPercent());
        number(g, "standard_error", d.standardError());
        g.writeNumberField("batches", d.batches());
        g.writeNumberField("percent_points", round(d.percentPoints(), 6));
        g.writeStringField("not_enough", d.notEnough());
        g.writeEndObject();
        number(g, "dollars_left", percent == null ? null : d.dollarsLeft(percent));
    }

    private static void shares(JsonGenerator g, WindowShares s) throws IOException {
        g.writeFieldName("shares");
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        time(g, "since", s.since());
        number(g, "unattributed_percent", s.unattributedPercent());
        groups(g, "by_project", "project", s.byProject());
        groups(g, "by_session", "session_id", s.bySession());
        g.writeEndObject();
    }

    private static void groups(JsonGenerator g, String field, String nameField, List<GroupShare> groups)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (GroupShare s : groups) {
            g.writeStartObject();
            g.writeStringField(nameField, s.name());
            number(g, "percent", s.percent());
            number(g, "cost", s.cost());
            g.writeNumberField("requests", s.requests());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void binding(JsonGenerator g, Figures f, HistoryFigures h) throws IOException {
        BindingLimit b = h == null ? BindingLimit.of(f.windows(), Map.of(), f.now()) : h.binding();
        g.writeFieldName("binding");
        if (b == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("window", b.window());
        time(g, "runs_out_at", b.runsOut());
        seconds(g, "seconds_to_run_out", Duration.between(f.now(), b.runsOut()));
        g.writeStringField("basis", b.basis());
        g.writeEndObject();
    }

    /** Percentage points of each window, by name; {@code null} for an unknown share. */
    private static void quotaShare(JsonGenerator g, Map<String, Double> byWindow) throws IOException {
        g.writeFieldName("quota_share");
        if (byWindow == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<String, Double> e : byWindow.entrySet()) {
            number(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void history(JsonGenerator g, HistoryFigures h, HistoryReader.Stats stats) throws IOException {
        g.writeFieldName("history");
        if (h == null || stats == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("observations", stats.observations());
        g.writeNumberField("bad_lines", stats.badLines());
        g.writeNumberField("joined_observations", h.joined().joinedObservations());
        g.writeNumberField("unmatched_request_ids", h.joined().unmatchedRequestIds());
        Duration offset = h.joined().clockOffset();
        number(g, "clock_offset_seconds", offset == null ? null : offset.toMillis() / 1000.0);
        g.writeNumberField("utilization_decreases", h.joined().decreases());
        g.writeEndObject();
    }

    private static void lastRequest(JsonGenerator g, Figures f, HistoryFigures h) throws IOException {
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
        quotaShare(g, h == null ? null : h.lastRequest());
        g.writeEndObject();
    }

    private static void session(JsonGenerator g, Figures f, Pricing pricing, HistoryFigures h) throws IOException {
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
        quotaShare(g, h == null ? null : h.session());
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

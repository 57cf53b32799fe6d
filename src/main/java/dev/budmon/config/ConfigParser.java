package dev.budmon.config;

import dev.budmon.model.ModelPrices;
import dev.budmon.model.SourceWarning;
import org.ini4j.Config;
import org.ini4j.spi.IniHandler;
import org.ini4j.spi.IniParser;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the text of {@code budmon.ini} into a {@link BudmonConfig}: pure, no I/O, never throws. Written
 * without streams and lambdas, which would cost the status line's start milliseconds. Every value
 * that is invalid, out of range or inconsistent with another falls back to its default with one warning
 * that names the key and the value; a key that is absent takes its default silently (a file may hold only
 * the keys its user cares about). Any thread.
 *
 * <p>Over 400 lines: one INI file's every key, with its range and its warning, in the order of the default file.
 */
public final class ConfigParser {

    /** Sections and their keys, in the order of the default file. */
    static final Map<String, List<String>> KNOWN_KEYS = known();

    private static final List<String> LANGUAGES = List.of("auto", "de", "en");
    private static final BigDecimal MAX_UNITS = BigDecimal.valueOf(100_000);

    private ConfigParser() {
    }

    private static Map<String, List<String>> known() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("general", List.of("language", "refresh_ms"));
        m.put("model", List.of("model"));
        m.put("prices", List.of("input", "output", "cache_write_5m", "cache_write_1h", "cache_read"));
        m.put("thresholds", List.of("quota_warn", "quota_alarm", "cache_warn", "cache_alarm", "burn_safe",
                "burn_warn", "reserve_safe"));
        m.put("statusline", List.of("elements", "max_width"));
        m.put("window", List.of("geometry"));
        m.put("alerts", List.of("notify", "quota_warn", "quota_alarm", "hysteresis", "exhaustion", "exhaustion_lead",
                "server_status", "quota_back", "no_data", "no_data_after"));
        m.put("tray", List.of("icon", "close_to_tray"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Reads the text with ini4j, configured against its traps: a private {@link Config} (never
     * {@code Config.getGlobal()}, which every {@code Ini} in the JVM shares), no backslash escapes (so
     * {@code C:\Users} stays as written), no line continuation, no includes, no variable substitution.
     *
     * @param text   the file's text
     * @param source named in the warnings, e.g. the file's path
     */
    public static LoadedConfig parse(String text, String source) {
        IniDocument doc = IniDocument.parse(text);
        List<String> messages = new ArrayList<>(doc.problems());
        Map<String, Map<String, String>> values;
        try {
            values = readWithIni4j(doc.textForIni4j());
        } catch (IOException | RuntimeException e) {
            messages.add("could not be read as INI (" + e.getMessage() + "); using all defaults");
            return new LoadedConfig(BudmonConfig.DEFAULTS, warnings(messages, source));
        }
        return interpret(values, messages, source);
    }

    /**
     * Every entry, by lower-case section and key, with values cleaned as {@link IniDocument#cleanValue}. Read
     * with ini4j's parser and a handler of our own rather than its {@code Ini} model: the model compiles a
     * regular expression for {@code ${…}} references when its class loads, which the status line would pay
     * at every start, and BudMon wants neither references nor the model.
     */
    static Map<String, Map<String, String>> readWithIni4j(String text) throws IOException {
        Config config = new Config();
        config.setEscape(false);
        config.setEscapeNewline(false);
        config.setInclude(false);
        config.setTree(false);
        config.setGlobalSection(false);
        config.setEmptyOption(false);
        config.setMultiOption(false);
        config.setMultiSection(false);
        config.setLowerCaseSection(true);
        config.setLowerCaseOption(true);
        config.setComment(false);
        Entries entries = new Entries();
        new ConfiguredParser(config).parse(new StringReader(text), entries);
        return entries.result;
    }

    /**
     * ini4j's parser with our configuration, made directly: {@code IniParser.newInstance} looks the
     * implementation up as a service (system properties, a resource search through the class path), which
     * the status line would pay at every start for the one implementation there is.
     */
    private static final class ConfiguredParser extends IniParser {
        ConfiguredParser(Config config) {
            setConfig(config);
        }
    }

    /** Collects the entries ini4j's parser reports: a section named twice is one, the last equal key wins. */
    private static final class Entries implements IniHandler {
        final Map<String, Map<String, String>> result = new LinkedHashMap<>();
        private Map<String, String> section;

        @Override
        public void startSection(String name) {
            String key = name.toLowerCase(Locale.ROOT);
            section = result.get(key);
            if (section == null) {
                section = new LinkedHashMap<>();
                result.put(key, section);
            }
        }

        @Override
        public void handleOption(String name, String value) {
            if (section != null) {
                section.put(name.toLowerCase(Locale.ROOT), IniDocument.cleanValue(value));
            }
        }

        @Override
        public void endSection() {
            section = null;
        }

        @Override
        public void startIni() {
        }

        @Override
        public void endIni() {
        }

        @Override
        public void handleComment(String comment) {
        }
    }

    static LoadedConfig interpret(Map<String, Map<String, String>> values, List<String> messages, String source) {
        List<LegacyKey> legacy = LegacyKeys.translate(values, messages);
        Interpreter in = new Interpreter(values, messages);
        BudmonConfig config = in.config();
        return new LoadedConfig(config, warnings(messages, source), legacy);
    }

    private static List<SourceWarning> warnings(List<String> messages, String source) {
        List<SourceWarning> warnings = new ArrayList<>(messages.size());
        for (String m : messages) {
            warnings.add(new SourceWarning(source, m));
        }
        return warnings;
    }

    /** A number as written in warnings and the default file: {@code 75}, {@code 0.5}, {@code 3.75}. */
    static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Whole minutes as a plain number, else an ISO-8601 duration. */
    static String plain(Duration d) {
        return d.toSecondsPart() == 0 && d.toNanosPart() == 0 ? Long.toString(d.toMinutes()) : d.toString();
    }

    /** Reads the values section by section, collecting a warning for each one it cannot use. */
    private static final class Interpreter {
        private final Map<String, Map<String, String>> values;
        private final List<String> messages;

        Interpreter(Map<String, Map<String, String>> values, List<String> messages) {
            this.values = values;
            this.messages = messages;
        }

        BudmonConfig config() {
            for (Map.Entry<String, Map<String, String>> s : values.entrySet()) {
                List<String> keys = KNOWN_KEYS.get(s.getKey());
                if (keys == null) {
                    messages.add("[" + s.getKey() + "] is not a known section; ignored");
                    continue;
                }
                for (String key : s.getValue().keySet()) {
                    if (!keys.contains(key)) {
                        messages.add("[" + s.getKey() + "] " + key + " is not a known key; ignored");
                    }
                }
            }
            BudmonConfig d = BudmonConfig.DEFAULTS;
            String language = choice("general", "language", d.language(), LANGUAGES);
            int refreshMs = (int) whole("general", "refresh_ms", d.refreshMs(), 250, 600_000);
            List<String> models = new ArrayList<>();
            for (ModelChoice c : ModelChoice.values()) {
                models.add(c.iniValue());
            }
            ModelChoice model = ModelChoice.parse(choice("model", "model", d.model().iniValue(), models));
            return new BudmonConfig(language, refreshMs, model, prices(), thresholds(), statusline(), geometry(),
                    alerts(), tray());
        }

        private AlertSettings alerts() {
            AlertSettings d = AlertSettings.DEFAULTS;
            return new AlertSettings(
                    bool("alerts", "notify", d.enabled()),
                    bool("alerts", "quota_warn", d.quotaWarn()),
                    bool("alerts", "quota_alarm", d.quotaAlarm()),
                    decimal("alerts", "hysteresis", d.hysteresis(), 0, 50, false),
                    bool("alerts", "exhaustion", d.exhaustion()),
                    duration("alerts", "exhaustion_lead", d.exhaustionLead(), Duration.ofDays(7)),
                    bool("alerts", "server_status", d.serverStatus()),
                    bool("alerts", "quota_back", d.quotaBack()),
                    bool("alerts", "no_data", d.noData()),
                    atLeastOneMinute("no_data_after", duration("alerts", "no_data_after", d.noDataAfter(),
                            Duration.ofDays(1)), d.noDataAfter()));
        }

        /** Zero minutes without quota figures would alert at the first response of every session. */
        private Duration atLeastOneMinute(String key, Duration value, Duration defaultValue) {
            if (value.compareTo(Duration.ofMinutes(1)) < 0) {
                messages.add("[alerts] " + key + " = " + plain(value) + " is below 1 minute; using "
                        + plain(defaultValue));
                return defaultValue;
            }
            return value;
        }

        private TraySettings tray() {
            TraySettings d = TraySettings.DEFAULTS;
            return new TraySettings(bool("tray", "icon", d.icon()), bool("tray", "close_to_tray", d.closeToTray()));
        }

        /** {@code on}/{@code off}, also {@code true}/{@code false}, {@code yes}/{@code no}, {@code 1}/{@code 0}. */
        private boolean bool(String section, String key, boolean defaultValue) {
            String text = defaultValue ? "on" : "off";
            String v = present(section, key, text);
            if (v == null) {
                return defaultValue;
            }
            switch (v.toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes", "1":
                    return true;
                case "off", "false", "no", "0":
                    return false;
                default:
                    invalid(section, key, v, "is not on or off", text);
                    return defaultValue;
            }
        }

        private ModelPrices prices() {
            ModelPrices d = BudmonConfig.DEFAULT_CUSTOM_PRICES;
            double input = decimal("prices", "input", d.input(), 0, 10_000, false);
            double output = decimal("prices", "output", d.output(), 0, 10_000, false);
            // Unset cache prices follow the configured input price by Anthropic's usual multipliers.
            ModelPrices standard = ModelPrices.standard(input, output);
            double write5m = decimal("prices", "cache_write_5m", standard.cacheWrite5m(), 0, 10_000, false);
            double write1h = decimal("prices", "cache_write_1h", standard.cacheWrite1h(), 0, 10_000, false);
            double read = decimal("prices", "cache_read", standard.cacheRead(), 0, 10_000, false);
            return new ModelPrices(input, output, write5m, write1h, read);
        }

        private Thresholds thresholds() {
            Thresholds d = Thresholds.DEFAULTS;
            double quotaWarn = decimal("thresholds", "quota_warn", d.quotaWarnPercent(), 1, 200, false);
            double quotaAlarm = decimal("thresholds", "quota_alarm", d.quotaAlarmPercent(), 1, 200, false);
            if (quotaWarn >= quotaAlarm) {
                inconsistent("quota_warn", quotaWarn, "below", "quota_alarm", quotaAlarm,
                        d.quotaWarnPercent(), d.quotaAlarmPercent());
                quotaWarn = d.quotaWarnPercent();
                quotaAlarm = d.quotaAlarmPercent();
            }
            double cacheWarn = decimal("thresholds", "cache_warn", d.cacheWarnRatio(), 0, 1, true);
            double cacheAlarm = decimal("thresholds", "cache_alarm", d.cacheAlarmRatio(), 0, 1, true);
            if (cacheWarn <= cacheAlarm) {
                inconsistent("cache_warn", cacheWarn, "above", "cache_alarm", cacheAlarm,
                        d.cacheWarnRatio(), d.cacheAlarmRatio());
                cacheWarn = d.cacheWarnRatio();
                cacheAlarm = d.cacheAlarmRatio();
            }
            double burnSafe = decimal("thresholds", "burn_safe", d.burnSafePerHour(), 0, 1000, false);
            double burnWarn = decimal("thresholds", "burn_warn", d.burnWarnPerHour(), 0, 1000, false);
            if (burnSafe >= burnWarn) {
                inconsistent("burn_safe", burnSafe, "below", "burn_warn", burnWarn,
                        d.burnSafePerHour(), d.burnWarnPerHour());
                burnSafe = d.burnSafePerHour();
                burnWarn = d.burnWarnPerHour();
            }
            Duration reserveSafe = duration("thresholds", "reserve_safe", d.reserveSafe(), Duration.ofDays(7));
            return new Thresholds(quotaWarn, quotaAlarm, cacheWarn, cacheAlarm, burnSafe, burnWarn, reserveSafe);
        }

        private void inconsistent(String key, double value, String relation, String otherKey, double other,
                                  double defaultValue, double otherDefault) {
            messages.add("[thresholds] " + key + " = " + plain(value) + " is not " + relation + " " + otherKey + " = "
                    + plain(other) + "; using " + plain(defaultValue) + " and " + plain(otherDefault));
        }

        private StatuslineConfig statusline() {
            StatuslineConfig d = StatuslineConfig.DEFAULTS;
            List<String> elements = d.elements();
            String raw = raw("statusline", "elements");
            if (raw != null) {
                List<String> parsed = new ArrayList<>();
                for (String element : raw.split(",")) {
                    if (!element.isBlank()) {
                        parsed.add(element.trim().toLowerCase(Locale.ROOT));
                    }
                }
                if (parsed.isEmpty()) {
                    messages.add("[statusline] elements is empty; using " + String.join(", ", d.elements()));
                } else {
                    elements = parsed;
                }
            }
            int maxWidth = (int) whole("statusline", "max_width", d.maxWidth(), 10, 1000);
            return new StatuslineConfig(elements, maxWidth);
        }

        private String geometry() {
            String raw = raw("window", "geometry");
            if (raw == null || raw.isEmpty()) {
                return null; // empty is the documented "not remembered yet"
            }
            WindowGeometry g = WindowGeometry.parse(raw);
            if (g == null) {
                messages.add("[window] geometry = \"" + IniDocument.shorten(raw)
                        + "\" is not x,y,width,height in whole pixels; ignored");
                return null;
            }
            return g.toIniValue();
        }

        /** The cleaned value, {@code null} when the key is absent. */
        private String raw(String section, String key) {
            Map<String, String> s = values.get(section);
            return s == null ? null : s.get(key);
        }

        /** The value, or {@code null} (with a warning when it is empty) when the default applies. */
        private String present(String section, String key, String defaultText) {
            String v = raw(section, key);
            if (v != null && v.isEmpty()) {
                messages.add("[" + section + "] " + key + " is empty; using " + defaultText);
                return null;
            }
            return v;
        }

        private void invalid(String section, String key, String value, String why, String defaultText) {
            messages.add("[" + section + "] " + key + " = \"" + IniDocument.shorten(value) + "\" " + why + "; using "
                    + defaultText);
        }

        private String choice(String section, String key, String defaultValue, List<String> allowed) {
            String v = present(section, key, defaultValue);
            if (v == null) {
                return defaultValue;
            }
            String lower = v.toLowerCase(Locale.ROOT);
            if (!allowed.contains(lower)) {
                invalid(section, key, v, "is not one of " + String.join(", ", allowed), defaultValue);
                return defaultValue;
            }
            return lower;
        }

        private long whole(String section, String key, long defaultValue, long min, long max) {
            String text = Long.toString(defaultValue);
            String v = present(section, key, text);
            if (v == null) {
                return defaultValue;
            }
            if (!isWhole(v)) {
                invalid(section, key, v, isNumber(v) ? "is not a whole number" : "is not a number", text);
                return defaultValue;
            }
            // More digits than any range here allows would overflow a long; they are out of range all the same.
            long n = v.length() > 12 ? Long.MAX_VALUE : Long.parseLong(v);
            if (n < min || n > max) {
                invalid(section, key, v, "is out of range (" + min + " to " + max + ")", text);
                return defaultValue;
            }
            return n;
        }

        /**
         * A decimal number; a decimal comma works too. A trailing {@code %} is allowed: for a ratio it divides
         * by 100 ({@code 50%} is 0.5), elsewhere it is only a unit.
         */
        private double decimal(String section, String key, double defaultValue, double min, double max,
                               boolean ratio) {
            String text = plain(defaultValue);
            String v = present(section, key, text);
            if (v == null) {
                return defaultValue;
            }
            String n = v;
            boolean percent = n.endsWith("%");
            if (percent) {
                n = n.substring(0, n.length() - 1).trim();
            }
            if (!isNumber(n)) {
                invalid(section, key, v, "is not a number", text);
                return defaultValue;
            }
            double d = Double.parseDouble(n.replace(',', '.'));
            if (percent && ratio) {
                d /= 100;
            }
            if (d < min || d > max) {
                invalid(section, key, v, "is out of range (" + plain(min) + " to " + plain(max) + ")", text);
                return defaultValue;
            }
            return d;
        }

        /** Minutes as a plain number, or a duration such as {@code 1h30m}, {@code 90 min}, {@code PT1H30M}. */
        private Duration duration(String section, String key, Duration defaultValue, Duration max) {
            String text = plain(defaultValue);
            String v = present(section, key, text);
            if (v == null) {
                return defaultValue;
            }
            Duration d = parseDuration(v);
            if (d == null) {
                invalid(section, key, v, "is not a duration (minutes, or e.g. 1h30m)", text);
                return defaultValue;
            }
            if (d.isNegative() || d.compareTo(max) > 0) {
                invalid(section, key, v, "is out of range (0 to " + plain(max) + " minutes)", text);
                return defaultValue;
            }
            return d;
        }
    }

    /**
     * Reads {@code 60} (minutes), {@code 1.5} (minutes), {@code 1h30m}, {@code 1 h 30 min}, {@code 2d},
     * {@code 45s} or ISO-8601 {@code PT1H30M}; {@code null} when it is none of them. By hand, not with
     * regular expressions, whose compilation the status line would pay at every start.
     */
    static Duration parseDuration(String value) {
        String t = value.trim().toLowerCase(Locale.ROOT);
        if (isNumber(t)) {
            return fractionOf(Duration.ofMinutes(1), t);
        }
        if (t.startsWith("p") || t.startsWith("-p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Duration total = Duration.ZERO;
        int i = 0;
        int n = t.length();
        boolean any = false;
        while (i < n) {
            while (i < n && isBlank(t.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && (isDigit(t.charAt(i)) || t.charAt(i) == '.' || t.charAt(i) == ',')) {
                i++;
            }
            String number = t.substring(start, i);
            if (!isNumber(number) || !isDigit(number.charAt(0)) || !isDigit(number.charAt(number.length() - 1))) {
                return null;
            }
            while (i < n && isBlank(t.charAt(i))) {
                i++;
            }
            int unitStart = i;
            while (i < n && t.charAt(i) >= 'a' && t.charAt(i) <= 'z') {
                i++;
            }
            Duration unit = switch (t.substring(unitStart, i)) {
                case "d" -> Duration.ofDays(1);
                case "h" -> Duration.ofHours(1);
                case "m", "min" -> Duration.ofMinutes(1);
                case "s" -> Duration.ofSeconds(1);
                default -> null;
            };
            if (unit == null) {
                return null;
            }
            total = total.plus(fractionOf(unit, number));
            any = true;
        }
        return any ? total : null;
    }

    private static Duration fractionOf(Duration unit, String number) {
        String n = number.replace(',', '.');
        if (n.startsWith("+")) {
            n = n.substring(1);
        }
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        BigDecimal amount = new BigDecimal(n);
        // Any amount this large is out of range anyway; the cap keeps the nanoseconds within a long.
        amount = amount.min(MAX_UNITS).max(MAX_UNITS.negate());
        return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(unit.toNanos())).longValue());
    }

    /** {@code [+-]? (digits ([.,] digits?)? | [.,] digits)}. */
    static boolean isNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        return i == n && (intDigits > 0 || fracDigits > 0);
    }

    /** {@code [+-]? digits}. */
    private static boolean isWhole(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isBlank(char c) {
        return c <= ' ';
    }

    /** Keys of a known section, for callers that offer them (e.g. a settings menu); empty for unknown ones. */
    public static Set<String> knownKeys(String section) {
        List<String> keys = KNOWN_KEYS.get(section.toLowerCase(Locale.ROOT));
        return keys == null ? Set.of() : Set.copyOf(keys);
    }
}

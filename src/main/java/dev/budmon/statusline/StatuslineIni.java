package dev.budmon.statusline;

import dev.budmon.config.Thresholds;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code [statusline]} and {@code [thresholds]} sections of {@code budmon.ini} without ini4j, which
 * would cost the status line start-up time on every call. It reads the file the way BudMon's config reader
 * does: {@code ;} and {@code #} start comment lines, and inline comments at the start of a value or after
 * whitespace; sections and keys are case-insensitive; {@code key = value} or {@code key: value}; the last of
 * several equal keys wins; one pair of surrounding double quotes is removed; backslashes are plain
 * characters. A missing file gives the defaults; a missing key its default; a value that cannot be used its
 * default and one warning naming the key and the value. Pure except {@link #read(Path)}; any thread.
 */
public final class StatuslineIni {

    /** The file's name in the Claude directory. */
    public static final String FILE_NAME = "budmon.ini";

    /** An INI file larger than this is not BudMon's; its defaults apply. */
    static final int MAX_BYTES = 1024 * 1024;

    private StatuslineIni() {
    }

    /**
     * The settings and a warning for each value that could not be used.
     *
     * @param settings the settings, defaults filled in
     * @param warnings one line per problem, e.g. {@code [thresholds] quota_warn = "abc" is not a number; using 75}
     */
    public record Result(StatuslineSettings settings, List<String> warnings) {

        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** Reads the file; a missing file gives the defaults without a warning. I/O; any thread. */
    public static Result read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return new Result(StatuslineSettings.DEFAULTS, List.of());
        } catch (IOException | RuntimeException e) {
            return new Result(StatuslineSettings.DEFAULTS, List.of("cannot be read (" + e.getMessage() + "); using the defaults"));
        }
        if (bytes.length > MAX_BYTES) {
            return new Result(StatuslineSettings.DEFAULTS, List.of("is larger than 1 MB; using the defaults"));
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Parses the text of {@code budmon.ini}. Pure; any thread. */
    public static Result parse(String text) {
        Map<String, String> statusline = new HashMap<>();
        Map<String, String> thresholds = new HashMap<>();
        Map<String, String> current = null;
        int i = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int n = text.length();
        while (i < n) {
            int end = i;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(i, end).trim();
            i = end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            if (line.isEmpty() || line.charAt(0) == ';' || line.charAt(0) == '#') {
                continue;
            }
            if (line.charAt(0) == '[') {
                int close = line.indexOf(']');
                String name = close < 0 ? "" : line.substring(1, close).trim().toLowerCase(Locale.ROOT);
                current = name.equals("statusline") ? statusline : name.equals("thresholds") ? thresholds : null;
                continue;
            }
            int op = operator(line);
            if (current == null || op <= 0) {
                continue;
            }
            String key = line.substring(0, op).trim().toLowerCase(Locale.ROOT);
            if (!key.isEmpty()) {
                current.put(key, cleanValue(line.substring(op + 1)));
            }
        }
        Values v = new Values();
        Thresholds t = v.thresholds(thresholds);
        List<String> elements = v.elements(statusline.get("elements"));
        int maxWidth = (int) v.whole("statusline", "max_width", statusline.get("max_width"),
                StatuslineSettings.DEFAULTS.maxWidth(), 10, 1000);
        return new Result(new StatuslineSettings(elements, maxWidth, t), v.warnings);
    }

    /** The first {@code =} or {@code :} separates key and value. */
    private static int operator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    /** The value without an inline comment and surrounding blanks, and without one pair of double quotes. */
    static String cleanValue(String raw) {
        String t = raw.trim();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c == ';' || c == '#') && (i == 0 || t.charAt(i - 1) <= ' ')) {
                t = t.substring(0, i).trim();
                break;
            }
        }
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Turns the raw values into settings, collecting one warning per value it cannot use. */
    private static final class Values {

        final List<String> warnings = new ArrayList<>();

        List<String> elements(String raw) {
            List<String> d = StatuslineSettings.DEFAULTS.elements();
            if (raw == null) {
                return d;
            }
            List<String> out = new ArrayList<>();
            for (String part : raw.split(",", -1)) {
                String name = part.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    out.add(name);
                }
            }
            if (out.isEmpty()) {
                warnings.add("[statusline] elements is empty; using " + String.join(", ", d));
                return d;
            }
            return out;
        }

        Thresholds thresholds(Map<String, String> s) {
            Thresholds d = Thresholds.DEFAULTS;
            double quotaWarn = decimal("quota_warn", s, d.quotaWarnPercent(), 1, 200, false);
            double quotaAlarm = decimal("quota_alarm", s, d.quotaAlarmPercent(), 1, 200, false);
            if (quotaWarn >= quotaAlarm) {
                inconsistent("quota_warn", quotaWarn, "below", "quota_alarm", quotaAlarm,
                        d.quotaWarnPercent(), d.quotaAlarmPercent());
                quotaWarn = d.quotaWarnPercent();
                quotaAlarm = d.quotaAlarmPercent();
            }
            double cacheWarn = decimal("cache_warn", s, d.cacheWarnRatio(), 0, 1, true);
            double cacheAlarm = decimal("cache_alarm", s, d.cacheAlarmRatio(), 0, 1, true);
            if (cacheWarn <= cacheAlarm) {
                inconsistent("cache_warn", cacheWarn, "above", "cache_alarm", cacheAlarm,
                        d.cacheWarnRatio(), d.cacheAlarmRatio());
                cacheWarn = d.cacheWarnRatio();
                cacheAlarm = d.cacheAlarmRatio();
            }
            double burnSafe = decimal("burn_safe", s, d.burnSafePerHour(), 0, 1000, false);
            double burnWarn = decimal("burn_warn", s, d.burnWarnPerHour(), 0, 1000, false);
            if (burnSafe >= burnWarn) {
                inconsistent("burn_safe", burnSafe, "below", "burn_warn", burnWarn,
                        d.burnSafePerHour(), d.burnWarnPerHour());
                burnSafe = d.burnSafePerHour();
                burnWarn = d.burnWarnPerHour();
            }
            Duration reserveSafe = reserve(s.get("reserve_safe"), d.reserveSafe());
            return new Thresholds(quotaWarn, quotaAlarm, cacheWarn, cacheAlarm, burnSafe, burnWarn, reserveSafe);
        }

        private void inconsistent(String key, double value, String relation, String otherKey, double other,
                                  double defaultValue, double otherDefault) {
            warnings.add("[thresholds] " + key + " = " + plain(value) + " is not " + relation + " " + otherKey
                    + " = " + plain(other) + "; using " + plain(defaultValue) + " and " + plain(otherDefault));
        }

        /** A decimal number, decimal comma allowed; a trailing {@code %} divides a ratio by 100. */
        private double decimal(String key, Map<String, String> s, double defaultValue, double min, double max,
                               boolean ratio) {
            String v = s.get(key);
            String text = plain(defaultValue);
            if (v == null) {
                return defaultValue;
            }
            if (v.isEmpty()) {
                warnings.add("[thresholds] " + key + " is empty; using " + text);
                return defaultValue;
            }
            String n = v;
            boolean percent = n.endsWith("%");
            if (percent) {
                n = n.substring(0, n.length() - 1).trim();
            }
            if (!isNumber(n)) {
                invalid("thresholds", key, v, "is not a number", text);
                return defaultValue;
            }
            double d = Double.parseDouble(n.replace(',', '.'));
            if (percent && ratio) {
                d /= 100;
            }
            if (d < min || d > max) {
                invalid("thresholds", key, v, "is out of range (" + plain(min) + " to " + plain(max) + ")", text);
                return defaultValue;
            }
            return d;
        }

        long whole(String section, String key, String v, long defaultValue, long min, long max) {
            String text = Long.toString(defaultValue);
            if (v == null) {
                return defaultValue;
            }
            if (v.isEmpty()) {
                warnings.add("[" + section + "] " + key + " is empty; using " + text);
                return defaultValue;
            }
            if (!isWhole(v)) {
                invalid(section, key, v, isNumber(v) ? "is not a whole number" : "is not a number", text);
                return defaultValue;
            }
            long n = v.length() > 12 ? Long.MAX_VALUE : Long.parseLong(v);
            if (n < min || n > max) {
                invalid(section, key, v, "is out of range (" + min + " to " + max + ")", text);
                return defaultValue;
            }
            return n;
        }

        private Duration reserve(String v, Duration defaultValue) {
            String text = plain(defaultValue.toSeconds() / 60.0);
            if (v == null) {
                return defaultValue;
            }
            if (v.isEmpty()) {
                warnings.add("[thresholds] reserve_safe is empty; using " + text);
                return defaultValue;
            }
            Duration d = parseDuration(v);
            if (d == null) {
                invalid("thresholds", "reserve_safe", v, "is not a duration (minutes, or e.g. 1h30m)", text);
                return defaultValue;
            }
            if (d.isNegative() || d.compareTo(Duration.ofDays(7)) > 0) {
                invalid("thresholds", "reserve_safe", v, "is out of range (0 to 10080 minutes)", text);
                return defaultValue;
            }
            return d;
        }

        private void invalid(String section, String key, String value, String why, String defaultText) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            warnings.add("[" + section + "] " + key + " = \"" + shown + "\" " + why + "; using " + defaultText);
        }
    }

    /**
     * Minutes as a plain number ({@code 60}, {@code 1.5}), or a duration such as {@code 1h30m},
     * {@code 1 h 30 min}, {@code 2d}, {@code 45s}, ISO-8601 {@code PT1H30M}; {@code null} when it is none.
     */
    static Duration parseDuration(String value) {
        String t = value.trim().toLowerCase(Locale.ROOT);
        if (isNumber(t)) {
            return amount(t, Duration.ofMinutes(1));
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
            while (i < n && t.charAt(i) == ' ') {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && (isAsciiDigit(t.charAt(i)) || t.charAt(i) == '.' || t.charAt(i) == ',')) {
                i++;
            }
            String number = t.substring(start, i);
            if (!isNumber(number) || number.startsWith("+") || number.startsWith("-")) {
                return null;
            }
            while (i < n && t.charAt(i) == ' ') {
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
            total = total.plus(amount(number, unit));
            any = true;
        }
        return any ? total : null;
    }

    private static Duration amount(String number, Duration unit) {
        String n = number.replace(',', '.');
        if (n.startsWith("+")) {
            n = n.substring(1);
        }
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        BigDecimal a = new BigDecimal(n);
        // Anything this large is out of range anyway; the cap keeps the nanoseconds within a long.
        a = a.min(BigDecimal.valueOf(100_000)).max(BigDecimal.valueOf(-100_000));
        return Duration.ofNanos(a.multiply(BigDecimal.valueOf(unit.toNanos())).longValue());
    }

    /** {@code [+-]? (digits ([.,] digits?)? | [.,] digits)}. */
    static boolean isNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isAsciiDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
            while (i < n && isAsciiDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        return i == n && (intDigits > 0 || fracDigits > 0);
    }

    private static boolean isWhole(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code 75}, {@code 0.5}, {@code 3.75}: the number as a person writes it. */
    static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

}

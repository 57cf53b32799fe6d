package dev.budmon.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import dev.budmon.json.JsonTrees;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BudMon's user-facing texts in one language, from {@code /lang/<language>.json} in the jar. Immutable;
 * any thread. Switching the language means taking another instance ({@link #of}) and rebuilding the texts
 * with it; there is no global current language.
 *
 * <h2>Keys</h2>
 * The files are flat JSON objects of strings. A key is {@code section.name} in lower case ({@code a-z},
 * {@code 0-9}, {@code _}, dots between parts), e.g. {@code menu.session_log}. Placeholders are {@code {0}},
 * {@code {1}}, …, replaced by the arguments' {@code String.valueOf}; nothing else is special (apostrophes are
 * plain text, unlike {@link java.text.MessageFormat}), so format numbers and times first (package
 * {@code dev.budmon.format}).
 *
 * <h2>Convention for code (a test holds every source file to it)</h2>
 * Write every key as one whole string literal in {@code src/main/java}, e.g.
 * {@code messages.get("label.reset")}, or in a constant. A key built at run time is written as a literal
 * prefix ending in a dot followed by {@code +}: {@code messages.get("weekday." + name)}; every key under that
 * prefix then counts as used. The test treats every string literal whose first part is one of the files'
 * sections ({@code menu}, {@code label}, …) as a key, so such a literal must name an existing key (or, ending
 * in a dot, an existing prefix), and a literal that merely looks like one (a file name such as
 * {@code menu.json}) needs another spelling.
 *
 * <h2>Fallbacks</h2>
 * A key missing in the language falls back to English; a key missing in English too gives the key itself,
 * so a mistake shows on screen instead of crashing.
 */
public final class Messages {

    /** The languages BudMon has files for. */
    public static final List<String> LANGUAGES = List.of("de", "en");

    private static final String ENGLISH = "en";
    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final String language;
    private final Locale locale;
    private final Map<String, String> texts;
    private final Map<String, String> fallback;

    private Messages(String language, Map<String, String> texts, Map<String, String> fallback) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        this.fallback = fallback == null ? this.texts : Collections.unmodifiableMap(new LinkedHashMap<>(fallback));
    }

    /**
     * The language a setting means: {@code de} or {@code en} as given (any case), {@code auto} (or anything
     * else) by the system locale: German for every German locale ({@code de_DE}, {@code de_AT},
     * {@code de_CH}, …), else English.
     */
    public static String resolve(String setting, Locale systemLocale) {
        String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        if (LANGUAGES.contains(s)) {
            return s;
        }
        return systemLocale != null && "de".equals(systemLocale.getLanguage()) ? "de" : ENGLISH;
    }

    /** The texts for a setting ({@code auto}, {@code de}, {@code en}); see {@link #resolve}. */
    public static Messages forSetting(String setting, Locale systemLocale) {
        return of(resolve(setting, systemLocale));
    }

    /**
     * The texts of a language, {@code de} or {@code en}; any other gives English. Loaded once and shared.
     *
     * @throws IllegalStateException when the language file is missing from the jar or is not a flat JSON
     *                               object of strings (a build mistake that the tests catch)
     */
    public static Messages of(String language) {
        String lang = LANGUAGES.contains(language) ? language : ENGLISH;
        Messages loaded = LOADED.get(lang);
        if (loaded != null) {
            return loaded;
        }
        // English first and on its own: a computeIfAbsent must not call computeIfAbsent on the same map.
        Messages english = LOADED.computeIfAbsent(ENGLISH, l -> new Messages(ENGLISH, readBundle(ENGLISH), null));
        return lang.equals(ENGLISH) ? english
                : LOADED.computeIfAbsent(lang, l -> new Messages(l, readBundle(l), english.texts));
    }

    /** English, the fallback of every other language. */
    public static Messages english() {
        return of(ENGLISH);
    }

    /** Texts from maps instead of the jar's files, for tests of the fallback rules. */
    static Messages of(String language, Map<String, String> texts, Map<String, String> english) {
        return new Messages(language, texts, english);
    }

    /** The language code, {@code de} or {@code en}. */
    public String language() {
        return language;
    }

    /** The locale for numbers in this language ({@code de}: decimal comma). */
    public Locale locale() {
        return locale;
    }

    /**
     * The text for a key with {@code {0}}, {@code {1}}, … replaced by the arguments. A placeholder without an
     * argument stays as written; extra arguments are ignored.
     */
    public String get(String key, Object... args) {
        String pattern = texts.get(key);
        if (pattern == null) {
            pattern = fallback.get(key);
        }
        if (pattern == null) {
            return key;
        }
        return args.length == 0 ? pattern : fill(pattern, args);
    }

    /** Whether this language or English has the key, e.g. to show {@code quota.<name>} only when it exists. */
    public boolean has(String key) {
        return texts.containsKey(key) || fallback.containsKey(key);
    }

    /** The keys of this language's own file, in file order. */
    public Set<String> keys() {
        return texts.keySet();
    }

    static String fill(String pattern, Object[] args) {
        StringBuilder sb = new StringBuilder(pattern.length() + 16);
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int j = i + 1;
                while (j < n && j - i <= 3 && Character.isDigit(pattern.charAt(j))) {
                    j++;
                }
                if (j > i + 1 && j < n && pattern.charAt(j) == '}') {
                    int index = Integer.parseInt(pattern, i + 1, j, 10);
                    if (index < args.length) {
                        sb.append(args[index]);
                        i = j + 1;
                        continue;
                    }
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /** Reads {@code /lang/<language>.json}. */
    static Map<String, String> readBundle(String language) {
        String resource = "/lang/" + language + ".json";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return parseBundle(in, resource);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " could not be read: " + e.getMessage(), e);
        }
    }

    /** A flat JSON object of strings, in file order; a key written twice is an error, not a silent overwrite. */
    static Map<String, String> parseBundle(InputStream in, String name) throws IOException {
        JsonNode root = JsonTrees.read(in, true);
        if (root == null || !root.isObject()) {
            throw new IllegalStateException(name + " is not a JSON object");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!e.getValue().isTextual()) {
                throw new IllegalStateException(name + ": the value of " + e.getKey() + " is not a string");
            }
            texts.put(e.getKey(), e.getValue().textValue());
        }
        return texts;
    }
}

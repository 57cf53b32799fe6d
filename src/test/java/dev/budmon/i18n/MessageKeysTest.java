package dev.budmon.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the language files and the code to the convention of {@link Messages}: both files have the same
 * keys and placeholders, and every key the code uses exists. Keys the code does not use yet are reported
 * in {@code target/i18n-unused-keys.txt}, not failed on, while the window is still being written.
 */
class MessageKeysTest {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private static Map<String, String> bundle(String language) {
        return Messages.readBundle(language);
    }

    @Test
    void everyLanguageHasExactlyTheKeysOfEnglish() {
        Set<String> english = bundle("en").keySet();
        for (String language : Messages.LANGUAGES) {
            Set<String> keys = bundle(language).keySet();
            assertThat(new TreeSet<>(keys)).as("keys of %s.json", language)
                    .containsExactlyElementsOf(new TreeSet<>(english));
        }
    }

    @Test
    void keysAreWellFormedAndTextsAreNotBlank() {
        for (String language : Messages.LANGUAGES) {
            bundle(language).forEach((key, text) -> {
                assertThat(key).as("%s.json key", language).matches(KEY);
                assertThat(text).as("%s.json %s", language, key).isNotBlank();
            });
        }
    }

    @Test
    void everyTranslationHasTheSamePlaceholdersAsEnglish() {
        Map<String, String> english = bundle("en");
        for (String language : Messages.LANGUAGES) {
            bundle(language).forEach((key, text) -> assertThat(placeholders(text))
                    .as("placeholders of %s in %s.json", key, language)
                    .isEqualTo(placeholders(english.get(key))));
        }
    }

    @Test
    void everyKeyUsedInCodeExists() throws IOException {
        Set<String> keys = bundle("en").keySet();
        List<String> missing = new ArrayList<>();
        for (Usage u : usages(keys)) {
            boolean exists = u.prefix()
                    ? keys.stream().anyMatch(k -> k.startsWith(u.key()))
                    : keys.contains(u.key());
            if (!exists) {
                missing.add(u.where() + ": " + (u.prefix() ? "no key starts with " : "no key ") + "\"" + u.key() + "\"");
            }
        }
        assertThat(missing).as("keys used in src/main/java but missing in lang/en.json").isEmpty();
    }

    @Test
    void reportsKeysTheCodeDoesNotUseYet() throws IOException {
        Set<String> keys = bundle("en").keySet();
        List<Usage> usages = usages(keys);
        Set<String> unused = new TreeSet<>();
        for (String key : keys) {
            boolean used = usages.stream().anyMatch(u -> u.prefix() ? key.startsWith(u.key()) : key.equals(u.key()));
            if (!used) {
                unused.add(key);
            }
        }
        Path report = Path.of("target", "i18n-unused-keys.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, unused.stream().collect(Collectors.joining("\n", "", unused.isEmpty() ? "" : "\n")));
        // Not a failure until the window is written; the report lists what is left.
        assertThat(report).exists();
        assertThat(unused).isSubsetOf(keys);
    }

    @Test
    void theScanFindsLiteralsAndPrefixesButNotCommentsOrLookalikes() {
        String src = """
                class X {
                    // messages.get("menu.in_a_comment")
                    /* "menu.in_a_block" */
                    String a = m.get("menu.logs");
                    String b = m.get("weekday." + day);
                    char q = '"'; String c = "menu.after_a_quote_char";
                    String d = "settings.json"; String e = "http://menu.example/";
                }
                """;
        List<Usage> found = scan(src, "X.java", Set.of("menu", "weekday"));
        assertThat(found).extracting(Usage::key, Usage::prefix).containsExactly(
                org.assertj.core.groups.Tuple.tuple("menu.logs", false),
                org.assertj.core.groups.Tuple.tuple("weekday.", true),
                org.assertj.core.groups.Tuple.tuple("menu.after_a_quote_char", false));
        assertThat(found.get(0).where()).isEqualTo("X.java:4");
    }

    /** A key (or a prefix ending in a dot) written in the code. */
    record Usage(String key, boolean prefix, String where) {
    }

    private static List<Usage> usages(Set<String> keys) throws IOException {
        Set<String> sections = keys.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
        Path root = Path.of("src", "main", "java");
        List<Usage> usages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                usages.addAll(scan(Files.readString(file), root.relativize(file).toString(), sections));
            }
        }
        assertThat(usages).as("the scan finds the keys the format package uses").isNotEmpty();
        return usages;
    }

    static List<Usage> scan(String source, String fileName, Set<String> sections) {
        List<Usage> usages = new ArrayList<>();
        for (JavaStringLiterals.Literal l : JavaStringLiterals.of(source)) {
            String v = l.value();
            int dot = v.indexOf('.');
            if (dot <= 0 || !sections.contains(v.substring(0, dot))) {
                continue;
            }
            boolean prefix = v.endsWith(".") && l.concatenated();
            usages.add(new Usage(v, prefix, fileName + ":" + l.line()));
        }
        return usages;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}

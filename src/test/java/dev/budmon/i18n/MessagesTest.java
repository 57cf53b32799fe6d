package dev.budmon.i18n;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagesTest {

    @Test
    void autoFollowsTheSystemLocale() {
        assertThat(Messages.resolve("auto", Locale.GERMANY)).isEqualTo("de");
        assertThat(Messages.resolve("auto", new Locale("de", "CH"))).isEqualTo("de");
        assertThat(Messages.resolve("auto", Locale.forLanguageTag("de-AT"))).isEqualTo("de");
        assertThat(Messages.resolve("auto", Locale.US)).isEqualTo("en");
        assertThat(Messages.resolve("auto", Locale.FRANCE)).isEqualTo("en");
        assertThat(Messages.resolve(null, null)).isEqualTo("en");
        assertThat(Messages.resolve(" DE ", Locale.US)).isEqualTo("de");
        assertThat(Messages.resolve("en", Locale.GERMANY)).isEqualTo("en");
        assertThat(Messages.forSetting("auto", Locale.GERMANY).get("menu.settings")).isEqualTo("Einstellungen");
    }

    @Test
    void eachLanguageIsOneSharedImmutableInstance() {
        Messages de = Messages.of("de");
        Messages en = Messages.of("en");
        assertThat(Messages.of("de")).isSameAs(de);
        assertThat(Messages.of("fr")).isSameAs(en).isSameAs(Messages.english());
        assertThat(de.language()).isEqualTo("de");
        assertThat(de.locale()).isEqualTo(Locale.GERMAN);
        assertThat(en.locale()).isEqualTo(Locale.ENGLISH);
        // switching is taking the other instance; the first one is unchanged
        assertThat(de.get("menu.help")).isEqualTo("Hilfe");
        assertThat(en.get("menu.help")).isEqualTo("Help");
        assertThat(de.get("menu.help")).isEqualTo("Hilfe");
        assertThatThrownBy(() -> de.keys().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsTheRealFilesWithUmlautsAndPlaceholders() {
        Messages de = Messages.of("de");
        assertThat(de.get("menu.about")).isEqualTo("Über BudMon");
        assertThat(de.get("weekday.fri")).isEqualTo("Fr");
        assertThat(de.get("quota.reset_no_request", "13:00")).isEqualTo("zurückgesetzt 13:00, seitdem keine Anfrage");
        assertThat(Messages.english().get("about.runtime", "17.0.15", "Linux"))
                .isEqualTo("Java 17.0.15 on Linux");
    }

    @Test
    void missingKeysFallBackToEnglishThenToTheKey() {
        Messages m = Messages.of("de", Map.of("a.one", "eins"), Map.of("a.one", "one", "a.two", "two {0}"));
        assertThat(m.get("a.one")).isEqualTo("eins");
        assertThat(m.get("a.two", 2)).isEqualTo("two 2");
        assertThat(m.get("a.three", 3)).isEqualTo("a.three");
        assertThat(m.has("a.two")).isTrue();
        assertThat(m.has("a.three")).isFalse();
        assertThat(m.keys()).containsExactly("a.one");
    }

    @Test
    void placeholdersAreFilledLiterallyWithApostrophesKept() {
        Messages m = Messages.of("en", Map.of(
                "k.a", "Don't stop: {0} of {1}, again {0}",
                "k.b", "{2} {x} {} {-1} {99999} '{0}' {0",
                "k.c", "{1}{0}"), null);
        assertThat(m.get("k.a", "3", 5)).isEqualTo("Don't stop: 3 of 5, again 3");
        assertThat(m.get("k.b", "A")).isEqualTo("{2} {x} {} {-1} {99999} 'A' {0");
        assertThat(m.get("k.c", "x", "y")).isEqualTo("yx");
        assertThat(m.get("k.a")).isEqualTo("Don't stop: {0} of {1}, again {0}");
        assertThat(m.get("k.c", "x", "y", "extra")).isEqualTo("yx");
        assertThat(m.get("k.c", (Object) null, null)).isEqualTo("nullnull");
    }

    @Test
    void brokenBundlesFailFastWithTheirName() {
        assertThatThrownBy(() -> Messages.parseBundle(stream("[1,2]"), "x.json"))
                .isInstanceOf(IllegalStateException.class).hasMessage("x.json is not a JSON object");
        assertThatThrownBy(() -> Messages.parseBundle(stream("{\"a.b\": 1}"), "x.json"))
                .isInstanceOf(IllegalStateException.class).hasMessage("x.json: the value of a.b is not a string");
        assertThatThrownBy(() -> Messages.parseBundle(stream("{\"a.b\": \"1\", \"a.b\": \"2\"}"), "x.json"))
                .hasMessageContaining("Duplicate field 'a.b'");
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.budmon.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The user guide's Markdown, {@code /help/help_<language>.md} in the jar (the repository's {@code help/}
 * folder). Any thread; reads a resource, so not on the EDT when it can be avoided (the files are small).
 */
public final class HelpPages {

    /** The language every other one falls back to. */
    public static final String FALLBACK = "en";

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private HelpPages() {
    }

    /**
     * The guide in this language ({@code de}, {@code en}), or in English when there is none for it.
     *
     * @throws IllegalStateException when even the English guide is missing from the build
     */
    public static String load(String language) {
        String lang = language == null ? FALLBACK : language.trim().toLowerCase(java.util.Locale.ROOT);
        if (LANGUAGE.matcher(lang).matches()) {
            String text = read(resourceName(lang));
            if (text != null) {
                return text;
            }
        }
        String english = read(resourceName(FALLBACK));
        if (english == null) {
            throw new IllegalStateException(resourceName(FALLBACK) + " is missing from the build");
        }
        return english;
    }

    /** The guide as an HTML document for a {@code JEditorPane}. */
    public static String html(String language) {
        return MarkdownHtml.document(load(language));
    }

    static String resourceName(String language) {
        return "/help/help_" + language + ".md";
    }

    private static String read(String resource) {
        try (InputStream in = HelpPages.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // An editor's byte-order mark would otherwise show as a stray character before the title.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

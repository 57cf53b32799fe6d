package dev.budmon.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Jackson's streaming API as BudMon uses it everywhere: one shared factory (no {@code ObjectMapper}, whose
 * creation costs a short-lived process a quarter of a second), copying values with numbers kept exactly as
 * written, and the pretty printer that writes what {@code JSON.stringify(v, null, 2)} writes. Pure; any thread.
 */
public final class JsonStreams {

    /** Shared and thread-safe; without a codec, the streaming API only. */
    public static final JsonFactory FACTORY = new JsonFactory();

    private JsonStreams() {
    }

    /**
     * Two-space indentation and {@code "key": value}, as {@code JSON.stringify(v, null, 2)} writes it, so that
     * a file BudMon rewrites (Claude Code's {@code settings.json}) looks as it did.
     */
    public static DefaultPrettyPrinter printer() {
        Separators s = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(s);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        return pp;
    }

    /** The value the parser is at as compact JSON text, numbers exactly as written. */
    public static String copy(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            copyStructure(p, g);
        }
        return w.toString();
    }

    /**
     * Copies the value the parser is at (a whole object or array, or a scalar) to the generator, numbers as
     * their text. Jackson's own {@code copyCurrentStructure} converts numbers, and its number parsing
     * compiles regular expressions on first use, which a short-lived process pays at every start.
     */
    public static void copyStructure(JsonParser p, JsonGenerator g) throws IOException {
        int depth = 0;
        JsonToken t = p.currentToken();
        while (t != null) {
            switch (t) {
                case START_OBJECT -> {
                    g.writeStartObject();
                    depth++;
                }
                case START_ARRAY -> {
                    g.writeStartArray();
                    depth++;
                }
                case END_OBJECT -> {
                    g.writeEndObject();
                    depth--;
                }
                case END_ARRAY -> {
                    g.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> g.writeFieldName(p.currentName());
                case VALUE_STRING -> g.writeString(p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                case VALUE_TRUE -> g.writeBoolean(true);
                case VALUE_FALSE -> g.writeBoolean(false);
                case VALUE_NULL -> g.writeNull();
                default -> throw new IOException("unexpected " + t);
            }
            if (depth == 0) {
                return;
            }
            t = p.nextToken();
        }
    }

    /** The first line of a parser's message, for a warning. */
    public static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package dev.budmon.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON into Jackson's tree model ({@link JsonNode}) with the streaming parser and the node factory,
 * without an {@code ObjectMapper}: creating the first mapper initializes date formats, locale data and the
 * type machinery of data binding, which costs the window's start tens of milliseconds of CPU for trees that
 * need none of it. The trees are the ones {@code ObjectMapper.readTree} builds with its defaults: the last
 * of two equal keys wins, integers become int, long or big-integer nodes, other numbers double nodes, content
 * after the first value is ignored. Pure; any thread.
 */
public final class JsonTrees {

    private static final JsonFactory FACTORY = JsonStreams.FACTORY;
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /**
     * The tree of {@code bytes}; {@link MissingNode} when they hold no value at all.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when they are not JSON
     */
    public static JsonNode read(byte[] bytes) throws IOException {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return read(p);
        }
    }

    /**
     * The tree of a stream, which is not closed; with {@code strictDuplicates} a key written twice in one
     * object is an error instead of the last one winning.
     */
    public static JsonNode read(InputStream in, boolean strictDuplicates) throws IOException {
        try (JsonParser p = (strictDuplicates ? STRICT : FACTORY).createParser(in)) {
            return read(p);
        }
    }

    private static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        return t == null ? MissingNode.getInstance() : value(p, t);
    }

    /** The value that starts at token {@code t}; the parser is left on its last token. */
    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    a.add(value(p, v));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                // VALUE_EMBEDDED_OBJECT and the like never come out of a text parser
                throw new IOException("unexpected JSON token " + t);
        }
    }
}

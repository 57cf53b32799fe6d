package dev.budmon.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.budmon.files.AtomicFile;
import dev.budmon.source.UsageLimitsFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes {@code usage-limits.json} byte for byte as BudMon's interceptor does ({@code JSON.stringify(content,
 * null, 2)} plus a line break, replaced atomically), with the demo's own {@code source}. I/O; any thread but the EDT.
 */
final class UsageLimitsWriter {

    /** The {@code source} field: tells a reader (and a curious user) that the figures are made up. */
    static final String SOURCE = "budmon-demo";
    /** The {@code interceptor_version} field. */
    static final String VERSION = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** JavaScript's two-space layout: {@code "key": value}, one entry per line, {@code \n} line breaks. */
    private static final ObjectWriter JS_LAYOUT = JSON.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private UsageLimitsWriter() {
    }

    /** The file's text for these headers, captured at {@code updatedAt}. Pure; any thread. */
    static String render(SortedMap<String, String> headers, Instant updatedAt) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode raw = root.putObject("headers_raw");
        for (Map.Entry<String, String> e : headers.entrySet()) {
            raw.put(e.getKey(), e.getValue());
        }
        root.put("updated_at", SessionLines.timestamp(updatedAt));
        root.put("source", SOURCE);
        root.put("interceptor_version", VERSION);
        try {
            return JS_LAYOUT.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    /**
     * Replaces {@code <dir>/usage-limits.json} atomically: a reader sees the old file or the new one, never a
     * part.
     */
    static void write(Path dir, SortedMap<String, String> headers, Instant updatedAt) throws IOException {
        AtomicFile.replace(dir.resolve(UsageLimitsFile.FILE_NAME),
                render(headers, updatedAt).getBytes(StandardCharsets.UTF_8));
    }
}

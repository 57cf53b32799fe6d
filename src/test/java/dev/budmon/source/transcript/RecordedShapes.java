package dev.budmon.source.transcript;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The shapes of the lines the real Claude Code 2.1.332 wrote (the recordings under
 * {@code src/test/resources/transcripts/real/}, without the older Node-based scenario), to check generated
 * lines against: a generated line is written as Claude Code writes it when its shape is among them.
 */
public final class RecordedShapes {

    /** The recordings in the source tree, or where {@code -Dbudmon.realTranscripts=DIR} points. */
    public static final Path RECORDINGS =
            Path.of(System.getProperty("budmon.realTranscripts", "src/test/resources/transcripts/real"));

    private RecordedShapes() {
    }

    /** The shapes of every recorded 2.1.332 line. */
    public static Set<String> recorded() throws IOException {
        Set<String> shapes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RECORDINGS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                if (f.toString().contains("tool-node-")) {
                    continue;
                }
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    shapes.add(of(ClaudeLines.JSON.readTree(l)));
                }
            }
        }
        return shapes;
    }

    /**
     * Field names in order, nested; values only by kind. {@code effort} is left out because Claude Code
     * writes it for models with an effort setting only, and the recordings hold Haiku only in text lines.
     */
    public static String of(JsonNode n) {
        return shape(n, true);
    }

    private static String shape(JsonNode n, boolean top) {
        if (n.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (top && e.getKey().equals("effort")) {
                    continue;
                }
                // Claude Code writes `null` for a missing effort and for the first line's parent.
                sb.append(e.getKey()).append(':').append(shape(e.getValue(), false)).append(',');
            }
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            return n.isEmpty() ? "[]" : "[" + shape(n.get(0), false) + "]";
        }
        return n.isNumber() ? "n" : n.isBoolean() ? "b" : "s";
    }
}

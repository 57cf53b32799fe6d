package dev.budmon.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trees equal those of {@code ObjectMapper.readTree}, which is the oracle here. */
class JsonTreesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static void assertSameAsMapper(byte[] json) throws IOException {
        JsonNode ours = JsonTrees.read(json);
        JsonNode theirs = MAPPER.readTree(json);
        assertThat(ours).isEqualTo(theirs);
        // equal nodes of different numeric kinds would compare unequal above; the kinds must match too
        assertThat(ours.toString()).isEqualTo(theirs.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}", "[]", "0", "\"text\"", "true", "null",
            "{\"a\": 1, \"b\": -2147483649, \"c\": 123456789012345678901234567890, \"d\": 0.25, \"e\": 1e400}",
            "{\"nested\": {\"list\": [1, [2, {\"x\": null}], \"s\\u00e4\\n\"], \"empty\": {}}, \"f\": false}",
            "{\"dup\": 1, \"dup\": {\"later\": true}}",
            "{\"a\": 1} trailing",
            "  [1, 2.5, -0.0, 3e-7]  "})
    void treesEqualTheMappersTrees(String json) throws IOException {
        assertSameAsMapper(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRepositorysOwnJsonFilesGiveTheMappersTrees() throws IOException {
        for (String dir : new String[] {"lang", "src/main/resources/dev/budmon/calc", "src/test/resources"}) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
                    byte[] bytes = Files.readAllBytes(f);
                    try {
                        MAPPER.readTree(bytes);
                    } catch (JsonProcessingException broken) {
                        continue; // a fixture that is broken on purpose
                    }
                    assertSameAsMapper(bytes);
                }
            }
        }
    }

    @Test
    void emptyInputIsTheMissingNode() throws IOException {
        assertThat(JsonTrees.read(new byte[0]).isMissingNode()).isTrue();
        assertThat(JsonTrees.read("  \n".getBytes(StandardCharsets.UTF_8)).isMissingNode()).isTrue();
    }

    @Test
    void brokenJsonFailsAsTheMapperDoes() {
        for (String broken : new String[] {"{\"a\": ", "{\"a\" 1}", "[1, 2", "{'a': 1}"}) {
            assertThatThrownBy(() -> JsonTrees.read(broken.getBytes(StandardCharsets.UTF_8)))
                    .as(broken).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void strictDuplicatesRefuseAKeyWrittenTwice() throws IOException {
        byte[] dup = "{\"k\": \"a\", \"k\": \"b\"}".getBytes(StandardCharsets.UTF_8);
        try (InputStream in = new ByteArrayInputStream(dup)) {
            assertThatThrownBy(() -> JsonTrees.read(in, true)).isInstanceOf(JsonProcessingException.class)
                    .hasMessageContaining("Duplicate field 'k'");
        }
        try (InputStream in = new ByteArrayInputStream(dup)) {
            assertThat(JsonTrees.read(in, false).get("k").textValue()).isEqualTo("b");
        }
    }
}

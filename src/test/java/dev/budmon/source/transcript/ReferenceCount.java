package dev.budmon.source.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.budmon.model.TokenCounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A second, deliberately plain implementation of the counting rules, to check the store against: every
 * complete line bound as a tree with Jackson databind, everything in memory, no incremental reading.
 */
record ReferenceCount(int responses, Map<String, TokenCounts> byModel, long badLines) {

    static ReferenceCount of(Path claudeDir) {
        Map<String, long[]> maxByKey = new LinkedHashMap<>();
        Map<String, String> modelByKey = new HashMap<>();
        Map<String, Boolean> allSidechainByKey = new HashMap<>();
        Map<String, Set<String>> mainKeysByMessage = new HashMap<>();
        long bad = 0;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(claudeDir.resolve("projects"))) {
            walk.filter(p -> p.toString().endsWith(".jsonl") && Files.isRegularFile(p)).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : files) {
            String text;
            try {
                text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                continue;
            }
            for (String line : text.substring(0, end).split("\n", -1)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = ClaudeLines.JSON.readTree(line);
                } catch (IOException e) {
                    bad++;
                    continue;
                }
                JsonNode usage = n.path("message").path("usage");
                if (!"assistant".equals(n.path("type").asText()) || !usage.isObject()) {
                    continue;
                }
                String model = n.path("message").path("model").asText("unknown");
                if (model.equals("<synthetic>")) {
                    continue;
                }
                String id = n.path("message").path("id").asText();
                String key = id + "\u0000" + n.path("requestId").asText("null");
                boolean sidechain = n.path("isSidechain").asBoolean(false);
                long e1h = usage.path("cache_creation").path("ephemeral_1h_input_tokens").asLong(0);
                long e5m = usage.path("cache_creation").path("ephemeral_5m_input_tokens").asLong(0);
                long[] t = {usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0),
                        Math.max(e5m, usage.path("cache_creation_input_tokens").asLong(0) - e1h), e1h,
                        usage.path("cache_read_input_tokens").asLong(0)};
                long[] max = maxByKey.computeIfAbsent(key, k -> new long[5]);
                for (int i = 0; i < 5; i++) {
                    max[i] = Math.max(max[i], t[i]);
                }
                modelByKey.putIfAbsent(key, model);
                allSidechainByKey.merge(key, sidechain, Boolean::logicalAnd);
                if (!sidechain) {
                    mainKeysByMessage.computeIfAbsent(id, k -> new HashSet<>()).add(key);
                }
            }
        }
        Map<String, TokenCounts> byModel = new HashMap<>();
        int responses = 0;
        for (Map.Entry<String, long[]> e : maxByKey.entrySet()) {
            String key = e.getKey();
            String id = key.substring(0, key.indexOf('\u0000'));
            if (allSidechainByKey.get(key) && mainKeysByMessage.containsKey(id)) {
                continue; // a replay of a main-chain response
            }
            long[] t = e.getValue();
            responses++;
            byModel.merge(modelByKey.get(key), new TokenCounts(t[0], t[1], t[2], t[3], t[4]), TokenCounts::plus);
        }
        return new ReferenceCount(responses, byModel, bad);
    }
}

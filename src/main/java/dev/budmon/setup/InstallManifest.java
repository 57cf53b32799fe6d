package dev.budmon.setup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.budmon.files.AtomicFile;
import dev.budmon.files.SafeRead;
import dev.budmon.json.JsonStreams;
import dev.budmon.json.JsonTrees;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code budmon --setup} wrote, so that a later setup or uninstall can tell BudMon's file from the user's:
 * every file's path with the SHA-256 of the content setup wrote, and every folder setup created. A file whose
 * content still has that hash is BudMon's to replace or remove; one the user changed since is left in place.
 * Kept in {@code ~/.local/share/budmon/install-manifest.json}; removed by uninstall.
 *
 * <p>Mutable; confined to one setup or uninstall run. Reading never throws: a missing or unreadable manifest
 * is empty (setup then falls back to recognising BudMon's files by their content, as before manifests).
 */
final class InstallManifest {

    static final String FILE_NAME = "install-manifest.json";

    private final Map<Path, String> files = new LinkedHashMap<>();
    private final Set<Path> folders = new LinkedHashSet<>();

    /** The manifest of this home, empty when there is none. */
    static InstallManifest read(Path file) {
        InstallManifest m = new InstallManifest();
        try {
            JsonNode root = JsonTrees.read(SafeRead.bytes(file, 1024 * 1024));
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) {
                    m.files.put(Path.of(e.getKey()), e.getValue().asText());
                }
            }
            for (JsonNode f : root.path("folders")) {
                if (f.isTextual()) {
                    m.folders.add(Path.of(f.asText()));
                }
            }
        } catch (NoSuchFileException e) {
            return m;
        } catch (IOException | RuntimeException e) {
            return new InstallManifest();
        }
        return m;
    }

    /** The hash recorded for the file, or {@code null} when setup did not record writing it. */
    String recorded(Path file) {
        return files.get(file.toAbsolutePath().normalize());
    }

    /** Whether setup recorded the file and its content is still what setup wrote. */
    boolean isUnchanged(Path file, byte[] content) {
        String hash = recorded(file);
        return hash != null && hash.equals(sha256(content));
    }

    void recordFile(Path file, byte[] content) {
        files.put(file.toAbsolutePath().normalize(), sha256(content));
    }

    void forgetFile(Path file) {
        files.remove(file.toAbsolutePath().normalize());
    }

    void recordFolders(List<Path> created) {
        for (Path p : created) {
            folders.add(p.toAbsolutePath().normalize());
        }
    }

    /** The folders setup created, deepest first: the order in which empty ones can be removed. */
    List<Path> foldersDeepestFirst() {
        List<Path> out = new ArrayList<>(folders);
        out.sort((a, b) -> Integer.compare(b.getNameCount(), a.getNameCount()));
        return out;
    }

    boolean isEmpty() {
        return files.isEmpty() && folders.isEmpty();
    }

    void write(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonStreams.FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(JsonStreams.printer());
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeObjectFieldStart("files");
            for (Map.Entry<Path, String> e : files.entrySet()) {
                g.writeStringField(e.getKey().toString(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("folders");
            for (Path f : folders) {
                g.writeString(f.toString());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        java.nio.file.Files.createDirectories(file.getParent());
        AtomicFile.replace(file, out.toByteArray());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

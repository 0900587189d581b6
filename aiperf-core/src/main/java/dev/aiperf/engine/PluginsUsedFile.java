package dev.aiperf.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plugins_used.json} in the artifact directory: every plugin class a run used, with its
 * package, version, jar and the jar's SHA-256, so that a result can be traced to the code that
 * produced it. A file of its own, so the original's export files stay byte-compatible. Written
 * atomically (a temporary file moved into place).
 */
public final class PluginsUsedFile {
    /** The file's name in the artifact directory. */
    public static final String FILE_NAME = "plugins_used.json";
    static final String SCHEMA_VERSION = "1.0";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PluginsUsedFile() {
    }

    /** Writes {@code plugins} to {@code artifactDir/plugins_used.json}, replacing any earlier file whole. */
    public static Path write(Path artifactDir, List<UsedPlugin> plugins) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", SCHEMA_VERSION);
        document.put("plugins", plugins.stream().map(PluginsUsedFile::entry).toList());
        Files.createDirectories(artifactDir);
        Path target = artifactDir.resolve(FILE_NAME);
        Path temporary = Files.createTempFile(artifactDir, FILE_NAME, ".tmp");
        try {
            Files.writeString(temporary, JSON.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    private static Map<String, Object> entry(UsedPlugin plugin) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("category", plugin.category());
        json.put("name", plugin.name());
        json.put("package", plugin.packageName());
        json.put("version", plugin.packageVersion());
        json.put("class", plugin.className());
        json.put("priority", plugin.priority());
        json.put("builtin", plugin.builtin());
        json.put("overrides_builtin", plugin.overridesBuiltin());
        json.put("jar", plugin.jar());
        json.put("jar_sha256", plugin.jarSha256());
        return json;
    }
}

package dev.aiperf.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schemas (draft 2020-12) of the manifest formats, shipped in this module under
 * {@code dev/aiperf/plugin/schema/}. Editors use them through a first line
 * {@code # yaml-language-server: $schema=...}; the CLI prints them.
 */
public final class PluginSchemas {
    /** Resource path of the {@code plugins.yaml} schema. */
    public static final String PLUGINS_SCHEMA = "dev/aiperf/plugin/schema/plugins.schema.json";
    /** Resource path of the {@code categories.yaml} schema. */
    public static final String CATEGORIES_SCHEMA = "dev/aiperf/plugin/schema/categories.schema.json";

    private PluginSchemas() {
    }

    /** The JSON Schema of {@code plugins.yaml}, as JSON text. */
    public static String pluginsSchema() {
        return read(PLUGINS_SCHEMA);
    }

    /** The JSON Schema of {@code categories.yaml}, as JSON text. */
    public static String categoriesSchema() {
        return read(CATEGORIES_SCHEMA);
    }

    private static String read(String resource) {
        try (InputStream in = PluginSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the aiperf-plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

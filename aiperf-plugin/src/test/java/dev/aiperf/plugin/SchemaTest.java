package dev.aiperf.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped JSON Schemas: valid draft 2020-12, accept every shipped manifest, and agree with the
 * registry's own parser on what is invalid.
 */
class SchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Module base directory: the shipped manifests of sibling modules are read from the source tree. */
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private static JsonSchema schema(String text) {
        return FACTORY.getSchema(text);
    }

    private static Set<ValidationMessage> validate(JsonSchema schema, String yaml) throws IOException {
        Object data = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(yaml);
        JsonNode node = JSON.valueToTree(data);
        return schema.validate(node);
    }

    @Test
    void schemasAreDraft202012AndNameThemselves() throws IOException {
        for (String text : new String[] {PluginSchemas.pluginsSchema(), PluginSchemas.categoriesSchema()}) {
            JsonNode node = JSON.readTree(text);
            assertThat(node.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(node.get("$id").asText()).startsWith("https://aiperf.dev/schema/");
            assertThat(FACTORY.getSchema(JSON.readTree(text))).isNotNull();
        }
    }

    @Test
    void theBuiltinManifestMatchesTheSchemaAndReferencesIt() throws IOException {
        Path manifest = ROOT.resolve("aiperf-core/src/main/resources/dev/aiperf/core/plugins.yaml");
        String yaml = Files.readString(manifest);

        assertThat(validate(schema(PluginSchemas.pluginsSchema()), yaml)).isEmpty();
        assertThat(yaml.lines().findFirst().orElseThrow()).startsWith("# yaml-language-server: $schema=");
        assertThat(schemaReference(manifest)).hasSameTextualContentAs(
                ROOT.resolve("aiperf-plugin/src/main/resources/" + PluginSchemas.PLUGINS_SCHEMA));
    }

    @Test
    void theShippedCategoriesMatchTheSchemaAndReferenceIt() throws IOException {
        Path categories = ROOT.resolve("aiperf-api/src/main/resources/dev/aiperf/api/categories.yaml");
        String yaml = Files.readString(categories);

        assertThat(validate(schema(PluginSchemas.categoriesSchema()), yaml)).isEmpty();
        assertThat(schemaReference(categories)).hasSameTextualContentAs(
                ROOT.resolve("aiperf-plugin/src/main/resources/" + PluginSchemas.CATEGORIES_SCHEMA));
    }

    @Test
    void theTestFixturesMatchTheSchemas() throws IOException {
        Path resources = ROOT.resolve("aiperf-plugin/src/test/resources/dev/aiperf/plugin/fixtures");
        assertThat(validate(schema(PluginSchemas.pluginsSchema()), Files.readString(resources.resolve("plugins.yaml"))))
                .isEmpty();
        assertThat(validate(schema(PluginSchemas.categoriesSchema()),
                Files.readString(resources.resolve("categories.yaml")))).isEmpty();
    }

    private static Path schemaReference(Path manifest) throws IOException {
        String first = Files.readAllLines(manifest).getFirst();
        return manifest.getParent().resolve(first.substring(first.indexOf('=') + 1).strip()).normalize();
    }

    /** Each of these is rejected by the schema and by the registry's parser alike. */
    @ParameterizedTest
    @ValueSource(strings = {
            "plugin: {name: x, homepage: y}\n",
            "plugin: {version: '1'}\n",
            "plugin: {name: x}\ngreeter: {a: {description: no class}}\n",
            "plugin: {name: x}\ngreeter: {a: {class: x.Y, clas: x.Y}}\n",
            "plugin: {name: x}\ngreeter: {a: {class: x.Y, priority: high}}\n",
            "plugin: {name: x}\ngreeter: {a: {class: x.Y, priority: 1.5}}\n",
            "plugin: {name: x}\ngreeter: {a: {class: x.Y, metadata: [1]}}\n",
            "plugin: {name: x}\ngreeter: {a: {class: '1x.Y'}}\n",
            "plugin: {name: x}\ngreeter: {a: {class: x.Y, description: 3}}\n",
            "plugin: {name: x}\ngreeter: [a]\n",
            "plugin: {name: x}\ngreeter: {a.b: {class: x.Y}}\n",
            "plugin: {name: x}\ngreeter: {a: x.Y}\n",
    })
    void parserAndSchemaAgreeOnInvalidManifests(String yaml) throws IOException {
        assertThat(validate(schema(PluginSchemas.pluginsSchema()), yaml)).as("schema").isNotEmpty();
        dev.aiperf.plugin.internal.Problems problems = new dev.aiperf.plugin.internal.Problems("test.yaml");
        dev.aiperf.plugin.internal.ManifestParser.parse(yaml, problems);
        assertThat(problems.errors()).as("parser").isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "plugin: {name: x}\n",
            "schema_version: '1.0'\ngreeter: {}\n",
            "greeter: {a: {class: x.Y}}\n",
            "schema_version: 1.0\nplugin: {name: x, version: 2.0}\ngreeter:\n",
            "plugin: {name: x}\ngreeter: {my-type: {class: 'a.b:C', priority: -3, metadata: {k: [1, 2]}}}\n",
            "plugin: {name: x}\ngreeter: {on: {class: a.B}, no: {class: a.B}}\n",
    })
    void parserAndSchemaAgreeOnValidManifests(String yaml) throws IOException {
        assertThat(validate(schema(PluginSchemas.pluginsSchema()), yaml)).as("schema").isEmpty();
        dev.aiperf.plugin.internal.Problems problems = new dev.aiperf.plugin.internal.Problems("test.yaml");
        dev.aiperf.plugin.internal.ManifestParser.parse(yaml, problems);
        assertThat(problems.errors()).as("parser").isEmpty();
    }
}

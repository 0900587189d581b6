package dev.aiperf.api;

import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.transport.TransportMetadata;
import dev.aiperf.plugin.CategoryMetadata;
import dev.aiperf.plugin.DynamicEnum;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.TypeEntry;
import dev.aiperf.plugin.ValidationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in plugins.yaml (shipped by aiperf-core, read here from the source tree because
 * aiperf-api cannot depend on aiperf-core) against the real categories: known categories only,
 * metadata that fits the typed records, and the enum each category declares.
 */
class BuiltinManifestTest {
    private static final Path MANIFEST = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("aiperf-core/src/main/resources/dev/aiperf/core/plugins.yaml");

    private final PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();

    @BeforeEach
    void load() {
        registry.loadRegistry(MANIFEST);
    }

    @Test
    void loadsAsTheBuiltinPackageWithoutWarnings() {
        assertThat(registry.problems()).isEmpty();
        assertThat(registry.listPackages(true)).containsExactly("aiperf");
        assertThat(registry.allEntries()).allMatch(TypeEntry::isBuiltin).allMatch(e -> e.priority() == 0);
        assertThat(registry.validateAll(false)).allMatch(ValidationResult::valid);
    }

    @Test
    void endpointAndTransportMetadataFitTheirRecords() {
        for (TypeEntry entry : registry.listTypes(PluginType.ENDPOINT)) {
            assertThat(entry.typedMetadata()).as(entry.name()).containsInstanceOf(EndpointMetadata.class);
        }
        EndpointMetadata chat = registry.getType(PluginType.ENDPOINT, "chat").metadata(EndpointMetadata.class);
        assertThat(chat.endpointPath()).isEqualTo("/v1/chat/completions");
        assertThat(chat.supportsStreaming()).isTrue();
        TransportMetadata http = registry.getType(PluginType.TRANSPORT, "http").metadata(TransportMetadata.class);
        assertThat(http.urlSchemes()).contains("http", "https");
    }

    @Test
    void transportIsDetectedFromTheUrlScheme() {
        assertThat(registry.detectTypeFromUrl(PluginType.TRANSPORT, "http://localhost:8000")).contains("http");
        assertThat(registry.detectTypeFromUrl(PluginType.TRANSPORT, "https://api.example.com/v1")).contains("http");
    }

    @Test
    void everyCategoryEnumIsNamedByItsDeclarationAndListsTheBuiltinNames() {
        for (PluginType<?> type : PluginType.values()) {
            CategoryMetadata category = registry.getCategoryMetadata(type);
            DynamicEnum names = registry.createEnum(type);
            assertThat(names.name()).isEqualTo(category.enumName());
            assertThat(names.values()).as(type.name())
                    .containsExactlyElementsOf(registry.listTypes(type).stream().map(TypeEntry::name).toList());
        }
        assertThat(registry.createEnum(PluginType.ENDPOINT).member("CHAT").value()).isEqualTo("chat");
    }
}

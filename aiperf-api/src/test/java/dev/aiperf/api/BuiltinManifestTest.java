package dev.aiperf.api;

import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.transport.TransportMetadata;
import dev.aiperf.plugin.CategoryMetadata;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.TypeEntry;
import dev.aiperf.plugin.ValidationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in plugins.yaml (shipped by aiperf-core, read here from the source tree because
 * aiperf-api cannot depend on aiperf-core) against the real categories: known categories only,
 * metadata that fits the typed records, and a value-class constant for every built-in name.
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
    void everyBuiltinNameHasAConstantAndEveryConstantIsBuiltin() throws Exception {
        for (PluginType<?> type : PluginType.values()) {
            CategoryMetadata category = registry.getCategoryMetadata(type);
            Set<String> builtin = registry.listTypes(type).stream().map(TypeEntry::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            List<?> constants = (List<?>) Class.forName(category.enumClass()).getMethod("constants").invoke(null);
            Set<String> constantNames = constants.stream().map(c -> ((PluginName) c).value())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(constantNames).as(category.enumClass() + " constants vs built-in " + type.name() + " names")
                    .isEqualTo(builtin);
        }
    }
}

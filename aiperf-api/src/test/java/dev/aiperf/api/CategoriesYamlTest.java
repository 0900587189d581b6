package dev.aiperf.api;

import dev.aiperf.plugin.Category;
import dev.aiperf.plugin.CategoryMetadata;
import dev.aiperf.plugin.PluginRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped categories.yaml: discovered through META-INF/aiperf.categories, every class resolves, PluginType mirrors it. */
class CategoriesYamlTest {
    private final PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();

    @AfterEach
    void close() throws IOException {
        registry.close();
    }

    @Test
    void loadsWithoutProblems() {
        assertThat(registry.discoverPlugins()).isEmpty();
        assertThat(registry.listCategories(true)).hasSize(22);
    }

    @Test
    void pluginTypeConstantsMatchCategoriesOneToOne() {
        assertThat(registry.listCategories(true))
                .containsExactlyElementsOf(PluginType.values().stream().map(Category::name).toList());
        for (PluginType<?> type : PluginType.values()) {
            assertThat(registry.getCategoryMetadata(type).protocol()).as(type.name())
                    .isEqualTo(type.protocol().getName());
        }
    }

    @Test
    void everyProtocolAndMetadataClassResolvesAndEveryCategoryNamesItsEnum() throws Exception {
        for (String name : registry.listCategories(true)) {
            CategoryMetadata category = registry.getCategoryMetadata(name);
            assertThat(Class.forName(category.protocol()).isInterface()).as(category.protocol()).isTrue();
            if (category.metadataClass() != null) {
                assertThat(Class.forName(category.metadataClass()).isRecord()).as(category.metadataClass()).isTrue();
            }
            assertThat(category.enumName()).as(name).matches("[A-Z][A-Za-z]*Type");
            assertThat(category.description()).isNotBlank();
        }
    }

    @Test
    void metadataClassesAreTheDocumentedOnes() {
        assertThat(registry.getCategoryMetadata(PluginType.ENDPOINT).metadataClass())
                .isEqualTo("dev.aiperf.api.endpoint.EndpointMetadata");
        assertThat(registry.getCategoryMetadata(PluginType.TRANSPORT).metadataClass())
                .isEqualTo("dev.aiperf.api.transport.TransportMetadata");
    }

    @Test
    void reservedCategoriesAreInternalAndHiddenFromDefaultListings() {
        assertThat(registry.listCategories(false)).doesNotContain("service", "service_manager", "communication")
                .contains("endpoint", "ramp", "plot");
        assertThat(registry.listCategories(true)).contains("service", "service_manager", "communication", "plot");
    }

    @Test
    void pluginTypeOfGivesTheConstantOrAnUntypedCategory() {
        assertThat(PluginType.of("Data-Exporter")).isSameAs(PluginType.DATA_EXPORTER);
        Category<?> custom = PluginType.of("my_category");
        assertThat(custom).isNotInstanceOf(PluginType.class);
        assertThat(custom.name()).isEqualTo("my_category");
        assertThat(custom.protocol()).isEqualTo(Object.class);
    }
}

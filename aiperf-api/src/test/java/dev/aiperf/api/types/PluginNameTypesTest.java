package dev.aiperf.api.types;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.CustomEndpoint;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The concrete value classes: built-in constants, plugin names checked against the registry, JSON. */
class PluginNameTypesTest {
    private final PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();
    private PluginRegistry previous;

    /** A config-like record, as dev.aiperf.api.config would hold one. */
    record Selection(EndpointType endpoint, TransportType transport, UiType ui) {
    }

    @BeforeEach
    void install() {
        registry.loadRegistry(Path.of(System.getProperty("user.dir")).getParent()
                .resolve("aiperf-core/src/main/resources/dev/aiperf/core/plugins.yaml"));
        previous = Plugins.setRegistry(registry);
    }

    @AfterEach
    void restore() {
        if (previous != null) {
            Plugins.setRegistry(previous);
        }
    }

    @Test
    void constantsAndOf() {
        assertThat(EndpointType.of("CHAT")).isSameAs(EndpointType.CHAT);
        assertThat(EndpointType.CHAT.category()).isSameAs(PluginType.ENDPOINT);
        assertThat(EndpointType.CHAT.entry().classPath()).isEqualTo("dev.aiperf.endpoint.ChatEndpoint");
        assertThat(ArrivalPatternType.of("concurrency-burst")).isSameAs(ArrivalPatternType.CONCURRENCY_BURST);
        assertThat(EndpointType.values()).startsWith(EndpointType.CHAT, EndpointType.COMPLETIONS, EndpointType.EMBEDDINGS);
    }

    @Test
    void pluginNamesAreAcceptedOnceRegistered() {
        assertThatThrownBy(() -> EndpointType.of("my_custom")).isInstanceOf(TypeNotFoundException.class)
                .hasMessage("Unknown endpoint type 'my_custom'. Available: chat, completions, embeddings.");

        registry.register(PluginType.ENDPOINT, "my_custom", CustomEndpoint.class, 0, false);

        assertThat(EndpointType.of("my-custom").value()).isEqualTo("my_custom");
        assertThat(EndpointType.values()).extracting(EndpointType::value).contains("my_custom");
    }

    @Test
    void typosGetSuggestions() {
        assertThatThrownBy(() -> UiType.of("progres"))
                .hasMessage("Unknown ui type 'progres'. Did you mean 'progress'? Available: none, progress, simple.");
    }

    @Test
    void valuesAreStringsInJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Selection selection = new Selection(EndpointType.CHAT, TransportType.HTTP, UiType.NONE);

        String json = mapper.writeValueAsString(selection);

        assertThat(json).isEqualTo("{\"endpoint\":\"chat\",\"transport\":\"http\",\"ui\":\"none\"}");
        assertThat(mapper.readValue(json, Selection.class)).isEqualTo(selection);
    }
}

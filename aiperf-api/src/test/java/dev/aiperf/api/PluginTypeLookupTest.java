package dev.aiperf.api;

import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.transport.Transport;
import dev.aiperf.plugin.PluginLoadException;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Plugins;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PluginType keys give typed classes at compile time and are checked against categories.yaml at run time. */
class PluginTypeLookupTest {

    @Test
    void typedKeysGiveTypedClasses() {
        PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();
        registry.register(PluginType.ENDPOINT, "custom", CustomEndpoint.class, 0, false);
        PluginRegistry previous = Plugins.setRegistry(registry);
        try {
            Class<? extends Endpoint> endpoint = Plugins.getClass(PluginType.ENDPOINT, "custom");
            Class<?> untyped = Plugins.getClass("endpoint", "custom");

            assertThat(endpoint).isSameAs(CustomEndpoint.class).isSameAs(untyped);
            assertThat(Plugins.getCategoryMetadata(PluginType.of("endpoint")).protocol())
                    .isEqualTo(Endpoint.class.getName());
        } finally {
            if (previous != null) {
                Plugins.setRegistry(previous);
            }
        }
    }

    @Test
    void aClassOutsideTheCategoryProtocolIsRejected() {
        PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();

        assertThatThrownBy(() -> registry.register("transport", "bad", CustomEndpoint.class, 0,
                false)).isInstanceOf(PluginLoadException.class).hasMessageContaining(Transport.class.getName());
    }
}

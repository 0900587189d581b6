package com.example.aiperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;
import dev.aiperf.plugin.ValidationResult;
import dev.aiperf.testkit.FreshPluginRegistry;
import dev.aiperf.testkit.PluginContexts;
import org.junit.jupiter.api.Test;

/** The guide's "Test Plugin Registration": the registry discovers this project's manifest on the class path. */
@FreshPluginRegistry
class MyCustomEndpointRegistrationTest {

    @Test
    void myPluginRegisters(PluginRegistry registry) {
        registry.discoverPlugins();

        TypeEntry entry = registry.getType(PluginType.ENDPOINT, "my_custom");
        assertEquals("aiperf-my-plugin", entry.packageName());
        assertEquals(10, entry.priority());
        assertFalse(entry.isBuiltin());
        assertEquals(MyCustomEndpoint.class.getName(), entry.classPath());
    }

    @Test
    void theEndpointReceivesTheManifestMetadataInItsContext(PluginRegistry registry) {
        EndpointContext context = PluginContexts.endpoint(registry, "my_custom", true);

        assertEquals("/v1/custom", context.metadata().endpointPath());
        assertTrue(context.metadata().supportsStreaming());
        assertTrue(new MyCustomEndpoint(context).formatPayload(MyCustomEndpointTest.requestFor(
                dev.aiperf.api.model.Turn.ofText("Hi", 8))).get("stream").asBoolean());
    }

    @Test
    void theEntryValidatesWithoutLoadingTheClass(PluginRegistry registry) {
        ValidationResult result = registry.getType(PluginType.ENDPOINT, "my_custom").validate(true);

        assertTrue(result.valid(), result.error());
    }

    @Test
    void theFacadeResolvesTheNameToTheClass() {
        assertEquals(MyCustomEndpoint.class, Plugins.getClass(PluginType.ENDPOINT, "my-custom"));
        assertEquals("my_custom", Plugins.findRegisteredName(PluginType.ENDPOINT, MyCustomEndpoint.class).orElseThrow());
    }
}

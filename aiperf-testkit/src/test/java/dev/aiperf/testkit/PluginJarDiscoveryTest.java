package dev.aiperf.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.TypeEntry;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar built by {@link PluginJarBuilder} is discovered by a real registry, from a plugins directory and a class path. */
class PluginJarDiscoveryTest {
    static final String ENDPOINT_SOURCE = """
            package com.example;

            import com.fasterxml.jackson.databind.node.JsonNodeFactory;
            import com.fasterxml.jackson.databind.node.ObjectNode;
            import dev.aiperf.api.endpoint.Endpoint;
            import dev.aiperf.api.model.InferenceResponse;
            import dev.aiperf.api.model.ParsedResponse;
            import dev.aiperf.api.model.RequestInfo;

            public class EchoEndpoint implements Endpoint {
                public ObjectNode formatPayload(RequestInfo info) {
                    return JsonNodeFactory.instance.objectNode().put("prompt", info.currentTurn().allTexts().get(0));
                }
                public ParsedResponse parseResponse(InferenceResponse response) {
                    return null;
                }
            }
            """;
    static final String MANIFEST = """
            schema_version: "1.0"
            plugin:
              name: echo-plugin
              version: 2.0.0
            endpoint:
              echo:
                class: com.example.EchoEndpoint
                description: Echoes the prompt
                priority: 10
                metadata:
                  endpoint_path: /v1/echo
                  supports_streaming: true
            """;

    @TempDir
    Path pluginsDir;

    @Test
    void aJarInThePluginsDirectoryIsDiscoveredAndLoadsLazily() throws Exception {
        PluginJarBuilder.named("echo-plugin").source("com.example.EchoEndpoint", ENDPOINT_SOURCE)
                .manifest(MANIFEST).build(pluginsDir);

        try (PluginRegistry registry = PluginRegistry.builder().pluginsDir(pluginsDir).build()) {
            TypeEntry echo = registry.getType(PluginType.ENDPOINT, "echo");
            assertThat(echo.packageName()).isEqualTo("echo-plugin");
            assertThat(echo.priority()).isEqualTo(10);
            assertThat(echo.isBuiltin()).isFalse();
            assertThat(echo.isLoaded()).isFalse();
            assertThat(echo.metadata(EndpointMetadata.class).endpointPath()).isEqualTo("/v1/echo");
            // The context a run would build the endpoint from: the manifest's metadata and a default config.
            var context = PluginContexts.endpoint(registry, "echo", true);
            assertThat(context.metadata().endpointPath()).isEqualTo("/v1/echo");
            assertThat(context.metadata().supportsStreaming()).isTrue();
            assertThat(context.config().endpoint().streaming()).isTrue();
            assertThat(context.config().endpoint().type()).isEqualTo("echo");

            Class<? extends Endpoint> cls = registry.getClass(PluginType.ENDPOINT, "echo");
            assertThat(cls.getName()).isEqualTo("com.example.EchoEndpoint");
            assertThat(cls.getClassLoader()).isNotSameAs(getClass().getClassLoader());
            assertThat(cls.getConstructor().newInstance()).isInstanceOf(Endpoint.class);
            assertThat(registry.problems()).isEmpty();
        }
    }

    @Test
    void aJarOnTheClassPathIsDiscoveredThroughItsIndex() throws Exception {
        Path jar = PluginJarBuilder.named("echo-plugin").source("com.example.EchoEndpoint", ENDPOINT_SOURCE)
                .manifest("com/example/plugins.yaml", MANIFEST).build(pluginsDir.resolve("lib"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
             PluginRegistry registry = PluginRegistry.builder().classLoader(loader).pluginsDir(null).build()) {
            assertThat(registry.listPackages(false)).contains("echo-plugin");
            assertThat(registry.getType(PluginType.ENDPOINT, "echo").location().file()).endsWith("com/example/plugins.yaml");
        }
    }

    @Test
    void aJarWithoutIndexIsReportedAndSkipped() throws Exception {
        PluginJarBuilder.named("unindexed").source("com.example.EchoEndpoint", ENDPOINT_SOURCE)
                .manifest(MANIFEST).withoutIndex().build(pluginsDir);

        try (PluginRegistry registry = PluginRegistry.builder().pluginsDir(pluginsDir).build()) {
            assertThat(registry.listPackages(false)).doesNotContain("echo-plugin");
            assertThat(registry.problems()).singleElement()
                    .satisfies(p -> assertThat(p.source()).endsWith("unindexed.jar"));
        }
    }
}

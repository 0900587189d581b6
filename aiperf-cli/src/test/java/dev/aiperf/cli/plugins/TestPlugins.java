package dev.aiperf.cli.plugins;

import dev.aiperf.testkit.PluginJarBuilder;
import java.nio.file.Path;

/** Plugin jars built for the CLI tests with the testkit's {@link PluginJarBuilder}. */
final class TestPlugins {
    /** An endpoint class named {@code className} in package {@code com.acme}. */
    static String endpointSource(String className) {
        return """
                package com.acme;

                import com.fasterxml.jackson.databind.node.JsonNodeFactory;
                import com.fasterxml.jackson.databind.node.ObjectNode;
                import dev.aiperf.api.endpoint.Endpoint;
                import dev.aiperf.api.model.InferenceResponse;
                import dev.aiperf.api.model.ParsedResponse;
                import dev.aiperf.api.model.RequestInfo;

                public class %s implements Endpoint {
                    static { if (true) throw new IllegalStateException("plugin code must not run during validation"); }
                    public ObjectNode formatPayload(RequestInfo info) { return JsonNodeFactory.instance.objectNode(); }
                    public ParsedResponse parseResponse(InferenceResponse response) { return null; }
                }
                """.formatted(className);
    }

    /** A public class that implements no category interface. */
    static final String NOT_AN_ENDPOINT = "package com.acme; public class NotAnEndpoint { }";

    /**
     * A plugin whose endpoint {@code impostor} names a class that implements no interface (and whose
     * static initialiser throws, so a check that initialised it would fail loudly).
     */
    static Path impostorJar(Path dir) {
        return PluginJarBuilder.named("impostor-plugin")
                .source("com.acme.Impostor", """
                        package com.acme;

                        public class Impostor {
                            static { if (true) throw new IllegalStateException("plugin code must not run"); }
                        }
                        """)
                .manifest("com/acme/plugins.yaml", """
                        schema_version: "1.0"
                        plugin:
                          name: impostor-plugin
                          version: 0.0.1
                        endpoint:
                          impostor:
                            class: com.acme.Impostor
                            description: Says it is an endpoint
                        """)
                .build(dir);
    }

    /** The manifest of the acme plugin: endpoint {@code acme} at priority 10. */
    static final String ACME_MANIFEST = """
            schema_version: "1.0"
            plugin:
              name: acme-plugin
              version: 1.2.3
              description: Acme endpoints
            endpoint:
              acme:
                class: com.acme.AcmeEndpoint
                description: The Acme API
                priority: 10
                metadata:
                  endpoint_path: /v1/acme
                  supports_streaming: true
            """;

    /** The acme plugin: {@code acme-plugin.jar} in {@code dir}. */
    static Path acmeJar(Path dir) {
        return PluginJarBuilder.named("acme-plugin")
                .source("com.acme.AcmeEndpoint", endpointSource("AcmeEndpoint"))
                .manifest("com/acme/plugins.yaml", ACME_MANIFEST)
                .build(dir);
    }

    /** A plugin registering its own {@code chat} endpoint at the given priority. */
    static Path chatOverrideJar(Path dir, int priority) {
        return PluginJarBuilder.named("better-chat")
                .source("com.acme.BetterChatEndpoint", endpointSource("BetterChatEndpoint"))
                .manifest("""
                        schema_version: "1.0"
                        plugin:
                          name: better-chat
                          version: 0.1.0
                        endpoint:
                          chat:
                            class: com.acme.BetterChatEndpoint
                            description: A better chat endpoint
                            priority: %d
                        """.formatted(priority))
                .build(dir);
    }

    private TestPlugins() {
    }
}

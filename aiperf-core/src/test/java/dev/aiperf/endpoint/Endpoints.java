package dev.aiperf.endpoint;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.plugin.Plugins;

/** The built-in endpoints built as a run builds them: with their metadata from the built-in plugins.yaml. */
public final class Endpoints {

    private Endpoints() {
    }

    /** The typed metadata of built-in endpoint {@code name}, read through the registry. */
    public static EndpointMetadata metadata(String name) {
        return Plugins.getType(PluginType.ENDPOINT, name).metadata(EndpointMetadata.class);
    }

    public static EndpointContext context(String name, BenchmarkConfig config) {
        return new EndpointContext(config, metadata(name));
    }

    public static ChatEndpoint chat(BenchmarkConfig config) {
        return new ChatEndpoint(context("chat", config));
    }

    public static CompletionsEndpoint completions(BenchmarkConfig config) {
        return new CompletionsEndpoint(context("completions", config));
    }

    public static EmbeddingsEndpoint embeddings(BenchmarkConfig config) {
        return new EmbeddingsEndpoint(context("embeddings", config));
    }
}

package dev.aiperf.testkit;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.OutputConfig;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.plugin.PluginRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The context objects the engine builds plugins from, made for tests: a plugin with a context
 * constructor (e.g. {@code MyEndpoint(EndpointContext)}) is built in a unit test the way a run builds
 * it, with the metadata its own plugins.yaml declares.
 *
 * <pre>{@code
 * EndpointContext context = PluginContexts.endpoint(registry, "my_custom", true);
 * MyEndpoint endpoint = new MyEndpoint(context);
 * }</pre>
 */
public final class PluginContexts {

    private PluginContexts() {
    }

    /**
     * A configuration with the original's defaults: model {@code test-model} at {@code localhost:8000},
     * endpoint {@code endpointType}, 10 requests at concurrency 1, random seed 42, artifacts in
     * {@code artifacts/}, no UI.
     */
    public static BenchmarkConfig config(String endpointType, boolean streaming) {
        EndpointConfig endpoint = new EndpointConfig(List.of("test-model"), "round_robin", endpointType, null,
                streaming, List.of("localhost:8000"), 600, null, null, false, false, "pooled", List.of(), List.of());
        InputConfig input = new InputConfig(null, null, null, 42L, 1, 550, 0, null, 0, null, 0, 0, null, null, 100, 1,
                0, 0, 0, 1.0);
        LoadConfig load = new LoadConfig("request_rate", 1, null, LoadConfig.CONCURRENCY_BURST, null, 10, null, null,
                30, null, null);
        OutputConfig output = new OutputConfig(Path.of("artifacts"), "records", "none", Map.of(), "cl100k_base",
                "aiperf profile");
        return new BenchmarkConfig(endpoint, input, load, output);
    }

    /**
     * The context of endpoint {@code name} as a run builds it: {@link #config} for that endpoint type,
     * and the typed metadata of the entry registered under {@code name} in {@code registry}.
     *
     * @param streaming whether the configuration asks for {@code --streaming}
     */
    public static EndpointContext endpoint(PluginRegistry registry, String name, boolean streaming) {
        EndpointMetadata metadata = registry.getType(PluginType.ENDPOINT, name).metadata(EndpointMetadata.class);
        return new EndpointContext(config(name, streaming), metadata);
    }
}

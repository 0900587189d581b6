package dev.aiperf.api.endpoint;

/**
 * What the engine needs to know about an endpoint type before using it; the typed form of an
 * {@code endpoint} entry's {@code metadata} in plugins.yaml.
 *
 * @param endpointPath       default path appended to the base URL, or null to use the URL as is
 * @param streamingPath      path used when streaming, or null for {@code endpointPath}
 * @param supportsStreaming  whether {@code --streaming} applies
 * @param producesTokens     whether responses carry generated tokens (enables token metrics)
 * @param tokenizesInput     whether input tokens are counted
 * @param supportsImages     accepts image inputs
 * @param supportsAudio      accepts audio inputs
 * @param metricsTitle       console table title, e.g. {@code LLM Metrics}
 * @param serviceKind        used in artifact directory names; {@code openai} when not given (spec §4)
 */
public record EndpointMetadata(String endpointPath, String streamingPath, boolean supportsStreaming,
                               boolean producesTokens, boolean tokenizesInput, boolean supportsImages,
                               boolean supportsAudio, String metricsTitle, String serviceKind) {

    /** The original's default service kind, used in the default artifact directory name. */
    public static final String DEFAULT_SERVICE_KIND = "openai";

    public EndpointMetadata {
        serviceKind = serviceKind == null ? DEFAULT_SERVICE_KIND : serviceKind;
    }
}

package dev.aiperf.api.endpoint;

/**
 * What the engine needs to know about an endpoint type before using it; the typed form of an
 * {@code endpoint} entry's {@code metadata} in plugins.yaml. The keys are the original's (upstream
 * plugins.yaml), so a manifest written for it reads here too.
 *
 * @param endpointPath          default path appended to the base URL, or null to use the URL as is
 * @param streamingPath         path used when streaming, or null for {@code endpointPath}
 * @param supportsStreaming     whether {@code --streaming} applies
 * @param producesTokens        whether responses carry generated tokens (enables token metrics)
 * @param tokenizesInput        whether input tokens are counted
 * @param supportsImages        accepts image inputs
 * @param supportsAudio         accepts audio inputs
 * @param metricsTitle          console table title, e.g. {@code LLM Metrics}
 * @param serviceKind           used in artifact directory names; {@code openai} when not given (spec §4)
 * @param supportsVideos        accepts video inputs
 * @param producesImages        responses carry generated images (enables the image metrics)
 * @param producesVideos        responses carry generated videos
 * @param consumesSystemMessage the shared system prompt is sent (chat, responses)
 * @param supportsCacheBust     a cache-bust marker can be placed in the prompt
 * @param requiresFormData      the body is {@code multipart/form-data}
 * @param requiresPolling       the API answers with a job that must be polled
 * @param requiresInlineMedia   media must be sent inline (data URIs), never as URLs
 */
public record EndpointMetadata(String endpointPath, String streamingPath, boolean supportsStreaming,
                               boolean producesTokens, boolean tokenizesInput, boolean supportsImages,
                               boolean supportsAudio, String metricsTitle, String serviceKind,
                               boolean supportsVideos, boolean producesImages, boolean producesVideos,
                               boolean consumesSystemMessage, boolean supportsCacheBust, boolean requiresFormData,
                               boolean requiresPolling, boolean requiresInlineMedia) {

    /** The original's default service kind, used in the default artifact directory name. */
    public static final String DEFAULT_SERVICE_KIND = "openai";

    public EndpointMetadata {
        serviceKind = serviceKind == null ? DEFAULT_SERVICE_KIND : serviceKind;
    }

    /** The first nine keys; every later one off. Kept for plugins built against the smaller record. */
    public EndpointMetadata(String endpointPath, String streamingPath, boolean supportsStreaming,
                            boolean producesTokens, boolean tokenizesInput, boolean supportsImages,
                            boolean supportsAudio, String metricsTitle, String serviceKind) {
        this(endpointPath, streamingPath, supportsStreaming, producesTokens, tokenizesInput, supportsImages,
                supportsAudio, metricsTitle, serviceKind, false, false, false, false, false, false, false, false);
    }
}
